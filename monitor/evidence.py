"""Is a later document evidence that a promise was kept?

`assess` is pure: it compares one ledger entry (its span, subject and due date) with the
answer part of a later document and returns an `Assessment` with a verdict:

- ``kept`` / ``partly_kept`` — strong: the answer speaks of the promise's subject in the
  past tense (goedgekeurd, startte, werd verstuurd ...), near the due date, *and* the same
  passage points back to the earlier answer ("zoals toegezegd in mijn antwoord op vraag
  nr. 170"). ``partly_kept`` when it reports a smaller quantity than was promised
  ("tien van de negentien gemeenten" → "9 gemeenten");
- ``proposed`` — weaker: the subject matches and it sounds done, but the passage does not
  point back to the promise; shown as "mogelijk ingelost" for a person to confirm;
- ``none`` — nothing, or the passage says it has not happened yet ("nog niet").

`collect_evidence` is the poll hook: the new document's resolved references lead to the
earlier questions, whose active entries are assessed and updated through `state.ledger`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from rapidfuzz import fuzz
from sqlite_utils import Database

from monitor.routing import chats_for
from monitor.text.dates import MONTHS, find_dates
from state import ledger as store
from state.events import Router

__all__ = [
    "Assessment",
    "answer_part",
    "assess",
    "assess_by_subquestion",
    "collect_evidence",
    "key_terms",
]

# Thresholds on the 0-100 similarity of the best passage.
STRONG = 70.0
WEAK = 50.0
DATE_WINDOW = timedelta(days=45)  # a date this close to the due date supports the match
MAX_EXCERPT = 400
SUB_MIN_COMMON = 3  # content words a later sub-question shares with the promise's context
SUB_MIN_DICE = 0.3

NUMBER_WORDS = {  # "een" is left out: mostly the article
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
}
STOPWORDS = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar daarna dan dat de deze die dit doch doen
    door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
    nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel
    voor want waren was wat we wel werd werden wezen wie wij wil worden wordt zal ze zelf zich
    zij zijn zo zonder zou zullen zoals sinds tijdens verder graag intussen ondertussen
    inmiddels minimum minstens ongeveer daarnaast hierover hiervan waarbij welke wanneer
    zowel eveneens telkens concreet vraag vragen antwoord verwijs bevoegde minister gelieve
    voegen bezorgen
    januari februari maart april mei juni juli augustus september oktober november december
    voorjaar zomer najaar winter lente herfst begin midden eind einde loop jaar jaren maand
    maanden week weken kwartaal
    """.split()
)
# Stems that stand for each other ("notulen" are "verslagen" of a meeting).
SYNONYMS = {"notule": ("versla",), "versla": ("notule",)}
# Past tense and perfect forms that report something done.
_DONE = re.compile(
    r"\b(?:goedgekeurd|gepubliceerd|afgerond|gestart|opgestart|gelanceerd|verstuurd|"
    r"verzonden|bezorgd|overgemaakt|uitgevoerd|gerealiseerd|ingezet|gehouden|georganiseerd|"
    r"plaatsgevonden|afgesloten|voltooid|geëvalueerd|opgeleverd|bekendgemaakt|toegevoegd|"
    r"ondertekend|aangesteld|geïnstalleerd|gelegd|ingevoerd|uitgerold|in werking getreden|"
    r"startte|startten|liep|liepen|vond plaats|vonden plaats|keurde|keurden|verscheen|"
    r"verschenen|ontvingen|ontving|in bijlage|als bijlage|vindt u|gaat als bijlage)\b",
    re.I,
)
# Auxiliaries of the past; "worden ... goedgekeurd" alone is still a promise.
_PAST = re.compile(
    r"\b(?:werd|werden|is|zijn|heeft|hebben|was|waren|startte|startten|liep|liepen|vond|"
    r"vonden|keurde|keurden|verscheen|verschenen|ontving|ontvingen|intussen|inmiddels|"
    r"ondertussen|reeds|al)\b",
    re.I,
)
_NOT_YET = re.compile(
    r"\b(?:nog niet|niet langer|niet meer|nog steeds niet|uitgesteld|vertraging|vertraagd|"
    r"later dan gepland|opgeschort|geannuleerd|afgeblazen|nog geen)\b",
    re.I,
)
_BACK_REFERENCE = re.compile(
    r"\b(?:zoals (?:toegezegd|beloofd|aangekondigd|meegedeeld|gemeld|voorzien|gepland|"
    r"vermeld)|conform (?:mijn|het) (?:eerdere )?antwoord|in (?:mijn|het) antwoord op)\b",
    re.I,
)
_QUANTITY = re.compile(
    r"\b(\d{1,4}|" + "|".join(NUMBER_WORDS) + r")\b(?:\s+van\s+de\s+\S+)?"
    r"\s+([a-zà-ÿ]{4,})(?:\s+([a-zà-ÿ]{4,}))?",
    re.I,
)
_ANSWER = re.compile(r"^[ \t]*ANTWOORD\b", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n[ \t]*\n|\n(?=[ \t]*(?:\d+\.|[a-z]\)|•))")


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z\-]+", _fold(text))


