"""`opvolger extract [--date YYYY-MM-DD] [--json] FILE|-`: what a text cites and promises."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from monitor.text import extract

KINDS_NL = {
    "written_question": "schriftelijke vraag",
    "oral_question": "vraag om uitleg",
    "interpellation": "interpellatie",
    "debate": "debat/vergadering",
    "other": "ander stuk",
    "dated": "met datum",
    "open": "open",
    "referral": "doorverwijzing",
}
STATUS_NL = {
    "answered": "beantwoord",
    "referred": "doorverwezen",
    "promised_later": "later beloofd",
    "confidential": "vertrouwelijk (ter inzage)",
    "not_addressed": "niet beantwoord",
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract references, promises and sub-questions from a Dutch text",
        description="Haalt verwijzingen, beloftes en deelvragen uit een Nederlandse tekst.",
    )
    parser.add_argument("file", help="text file (UTF-8), or - for standard input")
    parser.add_argument(
        "--date", type=_iso_date, default=None, help="document date YYYY-MM-DD (anchor)"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON contract")
    parser.set_defaults(func=run)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"geen datum (YYYY-MM-DD): {value!r}") from exc


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as handle:
        return handle.read()


def run(args: argparse.Namespace) -> int:
    try:
        raw = _read(args.file)
    except OSError as exc:
        print(f"opvolger extract: kan {args.file} niet lezen: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        print(f"opvolger extract: {args.file} is geen UTF-8 (byte {exc.start})", file=sys.stderr)
        return 2
    if not text.strip():
        print(f"opvolger extract: {args.file} is leeg", file=sys.stderr)
        return 2
    result = extract(text, args.date)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(render(result))
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render(result) -> str:
    """A readable summary with Dutch labels."""
    lines = [f"Verwijzingen ({len(result.references)}):"]
    for ref in result.references:
        facts = [KINDS_NL.get(ref.kind, ref.kind)]
        if ref.number is not None:
            facts.append(f"nr. {ref.number}")
        if ref.date:
            facts.append(f"datum {ref.date.isoformat()}")
        if ref.session_year:
            facts.append(f"zittingsjaar {ref.session_year}")
        lines.append(f"  - “{_one_line(ref.span)}” [{', '.join(facts)}] @{ref.start}-{ref.end}")
    lines.append(f"Beloftes ({len(result.promises)}):")
    for promise in result.promises:
        due = f", tegen {promise.due.isoformat()}" if promise.due else ""
        lines.append(
            f"  - {KINDS_NL.get(promise.kind, promise.kind)}{due}: “{_one_line(promise.span)}”"
        )
    if result.subquestions:
        lines.append(f"Deelvragen ({len(result.subquestions)}):")
        for sub in result.subquestions:
            extra = ""
            if sub.requested_document:
                got = "bezorgd" if sub.document_provided else "niet bezorgd"
                extra = f" — vraagt document: {sub.requested_document} ({got})"
            lines.append(f"  - {sub.label}: {STATUS_NL.get(sub.status, sub.status)}{extra}")
    return "\n".join(lines)
