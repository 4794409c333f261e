"""The SQLite store. Nothing outside this package writes SQL."""

from state.db import default_db_path, open_db

__all__ = ["default_db_path", "open_db"]
