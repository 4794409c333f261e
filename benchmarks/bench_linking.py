"""Linking speed: "possibly follows" for a new question against 100,000 stored titles.

Reports the median milliseconds of `monitor.linking.resemble` over a prebuilt `TitleIndex`,
beside a difflib baseline (SequenceMatcher.ratio over every title) measured in the same run.
The baseline is sampled on fewer titles and extrapolated linearly to 100,000 (it is O(n)).
Run: ``python -m benchmarks.bench_linking``.
"""

from __future__ import annotations

import difflib
import random
import statistics
import time
from datetime import date, timedelta

from monitor.linking import Candidate, TitleIndex, resemble

N_TITLES = 100_000
N_QUERIES = 200
BASELINE_TITLES = 5_000
BASELINE_QUERIES = 5

THEMES = [
    "Inburgering",
    "Integratie",
    "Kinderopvang",
    "Onderwijs",
    "Wonen",
    "Mobiliteit",
    "Vlaamse Waterweg",
    "Zorg",
    "Welzijn",
    "Armoedebestrijding",
    "Cultuur",
    "Sport",
    "Jeugd",
    "Media",
    "Landbouw",
    "Omgeving",
    "Energie",
    "Werk",
    "Economie",
    "Justitie",
    "Binnenlands Bestuur",
    "Gelijke Kansen",
    "Toerisme",
    "Brussel",
    "Digitalisering",
]
TOPICS = [
    "wachtlijsten",
    "capaciteit",
    "subsidies",
    "personeelstekort",
    "evaluatie",
    "cijfers",
    "administratieve geldboetes",
    "onthaal van nieuwkomers",
    "lokale wervingsplannen",
    "taalcursussen NT2",
    "sociaal tolken",
    "inburgeringstrajecten",
    "huisvesting",
    "onderhoud van jaagpaden",
    "renovatie",
    "digitale dienstverlening",
    "samenwerking met gemeenten",
    "budget",
    "controle",
    "klachten",
    "stand van zaken",
    "aanbesteding",
    "wachttijden",
]
PLACES = ["in Brussel", "in Antwerpen", "in Gent", "in Limburg", "in West-Vlaanderen", "", "", ""]
PEOPLE = [f"Parlementslid {i}" for i in range(120)]


def synthetic(n: int, seed: int = 7) -> list[Candidate]:
    rnd = random.Random(seed)
    start = date(2014, 1, 1)
    out = []
    for i in range(n):
        theme = rnd.choice(THEMES)
        title = f"{theme} - {rnd.choice(TOPICS).capitalize()} {rnd.choice(PLACES)}".strip()
        out.append(
            Candidate(
                id=i + 1,
                number=i % 1500 + 1,
                session_year="2022-2023",
                title=title,
                subject=title,
                asker=rnd.choice(PEOPLE),
                asked_on=start + timedelta(days=rnd.randrange(3650)),
                themes=(theme,),
            )
        )
    return out


def main() -> dict:
    pool = synthetic(N_TITLES)
    t0 = time.perf_counter()
    index = TitleIndex(pool)
    build_s = time.perf_counter() - t0
    queries = synthetic(N_QUERIES, seed=11)
    queries = [
        Candidate(
            id=10**7 + q.id,
            title=q.title,
            subject=q.subject,
            asker=q.asker,
            asked_on=date(2024, 6, 1),
            themes=q.themes,
        )
        for q in queries
    ]
    timings = []
    for q in queries:
        t = time.perf_counter()
        resemble(q, index, limit=5)
        timings.append((time.perf_counter() - t) * 1000)
    median_ms = statistics.median(timings)

    sample = [c.title for c in pool[:BASELINE_TITLES]]
    base = []
    for q in queries[:BASELINE_QUERIES]:
        t = time.perf_counter()
        scores = [difflib.SequenceMatcher(None, q.title, title).ratio() for title in sample]
        sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:5]
        base.append((time.perf_counter() - t) * 1000)
    baseline_ms = statistics.median(base) * (N_TITLES / BASELINE_TITLES)
    result = {
        "titles": N_TITLES,
        "queries": N_QUERIES,
        "index_build_s": round(build_s, 2),
        "median_ms": round(median_ms, 2),
        "p95_ms": round(statistics.quantiles(timings, n=20)[18], 2),
        "difflib_median_ms_extrapolated": round(baseline_ms, 1),
        "difflib_sampled_titles": BASELINE_TITLES,
        "speedup_vs_difflib": round(baseline_ms / median_ms, 1) if median_ms else None,
        "target_ms": 20,
    }
    print(
        f"linking: {N_TITLES:,} titles, median {result['median_ms']} ms "
        f"(p95 {result['p95_ms']} ms; index built in {result['index_build_s']} s); "
        f"difflib baseline ≈ {result['difflib_median_ms_extrapolated']} ms "
        f"(measured on {BASELINE_TITLES:,} titles, extrapolated) → "
        f"{result['speedup_vs_difflib']}× faster"
    )
    return result


if __name__ == "__main__":
    main()
