"""The ``docket`` command: init, new, check, build, serve.

Commands only parse arguments and call the stage functions; what they print is the
problems (on stderr, sorted, one per line) and one summary line. Exit codes: 0 success,
1 problems in the site, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docket import __version__
from docket.archive.kinds import KINDS
from docket.commands.importer import add_import_command
from docket.commands.scaffold import LetterFacts, ScaffoldError, init_site, new_record
from docket.commands.schemas import SCHEMA_FOLDER, ensure_schema, write_schemas
from docket.engine.build import BuildResult, build, check, count, suggested
from docket.engine.memory import leave_to_exit
from docket.engine.progress import no_progress, terminal_progress
from docket.errors import BuildFailed, Problems


def _print_problems(problems: Problems) -> None:
    for problem in problems.sorted():
        print(problem.format(), file=sys.stderr)


def cmd_init(args: argparse.Namespace) -> int:
    try:
        files = init_site(Path(args.directory))
    except ScaffoldError as exc:
        print(f"docket init: {exc}", file=sys.stderr)
        return 1
    print(f"Created a new docket site in {args.directory} ({len(files)} files).")
    print(f"Next: cd {args.directory} && docket serve")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    site_dir = Path(args.site)
    facts = LetterFacts(tuple(args.senders or ()), tuple(args.recipients or ()), args.date or "")
    try:
        path = new_record(site_dir, args.kind, args.id, args.title or "", facts)
    except ScaffoldError as exc:
        for line in str(exc).splitlines():
            print(f"docket new: {line}", file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(site_dir).as_posix()}")
    if ensure_schema(site_dir, args.kind):
        print(f"Wrote the editor schemas into {SCHEMA_FOLDER}/ (see 'docket schema').")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    site_dir = Path(args.site)
    target = Path(args.output) if args.output else site_dir / SCHEMA_FOLDER
    written = write_schemas(target)
    print(f"Wrote {count(len(written), 'schema')} to {target}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    checked = check(Path(args.site).absolute())
    _print_problems(checked.problems)
    errors, warnings = len(checked.problems.errors), len(checked.problems.warnings)
    site = checked.site
    counted = f"{count(len(site.letters), 'letter')} and {count(len(site.entities), 'entity', 'entities')}"
    if errors or (args.strict and warnings):
        print(f"Found {count(errors, 'error')} and {count(warnings, 'warning')}{suggested(checked.problems)} in {counted}.")
        return 1
    print(f"Checked {counted}: no errors, {count(warnings, 'warning')}{suggested(checked.problems)}.")
    return 0



def cmd_report(args: argparse.Namespace) -> int:
    from docket.archive.report import report
    from docket.commands.report import html_page, terminal, write_page

    checked = check(Path(args.site).absolute())
    lacks = report(checked.site)
    errors = len(checked.problems.errors)
    if errors:
        print(f"The archive has {count(errors, 'error')}, which 'docket check' lists; the report covers what could be read.", file=sys.stderr)
    if args.html:
        write_page(Path(args.html), html_page(lacks, checked.site, checked.config))
        print(f"Wrote {args.html}: {count(sum(len(lack.items) for lack in lacks), 'gap')} in {count(len(lacks), 'list')}.")
    else:
        print(terminal(lacks, show_all=args.all), end="")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    site_dir = Path(args.site).absolute()
    output = Path(args.output).absolute() if args.output else None
    shown = terminal_progress()
    try:
        result = build(site_dir, output, strict=args.strict, search=False if args.no_search else None, progress=shown or no_progress, workers=args.jobs, clean=args.clean)
    except BuildFailed as exc:
        if shown:
            shown.clear()
        _print_problems(exc.problems)
        print(f"Build failed: {exc.summary}. Nothing was written; the previous site is unchanged.", file=sys.stderr)
        return 1
    if shown:
        shown.clear()
    _print_problems(result.problems)
    if args.profile:
        _print_profile(result)
    print(result.summary())
    return 0


def _print_profile(result: BuildResult) -> None:
    total = result.seconds or 1.0
    for stage, seconds in result.timings.items():
        print(f"  {stage:<10} {seconds:8.3f} s  {100 * seconds / total:5.1f} %")


def cmd_serve(args: argparse.Namespace) -> int:
    from docket.commands.serve import serve

    return serve(Path(args.site).absolute(), host=args.host, port=args.port, search=not args.no_search)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="docket", description="Build a documentary website from a folder of Markdown letters.")
    parser.add_argument("--version", action="version", version=f"docket {__version__}")
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("--site", default=".", metavar="DIR", help="the site folder (holding docket.toml and content/); default: the current folder")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("init", help="create a new site folder with a sample letter")
    p.add_argument("directory", help="the folder to create")
    p.set_defaults(run=cmd_init)

    p = commands.add_parser("new", parents=[site], help="write the skeleton of a new letter or entity")
    p.add_argument("kind", choices=list(KINDS), help="what to create")
    p.add_argument("id", help="its id: the file name without .md, e.g. 2021-05-22-haniyeh-to-khamenei")
    p.add_argument("--title", help="title (letters) or name (entities)")
    p.add_argument("--from", dest="senders", action="append", metavar="ID", help="a letter's sender (repeat for several)")
    p.add_argument("--to", dest="recipients", action="append", metavar="ID", help="a letter's recipient (repeat for several)")
    p.add_argument("--date", metavar="EDTF", help="a letter's date, e.g. 2021-05-22 or 2021-05~")
    p.set_defaults(run=cmd_new)

    p = commands.add_parser("schema", parents=[site], help="write the JSON Schemas of the front-matter, for editors' YAML tools")
    p.add_argument("--output", metavar="DIR or FILE", help="a folder for one schema per kind (default: schemas/ in the site), or a .json file for one schema of every kind")
    p.set_defaults(run=cmd_schema)

    p = commands.add_parser("check", parents=[site], help="report every problem in the content, build nothing")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("report", parents=[site], help="list what the archive still lacks: authority ids, source addresses, dates, letters")
    p.add_argument("--html", metavar="FILE", help="write the report as a page, every record linked to its page on the built site")
    p.add_argument("--all", action="store_true", help="list every record in the terminal, not the first 20 of each gap")
    p.set_defaults(run=cmd_report)

    p = commands.add_parser("build", parents=[site], help="build the site into site/")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--no-search", action="store_true", help="skip the search index (quicker local builds)")
    p.add_argument("--profile", action="store_true", help="print the time each stage took")
    p.add_argument("--output", metavar="DIR", help="where to write the site (default: site/ in the site folder)")
    p.add_argument("--clean", action="store_true", help="ignore what the last build kept in .docket-cache/ and build everything afresh")
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="processes to read and render with (default: one per core); the output is the same for any N")
    p.set_defaults(run=cmd_build)

    p = commands.add_parser("serve", parents=[site], help="build, serve on 127.0.0.1 and rebuild on every change")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--no-search", action="store_true", help="skip the search index")
    p.set_defaults(run=cmd_serve)

    add_import_command(commands, site)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Interrupted; the previous site is unchanged.", file=sys.stderr)
        return 130


def run() -> None:
    """The ``docket`` command."""
    code = main()
    leave_to_exit()
    sys.exit(code)


if __name__ == "__main__":
    run()
