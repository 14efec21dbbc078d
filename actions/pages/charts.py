"""Small bar charts of counts per year, drawn on the server as SVG.

Each bar has a <title> with its count (a tooltip, and what a screen reader
says), and the numbers the chart shows are also given as a table on the page.
"""

import math
from dataclasses import dataclass

from actions.pages import marks
from actions.pages.svg import element, root, text_width

INK = "#1b1b1b"
MUTED = "#5a5a5a"
GRID = "#e2e2e2"


@dataclass
class Series:
    key: str
    label: str
    colour: str
    values: list[int]  # one per year


def _nice_ceiling(value: int) -> tuple[int, int]:
    """A round maximum for the axis, and its step (4 or 5 gridlines)."""
    if value <= 4:
        return max(value, 1), 1
    magnitude = 10 ** int(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        step = max(int(magnitude * factor / 4), 1)
        top = math.ceil(value / step) * step
        if top / step <= 5:
            return top, step
    return value, value


def bar_chart(
    *,
    title: str,
    desc: str,
    years: list[int],
    series: list[Series],
    stacked: bool,
    id_prefix: str,
    width: int = 720,
    height: int = 230,
):
    """Bars per year: the series stacked, or side by side; `height` without the legend."""
    left, right, top = 44, width - 12, 14
    # The legend's rows: as many as its entries need.
    legend_rows, row, x = [], [], left
    for one in series:
        item = 14 + text_width(one.label, 11) + 16
        if row and x + item > right:
            legend_rows.append(row)
            row, x = [], left
        row.append((x, one))
        x += item
    if row:
        legend_rows.append(row)
    legend_height = 18 * len(legend_rows) + 8
    height += legend_height
    bottom = height - 28 - legend_height
    svg = root(width, height, title=title, desc=desc, id_prefix=id_prefix, class_="chart")
    element(svg, "rect", x=0, y=0, width=width, height=height, fill="#ffffff")
    if not years:
        element(svg, "text", "No actions yet.", x=left, y=top + 20, font_size=13, fill=MUTED)
        return svg
    totals = [
        sum(s.values[i] for s in series) if stacked else max(s.values[i] for s in series)
        for i in range(len(years))
    ]
    ceiling, step = _nice_ceiling(max(totals) or 1)

    def y(value):
        return bottom - (bottom - top) * value / ceiling

    grid = element(svg, "g", class_="grid", font_size=11, fill=MUTED)
    for value in range(0, ceiling + 1, step):
        element(grid, "line", x1=left, x2=right, y1=y(value), y2=y(value), stroke=GRID)
        element(grid, "text", str(value), x=left - 6, y=y(value) + 4, text_anchor="end")

    slot = (right - left) / len(years)
    bar = min(slot * 0.7, 48.0)
    # A label every few years when they would run into each other.
    every = max(1, math.ceil(34 / slot))
    bars = element(svg, "g", class_="bars")
    for index, year in enumerate(years):
        x = left + slot * index + (slot - bar) / 2
        if index % every == 0 or index == len(years) - 1:
            element(grid, "text", str(year), x=x + bar / 2, y=bottom + 16, text_anchor="middle")
        base = 0
        for position, one in enumerate(series):
            value = one.values[index]
            if not value:
                continue
            if stacked:
                bx, bw, low, high = x, bar, base, base + value
                base += value
            else:
                bw = bar / len(series)
                bx, low, high = x + position * bw, 0, value
            rect = element(
                bars, "rect", x=bx, y=y(high), width=bw, height=y(low) - y(high),
                fill=one.colour, stroke="#ffffff", stroke_width=0.6 if stacked else 0,
                class_="bar", data_year=year, data_series=one.key, data_count=value,
            )
            element(rect, "title", f"{year}: {value} {one.label.lower()}")
    element(svg, "line", x1=left, x2=right, y1=bottom, y2=bottom, stroke="#9a9a9a")

    legend = element(svg, "g", class_="legend", font_size=11, fill=INK)
    for index, row in enumerate(legend_rows):
        ly = height - legend_height + 8 + index * 18
        for x, one in row:
            element(legend, "rect", x=x, y=ly - 5, width=10, height=10, fill=one.colour)
            element(legend, "text", one.label, x=x + 14, y=ly + 4)
    return svg


def kinds_per_year_chart(counts: dict[int, dict[str, int]], *, id_prefix="kinds-per-year"):
    """Actions per year, stacked by kind (the landing page)."""
    years = list(range(min(counts), max(counts) + 1)) if counts else []
    kinds = sorted(
        {kind for by_kind in counts.values() for kind in by_kind},
        key=lambda kind: -sum(by_kind.get(kind, 0) for by_kind in counts.values()),
    )
    series = [
        Series(
            kind, marks.label_of(kind), marks.style_of(kind).colour,
            [counts.get(year, {}).get(kind, 0) for year in years],
        )
        for kind in kinds
    ]
    total = sum(sum(by_kind.values()) for by_kind in counts.values())
    desc = (
        f"{total} actions from {years[0]} to {years[-1]}, stacked by kind."
        if years
        else "No actions yet."
    )
    return bar_chart(
        title="Actions per year, by kind", desc=desc, years=years, series=series,
        stacked=True, id_prefix=id_prefix, height=260,
    )


def taken_received_chart(state, per_year, *, id_prefix="state-per-year"):
    """Actions a state took and received, per year (the state's page)."""
    years = [year for year, _, _ in per_year]
    series = [
        Series("taken", "Taken", marks.BLUE, [taken for _, taken, _ in per_year]),
        Series("received", "Received", marks.VERMILLION, [received for _, _, received in per_year]),
    ]
    taken, received = sum(series[0].values), sum(series[1].values)
    desc = (
        f"{state.name} took {taken} and received {received} actions"
        + (f", from {years[0]} to {years[-1]}." if years else ".")
    )
    return bar_chart(
        title=f"Actions taken and received by {state.name}, per year", desc=desc,
        years=years, series=series, stacked=False, id_prefix=id_prefix, width=560, height=200,
    )
