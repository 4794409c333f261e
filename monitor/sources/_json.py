"""Decode a JSON body, turning a malformed one into a `ParseError`."""

from __future__ import annotations

import json
from typing import Any

from monitor.client import Response
from monitor.parse import ParseError


def decode(response: Response) -> Any:
    try:
        return json.loads(response.content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(f"malformed JSON ({exc})", source=response.target) from exc
