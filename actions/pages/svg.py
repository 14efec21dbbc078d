"""Building SVG with ElementTree: text and attributes are escaped by the
serializer, so a title or a name from the dataset cannot break the markup."""

import xml.etree.ElementTree as ET

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
# Average advance of a character, as a share of the font size: enough to lay out
# labels without font metrics (a label too long is cut, with its full text in a <title>).
CHARACTER_WIDTH = 0.6


def number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def element(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    """A child of `parent`; attribute names take `-` for `_` (stroke_width)."""
    node = ET.SubElement(parent, tag) if parent is not None else ET.Element(tag)
    for name, value in attributes.items():
        if value is None:
            continue
        name = name.rstrip("_").replace("_", "-")
        node.set(name, number(value) if isinstance(value, float) else str(value))
    if text is not None:
        node.text = text
    return node


def root(width: float, height: float, *, title: str, desc: str, id_prefix: str, **attributes):
    """An <svg> whose first children are its <title> and <desc>, named by aria-labelledby."""
    svg = element(
        None, "svg",
        xmlns=SVG_NAMESPACE,
        viewBox=f"0 0 {number(width)} {number(height)}",
        width=float(width),
        height=float(height),
        font_family=FONT,
        aria_labelledby=f"{id_prefix}-title {id_prefix}-desc",
        **attributes,
    )
    element(svg, "title", title, id=f"{id_prefix}-title")
    element(svg, "desc", desc, id=f"{id_prefix}-desc")
    return svg


def to_string(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode")


def document(svg: ET.Element) -> bytes:
    """A standalone .svg file."""
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + to_string(svg).encode()


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHARACTER_WIDTH


def fit(text: str, width: float, size: float) -> str:
    """`text`, cut with an ellipsis to about `width` pixels."""
    most = max(int(width / (size * CHARACTER_WIDTH)), 2)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"
