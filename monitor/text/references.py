"""References to earlier parliamentary items."""

from __future__ import annotations

import re

_POSSESSIVE = re.compile(r"\b(uw|mijn)\b", re.IGNORECASE)


def possessive_of(span: str) -> str | None:
    """'uw' or 'mijn' when the span names the addressee's or speaker's own item."""
    m = _POSSESSIVE.search(span)
    return m.group(1).lower() if m else None
