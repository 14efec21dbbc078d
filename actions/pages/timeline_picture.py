"""The timeline picture of an episode: a lane per state, a mark per action.

Time runs left to right on a scale of days. Each action is drawn on the lane
of the state that took it, in the order of the episode's timeline, numbered
as the list of actions below the picture is: a shape of its kind where its
day is known, a bar from its earliest to its latest possible day where it is
not (a month, a year, a range), the shape in the bar's middle. An arrow goes
from each action to the action it answers. Marks that would overlap on a
lane go to a row below, so that each stays visible and can be pointed at.

The same drawing is inlined in the episode's page (marks link to the entries
below) and served as an image for embedding (marks link to the page).
"""

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass

from actions.pages import marks
from actions.pages.svg import element, fit, root, text_width
from actions.pages.wording import action_date, day

WIDTH = 960
LABEL_WIDTH = 170
PLOT_LEFT = 186
PLOT_RIGHT = WIDTH - 20
AXIS_HEIGHT = 40
ROW_HEIGHT = 26
LANE_PADDING = 6
MARK_SIZE = 7
BAR_HEIGHT = 10
# Room a mark needs on its row, either side of its centre; its number is on its right.
MARK_ROOM = 10
DIGIT_WIDTH = 7
LEGEND_ROW = 24
SMALL = 11
LABEL = 13
INK = "#1b1b1b"
MUTED = "#5a5a5a"
GRID = "#d9d9d9"
BAND = "#f5f5f5"
ARROW = "#4a4a4a"

STYLE = """
.mark { cursor: pointer; }
.mark:focus { outline: none; }
.mark:focus .focus-ring, .mark:hover .focus-ring { stroke: #1b1b1b; stroke-width: 2; }
.mark:focus .focus-ring { stroke-dasharray: 3 2; }
"""


@dataclass
class Mark:
    number: int
    action: object
    lane: int
    row: int = 0
    x0: float = 0.0  # the bar's ends, or the day's middle twice
    x1: float = 0.0
    cx: float = 0.0
    cy: float = 0.0

    @property
    def is_span(self) -> bool:
        return self.x1 > self.x0


class TimeScale:
    """Days to x: each day is a cell; a known day is the middle of its cell."""

    def __init__(self, first: datetime.date, last: datetime.date):
        days = (last - first).days + 1
        pad = max(1, math.ceil(days * 0.03))
        self.first = first - datetime.timedelta(days=pad)
        self.last = last + datetime.timedelta(days=pad)
        self.days = (self.last - self.first).days + 1
        self.per_day = (PLOT_RIGHT - PLOT_LEFT) / self.days

    def start(self, date: datetime.date) -> float:
        return PLOT_LEFT + (date - self.first).days * self.per_day

    def end(self, date: datetime.date) -> float:
        return self.start(date) + self.per_day

    def middle(self, date: datetime.date) -> float:
        return self.start(date) + self.per_day / 2

    def ticks(self) -> list[tuple[datetime.date, str]]:
        """Dates to mark on the axis, as far apart as their labels need."""
        for step in ("day", "week", "month", "year"):
            ticks = self._ticks(step)
            if (PLOT_RIGHT - PLOT_LEFT) / max(len(ticks), 1) >= 62:
                return ticks
        return self._ticks("decade")

    def _ticks(self, step: str) -> list[tuple[datetime.date, str]]:
        ticks, date = [], self.first
        if step in ("day", "week"):
            if step == "week":
                date += datetime.timedelta(days=(7 - date.weekday()) % 7)  # Mondays
            while date <= self.last:
                ticks.append((date, f"{date.day} {date:%b}"))
                date += datetime.timedelta(days=1 if step == "day" else 7)
        elif step == "month":
            date = date.replace(day=1)
            while date <= self.last:
                if date >= self.first:
                    # The year on the first tick and on each January.
                    ticks.append((date, f"{date:%b %Y}" if date.month == 1 or not ticks
                                  else f"{date:%b}"))
                date = (date + datetime.timedelta(days=32)).replace(day=1)
        else:
            every = 10 if step == "decade" else 1
            year = self.first.year + (-self.first.year) % every
            while datetime.date(year, 1, 1) <= self.last:
                if datetime.date(year, 1, 1) >= self.first:
                    ticks.append((datetime.date(year, 1, 1), str(year)))
                year += every
        return ticks


def lanes_of(actions) -> list:
    """The states of the episode: those who act in the order they first act, then
    those who are only acted upon."""
    states = {}
    for action in actions:
        states.setdefault(action.actor_id, action.actor)
    for action in actions:
        states.setdefault(action.target_id, action.target)
    return list(states.values())


