"""How each kind of action is drawn: a shape and a colour, so that the kinds can
be told apart without colour (printed in black and white, or by a reader who
does not see the difference) and without the shape (at a glance)."""

from dataclasses import dataclass

from actions.kinds import KINDS
from actions.pages.svg import element

# The Okabe–Ito palette, which readers with a colour vision deficiency can tell apart.
BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, BLACK = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#222222",
)


@dataclass(frozen=True)
class MarkStyle:
    shape: str
    colour: str


STYLES = {
    "persona_non_grata": MarkStyle("diamond", VERMILLION),
    "cooperation_suspension": MarkStyle("square", ORANGE),
    "detention": MarkStyle("triangle", PURPLE),
    "statement": MarkStyle("circle", BLUE),
    "recall": MarkStyle("triangle-down", GREEN),
    "rupture": MarkStyle("cross", BLACK),
    "mission_closure": MarkStyle("hexagon", SKY),
}
# A kind declared after these (a deployment's own) takes one of them in turn.
SPARE = list(STYLES.values())


def style_of(kind: str) -> MarkStyle:
    if kind in STYLES:
        return STYLES[kind]
    others = [value for value in KINDS if value not in STYLES]
    position = others.index(kind) if kind in others else 0
    return SPARE[position % len(SPARE)]


def label_of(kind: str) -> str:
    spec = KINDS.get(kind)
    return spec.label if spec else kind


# The plural where adding an "s" to the label would not make one.
PLURALS = {
    "recall": "Recalls of a head of mission",
    "rupture": "Ruptures of diplomatic relations",
    "mission_closure": "Closures of a mission",
}


def plural_of(kind: str) -> str:
    return PLURALS.get(kind) or label_of(kind) + "s"


def points(*pairs) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)


def shape(parent, kind: str, cx: float, cy: float, size: float, **attributes):
    """The kind's shape centred on (cx, cy), about 2 × size across."""
    style = style_of(kind)
    paint = {"fill": style.colour, "stroke": "#ffffff", "stroke_width": 1.5, **attributes}
    r = size
    if style.shape == "circle":
        return element(parent, "circle", cx=cx, cy=cy, r=r, **paint)
    if style.shape == "square":
        side = r * 1.7
        return element(
            parent, "rect", x=cx - side / 2, y=cy - side / 2, width=side, height=side, **paint
        )
    if style.shape == "diamond":
        r *= 1.25
        return element(
            parent, "polygon",
            points=points((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)), **paint,
        )
    if style.shape == "triangle":
        r *= 1.25
        return element(
            parent, "polygon",
            points=points((cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)), **paint,
        )
    if style.shape == "triangle-down":
        r *= 1.25
        return element(
            parent, "polygon",
            points=points((cx - r, cy - r * 0.8), (cx + r, cy - r * 0.8), (cx, cy + r)), **paint,
        )
    if style.shape == "hexagon":
        r *= 1.1
        h = r * 0.866
        return element(
            parent, "polygon",
            points=points(
                (cx - r, cy), (cx - r / 2, cy - h), (cx + r / 2, cy - h),
                (cx + r, cy), (cx + r / 2, cy + h), (cx - r / 2, cy + h),
            ),
            **paint,
        )
    # A cross (a plus sign with thick arms).
    a, b = r * 1.1, r * 0.4
    return element(
        parent, "polygon",
        points=points(
            (cx - b, cy - a), (cx + b, cy - a), (cx + b, cy - b), (cx + a, cy - b),
            (cx + a, cy + b), (cx + b, cy + b), (cx + b, cy + a), (cx - b, cy + a),
            (cx - b, cy + b), (cx - a, cy + b), (cx - a, cy - b), (cx - b, cy - b),
        ),
        **paint,
    )
