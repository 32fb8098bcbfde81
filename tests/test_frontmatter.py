"""The front-matter reader: plain values, line numbers, and what it refuses."""

import pytest

from docket.archive.frontmatter import (
    DuplicateKey,
    FrontMatterError,
    parse_front_matter,
)


def test_yaml_1_1_surprises_stay_the_strings_written():
    values = parse_front_matter("a: no\nb: on\nc: 12:30\nd: 02134\ne: 1.10\nf: yes\ng: 2021-05-22").values
    assert values == {"a": "no", "b": "on", "c": "12:30", "d": "02134", "e": "1.10", "f": "yes", "g": "2021-05-22"}


def test_empty_and_null_values_are_none_but_quoted_empty_is_text():
    assert parse_front_matter('a:\nb: ~\nc: null\nd: ""').values == {"a": None, "b": None, "c": None, "d": ""}


def test_every_value_keeps_its_line():
    front = parse_front_matter("title: x\nsenders:\n  - a\n  - b\nsource:\n  url: u\n")
    assert front.lines[("senders", 1)] == 3
    assert front.lines[("source", "url")] == 5
    assert front.line_of(("source", "missing")) == 4


@pytest.mark.parametrize(
    "text, message, line",
    [
        ("a: &x 1\nb: *x", "YAML anchor '&x' is not allowed", 0),
        ("a: !!python/object/apply:os.system [ls]", "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed", 0),
        ("- a\n- b", "the front-matter is not a mapping of fields", 0),
        ("a: 1\nb:\n\t- c", "a tab in the indentation", 2),
        ("a: [1, 2", "YAML syntax error: did not find expected ',' or ']'", 0),
    ],
)
def test_refused(text, message, line):
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(text)
    assert caught.value.message == message
    assert caught.value.line == line


def test_duplicate_key_names_both_lines():
    with pytest.raises(DuplicateKey) as caught:
        parse_front_matter("title: a\ndate: 2021\ntitle: b")
    assert (caught.value.first, caught.value.line) == (0, 2)


def test_hint_to_quote_values_that_start_with_yaml_syntax():
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter("title: *Important* letter")
    assert caught.value.hint == 'put the value in quotes: "*Important* letter"'


def test_oversized_front_matter_is_refused():
    with pytest.raises(FrontMatterError, match="over 64 KB"):
        parse_front_matter("a: " + "x" * 70_000)


@pytest.mark.parametrize(
    "line, hint",
    [
        ("title: [Draft] letter", 'put the value in quotes: "[Draft] letter"'),
        ("title: @home", 'put the value in quotes: "@home"'),
        ("title: `code`", 'put the value in quotes: "`code`"'),
        ("title: Re: your letter", 'put the value in quotes: "Re: your letter"'),
    ],
)
def test_yaml_errors_suggest_quotes(line, hint):
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(line)
    assert caught.value.message.startswith("YAML syntax error")
    assert caught.value.hint == hint
