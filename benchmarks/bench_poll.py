"""The cost of a poll when nothing changed, against the fixture server on 127.0.0.1.

The bundled sample's day 2 is polled once (the baseline), then polled again unchanged:
reported are the requests the second poll made (and how many were answered 304), the
database writes (sqlite `total_changes`; the poll run's own row is 2 of them) and the CPU
and wall time. For comparison, the same with a server that gives no validators (every
request answered in full: the listing still stops on page 1, at known questions).

    python -m benchmarks.bench_poll
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import datetime
from pathlib import Path

from monitor.client import Client
from monitor.config import Settings
from monitor.demo import demo_settings, sample_dir
from monitor.fixture_server import FixtureServer
from monitor.poll import poll_once
from state.db import open_db


def _measure(db, settings: Settings, server: FixtureServer, now: datetime) -> dict:
    server.clear_log()
    changes = db.conn.total_changes
    cpu, wall = time.process_time(), time.perf_counter()
    with Client(settings) as client:
        result = poll_once(db, settings, client=client, now=now)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "outcome": result.outcome,
        "requests": len(server.requests),
        "not_modified": sum(r.status == 304 for r in server.requests),
        "db_writes": db.conn.total_changes - changes,
        "events": result.counts["events"],
        "cpu_ms": round(cpu * 1000, 1),
        "wall_ms": round(wall * 1000, 1),
    }


def main() -> dict:
    with tempfile.TemporaryDirectory() as tmp, FixtureServer(sample_dir() / "day2") as server:
        settings = demo_settings(Settings(), server.url)
        now = datetime.fromisoformat(server.meta["now"])
        db = open_db(Path(tmp) / "bench.db")
        baseline = poll_once(db, settings, now=now)
        assert baseline.ok, baseline.errors
        questions = db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
        conditional = _measure(db, settings, server, now)
        # Without validators: forget them, as if the server never sent any.
        db.execute("DELETE FROM http_cache")
        db.conn.commit()
        without = _measure(db, settings, server, now)
        db.close()
    result = {
        "questions_stored": questions,
        "no_change_poll": conditional,
        "no_change_poll_without_stored_validators": without,
    }
    print(json.dumps({"bench_poll": result}))
    return result


if __name__ == "__main__":
    main()
