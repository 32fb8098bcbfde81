"""Letters per year as a bar chart, binned by decade or century when the years are many.

At most ``MAX_BARS`` bars whatever the span — 1 year or 5,000 — so the picture's size is
bounded; each bar with a value on it when there is room, the largest always. The table
gives every bar that has letters.
"""

from __future__ import annotations

import math
from collections import Counter

from docket.archive.days import year_words
from docket.site.pictures.svg import Picture, element, svg, text
from docket.site.timeline import UNDATED

MAX_BARS = 60
STEPS = (1, 10, 100, 1000)
WIDTH, HEIGHT = 480, 190
LEFT, RIGHT, TOP, BOTTOM = 34, 6, 20, 26
LABEL_ROOM = 52  # px an axis label needs
VALUE_ROOM = 30  # px a bar needs for its value on top
AXIS_CHAR = 9.0  # px a character of an axis label takes at most (15 px type, on a phone)
AXIS_GAP = 6.0  # px between two axis labels


def bins(years: Counter[str]) -> tuple[int, list[tuple[int, int]]]:
    """(step, [(first year of the bin, letters)]) for every bin from the first to the last."""
    dated = {int(slug): n for slug, n in years.items() if slug != UNDATED and n}
    first, last = min(dated), max(dated)
    step = next((s for s in STEPS if last // s - first // s + 1 <= MAX_BARS), 0)
    while not step or last // step - first // step + 1 > MAX_BARS:  # years far apart (Y170000002)
        step = step * 10 or STEPS[-1] * 10
    counts: Counter[int] = Counter()
    for year, n in dated.items():
        counts[year // step * step] += n
    return step, [(start, counts[start]) for start in range(first // step * step, last + 1, step)]


def bin_label(start: int, step: int) -> str:
    if step == 1:
        return year_words(start)
    if step == 10 and start > 0:
        return f"{start}s"
    return f"{year_words(start)}–{year_words(start + step - 1)}"


def years_picture(years: Counter[str], what: str = "letters") -> Picture | None:
    """The chart of ``years`` (letters per year slug), or None when no letter is dated."""
    if not any(n for slug, n in years.items() if slug != UNDATED):
        return None
    step, counted = bins(years)
    unit = {1: "year", 10: "decade", 100: "century", 1000: "millennium"}.get(step, f"{step:,} years")
    peak_start, peak = max(counted, key=lambda b: (b[1], -b[0]))
    first, last = bin_label(counted[0][0], step), bin_label(counted[-1][0], step)
    span = first if len(counted) == 1 else f"{first} to {last}"
    label = f"Bar chart of {what} per {unit}, {span}; the most, {peak}, in {bin_label(peak_start, step)}."
    missing = years.get(UNDATED, 0)
    note = f"{missing} undated {'letter is' if missing == 1 else 'letters are'} not counted here." if missing else ""
    rows = tuple((bin_label(start, step), n) for start, n in counted if n)
    return Picture("years", f"{what.capitalize()} per {unit}", note, svg("picture-years", label, WIDTH, HEIGHT, _bars(counted, step, peak)),
                   (unit.capitalize(), what.capitalize()), rows)


def _bars(counted: list[tuple[int, int]], step: int, peak: int) -> list[str]:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(counted)
    bar_w = min(max(slot * 0.78, 1.0), 56.0)
    base = TOP + plot_h
    every = max(1, math.ceil(LABEL_ROOM / slot))
    body = [
        element("line", x1=float(LEFT), y1=float(TOP), x2=float(WIDTH - RIGHT), y2=float(TOP), class_="grid"),
        text(str(peak), x=float(LEFT - 4), y=float(TOP + 4), class_="axis", text_anchor="end"),
        text("0", x=float(LEFT - 4), y=float(base + 4), class_="axis", text_anchor="end"),
    ]
    labelled_peak = False
    labels_end = 0.0  # where the last axis label drawn ends
    for index, (start, n) in enumerate(counted):
        x = LEFT + index * slot + (slot - bar_w) / 2
        centre = LEFT + (index + 0.5) * slot
        if n:
            h = max(n / peak * plot_h, 1.0)
            body.append(element("rect", x=x, y=base - h, width=bar_w, height=h, class_="bar"))
            show_value = slot >= VALUE_ROOM or (n == peak and not labelled_peak)
            labelled_peak = labelled_peak or n == peak
            if show_value:  # kept inside the picture at either end
                room = len(str(n)) * 4.0
                body.append(text(str(n), x=min(max(centre, LEFT + room), WIDTH - RIGHT - room), y=base - h - 4, class_="value", text_anchor="middle"))
        if index % every == 0:
            label = bin_label(start, step)
            half = len(label) * AXIS_CHAR / 2
            at = min(max(centre, half), WIDTH - RIGHT - half)  # inside the picture at either end
            if at - half >= labels_end:  # and clear of the label before it
                body.append(text(label, x=at, y=float(HEIGHT - 8), class_="axis", text_anchor="middle"))
                labels_end = at + half + AXIS_GAP
    body.append(element("line", x1=float(LEFT), y1=float(base), x2=float(WIDTH - RIGHT), y2=float(base), class_="baseline"))
    return body
