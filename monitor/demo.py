"""The offline demo: the real pipeline against the bundled sample of three days.

A `FixtureServer` on 127.0.0.1 serves `monitor/sample/day1` (Friday 19 April 2024), then
`day2` (Tuesday 23 April 2024), then `day3` (Thursday 25 April 2024, nothing new). A
console chat (id 0, "terminal") follows the configured themes. Day 1 is the baseline:
everything is stored, nothing is alerted. On day 2 new questions and answers appear; their
events go to the outbox, and `bot.delivery` prints the alerts the chat would receive. On
day 3 the minutes promised in nr. 170 for 24 April have not appeared: the promise is
overdue, and that is alerted.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from dataclasses import replace
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import Any, TextIO

from monitor.client import Client
from monitor.config import Settings
from monitor.fixture_server import FixtureServer
from monitor.poll import PollResult, poll_once
from monitor.routing import normalise
from state import runs
from state.db import open_db
from state.events import get_event
from state.questions import status_counts

__all__ = ["CONSOLE_CHAT", "demo_settings", "run_demo", "sample_dir"]

CONSOLE_CHAT = 0
THEME_PAGE = "/nl/themas/integratie-en-inburgering"
KIND_LABELS = {
    "promise_due_soon": "toezegging vervalt binnenkort",
    "promise_overdue": "toezegging vervallen",
    "promise_kept": "toezegging nagekomen",
    "promise_partly_kept": "toezegging deels nagekomen",
    "promise_proposed_kept": "toezegging mogelijk nagekomen",
    "new_question": "nieuwe vraag",
    "answered": "beantwoord",
    "answered_late": "laattijdig beantwoord",
    "answer_overdue": "antwoord te laat",
    "answer_changed": "antwoord gewijzigd",
    "question_updated": "vraag gewijzigd",
}


def sample_dir() -> Path:
    """The bundled sample (package data)."""
    return Path(str(files("monitor").joinpath("sample")))


def demo_settings(settings: Settings, base_url: str) -> Settings:
    """`settings` pointed at the local server, without the politeness delays."""
    return replace(
        settings,
        api_base=base_url,
        docs_base=base_url,
        site_base=base_url,
        theme_page_path=THEME_PAGE,
        requests_per_second=1000.0,
        timeout=10.0,
        max_retries=1,
        backoff_base=0.05,
    )


def _label(question: dict[str, Any]) -> str:
    number = question.get("number")
    year = question.get("session_year")
    head = f"nr. {number} ({year})" if number else f"schv {question.get('id')}"
    return f"{head} {question.get('title') or ''}".strip()


def _print_events(db: Any, result: PollResult, out: TextIO) -> None:
    for event_id in result.event_ids:
        event = get_event(db, event_id)
        if event is None or event["historical"]:
            continue  # recorded without an alert of its own (e.g. part of an answer's)
        question = event["payload"].get("question") or {}
        kind = KIND_LABELS.get(event["kind"], event["kind"])
        payload = event["payload"]
        extra = []
        if payload.get("references"):
            extra.append(f"{len(payload['references'])} verwijzing(en)")
        if payload.get("promises"):
            extra.append(f"{len(payload['promises'])} toezegging(en)")
        if payload.get("deadline"):
            extra.append(f"termijn {payload['deadline']}")
        print(
            f"  • {kind}: {_label(question)}" + (f" — {', '.join(extra)}" if extra else ""),
            file=out,
        )


def run_demo(
    settings: Settings | None = None,
    *,
    db_path: str | Path | None = None,
    out: TextIO | None = None,
    deliver: bool = True,
) -> dict[str, Any]:
    """Run the sample's days; prints what happens to `out` and returns a summary."""
    from bot.delivery import ConsoleSender, deliver_pending
    from state.chats import add_subscription, upsert_chat

    out = out or sys.stdout
    settings = settings or Settings.from_env()
    tmp: tempfile.TemporaryDirectory[str] | None = None
    if db_path is None:
        db_path = settings.db_path
    if db_path is None:
        tmp = tempfile.TemporaryDirectory(prefix="opvolger-demo-")
        db_path = Path(tmp.name) / "demo.db"
    sample = sample_dir()
    summary: dict[str, Any] = {"db": str(db_path), "days": []}
    try:
        db = open_db(db_path)
        upsert_chat(db, CONSOLE_CHAT, type="private", title="terminal")
        for theme in settings.themes:
            add_subscription(db, CONSOLE_CHAT, "theme", normalise(theme), theme)
        with FixtureServer(sample / "day1") as server:
            local = demo_settings(settings, server.url)
            print(f"Opvolger-demo: voorbeeldgegevens op {server.url}", file=out)
            print(f"Thema: {', '.join(settings.themes)}; database: {db_path}\n", file=out)
            with Client(local) as client:
                # A database that has been polled already is past day 1: do not go back.
                days = ("day1", "day2", "day3")
                if runs.has_ok_run(db):
                    days = days[1:]
                    print("(deze database kent dag 1 al: enkel dag 2 en 3)\n", file=out)
                for day in days:
                    server.scenario = sample / day
                    now = datetime.fromisoformat(server.meta["now"])
                    result = poll_once(db, local, client=client, now=now)
                    label = server.meta.get("label", day)
                    counts = result.counts
                    print(f"== {label} ==", file=out)
                    print(
                        f"  {counts.get('new', 0)} nieuwe en {counts.get('updated', 0)} "
                        f"gewijzigde vragen, {counts.get('events', 0)} gebeurtenissen, "
                        f"{counts.get('requests', 0)} verzoeken"
                        + (" — basislijn: er wordt niets gemeld" if result.baseline else ""),
                        file=out,
                    )
                    for error in result.errors:
                        print(f"  fout: {error}", file=out)
                    if not result.baseline:
                        _print_events(db, result, out)
                    report = None
                    if deliver and not result.baseline:
                        print("\n  Meldingen (chat 0 = deze terminal):\n", file=out)
                        report = asyncio.run(deliver_pending(db, ConsoleSender(out), now=now))
                    summary["days"].append(
                        {
                            "day": day,
                            "outcome": result.outcome,
                            "baseline": result.baseline,
                            "counts": counts,
                            "errors": result.errors,
                            "alerts_sent": report.sent if report else 0,
                        }
                    )
                    print(file=out)
        summary["status"] = status_counts(db)
        print("Stand: " + json.dumps(summary["status"], ensure_ascii=False), file=out)
        db.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    return summary
