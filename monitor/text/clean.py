"""Normalise PDF text for matching, keeping a map back to the original offsets.

Runs of whitespace become one space (or one newline when the run held a line break),
non-breaking spaces become spaces, and a word hyphenated across a line break is joined
("inburgerings-\\ntraject" → "inburgeringstraject"). Every finding is matched on the
cleaned text and reported with offsets into the original, so `span == text[start:end]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SPACES = "\u00a0\u2007\u202f\u2009\u200a\t\r\f\v "
_ZERO_WIDTH = "\u200b\u00ad\ufeff"


@dataclass(frozen=True)
class Cleaned:
    """`text` is the cleaned text; `offsets[i]` is the original index of `text[i]`."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned range [start, end) to the original text."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        ostart = self.offsets[start]
        oend = self.offsets[end - 1] + 1 if end > start else ostart
        return ostart, oend

    def span(self, start: int, end: int) -> tuple[str, int, int]:
        ostart, oend = self.to_original(start, end)
        return self.original[ostart:oend], ostart, oend


_RUNS = re.compile(
    r"(?<=[^\W\d_])-[ \t\u00a0]*\n[ \t\u00a0]*(?=[a-zà-ÿ])"  # hyphenation at a line break
    r"| [\s\u00a0\u2007\u202f\u2009\u200a\u200b\u00ad\ufeff]+"  # a single space stays as is
    r"|[\t\n\r\f\v\u00a0\u2007\u202f\u2009\u200a\u200b\u00ad\ufeff\x1c-\x1f\x85\u2028\u2029]"
    r"[\s\u00a0\u2007\u202f\u2009\u200a\u200b\u00ad\ufeff]*"
)


def clean(text: str) -> Cleaned:
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _RUNS.finditer(text):
        a, b = m.span()
        if a > pos:
            out.append(text[pos:a])
            offsets.extend(range(pos, a))
        run = m.group()
        if run[0] == "-":
            pass  # joined: "inburgerings-\ntraject" → "inburgeringstraject"
        elif run.strip(_ZERO_WIDTH):
            out.append("\n" if "\n" in run else " ")
            offsets.append(a)
        pos = b
    if pos < len(text):
        out.append(text[pos:])
        offsets.extend(range(pos, len(text)))
    return Cleaned(text, "".join(out), tuple(offsets))


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "nr",
    "nrs",
    "d.d",
    "dd",
    "o.a",
    "bv",
    "bijv",
    "art",
    "dhr",
    "mevr",
    "ca",
    "enz",
    "m.a.w",
    "i.v.m",
    "m.b.t",
    "t.e.m",
    "t.a.v",
    "p",
    "blz",
    "vs",
    "cf",
    "resp",
    "incl",
    "excl",
    "mln",
    "mld",
    "min",
    "prof",
    "dr",
    "e.a",
    "e.d",
    "zgn",
    "ll",
    "jl",
    "jl.",
    "vzw",
}

_BOUNDARY = re.compile(
    r"[.!?;](?=[\"'”’)]*\s+[\"'“‘(]*[A-Z0-9•·\-–])"  # full stop before a capital or digit
    r"|[.!?](?=[\"'”’)]*\s*$)"  # the final full stop
    r"|\n(?=\s*(?:[•·▪\-–]|\d{1,2}[.)]\s|[a-z][)]\s))"  # a list item on a new line
    r"|[•·▪](?=\s)"  # a bullet
    r"|:\s*\n"  # a colon at the end of a line
)


_LAST_WORD = re.compile(r"([\w.]+)$")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in cleaned `text`, without the final full stop."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        if m.group().startswith("."):
            word = _LAST_WORD.search(text, max(start, end - 16), end)
            if word:
                w = word.group(1).lower()
                if w in _ABBREVIATIONS or len(w) == 1 or re.fullmatch(r"\d{1,2}", w):
                    # "nr. 350", "1. Hoeveel": not a sentence end unless a list follows
                    if not re.fullmatch(r"\d{1,2}", w) or end - start > 3:
                        continue
        yield from _trimmed(text, start, end)
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n.":
        end -= 1
    if end > start:
        yield start, end
