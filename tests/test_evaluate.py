"""The scorer and the `extract` / `evaluate` commands."""

from __future__ import annotations

import argparse
import json
import sys
from io import BytesIO
from pathlib import Path

import pytest

from monitor.commands import evaluate as evaluate_cmd
from monitor.commands import extract as extract_cmd
from monitor.evaluate import evaluate, load_passages, match

PASSAGE = {
    "id": "t1",
    "doc_date": "2024-04-02",
    "text": "Zoals in uw eerdere vraag 350 d.d. 9 juni 2023. Dit wordt verder gemonitord. "
    "Er zijn 879 boetes.",
    "references": [
        {
            "span": "uw eerdere vraag 350 d.d. 9 juni 2023",
            "kind": "written_question",
            "number": 350,
            "date": "2023-06-09",
            "session_year": "2022-2023",
        }
    ],
    "promises": [{"span": "Dit wordt verder gemonitord", "kind": "open", "due": None}],
}


def test_match_is_one_to_one_largest_overlap_first():
    assert match([(0, 10), (20, 30)], [(5, 25)]) == [(0, 0)]
    assert match([(0, 10)], [(0, 3), (2, 10)]) == [(0, 1)]
    assert match([(0, 10)], [(10, 20)]) == []


def test_evaluate_perfect_passage():
    score = evaluate([PASSAGE]).to_dict()
    assert score["references"]["precision"] == 1.0 and score["references"]["recall"] == 1.0
    assert score["references"]["field_accuracy"] == {
        "kind": 1.0,
        "number": 1.0,
        "date": 1.0,
        "session_year": 1.0,
    }
    assert score["promises"]["f1"] == 1.0


def test_evaluate_counts_misses_and_spurious():
    def extractor(text, doc_date):
        return {
            "references": [],
            "promises": [
                {
                    "span": "Er zijn",
                    "start": text.index("Er zijn"),
                    "end": text.index("Er zijn") + 7,
                    "kind": "open",
                    "due": None,
                }
            ],
        }

    score = evaluate([PASSAGE], extractor)
    assert (score.lists["references"].fn, score.lists["promises"].fp) == (1, 1)
    assert {e["type"] for e in score.errors} == {"missed", "spurious"}


def run(module, argv):
    parser = argparse.ArgumentParser()
    module.add_parser(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def test_evaluate_command(tmp_path, capsys):
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(PASSAGE) + "\n", encoding="utf-8")
    assert run(evaluate_cmd, ["evaluate", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["references"]["tp"] == 1
    assert run(evaluate_cmd, ["evaluate", str(path), "--show-errors"]) == 0
    assert "Verwijzingen" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert run(evaluate_cmd, ["evaluate", str(bad)]) == 2


def test_extract_command_json(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(PASSAGE["text"], encoding="utf-8")
    assert run(extract_cmd, ["extract", "--date", "2024-04-02", "--json", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"references", "promises", "subquestions"}
    (ref,) = out["references"]
    assert set(ref) == {"span", "start", "end", "kind", "number", "date", "session_year"}
    assert PASSAGE["text"][ref["start"] : ref["end"]] == ref["span"]
    (promise,) = out["promises"]
    assert {"span", "start", "end", "kind", "due"} <= set(promise)


def test_extract_command_summary_and_stdin(monkeypatch, capsys):
    class Stdin:
        buffer = BytesIO(PASSAGE["text"].encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert run(extract_cmd, ["extract", "-"]) == 0
    out = capsys.readouterr().out
    assert "Verwijzingen (1)" in out and "nr. 350" in out and "Beloftes (1)" in out


@pytest.mark.parametrize("content", [b"", b"   \n", b"\xff\xfe\xfa"])
def test_extract_command_bad_input(tmp_path, capsys, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert run(extract_cmd, ["extract", str(path)]) == 2
    assert "opvolger extract" in capsys.readouterr().err


def test_extract_command_missing_file(tmp_path, capsys):
    assert run(extract_cmd, ["extract", str(tmp_path / "nope.txt")]) == 2


FIXTURES = Path(__file__).parent / "fixtures" / "text"


@pytest.mark.parametrize("name", ["eval-dev.jsonl", "own-passages.jsonl"])
def test_quality_targets_on_labelled_passages(name):
    # eval-dev (copied from shared/eval-dev) and our own labelled passages, never tuned per
    # passage: the targets of issue 3
    score = evaluate(load_passages(FIXTURES / name))
    refs, promises = score.lists["references"], score.lists["promises"]
    assert refs.precision >= 0.95 and refs.recall >= 0.90
    assert promises.precision >= 0.90 and promises.recall >= 0.85
    assert promises.field_hits["due"] / promises.tp >= 0.90


@pytest.mark.parametrize(
    "name",
    [
        "heldout.jsonl",  # 90 real passages, first measured unseen, then tuned on
        "tune.jsonl",  # 103 real passages labelled while tuning
        "heldout2.jsonl",  # 100 real passages (mostly Dutch Kamerstukken), tuned on later
        "heldout3.jsonl",  # 92 real passages; half of them stayed unseen (see README)
    ],
)
def test_no_regression_on_real_passages(name):
    # A regression net over real text: floors a little under what the extractor scores now
    score = evaluate(load_passages(FIXTURES / name))
    refs, promises = score.lists["references"], score.lists["promises"]
    assert refs.precision >= 0.95 and refs.recall >= 0.88
    assert promises.precision >= 0.85 and promises.recall >= 0.90
    assert promises.field_hits["due"] / promises.tp >= 0.90
