"""Any input: no exception, and every span is exactly `text[start:end]`."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from monitor.text import extract

SEED = (Path(__file__).parent / "fixtures" / "text" / "seed-170.txt").read_text(encoding="utf-8")
ALPHABET = "abcdefghijklmnopqrstuvwxyzéëï ABCDEFGHIJ0123456789.,;:?!()-–/\n\t\u00a0\u00ad\u200bİ"


def check(text: str, doc_date: date | None = None) -> None:
    result = extract(text, doc_date)
    for item in (*result.references, *result.promises):
        assert text[item.start : item.end] == item.span
        assert 0 <= item.start < item.end <= len(text)
    for sub in result.subquestions:
        assert 0 <= sub.start <= sub.end <= len(text)


def test_random_noise():
    rnd = random.Random(5)
    for _ in range(300):
        check("".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 400))), date(2024, 1, 1))


def test_cut_and_shuffled_seed():
    rnd = random.Random(9)
    lines = SEED.split("\n")
    for _ in range(60):
        start = rnd.randrange(len(SEED))
        check(SEED[start : start + rnd.randint(1, 3000)])
        sample = lines[:]
        rnd.shuffle(sample)
        check("\n".join(sample[: rnd.randint(1, len(sample))]), date(2024, 4, 2))


def test_hyphenation_and_odd_spaces_keep_offsets():
    text = (
        "Zoals beschreven in uw eer-\ndere vraag 350 d.d. 9\u00a0juni  2023 worden de aspec-\n"
        "ten verder gemonitord."
    )
    result = extract(text)
    (ref,) = result.references
    assert ref.number == 350 and ref.date == date(2023, 6, 9)
    assert text[ref.start : ref.end] == ref.span


def test_uppercase_dotted_i_changes_length_when_lowered():
    # "İ".lower() is two characters: the matching must still give valid offsets
    check("İstanbul. Het actieplan zal tegen eind 2024 worden voorgesteld.", date(2024, 1, 1))
