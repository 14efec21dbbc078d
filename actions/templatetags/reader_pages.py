"""Template helpers of the readers' pages."""

from functools import lru_cache

from django import template
from django.utils.safestring import mark_safe

from actions.pages import marks
from actions.pages.svg import element, to_string
from actions.pages.wording import action_date

register = template.Library()


@lru_cache(maxsize=64)
def _icon(kind: str, size: int) -> str:
    svg = element(
        None, "svg", xmlns="http://www.w3.org/2000/svg", viewBox="0 0 20 20", width=size,
        height=size, aria_hidden="true", focusable="false", class_="kind-icon",
    )
    marks.shape(svg, kind, 10.0, 10.0, 6.5)
    return to_string(svg)


@register.simple_tag
def kind_icon(kind: str, size: int = 16):
    """The kind's mark, small, beside its name (decorative: the name is written)."""
    return mark_safe(_icon(kind, size))


@register.filter
def kind_label(kind: str) -> str:
    return marks.label_of(kind)


@register.simple_tag
def kind_count(kind: str, count: int) -> str:
    """"3 diplomatic statements", "1 closure of a mission"."""
    label = marks.label_of(kind) if count == 1 else marks.plural_of(kind)
    return f"{count} {label[0].lower()}{label[1:]}"


@register.filter
def when(action) -> str:
    """The action's date as precisely as it is known: "August 2025", "between ..."."""
    return action_date(action)
