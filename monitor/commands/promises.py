"""`opvolger promises`: the follow-up ledger as a table, iCalendar or CSV, and its actions.

opvolger promises [--status overdue,due_soon] [--question ID] [--ics FILE] [--csv FILE] [--json]
opvolger promises show ENTRY
opvolger promises chain QUESTION_ID [--json]
opvolger promises draft ENTRY [--today YYYY-MM-DD] [--only] [--asker NAAM]
opvolger promises advance [--today YYYY-MM-DD] [--quiet]
opvolger promises confirm ENTRY QUESTION_ID   ("ingelost")
opvolger promises reject ENTRY QUESTION_ID    ("nog niet")
opvolger promises drop ENTRY [--reason TEXT]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from monitor import chains, draft, export, ledger
from monitor.config import Settings
from state import ledger as store
from state.clock import BRUSSELS
from state.db import open_db

STATUS_ALIASES = {
    "due": ("due_soon",),
    "active": store.ACTIVE,
    "done": store.FINAL,
    "all": store.STATUSES,
}


def _statuses(value: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        if part in STATUS_ALIASES:
            out.extend(STATUS_ALIASES[part])
        elif part in store.STATUSES:
            out.append(part)
        else:
            choices = ", ".join((*store.STATUSES, *STATUS_ALIASES))
            raise argparse.ArgumentTypeError(f"unknown status {part!r} (choose from {choices})")
    return tuple(dict.fromkeys(out))


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _today() -> date:
    return datetime.now(BRUSSELS).date()


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "promises",
        help="the follow-up ledger: promises, requested documents, attachments",
        description="Toezeggingen van ministers, opgevolgd tot ze zijn nagekomen.",
    )
    parser.add_argument("--db", type=Path, default=None, help="database file (default: env)")
    parser.add_argument(
        "--status",
        type=_statuses,
        action="append",
        default=None,
        help="open, due_soon, overdue, kept, partly_kept, dropped; due, active, done, all "
        "(comma-separated; default: active)",
    )
    parser.add_argument("--question", type=int, action="append", help="only this question id")
    parser.add_argument("--ics", metavar="FILE", help="write an iCalendar file ('-' = stdout)")
    parser.add_argument("--csv", metavar="FILE", help="write a CSV file ('-' = stdout)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run_list)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    show = actions.add_parser("show", help="one entry with its history and evidence")
    show.add_argument("entry", type=int)
    show.set_defaults(func=run_show)

    chain = actions.add_parser("chain", help="the chain of follow-ups around a question")
    chain.add_argument("question_id", type=int)
    chain.add_argument("--json", action="store_true", help="machine-readable output")
    chain.set_defaults(func=run_chain)

    draft_p = actions.add_parser("draft", help="a draft follow-up written question (Dutch)")
    draft_p.add_argument("entry", type=int)
    draft_p.add_argument("--today", type=_date, default=None)
    draft_p.add_argument("--only", action="store_true", help="leave out other overdue entries")
    draft_p.add_argument("--asker", default=None, help="the member who asks (default: same)")
    draft_p.set_defaults(func=run_draft)

    advance = actions.add_parser("advance", help="move entries along the calendar now")
    advance.add_argument("--today", type=_date, default=None)
    advance.add_argument("--quiet", action="store_true", help="store the events, alert nobody")
    advance.set_defaults(func=run_advance)

    for name, helptext in (("confirm", "'ingelost': accept evidence"), ("reject", "'nog niet'")):
        p = actions.add_parser(name, help=helptext)
        p.add_argument("entry", type=int)
        p.add_argument("question_id", type=int, help="the question whose answer is the evidence")
        p.set_defaults(func=run_decide)

    drop = actions.add_parser("drop", help="take an entry off the books")
    drop.add_argument("entry", type=int)
    drop.add_argument("--reason", default="")
    drop.set_defaults(func=run_drop)


def _open(args: argparse.Namespace) -> tuple[Any, Settings]:
    settings = Settings.from_env()
    return open_db(args.db or settings.db_path), settings


def _write(target: str, data: bytes | str) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if target == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    else:
        Path(target).write_bytes(raw)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(entries: list[store.LedgerEntry]) -> str:
    """The entries as an aligned text table."""
    rows = [("ID", "VERVALT", "STATUS", "VRAAG", "SOORT", "TOEZEGGING")]
    for e in entries:
        q = e.question
        label = f"{q.get('number') or '?'} ({q.get('session_year') or '?'})"
        status = export.STATUS_LABELS.get(e.status, e.status)
        if e.proposals:
            status += " · mogelijk ingelost"
        rows.append((str(e.id), e.due or "—", status, label, e.kind, _cut(e.subject or e.span, 60)))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r[:5])) + "  " + r[5] for r in rows
    )


def run_list(args: argparse.Namespace) -> int:
    db, settings = _open(args)
    statuses: tuple[str, ...] = store.ACTIVE
    if args.status:
        statuses = tuple(dict.fromkeys(s for group in args.status for s in group))
    entries = store.list_entries(db, statuses=statuses, question_ids=args.question)
    wrote = False
    if args.ics:
        _write(args.ics, export.to_ics(entries, site_base=settings.site_base))
        wrote = args.ics == "-"
        dated = sum(1 for e in entries if e.due)
        if args.ics != "-":
            print(f"{dated} toezeggingen met datum naar {args.ics}", file=sys.stderr)
    if args.csv:
        _write(args.csv, export.to_csv(entries, site_base=settings.site_base))
        wrote = wrote or args.csv == "-"
        if args.csv != "-":
            print(f"{len(entries)} toezeggingen naar {args.csv}", file=sys.stderr)
    if wrote:
        return 0
    if args.json:
        print(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
    elif entries:
        print(table(entries))
    else:
        print("Geen toezeggingen.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    db, settings = _open(args)
    entry = store.get_entry(db, args.entry)
    if entry is None:
        print(f"Geen toezegging #{args.entry}.", file=sys.stderr)
        return 1
    out = entry.to_dict()
    out["history"] = store.history(db, entry.id)
    out["url"] = ledger.site_url(entry.question, settings.site_base)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def run_chain(args: argparse.Namespace) -> int:
    db, _settings = _open(args)
    if not store.question_facts(db, [args.question_id]):
        print(f"Vraag {args.question_id} is niet gekend.", file=sys.stderr)
        return 1
    chain = chains.build_chain(db, args.question_id)
    if args.json:
        nodes = [
            {
                "question": node.question,
                "depth": node.depth,
                "via": node.via,
                "outstanding": [e.to_dict() for e in node.outstanding],
                "unresolved": [r["span"] for r in node.unresolved],
            }
            for node in (*chain.earlier, *chain.later)
        ]
        print(json.dumps({"start": chain.start, "nodes": nodes}, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(chains.render_chain(chain))
    return 0


def run_draft(args: argparse.Namespace) -> int:
    db, _settings = _open(args)
    try:
        text = draft.draft_for(
            db,
            args.entry,
            today=args.today or _today(),
            include_others=not args.only,
            asker=args.asker,
        )
    except store.EntryNotFound:
        print(f"Geen toezegging #{args.entry}.", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def run_advance(args: argparse.Namespace) -> int:
    db, settings = _open(args)
    new = ledger.advance(
        db,
        today=args.today or _today(),
        due_soon_days=settings.due_soon_days,
        historical=args.quiet,
        site_base=settings.site_base,
    )
    print(f"{len(new)} nieuwe meldingen")
    return 0


def run_decide(args: argparse.Namespace) -> int:
    db, settings = _open(args)
    try:
        if args.action == "confirm":
            ledger.confirm(db, args.entry, args.question_id, by="cli", site_base=settings.site_base)
            print(f"#{args.entry} ingelost")
        else:
            ledger.reject(db, args.entry, args.question_id, by="cli")
            print(f"#{args.entry}: voorstel afgewezen")
    except (LookupError, store.StaleStatus) as exc:
        print(f"Niets te bevestigen: {exc}", file=sys.stderr)
        return 1
    return 0


def run_drop(args: argparse.Namespace) -> int:
    db, settings = _open(args)
    try:
        ledger.drop(db, args.entry, reason=args.reason, by="cli", site_base=settings.site_base)
    except (store.EntryNotFound, store.StaleStatus) as exc:
        print(f"Kan #{args.entry} niet laten vallen: {exc}", file=sys.stderr)
        return 1
    print(f"#{args.entry} geschrapt")
    return 0
