"""The poller's sub-commands: poll --once, backfill, status [--json]."""

from __future__ import annotations

import argparse
import importlib
import json

import pytest

from tests.conftest import THEME_PAGE, switch

MINE = ("poll", "backfill", "status", "demo")


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="opvolger")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in MINE:
        importlib.import_module(f"monitor.commands.{name}").add_parser(sub)
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
def env(monkeypatch, server, db_path):
    for key, value in {
        "OPVOLGER_DB": str(db_path),
        "OPVOLGER_API_BASE": server.url,
        "OPVOLGER_DOCS_BASE": server.url,
        "OPVOLGER_SITE_BASE": server.url,
        "OPVOLGER_THEME_PAGE": THEME_PAGE,
        "OPVOLGER_RATE_LIMIT": "1000",
        "OPVOLGER_MAX_RETRIES": "0",
    }.items():
        monkeypatch.setenv(key, value)


def test_poll_once_then_status(env, capsys):
    assert run_cli("poll", "--once") == 0
    out = capsys.readouterr().out
    assert "poll run 1: ok" in out and "baseline" in out

    assert run_cli("status", "--json") == 0
    status = json.loads(capsys.readouterr().out)
    assert status["questions"] == 6 and status["answered"] == 2
    assert status["last_run"]["outcome"] == "ok" and status["last_run"]["kind"] == "poll"
    assert set(status) >= {"questions", "answered", "events", "open_promises", "last_run"}

    assert run_cli("status") == 0
    assert "vragen: 6 (beantwoord: 2)" in capsys.readouterr().out


def test_poll_once_reports_failure(env, server, capsys):
    server.add_fault(r"/api/search/", "status", status=500)
    assert run_cli("poll", "--once") == 1
    assert "HTTP 500" in capsys.readouterr().out
    run_cli("status")
    assert "fout:" in capsys.readouterr().out


def test_backfill(env, server, scenario, capsys):
    switch(server, scenario, "day2")
    assert run_cli("backfill", "--since", "2024-04-22", "--no-progress") == 0
    assert "backfill run 1: ok" in capsys.readouterr().out
    run_cli("status", "--json")
    status = json.loads(capsys.readouterr().out)
    assert status["questions"] == 4 and status["last_run"]["kind"] == "backfill"


def test_backfill_rejects_a_bad_date(env):
    with pytest.raises(SystemExit):
        run_cli("backfill", "--since", "22-04-2024")


def test_the_full_cli_registers_these_commands():
    try:
        from monitor.cli import build_parser

        parser = build_parser()
    except ModuleNotFoundError as exc:  # another engineer's command is not there yet
        pytest.skip(f"CLI not complete yet: {exc}")
    args = parser.parse_args(["backfill", "--since", "2024-01-01"])
    assert args.func.__module__ == "monitor.commands.backfill"


def test_predecessors_come_from_the_environment():
    from monitor.config import Settings

    settings = Settings.from_env(
        {"OPVOLGER_PREDECESSORS": "Gwendolyn Rutten: Bart Somers; Ben Weyts: A B, C D"}
    )
    assert dict(settings.predecessors) == {
        "Gwendolyn Rutten": ("Bart Somers",),
        "Ben Weyts": ("A B", "C D"),
    }
    with pytest.raises(ValueError, match="OPVOLGER_PREDECESSORS"):
        Settings.from_env({"OPVOLGER_PREDECESSORS": "Rutten"})
