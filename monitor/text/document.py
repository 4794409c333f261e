"""Split a parliament document into its question and answer parts; read its header.

The published document of a written question reads: a header (SCHRIFTELIJKE VRAAG, nr.,
van ASKER, datum:, aan MINISTER and their function, the title), the question, the
minister's name and function, the heading "ANTWOORD op vraag nr. N van <date>" (with
"van ASKER"), the answer, and optionally "BIJLAGE(N):" with the attachments.
"""

from __future__ import annotations

import re

from monitor.text.dates import MONTHS, safe_date
from monitor.text.models import DocumentParts, Header

_M = re.MULTILINE
_I = re.IGNORECASE

_ANSWER = re.compile(
    r"^[ \t]*ANTWOORD\b[ \t]*(?:\n[ \t]*)?op\s+(?:de\s+)?(?:schriftelijke\s+)?vraag\s+"
    r"(?:nr\.?\s*)?(?P<nr>\d+)?(?:\s+van\s+(?P<date>\d{1,2}\s+\w+\s+\d{4}))?[^\n]*"
    r"(?:\n[ \t]*van\s+[^\n]*)?",
    _M,
)
_ANSWER_LOOSE = re.compile(r"^[ \t]*ANTWOORD[ \t]*:?[ \t]*$", _M)
_QUESTION_HEAD = re.compile(r"^[ \t]*SCHRIFTELIJKE\s+VRAAG[ \t]*$", _M)
_NUMBER = re.compile(r"^[ \t]*nr\.?\s*(?P<nr>\d+)[ \t]*$", _M | _I)
_ASKER = re.compile(r"^[ \t]*van\s+(?P<name>[^\n]+?)[ \t]*$", _M)
_DATE = re.compile(r"^[ \t]*datum:?\s*(?P<date>[^\n]+?)[ \t]*$", _M | _I)
_TO = re.compile(r"^[ \t]*aan\s+(?P<name>[^\n]+?)[ \t]*$", _M)
_ATTACH = re.compile(r"^[ \t]*BIJLAGE(?:N)?\s*:?[ \t]*", _M)
_ITEM = re.compile(r"^\s*(?:\d+\s*[.)]\s*|[-•]\s*)?(?P<item>\S.*?)\s*$")


def _name(raw: str) -> str:
    raw = " ".join(raw.split())
    if raw.isupper():
        return " ".join(w.capitalize() if not w.isupper() or len(w) > 1 else w for w in raw.split())
    return raw


def _parse_date(raw: str):
    m = re.search(r"(\d{1,2})\s+(\w+)\s+(\d{4})", raw)
    if m and m.group(2).lower() in MONTHS:
        return safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.search(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    if m:
        return safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def split_document(text: str) -> DocumentParts:
    """Offsets of the question and answer parts of `text` and the header facts.

    A text without the document's headings is all question (answer_start is None).
    """
    headings: list[tuple[int, int]] = []
    number = asked = asker = minister = title = None
    question_start = 0
    head = _QUESTION_HEAD.search(text)
    if head:
        pos = head.end()
        window = text[pos : pos + 2000]
        if m := _NUMBER.search(window):
            number = int(m["nr"])
        if m := _ASKER.search(window):
            asker = _name(m["name"])
        if m := _DATE.search(window):
            asked = _parse_date(m["date"])
        if m := _TO.search(window):
            minister = _name(m["name"])
            # the minister's function (upper case lines), then the title line
            rest = pos + m.end()
            line_re = re.compile(r"\n([^\n]*)")
            cursor = rest
            while True:
                lm = line_re.match(text, cursor)
                if not lm:
                    break
                line = lm.group(1).strip()
                cursor = lm.end()
                if not line:
                    continue
                letters = [c for c in line if c.isalpha()]
                if letters and sum(c.isupper() for c in letters) / len(letters) > 0.9:
                    continue
                title = " ".join(line.replace("  -  ", " - ").split())
                break
            question_start = cursor
        else:
            question_start = pos
        headings.append((0, question_start))

    answer = _ANSWER.search(text, question_start)
    answer_start = answer_end = None
    question_end = len(text)
    if answer is None:
        answer = _ANSWER_LOOSE.search(text, question_start)
    if answer is not None:
        answer_start = answer.end()
        # the minister's signature block right before the heading: upper-case lines
        block_start = answer.start()
        line_starts = [
            m.start() for m in re.finditer(r"(?m)^", text[question_start : answer.start()])
        ]
        for ls in reversed(line_starts):
            a = question_start + ls
            line = text[a:block_start].strip()
            letters = [c for c in line if c.isalpha()]
            if not line or (letters and sum(c.isupper() for c in letters) / len(letters) > 0.9):
                block_start = a
                continue
            break
        question_end = block_start
        headings.append((question_end, answer_start))
        found = answer.groupdict()
        if number is None and found.get("nr"):
            number = int(found["nr"])
        if asked is None and found.get("date"):
            asked = _parse_date(found["date"])
    attachments: list[str] = []
    attach = _ATTACH.search(text, answer_start or question_start)
    attachments_start = None
    if attach:
        attachments_start = attach.start()
        for line in text[attach.end() :].split("\n"):
            m = _ITEM.match(line)
            if m and m["item"]:
                attachments.append(m["item"])
        headings.append((attach.start(), len(text)))
        if answer_start is not None:
            answer_end = attach.start()
        else:
            question_end = min(question_end, attach.start())
    elif answer_start is not None:
        answer_end = len(text)
    header = Header(number, asked, asker, minister, title, tuple(attachments))
    return DocumentParts(
        question_start=question_start,
        question_end=question_end,
        answer_start=answer_start,
        answer_end=answer_end,
        header=header,
        headings=tuple(headings),
        attachments_start=attachments_start,
    )
