"""The dataset is plain text: one rule for the API, the admin and imports.

A tag in it is never data, and every client that puts the text into a web page
without escaping it would run it.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

# (A function, not a RegexValidator: drf-spectacular would publish the pattern
# as one that values must match.)
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")


def reject_markup(value):
    if isinstance(value, str) and MARKUP.search(value):
        raise ValidationError("Plain text only: no HTML or XML markup.", code="markup")


def is_free_text(model_field) -> bool:
    """A text column whose values are not a vocabulary: where the rule applies."""
    return isinstance(model_field, (models.CharField, models.TextField)) and not (
        model_field.choices
    )