def _stem(word: str) -> str:
    return word[:6]


def key_terms(*texts: str) -> list[str]:
    """The content words of `texts` (no stop words, months or numbers), as stems."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _words(text):
            if len(word) >= 4 and word not in STOPWORDS and word not in NUMBER_WORDS:
                seen.setdefault(_stem(word), None)
    return list(seen)


def _dates(text: str) -> list[date]:
    """The precise days named in `text` ("9 juni 2023", "09/06/2023")."""
    return [m.day for m in find_dates(text) if m.day is not None]


def _quantities(text: str) -> dict[str, int]:
    """Counted nouns: "tien van de negentien Brusselse gemeenten" → {"brusse": 10,
    "gemeen": 10} (the noun may follow an adjective, so both words count)."""
    out: dict[str, int] = {}
    for m in _QUANTITY.finditer(_fold(text)):
        raw = m.group(1)
        value = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
        if value is None or (raw.isdigit() and len(raw) == 4 and 1900 < value < 2100):
            continue  # not a number, or a year
        for noun in (m.group(2), m.group(3)):
            if noun and noun not in STOPWORDS and noun not in MONTHS:
                out.setdefault(_stem(noun), value)
    return out


def answer_part(text: str) -> int:
    """Offset where the answer starts ("ANTWOORD" heading), else 0 (all of it)."""
    try:
        from monitor.text import split_document

        start = split_document(text).answer_start
        if start:
            return start
    except Exception:  # noqa: BLE001 - the splitter is optional here
        pass
    match = _ANSWER.search(text)
    return match.start() if match else 0


@dataclass(frozen=True)
class Assessment:
    """How well a passage of a later document shows that an entry was kept."""

    verdict: str  # kept | partly_kept | proposed | none
    score: float
    excerpt: str = ""
    start: int = 0
    end: int = 0
    terms: tuple[str, ...] = ()
    done: bool = False
    not_yet: bool = False
    date_near_due: bool = False
    back_reference: bool = False
    reasons: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "score": round(self.score, 1),
            "excerpt": self.excerpt,
            "start": self.start,
            "end": self.end,
            "terms": list(self.terms),
            "reasons": list(self.reasons),
        }


_ABBREVIATION = re.compile(
    r"(?:\b(?:nr|nrs|art|artt|o\.a|bv|bijv|enz|e\.a|vs|resp|cf|ca|dhr|mevr|blz|p|d\.d)\."
    r"|^\s*(?:\d+|[a-z])[.)]|\b[A-Z]\.)$"
)


def _sentences(text: str, start: int) -> list[tuple[int, int]]:
    """Sentence spans from `start`; no break after "nr.", "d.d.", "1." and the like."""
    bounds: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start):
        piece = text[pos : m.start()]
        if _ABBREVIATION.search(piece) and not m.group(0).startswith("\n"):
            continue
        if piece.strip():
            bounds.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        bounds.append((pos, len(text)))
    return bounds


def _passages(text: str, start: int) -> list[tuple[int, int]]:
    """Sentence spans from `start`, and each sentence joined with the next."""
    bounds = _sentences(text, start)
    windows = list(bounds)
    windows += [(bounds[i][0], bounds[i + 1][1]) for i in range(len(bounds) - 1)]
    return windows


def assess(
    span: str,
    subject: str,
    due: date | None,
    text: str,
    *,
    answer_start: int = 0,
    doc_date: date | None = None,
    back_refs: Sequence[tuple[int, int]] = (),
) -> Assessment:
    """Assess the answer part of `text` (from `answer_start`) as evidence for a promise.

    `back_refs` are the character ranges of references in `text` that resolve to the
    promise's question; a passage holding one points back to the promise.
    """
    terms = key_terms(span, subject)
    anchor_dates = set(_dates(span))
    promised = _quantities(span)
    probe = _fold(f"{subject} {span}") if subject else _fold(span)
    if not terms:
        return Assessment("none", 0.0)
    best: Assessment | None = None
    for a, b in _passages(text, answer_start):
        passage = text[a:b]
        words = {_stem(w) for w in _words(passage)}
        found = tuple(t for t in terms if t in words or words & set(SYNONYMS.get(t, ())))
        coverage = len(found) / len(terms)
        fuzzy = fuzz.token_set_ratio(probe, _fold(passage))
        dates = _dates(passage)
        anchors = bool(anchor_dates & set(dates))
        score = 0.6 * coverage * 100 + 0.4 * fuzzy + (10 if anchors else 0)
        score -= max(0, (b - a) - 600) / 40  # long windows match anything a little
        if best is not None and score <= best.score:
            continue
        done = bool(_DONE.search(passage)) and bool(_PAST.search(passage))
        not_yet = bool(_NOT_YET.search(passage))
        near = due is not None and any(abs(d - due) <= DATE_WINDOW for d in dates)
        if due is not None and not near and doc_date is not None:
            near = doc_date >= due and doc_date - due <= DATE_WINDOW * 4
        back = any(a <= s < b for s, _e in back_refs) or bool(_BACK_REFERENCE.search(passage))
        best = Assessment(
            "none",
            min(score, 100.0),
            excerpt=" ".join(passage.split())[:MAX_EXCERPT],
            start=a,
            end=b,
            terms=found,
            done=done,
            not_yet=not_yet,
            date_near_due=near,
            back_reference=back,
        )
    if best is None:
        return Assessment("none", 0.0)
    reasons = [f"onderwerp {best.score:.0f}/100"]
    if best.done:
        reasons.append("gemeld als gedaan")
    if best.date_near_due:
        reasons.append("datum rond de termijn")
    if best.back_reference:
        reasons.append("verwijst naar de toezegging")
    if best.not_yet:
        reasons.append("'nog niet'")
    if due is not None and doc_date is not None and doc_date > due:
        reasons.append("gemeld na de termijn")
    verdict = "none"
    if not best.not_yet and best.done and best.score >= WEAK:
        verdict = "proposed"
        if best.score >= STRONG and best.back_reference and (due is None or best.date_near_due):
            verdict = "kept"
    if verdict != "none" and promised:
        reported = _quantities(text[best.start : best.end])
        short = [n for n, v in promised.items() if n in reported and reported[n] < v]
        if short:
            verdict = "partly_kept" if verdict == "kept" else "proposed"
            reasons.append("minder dan beloofd: " + ", ".join(short))
    return Assessment(
        verdict,
        best.score,
        excerpt=best.excerpt,
        start=best.start,
        end=best.end,
        terms=best.terms,
        done=best.done,
        not_yet=best.not_yet,
        date_near_due=best.date_near_due,
        back_reference=best.back_reference,
        reasons=tuple(reasons),
    )


def assess_by_subquestion(
    context: str,
    subquestions: Sequence[Mapping[str, Any]],
    due: date | None,
    *,
    doc_date: date | None = None,
) -> Assessment:
    """The second channel: a later question asks about the promise in one of its numbered
    parts, and the answer to that part reports it done.

    `context` is what the promise is about (its span, subject and the sub-question it
    answered); `subquestions` are the later document's parts (``label``, ``text``,
    ``answer``). Never stronger than ``proposed``: the link is indirect.
    """
    ctx = set(key_terms(context))
    best: tuple[float, Mapping[str, Any], tuple[str, ...]] | None = None
    for sub in subquestions:
        terms = set(key_terms(sub.get("text") or ""))
        common = tuple(sorted(ctx & terms))
        if len(common) < SUB_MIN_COMMON or not terms:
            continue
        dice = 2 * len(common) / (len(ctx) + len(terms))
        if dice >= SUB_MIN_DICE and (best is None or dice > best[0]):
            best = (dice, sub, common)
    if best is None:
        return Assessment("none", 0.0)
    dice, sub, common = best
    answer = sub.get("answer") or ""
    done = bool(_DONE.search(answer)) and bool(_PAST.search(answer))
    not_yet = bool(_NOT_YET.search(answer))
    score = round(100 * dice, 1)
    reasons = [f"deelvraag {sub.get('label')} vraagt ernaar ({score:.0f}/100)"]
    if done:
        reasons.append("gemeld als gedaan")
    if not_yet:
        reasons.append("'nog niet'")
    if due is not None and doc_date is not None and doc_date > due:
        reasons.append("gemeld na de termijn")
    verdict = "proposed" if done and not not_yet else "none"
    return Assessment(
        verdict,
        score,
        excerpt=" ".join(answer.split())[:MAX_EXCERPT],
        terms=common,
        done=done,
        not_yet=not_yet,
        reasons=tuple(reasons),
    )


def _context(entry: store.LedgerEntry, own_subquestions: Sequence[Mapping[str, Any]]) -> str:
    """The entry's span and subject, with the sub-question whose answer holds it."""
    span = " ".join(entry.span.split())
    parts = [entry.span, entry.subject]
    for sub in own_subquestions:
        if span and span[:80] in " ".join((sub.get("answer") or "").split()):
            parts.append(sub.get("text") or "")
            break
    return " ".join(p for p in parts if p)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def collect_evidence(
    db: Database,
    question_id: int,
    *,
    text: str | None = None,
    now: datetime | None = None,
    route: Router | None = chats_for,
    site_base: str | None = None,
    entries: Iterable[store.LedgerEntry] | None = None,
    historical: bool = False,
) -> list[int]:
    """Assess the document of `question_id` against the active ledger entries of the
    questions it cites; returns the ids of the new events.

    Strong evidence moves an entry to kept (or partly kept); weaker evidence is added as
    a proposal ("mogelijk ingelost") for a person to confirm. Re-running is a no-op.
    `historical` (a backfill) stores the events without alerting.
    """
    from monitor import ledger

    site_base = site_base or ledger.DEFAULT_SITE_BASE
    if text is None:
        text = store.question_text(db, question_id) or ""
    if not text.strip():
        return []
    refs = [r for r in store.cited_refs(db, question_id) if r["target_id"] is not None]
    targets = {int(r["target_id"]) for r in refs} - {int(question_id)}
    if not targets and entries is None:
        return []
    facts = store.question_facts(db, [question_id]).get(int(question_id)) or {}
    doc_date = _date(facts.get("answered_on")) or _date(facts.get("asked_on"))
    if entries is None:
        entries = store.list_entries(db, statuses=store.ACTIVE, question_ids=targets)
    start = answer_part(text)
    later_subs = [
        sub for sub in store.subquestions_of(db, question_id) if (sub.get("answer") or "").strip()
    ]
    own_subs: dict[int, list[dict[str, Any]]] = {}
    evidence_ref = ledger._evidence_ref(db, question_id, site_base)
    new_ids: list[int] = []
    for entry in entries:
        made_on = _date(entry.question.get("answered_on"))
        if made_on and doc_date and doc_date < made_on:
            continue  # an older document cannot report on a later promise
        back = [
            (r["start"], r["end"])
            for r in refs
            if r["target_id"] == entry.question_id and r["start"] is not None
        ]
        result = assess(
            entry.span,
            entry.subject,
            entry.due_date,
            text,
            answer_start=start,
            doc_date=doc_date,
            back_refs=back,
        )
        if result.verdict == "none" and later_subs:
            own = own_subs.setdefault(
                entry.question_id, store.subquestions_of(db, entry.question_id)
            )
            by_sub = assess_by_subquestion(
                _context(entry, own), later_subs, entry.due_date, doc_date=doc_date
            )
            if by_sub.verdict != "none" and not result.not_yet:
                result = by_sub
        if result.verdict == "none":
            continue
        evidence = {**evidence_ref, **result.to_dict()}
        item = {"question_id": int(question_id), **result.to_dict()}
        if result.verdict in ("kept", "partly_kept"):
            item["state"] = "auto"
            event = ledger.status_event(
                entry, result.verdict, evidence=evidence, site_base=site_base, historical=historical
            )
            try:
                new_ids += store.set_status(
                    db,
                    entry.id,
                    result.verdict,
                    evidence=item,
                    expect=store.ACTIVE,
                    events=[event],
                    route=route,
                    now=now,
                )
            except store.StaleStatus:
                continue
        else:
            item["state"] = "proposed"
            short = any(r.startswith("minder dan beloofd") for r in result.reasons)
            item["suggested"] = "partly_kept" if short else "kept"
            event = ledger.status_event(
                entry, "proposed", evidence=evidence, site_base=site_base, historical=historical
            )
            new_ids += store.add_evidence(db, entry.id, item, events=[event], route=route, now=now)
    return new_ids
