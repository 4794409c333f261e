"""Run every benchmark: each `benchmarks/bench_*.py` module's `main()`, in name order.

    python -m benchmarks.run [NAME ...]     e.g. python -m benchmarks.run ingest poll

Prints each benchmark's figures as it goes, then a summary (JSON) of all of them; a
benchmark that fails is reported and the others still run.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
import traceback
from pathlib import Path


def discover() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))


def main(argv: list[str] | None = None) -> int:
    wanted = list(sys.argv[1:] if argv is None else argv)
    names = [
        n for n in discover() if not wanted or n in wanted or n.removeprefix("bench_") in wanted
    ]
    sys.argv = sys.argv[:1]  # the benchmarks' own argument parsers see no arguments
    results: dict[str, object] = {}
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            figures = importlib.import_module(f"benchmarks.{name}").main()
        except Exception as exc:  # keep going: one broken benchmark must not hide the others
            traceback.print_exc()
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
            failed += 1
            continue
        results[name] = {"figures": figures, "seconds": round(time.perf_counter() - started, 1)}
    print("== summary")
    print(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
