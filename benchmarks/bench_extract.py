"""Extraction throughput: MB of Dutch parliamentary text per second on one core.

The corpus is built from the seed document and real-looking passages (references, promises,
negatives), varied in numbers, dates and order, cut into documents of a few kilobytes.
Beside it, a difflib baseline measured in the same run: fuzzy keyword spotting with
`difflib.get_close_matches` over every word (the naive way to find "vraag", "debat",
"zal", ... despite PDF noise), timed on a sample of the corpus. Times are CPU time of this
process (`time.process_time`), so other load on the machine does not skew the figure.
Run: ``python -m benchmarks.bench_extract``.
"""

from __future__ import annotations

import difflib
import random
import time
from datetime import date
from pathlib import Path

from monitor.text import extract
from monitor.text.dates import MONTH_NAMES

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "text" / "seed-170.txt"
TARGET_BYTES = 2_000_000
BASELINE_BYTES = 60_000


PASSAGES = [
    "Zoals reeds beschreven in uw eerdere vraag {n} d.d. {d} worden aspecten zoals het profiel "
    "van inburgeraars in kaart gebracht.",
    "Tijdens de gedachtewisseling over de Vlaamse inburgeringstrajecten van {d} werd "
    "stilgestaan bij de Brusselwerking van het agentschap.",
    "In het antwoord op mijn schriftelijke vraag nr. {n} van {d} gaf de minister aan dat het "
    "aantal administratieve geldboetes opnieuw steeg.",
    "De verslagen van {d} worden op {d2} goedgekeurd.",
    "Daarnaast zal in het voorjaar van {y} ook een uitgebreide zichtbaarheidscampagne lopen.",
    "In {y} zal het agentschap in minimum {k} gemeenten medewerkers inzetten.",
    "Voor de algemene cijfers verwijs ik u graag door naar de bevoegde Brusselse minister.",
    "Dit wordt verder gemonitord.",
    "Tussen 1 juni 2022 en 20 maart 2024 ondertekenden {big} nieuwkomers een contract.",
    "Overeenkomstig artikel 90,5 van het Reglement leg ik het verslag ter inzage.",
    "De ordonnantie van {d} vormde de wettelijke basis voor de inburgeringsplicht.",
    "Hoeveel inburgeringsplichtigen hebben zich nog niet aangemeld bij het agentschap?",
    "Gelieve de notulen van die vergaderingen toe te voegen aan het antwoord.",
    "In de commissie van {d} hebt u de balans opgemaakt van de compensatiepremie.",
    "Het actieplan zal tegen eind dit jaar worden voorgesteld aan de Vlaamse Regering.",
    "De resultaten van de evaluatie worden voor de zomer van {y} aan het parlement bezorgd.",
    "Er werden {big} dossiers behandeld, een stijging met {k} procent tegenover vorig jaar.",
    # plain answer prose, as most of a real answer reads
    "Het agentschap telt {k} onthaalbureaus, verspreid over de vijf provincies en Brussel. "
    "Elk bureau beschikt over een team van trajectbegeleiders en maatschappelijk werkers.",
    "De cursus maatschappelijke oriëntatie omvat {k} lesuren en wordt aangeboden in de "
    "moedertaal van de inburgeraar of in een contacttaal.",
    "In de onderstaande tabel vindt u per provincie het aantal ondertekende contracten, het "
    "aantal behaalde attesten en het aantal stopzettingen.",
    "Van de {big} inburgeraars volgden er {k} procent een traject in Brussel; de overige "
    "trajecten werden gevolgd in Antwerpen, Gent en Leuven.",
    "De beoordeling gebeurt op basis van de aanwezigheid en de actieve deelname aan de lessen, "
    "zoals bepaald in het besluit.",
    "Personen die vrijgesteld zijn, ontvangen een attest van vrijstelling van het agentschap.",
]


def corpus(target: int = TARGET_BYTES, seed: int = 3) -> list[str]:
    """Documents of about 6 kB each, totalling `target` bytes of UTF-8."""
    rnd = random.Random(seed)
    base = SEED.read_text(encoding="utf-8")
    docs, size = [], 0
    while size < target:
        parts = [base] if rnd.random() < 0.3 else []
        while sum(len(p) for p in parts) < 6000:
            year = rnd.randint(2015, 2025)
            parts.append(
                rnd.choice(PASSAGES).format(
                    n=rnd.randint(1, 1800),
                    d=f"{rnd.randint(1, 28)} {rnd.choice(MONTH_NAMES)} {year}",
                    d2=f"{rnd.randint(1, 28)} {rnd.choice(MONTH_NAMES)} {year + 1}",
                    y=year,
                    k=rnd.randint(2, 40),
                    big=f"{rnd.randint(1, 99)}.{rnd.randint(100, 999)}",
                )
            )
        doc = "\n".join(parts)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


KEYWORDS = [
    "vraag",
    "schriftelijke",
    "interpellatie",
    "gedachtewisseling",
    "debat",
    "commissie",
    "plenaire",
    "zal",
    "zullen",
    "verwijs",
    "gemonitord",
    "beleidsbrief",
]


def baseline(text: str) -> int:
    """Naive fuzzy keyword spotting with difflib, word by word."""
    hits = 0
    for word in text.split():
        if difflib.get_close_matches(word.lower().strip(".,;:()"), KEYWORDS, n=1, cutoff=0.85):
            hits += 1
    return hits


def main() -> dict:
    docs = corpus()
    total = sum(len(d.encode("utf-8")) for d in docs)
    extract(docs[0], date(2024, 4, 2))  # warm up (regex compilation)
    t = time.process_time()
    found = 0
    for doc in docs:
        result = extract(doc, date(2024, 4, 2))
        found += len(result.references) + len(result.promises)
    elapsed = time.process_time() - t
    mb_s = total / 1e6 / elapsed

    # the seed document alone (a real question and answer), extracted repeatedly
    seed = SEED.read_text(encoding="utf-8")
    rounds = 100
    t = time.process_time()
    for _ in range(rounds):
        extract(seed, date(2024, 4, 2))
    seed_mb_s = len(seed.encode("utf-8")) * rounds / 1e6 / (time.process_time() - t)

    sample, size = [], 0
    for doc in docs:
        if size >= BASELINE_BYTES:
            break
        sample.append(doc)
        size += len(doc.encode("utf-8"))
    t = time.process_time()
    for doc in sample:
        baseline(doc)
    base_s = time.process_time() - t
    base_mb_s = size / 1e6 / base_s
    result = {
        "documents": len(docs),
        "megabytes": round(total / 1e6, 2),
        "seconds": round(elapsed, 2),
        "mb_per_s": round(mb_s, 2),
        "findings": found,
        "difflib_mb_per_s": round(base_mb_s, 3),
        "difflib_sampled_megabytes": round(size / 1e6, 3),
        "speedup_vs_difflib": round(mb_s / base_mb_s, 1),
        "seed_document_mb_per_s": round(seed_mb_s, 2),
        "target_mb_per_s": 1.0,
    }
    print(
        f"extract: {result['megabytes']} MB in {result['documents']} documents, "
        f"{result['mb_per_s']} MB/s on one core ({found} findings); difflib keyword-spotting "
        f"baseline {result['difflib_mb_per_s']} MB/s "
        f"(measured on {result['difflib_sampled_megabytes']} MB) "
        f"→ {result['speedup_vs_difflib']}× faster; the seed document alone: "
        f"{result['seed_document_mb_per_s']} MB/s"
    )
    return result


if __name__ == "__main__":
    main()
