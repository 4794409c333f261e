"""Open the SQLite database: WAL mode, foreign keys, migrations applied."""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from state.migrations import migrations

DB_ENV = "OPVOLGER_DB"


def default_db_path() -> Path:
    """`OPVOLGER_DB`, else `opvolger.db` in the user's data directory."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("opvolger", appauthor=False)) / "opvolger.db"


def open_db(path: str | os.PathLike[str] | None = None) -> sqlite_utils.Database:
    """Open (and create or migrate) the database at `path`; ``":memory:"`` works too."""
    if path is None:
        path = default_db_path()
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = sqlite_utils.Database(str(path))
        db.execute("PRAGMA journal_mode=WAL")
    else:
        db = sqlite_utils.Database(memory=True)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=10000")
    db.execute("PRAGMA synchronous=NORMAL")
    migrations.apply(db)
    return db