def place(actions, scale: TimeScale, lane_index: dict) -> tuple[list[Mark], list[int]]:
    """Each action's mark, and how many rows each lane needs."""
    placed = []
    rows_ends: dict[int, list[float]] = {}  # lane -> right end of what each row holds
    for number, action in enumerate(actions, start=1):
        mark = Mark(number=number, action=action, lane=lane_index[action.actor_id])
        latest = action.period_end
        if latest > action.date:
            mark.x0, mark.x1 = scale.start(action.date), scale.end(latest)
            mark.cx = (mark.x0 + mark.x1) / 2
        else:
            mark.x0 = mark.x1 = mark.cx = scale.middle(action.date)
        left = min(mark.x0, mark.cx - MARK_ROOM)
        right = max(mark.x1, mark.cx + MARK_ROOM + DIGIT_WIDTH * len(str(number)) + 2)
        ends = rows_ends.setdefault(mark.lane, [])
        for row, end in enumerate(ends):
            if end + 2 <= left:
                mark.row, ends[row] = row, right
                break
        else:
            mark.row = len(ends)
            ends.append(right)
        placed.append(mark)
    rows = [max(len(rows_ends.get(lane, [])), 1) for lane in range(len(lane_index))]
    return placed, rows


def _arrow_path(start: Mark, end: Mark) -> str:
    """A gentle curve from one mark's shape to the other's, stopping at its edge."""
    (x1, y1), (x2, y2) = (start.cx, start.cy), (end.cx, end.cy)
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    # Bend to the left of the direction of travel: two arrows between the same
    # lanes in opposite directions do not lie on each other.
    bend = min(36.0, length * 0.25)
    cx, cy = (x1 + x2) / 2 - dy / length * bend, (y1 + y2) / 2 + dx / length * bend
    gap = MARK_SIZE + 4

    def towards(px, py, qx, qy):
        d = math.hypot(qx - px, qy - py) or 1.0
        return px + (qx - px) / d * gap, py + (qy - py) / d * gap

    sx, sy = towards(x1, y1, cx, cy)
    ex, ey = towards(x2, y2, cx, cy)
    return f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"


