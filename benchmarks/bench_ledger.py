"""Ledger benchmark: the calendar step over 100,000 entries, exports, evidence scoring.

    python -m benchmarks.bench_ledger [--entries 100000] [--chats 1000]

Builds a temporary SQLite file with `entries` ledger entries over `entries / 10`
questions (due dates spread over two years, a fifth undated) and `chats` chats that
follow a question each (plus one that follows the theme), then measures:

- `advance` on a day that moves many entries (each move = status, history, event and
  outbox rows in one transaction) and again on the same day (nothing to do);
- listing all active entries; the iCalendar and CSV export of all dated ones;
- `evidence.assess` of one entry against the seed's answer (per call).

`main()` prints and returns the figures.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from statistics import median

from monitor import evidence, export, ledger
from state import ledger as store
from state import open_db
from state.chats import add_subscription, upsert_chat
from state.questions import save_question

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "ledger" / "seed_170.txt"
START = date(2024, 1, 1)


def build(path: Path, entries: int, chats: int) -> None:
    db = open_db(path)
    questions = max(1, entries // 10)
    with db.atomic():
        for q in range(questions):
            save_question(
                db,
                {
                    "id": 1_000_000 + q,
                    "number": q % 900 + 1,
                    "session_year": "2023-2024",
                    "title": f"Vraag over onderwerp {q}",
                    "subject": f"Vraag over onderwerp {q}",
                    "themes": ["Integratie en Inburgering"] if q % 4 == 0 else ["Wonen"],
                    "asker": f"Lid {q % 120}",
                    "minister": f"Minister {q % 9}",
                    "asked_on": "2024-01-01",
                    "answered_on": "2024-01-20",
                    "status": "answered",
                    "document_urls": [f"https://docs.vlaamsparlement.be/pfile?id={q}"],
                    "content_hash": str(q),
                    "first_seen": "2024-01-20T08:00:00+01:00",
                    "last_seen": "2024-01-20T08:00:00+01:00",
                },
            )
        for i in range(entries):
            dated = i % 5 != 0
            store.add_entry(
                db,
                1_000_000 + i % questions,
                span=f"Toezegging {i}: de minister zal dit regelen.",
                kind="dated" if dated else "open",
                due=(START + timedelta(days=i % 730)).isoformat() if dated else None,
                subject=f"onderwerp {i}",
            )
        for c in range(chats):
            upsert_chat(db, 10_000 + c)
            add_subscription(db, 10_000 + c, "question", str(1_000_000 + c % questions), "q")
        upsert_chat(db, 1)
        add_subscription(db, 1, "theme", "integratie en inburgering", "Integratie en Inburgering")
    db.close()


def _timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--chats", type=int, default=1_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        _none, build_s = _timed(lambda: build(path, args.entries, args.chats))
        db = open_db(path)
        today = START + timedelta(days=365)  # about half of the dated entries are past due
        new, first_s = _timed(lambda: ledger.advance(db, today=today, due_soon_days=7))
        again, second_s = _timed(lambda: ledger.advance(db, today=today, due_soon_days=7))
        outbox = db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        active, list_s = _timed(lambda: store.list_entries(db, statuses=store.ACTIVE))
        dated = store.list_entries(db, statuses=store.STATUSES, dated=True)
        ics, ics_s = _timed(lambda: export.to_ics(dated))
        _csv, csv_s = _timed(lambda: export.to_csv(dated))
        text = SEED.read_text(encoding="utf-8")
        start = evidence.answer_part(text)
        span = "De verslagen van 6 december 2023 en 14 februari 2024 worden op 24 april 2024 "
        span += "goedgekeurd."
        runs = []
        for _ in range(20):
            t0 = time.perf_counter()
            evidence.assess(span, "verslagen stuurgroep", date(2024, 4, 24), text,
                            answer_start=start)  # fmt: skip
            runs.append(time.perf_counter() - t0)
        db.close()
    figures = {
        "entries": args.entries,
        "chats": args.chats + 1,
        "build_seconds": round(build_s, 2),
        "advance_events": len(new),
        "advance_seconds": round(first_s, 2),
        "advance_events_per_second": round(len(new) / first_s) if first_s else None,
        "outbox_rows": outbox,
        "advance_again_events": len(again),
        "advance_again_ms": round(second_s * 1000, 1),
        "list_active_entries": len(active),
        "list_active_ms": round(list_s * 1000, 1),
        "ics_events": len(dated),
        "ics_bytes": len(ics),
        "ics_seconds": round(ics_s, 2),
        "csv_seconds": round(csv_s, 2),
        "assess_seed_median_ms": round(median(runs) * 1000, 2),
    }
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":  # pragma: no cover
    main()
