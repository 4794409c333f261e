"""Ingest throughput: a synthetic archive of 20,000 written questions through parse → store.

Each question goes the way the poller takes it: its search result and its open-data
detail are parsed (`monitor.parse`), the row is built (`monitor.poll.build_row`), and the
row, its events (historical, as in a backfill) and its outbox fan-out are written in one
transaction per question. Reports questions/s and the peak memory (tracemalloc).

    python -m benchmarks.bench_ingest [--questions N]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

from monitor.events import detect
from monitor.parse import parse_question, parse_search_page
from monitor.poll import build_row
from monitor.routing import chats_for
from state.clock import BRUSSELS
from state.db import open_db
from state.events import record_events
from state.questions import save_question

MINISTERS = [
    ("Gwendolyn", "Rutten"), ("Hilde", "Crevits"), ("Jan", "Jambon"), ("Ben", "Weyts"),
    ("Zuhal", "Demir"), ("Matthias", "Diependaele"), ("Lydia", "Peeters"),
    ("Benjamin", "Dalle"), ("Jo", "Brouns"),
]  # fmt: skip
THEMES = [
    "Integratie en Inburgering", "Onderwijs", "Brussel", "Wonen", "Welzijn", "Werk",
    "Mobiliteit en Openbare Werken", "Gelijke Kansen", "Economie", "Cultuur",
]  # fmt: skip
WORDS = (
    "inburgering onderwijs wachtlijsten gemeenten subsidies evaluatie trajecten taal "
    "werkzoekenden huisvesting brussel agentschap cijfers campagne vrijwilligers"
).split()


def synthetic(n: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """`n` open-data details and the search pages (25 results each) that list them."""
    rng = random.Random(seed)
    details, results = [], []
    start = date(2019, 9, 23)
    for i in range(n):
        qid = 1_300_000 + i * 7
        asked = start + timedelta(days=i * 2400 // n)
        first, last = rng.choice(MINISTERS)
        answered = rng.random() < 0.85
        themes = rng.sample(THEMES, rng.randint(1, 3))
        title = " - ".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()
            for _ in range(2)
        )
        procedure = [
            {"status": "Vraag gesteld aan de minister", "datum": f"{asked}T00:00:00+01:00"}
        ]
        detail = {
            "id": qid,
            "vraagnummer": str(i % 900 + 1) if i % 2 else i % 900 + 1,
            "titel": title,
            "onderwerp": title,
            "zittingsjaar": f"{asked.year}-{asked.year + 1}",
            "thema": themes,
            "vraagsteller": {"id": rng.randint(1, 200), "voornaam": "Lid", "naam": f"Nr{i % 124}"},
            "minister": {"id": MINISTERS.index((first, last)), "voornaam": first, "naam": last},
            "bestand-ordered": [],
            "procedureverloop": procedure,
            "link": [{"rel": "self", "href": f"http://ws.vlpar.be/e/opendata/schv/{qid}"}],
        }
        answered_on = asked + timedelta(days=rng.randint(5, 45))
        if answered:
            late = (answered_on - asked).days > 28
            detail |= {"soort-antwoord": "Antwoord", "tijdig": not late}
            detail["bestand-ordered"] = [
                {"URL": f"https://docs.vlaamsparlement.be/pfile?id={1_800_000 + i}"}
            ]
            procedure.append(
                {
                    "status": "Laattijdig beantwoord" if late else "Tijdig beantwoord",
                    "datum": f"{answered_on}T00:00:00+02:00",
                }
            )
        details.append(detail)
        tags = [
            ("soort", "SCHV"),
            ("opendata", f"http://ws.vlpar.be/e/opendata/schv/{qid}"),
            ("publicatiedatum", str(answered_on if answered else asked)),
            ("documenttype", "Antwoord" if answered else "Vraag aan minister"),
            ("titel", title),
            ("nummer", str(detail["vraagnummer"])),
        ] + [("thema", t) for t in themes]
        results.append(
            {
                "id": f"http://be.vlp.feed/{qid}",
                "metatags": {"metatag": [{"name": k, "value": v} for k, v in tags]},
            }
        )
    pages = [
        {"count": n, "lastindex": min(n, p + 25), "result": results[p : p + 25]}
        for p in range(0, n, 25)
    ]
    return details, pages


def ingest(db_path: Path, raw_pages: list[str], raw_details: list[str]) -> int:
    """Parse and store every question, one transaction each; returns the events recorded."""
    now = datetime(2024, 4, 23, 20, 0, tzinfo=BRUSSELS)
    db = open_db(db_path)
    published: dict[int, str | None] = {}
    for body in raw_pages:
        for item in parse_search_page(json.loads(body)).items:
            published[item.schv_id] = item.published_on.isoformat() if item.published_on else None
    events = 0
    for body in raw_details:
        record = parse_question(json.loads(body))
        row = build_row(record, published_on=published.get(record.id), old=None, text=None, now=now)
        with db.atomic():
            save_question(db, row)
            new = record_events(db, detect(None, row, historical=True), route=chats_for, now=now)
            events += len(new)
    db.close()
    return events


def main(questions: int = 20_000) -> dict:
    """Two passes over the same archive: one timed, one under tracemalloc (which slows
    Python down, so it is not timed)."""
    details, pages = synthetic(questions)
    raw_details = [json.dumps(d) for d in details]  # what comes over the wire
    raw_pages = [json.dumps(p) for p in pages]
    del details, pages
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        cpu = time.process_time()
        events = ingest(Path(tmp) / "timed.db", raw_pages, raw_details)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        db = open_db(Path(tmp) / "timed.db")
        stored = db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
        db.close()
        size = (Path(tmp) / "timed.db").stat().st_size
        tracemalloc.start()
        ingest(Path(tmp) / "traced.db", raw_pages, raw_details)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    result = {
        "questions": stored,
        "events": events,
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "questions_per_s": round(stored / elapsed, 1),
        "peak_memory_mb": round(peak / 2**20, 1),  # allocated while ingesting (tracemalloc)
        "archive_json_mb": round(sum(map(len, raw_details + raw_pages)) / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "db_mb": round(size / 2**20, 1),
    }
    print(json.dumps({"bench_ingest": result}))
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000)
    main(parser.parse_args().questions)
