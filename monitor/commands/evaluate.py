"""`opvolger evaluate FILE.jsonl [--json] [--show-errors]`: score the extractor."""

from __future__ import annotations

import argparse
import json
import sys

from monitor.evaluate import EvaluationError, evaluate, load_passages

LABELS = {"references": "Verwijzingen", "promises": "Beloftes"}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score the extractor on labelled passages (JSONL)",
        description="Meet precisie en recall van de extractie op gelabelde passages.",
    )
    parser.add_argument("file", help="JSONL file with labelled passages")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list misses and wrong fields")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        passages = load_passages(args.file)
    except FileNotFoundError:
        print(f"opvolger evaluate: bestand niet gevonden: {args.file}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"opvolger evaluate: {args.file} is geen UTF-8", file=sys.stderr)
        return 2
    except EvaluationError as exc:
        print(f"opvolger evaluate: {exc}", file=sys.stderr)
        return 2
    if not passages:
        print(f"opvolger evaluate: {args.file} bevat geen passages", file=sys.stderr)
        return 2
    score = evaluate(passages)
    if args.json:
        print(json.dumps(score.to_dict(errors=args.show_errors), ensure_ascii=False, indent=2))
        return 0
    print(f"{score.passages} passages")
    for name, s in score.lists.items():
        print(
            f"{LABELS[name]:<13} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"(tp {s.tp}, fp {s.fp}, fn {s.fn})"
        )
        fields = ", ".join(
            f"{f} {hits / s.tp:.3f}" if s.tp else f"{f} -" for f, hits in s.field_hits.items()
        )
        print(f"{'':<13} juist op treffers: {fields}")
    if args.show_errors:
        for err in score.errors:
            detail = err.get("fields") or err.get("kind") or ""
            print(f"  [{err['id']}] {err['list']} {err['type']}: {err['span']!r} {detail}")
    return 0