def timeline_svg(
    *,
    title: str,
    actions: list,
    href: Callable[[object], str],
    link_target: str | None = None,
    id_prefix: str = "timeline",
):
    """The picture of `actions` (in timeline order, with actor and target loaded).

    `href(action)` is where a mark links; `link_target` is the links' target
    (`_top` in an image embedded in another page's frame).
    """
    if not actions:
        svg = root(
            WIDTH, 60, title=title, desc="This episode has no actions yet.", id_prefix=id_prefix
        )
        element(svg, "text", "No actions yet.", x=PLOT_LEFT, y=34, font_size=LABEL, fill=MUTED)
        return svg

    states = lanes_of(actions)
    lane_index = {state.code: index for index, state in enumerate(states)}
    scale = TimeScale(
        min(action.date for action in actions), max(action.period_end for action in actions)
    )
    placed, rows = place(actions, scale, lane_index)
    lane_tops, top = [], AXIS_HEIGHT
    for count in rows:
        lane_tops.append(top)
        top += count * ROW_HEIGHT + 2 * LANE_PADDING
    lanes_bottom = top
    for mark in placed:
        mark.cy = lane_tops[mark.lane] + LANE_PADDING + mark.row * ROW_HEIGHT + ROW_HEIGHT / 2

    kinds = list(dict.fromkeys(action.kind for action in actions))
    legend_items = [(kind, marks.label_of(kind)) for kind in kinds]
    legend_items.append(("span", "Date known only within bounds"))
    answers = [m for m in placed if m.action.in_response_to_id in {p.action.pk for p in placed}]
    if answers:
        legend_items.append(("arrow", "Answers (points to the action answered)"))
    legend_rows = _legend_rows(legend_items)
    height = lanes_bottom + 16 + len(legend_rows) * LEGEND_ROW + 6

    first, last = min(a.date for a in actions), max(a.period_end for a in actions)
    names = [state.name for state in states]
    desc = (
        f"{len(actions)} action{'s' if len(actions) != 1 else ''} between "
        f"{', '.join(names[:-1]) + ' and ' + names[-1] if len(names) > 1 else names[0]}, "
        f"from {day(first)} to {day(last)}. One lane per state; each action is on the lane "
        "of the state that took it, numbered in date order; a bar spans the days an action "
        "known only within bounds may have been taken; an arrow goes from an action to "
        "the action it answers."
    )
    svg = root(WIDTH, height, title=title, desc=desc, id_prefix=id_prefix, class_="timeline")
    element(svg, "style", STYLE)
    defs = element(svg, "defs")
    arrowhead = element(
        defs, "marker", id=f"{id_prefix}-arrowhead", viewBox="0 0 10 10", refX=9, refY=5,
        markerWidth=7, markerHeight=7, orient="auto-start-reverse",
    )
    element(arrowhead, "path", d="M0,0 L10,5 L0,10 z", fill=ARROW)
    element(svg, "rect", x=0, y=0, width=WIDTH, height=height, fill="#ffffff")

    # Lanes and their labels.
    lanes = element(svg, "g", class_="lanes")
    for index, state in enumerate(states):
        lane_top = lane_tops[index]
        lane_height = rows[index] * ROW_HEIGHT + 2 * LANE_PADDING
        if index % 2 == 0:
            element(lanes, "rect", x=0, y=lane_top, width=WIDTH, height=lane_height, fill=BAND)
        label = element(
            lanes, "text", fit(state.name, LABEL_WIDTH - 12, LABEL), x=10,
            y=lane_top + LANE_PADDING + ROW_HEIGHT / 2 + 4, font_size=LABEL,
            font_weight=600, fill=INK, class_="lane", data_state=state.code,
        )
        element(label, "title", f"{state.name} ({state.code})")

    # The time axis, with a line at each tick through the lanes.
    axis = element(svg, "g", class_="axis", font_size=SMALL, fill=MUTED)
    for date, text in scale.ticks():
        x = scale.start(date)
        element(axis, "line", x1=x, x2=x, y1=AXIS_HEIGHT - 8, y2=lanes_bottom,
                stroke=GRID, stroke_width=1)
        element(axis, "text", text, x=x, y=AXIS_HEIGHT - 14, text_anchor="middle")
    element(axis, "line", x1=PLOT_LEFT, x2=PLOT_RIGHT, y1=AXIS_HEIGHT - 8, y2=AXIS_HEIGHT - 8,
            stroke="#9a9a9a", stroke_width=1)

    # Arrows under the marks.
    by_id = {mark.action.pk: mark for mark in placed}
    arrows = element(svg, "g", class_="arrows", fill="none", stroke=ARROW, stroke_width=1.4)
    for mark in answers:
        answered = by_id[mark.action.in_response_to_id]
        element(
            arrows, "path", d=_arrow_path(mark, answered), class_="arrow",
            data_from=mark.action.pk, data_to=answered.action.pk,
            marker_end=f"url(#{id_prefix}-arrowhead)",
        )

    # The marks, each a link.
    layer = element(svg, "g", class_="marks")
    for mark in placed:
        action = mark.action
        link = element(
            layer, "a", href=href(action), target=link_target, class_="mark",
            data_action=action.pk, data_kind=action.kind,
        )
        element(
            link, "title",
            f"{mark.number}. {action_date(action)}: {marks.label_of(action.kind)} by "
            f"{action.actor.name} towards {action.target.name}. {action.summary}",
        )
        colour = marks.style_of(action.kind).colour
        if mark.is_span:
            element(
                link, "rect", x=mark.x0, y=mark.cy - BAR_HEIGHT / 2, width=mark.x1 - mark.x0,
                height=BAR_HEIGHT, rx=3, fill=colour, fill_opacity=0.3, stroke=colour,
                stroke_width=1.2, class_="span",
            )
        element(
            link, "circle", cx=mark.cx, cy=mark.cy, r=MARK_SIZE + 4, fill="#ffffff",
            fill_opacity=0.01, stroke="none", class_="focus-ring",
        )
        marks.shape(link, action.kind, mark.cx, mark.cy, MARK_SIZE, class_="shape")
        element(
            link, "text", str(mark.number), x=mark.cx + MARK_SIZE + 3, y=mark.cy + 4,
            font_size=SMALL, font_weight=600, fill=INK, paint_order="stroke",
            stroke="#ffffff", stroke_width=3, stroke_linejoin="round",
        )

    _draw_legend(svg, legend_rows, lanes_bottom + 16, id_prefix)
    return svg


def _legend_rows(items):
    rows, row, x = [], [], PLOT_LEFT
    for item in items:
        width = 26 + text_width(item[1], SMALL) + 22
        if row and x + width > WIDTH - 10:
            rows.append(row)
            row, x = [], PLOT_LEFT
        row.append((x, item))
        x += width
    if row:
        rows.append(row)
    return rows


def _draw_legend(svg, rows, top, id_prefix):
    legend = element(svg, "g", class_="legend", font_size=SMALL, fill=INK)
    element(legend, "text", "Legend", x=10, y=top + 12, font_weight=600, font_size=LABEL)
    for index, row in enumerate(rows):
        y = top + index * LEGEND_ROW + 8
        for x, (key, text) in row:
            if key == "span":
                element(legend, "rect", x=x, y=y - 4, width=20, height=8, rx=3,
                        fill=MUTED, fill_opacity=0.3, stroke=MUTED, stroke_width=1.2)
            elif key == "arrow":
                element(legend, "path", d=f"M{x},{y} L{x + 18},{y}", stroke=ARROW,
                        stroke_width=1.4, fill="none", marker_end=f"url(#{id_prefix}-arrowhead)")
            else:
                marks.shape(legend, key, x + 10, y, 6)
            element(legend, "text", text, x=x + 26, y=y + 4)
    return legend


