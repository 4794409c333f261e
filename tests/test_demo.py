"""`opvolger demo` end to end: offline, fast, the seed's answer alerted on day 2."""

from __future__ import annotations

import io

from monitor.config import Settings
from monitor.demo import run_demo, sample_dir


def test_sample_has_the_seed_and_the_question_it_cites():
    sample = sample_dir()
    assert (sample / "common" / "pfile" / "2058696.pdf").is_file()  # nr. 170 (2023-2024)
    assert (sample / "common" / "pfile" / "1971860.pdf").is_file()  # nr. 350 (2022-2023)
    assert (sample / "day1" / "opendata" / "schv" / "1813507.json").is_file()  # still open
    assert (
        '"vraagnummer": "350"'
        in (sample / "common" / "opendata" / "schv" / "1759384.json").read_text()
    )


def test_demo_runs_day_1_and_day_2(tmp_path, monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    out = io.StringIO()
    summary = run_demo(Settings(), db_path=tmp_path / "demo.db", out=out)
    text = out.getvalue()

    day1, day2, day3 = summary["days"]
    assert day1["outcome"] == "ok" and day1["baseline"] and day1["alerts_sent"] == 0
    assert day2["outcome"] == "ok" and not day2["baseline"]
    assert day2["alerts_sent"] == 5
    # 25 April: the minutes promised for 24 April were not published — one alert.
    assert day3["outcome"] == "ok" and day3["alerts_sent"] == 1
    assert "Toezegging over tijd" in text and "24 april 2024" in text
    assert "basislijn" in text
    assert "nr. 170 (2023-2024) Inburgering - Brussels Hoofdstedelijk Gewest" in text
    assert "nieuwe vraag: nr. 215 (2023-2024)" in text
    assert "── chat 0 ──" in text  # the alerts, printed by the console sender
    assert summary["status"]["questions"] == 9


def test_demo_again_on_the_same_database_alerts_nothing_new(tmp_path):
    db_path = tmp_path / "demo.db"
    run_demo(Settings(), db_path=db_path, out=io.StringIO())
    summary = run_demo(Settings(), db_path=db_path, out=io.StringIO())
    assert [(d["day"], d["counts"]["events"]) for d in summary["days"]] == [
        ("day2", 0),
        ("day3", 0),
    ]
