"""Dutch dates and periods; session years.

`find_dates` finds the time expressions in a (cleaned) text. Each `DateMatch` carries the
day it names (`day`, for "9 juni 2023") and the last day by which a period is kept
(`due`: voorjaar 2024 → 2024-06-20, "in 2024" → 2024-12-31). Relative expressions
("tegen eind dit jaar", "volgende week", "binnen drie maanden") are anchored on the
document's date; without one they give None. Recurring and event-bound times ("jaarlijks",
"na de evaluatie") are found with `undefined=True`: they date a promise without a due day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_day(day: date) -> str:
    """`date(2024, 4, 24)` → "24 april 2024"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "febr": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december|jan\.?|febr?\.?|mrt\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|okt\.?|"
    r"nov\.?|dec\.?)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUMBERS = {
    "een": 1,
    "één": 1,
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
    "achttien": 18,
    "vierentwintig": 24,
    "dertig": 30,
    "zestig": 60,
    "negentig": 90,
}
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(_NUMBERS) + r")"


def fourth_monday_of_september(year: int) -> date:
    first = date(year, 9, 1)
    offset = (0 - first.weekday()) % 7  # Monday is 0
    return first + timedelta(days=offset + 21)


def session_year_of(d: date) -> str:
    """The Flemish session year of `d`: from the 4th Monday of September to the day before."""
    start = d.year if d >= fourth_monday_of_september(d.year) else d.year - 1
    return f"{start}-{start + 1}"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_for(month: int, day: int, doc_date: date | None, *, past: bool) -> int | None:
    """The year of a day and month given without one: the latest such day on or before
    `doc_date` (`past`), or simply `doc_date`'s year."""
    if doc_date is None:
        return None
    if not past:
        return doc_date.year
    candidate = safe_date(doc_date.year, month, day)
    if candidate is not None and candidate <= doc_date:
        return doc_date.year
    return doc_date.year - 1


# (last month, last day) of seasons and parts of a year
SEASONS = {
    "voorjaar": (6, 20),
    "lente": (6, 20),
    "zomer": (9, 22),
    "najaar": (12, 20),
    "herfst": (12, 20),
    "winter": (3, 20),  # of the next year
    "kerst": (12, 25),
    "kerstmis": (12, 25),
}


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    day: date | None = None  # a precise day ("9 juni 2023")
    due: date | None = None  # the last day the expression allows
    year_given: bool = True
    undefined: bool = False  # recurring or event-bound: dates a promise without a due day
    vague: bool = False  # "binnenkort", "de komende maanden": no date at all
    past_day: date | None = None  # for a day without a year: the latest one before doc_date


_R = 0  # patterns run on the lower-cased text (faster than re.IGNORECASE)

# a footnote number may stick to the year: "van 22-1-20201" (footnote 1)
_P_NUMERIC = re.compile(
    r"\b(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>(?:19|20)\d\d)(?:\b|(?=\d\b))"
)
_WEEKDAYS = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}
_P_DAY_MONTH = re.compile(
    r"(?P<day>\d{1,2})(?:ste|de|e)?\s+" + _MONTH + r"(?!\w)"
    r"(?:\s+" + _YEAR + r"\b)?(?P<ago>\s+(?:jongstleden|laatstleden|ll\.|jl\.|l\.l\.))?",
    _R,
)
_QUALIFIER = (
    r"(?P<qual>begin|eind|einde|midden|half|medio|eind\s+van|begin\s+van|"
    r"het\s+einde\s+van|het\s+eind\s+van|het\s+begin\s+van|het\s+midden\s+van)"
)
# Patterns with an optional lead-in are matched core first ("2024", "voorjaar", "jaar"), and
# the lead-in is then looked for right before the core (fast: no scan from every position).
_C_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"(?:\s+(?:van\s+)?" + _YEAR + r")?\b", _R)
_L_MONTH_YEAR = re.compile(r"\b(?:" + _QUALIFIER + r"\s+)?(?:de\s+maand\s+)?$|\bde\s+maand\s+$", _R)
_C_SEASON = re.compile(
    r"\b(?P<season>voorjaar|lente|zomer|najaar|herfst|winter|zomerreces|zomervakantie|"
    r"paasreces|paasvakantie|kerstreces|kerstvakantie|krokusreces|krokusvakantie|herfstvakantie|"
    r"herfstreces|voorjaarsvakantie|voorjaarsreces|kerstmis|kerst)"
    r"(?:\s+(?:van\s+)?" + _YEAR + r")?\b",
    _R,
)
_L_SEASON = re.compile(
    r"\b(?:(?P<pre>voor|vóór|tegen|na|in|tijdens|deze|dit|komende?|volgende?)\s+)?"
    r"(?:(?:de|het|deze|dit|komende?|volgende?)\s+)?"
    r"(?:(?P<qual>begin|eind|einde|midden|loop)\s+(?:van\s+)?(?:de|het)\s+)?$",
    _R,
)
_P_PART = re.compile(
    r"\b(?P<ord>eerste|tweede|derde|vierde|1ste|2de|3de|4de|1e|2e|3e|4e)\s+"
    r"(?P<part>semester|kwartaal|trimester|jaarhelft|helft)"
    r"(?:\s+(?:van\s+)?(?:(?P<rel>dit|volgend|komend|het\s+volgende)\s+jaar|" + _YEAR + r"))?\b",
    _R,
)
_L_PART = re.compile(
    r"\b(?:het|de|in\s+het|in\s+de|tijdens\s+het|tijdens\s+de|tegen\s+het|tegen\s+de)\s+$", _R
)
_P_Q = re.compile(r"\b(?P<q>q[1-4]|s[12])\s+(?P<year>(?:19|20)\d\d)\b")
_C_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b(?![-/]\d|\s*(?:euro|EUR|personen|mensen))", _R)
_L_YEAR = re.compile(
    r"\b(?P<pre>in\s+de\s+loop\s+van|in\s+het\s+(?:voorjaar|najaar)\s+van|"
    r"tegen\s+(?:het\s+)?(?:eind|einde|begin|midden)(?:\s+van)?|"
    r"voor\s+(?:het\s+)?(?:eind|einde)(?:\s+van)?|vóór\s+(?:het\s+)?(?:eind|einde)(?:\s+van)?|"
    r"(?:tegen\s+)?(?:het\s+)?(?:eind|einde|begin|midden|medio)(?:\s+van)?|"
    r"in\s+de\s+(?:eerste|tweede)\s+helft\s+van|in|tegen|voor|vóór|uiterlijk\s+in|"
    r"ten\s+laatste\s+in|nog\s+in|later\s+in|vanaf|sinds|tot|tot\s+en\s+met)\s+$",
    _R,
)
_P_YEAR_RANGE = re.compile(r"(?P<a>(?:19|20)\d\d)\s*[-–/]\s*(?P<b>(?:19|20)\d\d)\b")
_RANGE_KINDS = {
    "schooljaar",
    "academiejaar",
    "werkingsjaar",
    "zittingsjaar",
    "begrotingsjaar",
    "werkjaar",
}
_C_SCHOOL = re.compile(r"\b(?P<unit>schooljaar|academiejaar)\b", _R)
_L_SCHOOL = re.compile(
    r"\b(?:(?P<pre>tegen\s+|voor\s+|vóór\s+|vanaf\s+|in\s+|tijdens\s+)?(?:het\s+|de\s+)?"
    r"(?P<rel>volgend|volgende|komend|komende|nieuwe|huidige|lopende|dit)\s+"
    # "tegen het einde van het schooljaar": the last day of classes
    r"|(?P<end>(?:tegen\s+|voor\s+|vóór\s+|op\s+)?(?:het\s+)?(?:eind|einde)\s+van\s+(?:het|dit)\s+))$",
    _R,
)
_P_MONTH_RANGE = re.compile(
    r"\b(?P<m1>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december)\s*(?:/|-|–|of|tot)\s*(?P<m2>januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december)\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?"
)
_C_REL_YEAR = re.compile(r"\b(?P<unit>jaar|werkjaar|kalenderjaar|begrotingsjaar)\b", _R)
_L_REL_YEAR = re.compile(
    r"\b(?P<pre>(?:tegen\s+|voor\s+|vóór\s+)?(?:het\s+)?(?:eind|einde|begin|midden)(?:\s+van)?\s+"
    r"|in\s+de\s+loop\s+van\s+|later\s+|nog\s+|in\s+het\s+|tegen\s+)?"
    r"(?P<rel>dit|deze|volgend|komend|vorig|het\s+volgende|het\s+komende|het\s+lopende|het)\s+$",
    _R,
)
_C_REL_SHORT = re.compile(r"\b(?P<unit>week|maand|weken|maanden|dagen|jaren)\b", _R)
_L_REL_SHORT = re.compile(
    r"\b(?P<pre>tegen\s+|voor\s+|vóór\s+|in\s+de\s+loop\s+van\s+|eind\s+|begin\s+)?"
    r"(?:de\s+|het\s+)?(?P<rel>volgende|komende|eerstvolgende|deze|vorige)\s+$",
    _R,
)


class _Hit:
    """A core match with its lead-in: behaves like the `re.Match` the code below reads."""

    __slots__ = ("_start", "_end", "_text", "_groups")

    def __init__(self, text: str, start: int, end: int, groups: dict) -> None:
        self._start, self._end, self._text, self._groups = start, end, text, groups

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start : self._end]

    def __getitem__(self, name: str):
        return self._groups.get(name)


# The last word a lead-in can end with (a cheap test before the lead-in's regex).
_LEAD_LAST = {
    "month": {"begin", "eind", "einde", "midden", "half", "medio", "van", "maand"},
    "season": {
        "voor",
        "vóór",
        "tegen",
        "na",
        "in",
        "tijdens",
        "deze",
        "dit",
        "komend",
        "komende",
        "volgend",
        "volgende",
        "de",
        "het",
    },
    "part": {"het", "de"},
    "year": {
        "van",
        "eind",
        "einde",
        "begin",
        "midden",
        "medio",
        "in",
        "tegen",
        "voor",
        "vóór",
        "vanaf",
        "sinds",
        "tot",
        "met",
    },
    "rel_year": {
        "dit",
        "deze",
        "volgend",
        "komend",
        "vorig",
        "volgende",
        "komende",
        "lopende",
        "het",
    },
    "rel_short": {"volgende", "komende", "eerstvolgende", "deze", "vorige"},
    "school": {
        "volgend",
        "volgende",
        "komend",
        "komende",
        "nieuwe",
        "huidige",
        "lopende",
        "dit",
        "het",
    },
}


def _previous_word(text: str, start: int) -> str:
    end = start - 1
    if end < 1 or text[end] not in " \n":
        return ""
    begin = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
    return text[begin:end]


def _with_weekday(matches, text: str):
    """Day-month matches, extended over a weekday before them ("woensdag 15 november")."""
    for m in matches:
        start = m.start()
        word = _previous_word(text, start)
        if word in _WEEKDAYS:
            start -= len(word) + 1
        yield _Hit(text, start, m.end(), m.groupdict())


def _scan(
    core: re.Pattern[str],
    lead: re.Pattern[str] | None,
    text: str,
    covered: bytearray,
    *,
    last: set[str] = frozenset(),
    need_lead=False,
):
    for m in _iter(core, text):
        if covered[m.start()]:
            continue  # inside a longer expression found before ("15 november 2023")
        start, groups = m.start(), m.groupdict()
        if lead is not None and _previous_word(text, start) not in last:
            if need_lead:
                continue
        elif lead is not None:
            lm = lead.search(text, max(0, start - 60), start)
            if lm is not None and lm.end() == start and lm.start() < start:
                start = lm.start()
                groups.update({k: v for k, v in lm.groupdict().items() if v is not None})
            elif need_lead:
                continue
        yield _Hit(text, start, m.end(), groups)


_P_WITHIN = re.compile(
    r"\b(?P<pre>binnen(?:\s+de)?|binnen\s+een\s+termijn\s+van|over|uiterlijk\s+binnen|"
    r"in\s+de\s+komende|de\s+komende|in\s+de\s+volgende|ten\s+laatste\s+binnen)\s+"
    + _COUNT
    + r"(?P<range>\s*(?:-|–|à|tot)\s*\d{1,3})?"
    + r"\s+(?P<unit>dagen|dag|werkdagen|weken|week|maanden|maand|jaar|jaren)"
    r"(?P<after>\s+(?:na|vanaf|volgend\s+op|te\s+rekenen|na\s+ontvangst|nadat))?",
    _R,
)
_P_VAGUE = re.compile(
    r"\b(?:binnenkort|eerstdaags|weldra|spoedig|zo\s+snel\s+mogelijk|zo\s+spoedig\s+mogelijk|"
    r"zo\s+vlug\s+mogelijk|op\s+korte\s+termijn|in\s+de\s+nabije\s+toekomst|later|"
    r"de\s+komende\s+(?:weken|maanden|jaren|dagen)|in\s+de\s+komende\s+(?:weken|maanden|jaren|dagen)|"
    r"in\s+de\s+toekomst|te\s+gepasten\s+tijde|na\s+verloop\s+van\s+tijd)\b",
    _R,
)
_P_UNDEFINED = re.compile(
    # a word start and the first letters of the alternatives (a fast scan)
    r"(?<![\w])(?=[jhdmwtpreiébnvoagz])(?:jaarlijks|halfjaarlijks|driemaandelijks|maandelijks|wekelijks|tweejaarlijks|"
    r"periodiek|regelmatig|(?:elk|ieder)\s+(?:jaar|semester|kwartaal|voorjaar|najaar)|"
    r"(?:twee|drie|vier|een|één)\s+(?:keer|maal)\s+per\s+(?:jaar|maand|week)|"
    r"(?:bij|na)\s+(?:de|het|iedere|elke)\s+(?:volgende\s+)?(?:de\s+)?"
    r"(?:evaluatie|herziening|begrotingsaanpassing|begrotingsopmaak|actualisatie|afronding|"
    r"goedkeuring|publicatie|oplevering|ontvangst|opmaak|start|voorlegging|bespreking|"
    r"budgettaire\s+nota|volgende|nieuwe)\w*|"
    r"(?:bij|in|na|met|op|tijdens)\s+(?:de|het)\s+(?:eerst)?volgende\s+"
    r"(?!(?:dagen|weken|maanden|jaren|week|maand|jaar|keer|maal)\b)\w+|"
    r"(?:voor|vóór|bij|in|na|met|tijdens|tegen)\s+(?:de|het)\s+(?:voorjaarsnota|najaarsnota|"
    r"miljoenennota|begrotingsaanpassing|begrotingscontrole|begrotingsopmaak|begrotingsbehandeling|"
    r"jaarverslag|voortgangsrapportage|voortgangsbrief)(?:\s+(?:van\s+)?\d{4}(?:-\d{4})?)?\b|"
    r"(?:tegen|voor|vóór|op)\s+het\s+(?:einde?|eind)\s+van\s+(?:de|deze)\s+(?:legislatuur|regeerperiode)|"
    r"na\s+(?:overleg|afstemming|consultatie)|daarna|nadien|aansluitend(?!\s+(?:daarbij|hierbij|daaraan|hieraan|bij|aan)\b)|"
    r"(?:tijdens|gedurende|binnen)\s+de\s+looptijd|(?<=\s)wanneer\s+(?:de|het|die|deze|alle)\s|"
    r"(?:nog\s+)?(?:in\s+|tijdens\s+)?deze\s+(?:legislatuur|regeerperiode)|"
    r"op\s+basis\s+van\s+(?:de|het|die|deze)\s+(?:evaluatie|resultaten|analyse|studie|onderzoek|"
    r"bevraging|rapport|conclusies|bevindingen)|"
    r"na\s+(?:de|het)\s+(?:eerste|tweede|volgende|eerstvolgende)\s+\w+|"
    r"na\s+(?:goedkeuring|ontvangst|afronding|validatie|publicatie|evaluatie|analyse|advies|"
    r"(?:de\s+|het\s+)?inwerkingtreding)|nadat|"
    # "twee jaar na inwerkingtreding", "drie maanden na de oplevering": after an event
    r"(?:één|een|twee|drie|vier|vijf|zes)\s+(?:jaar|jaren|maanden|maand|weken|week)\s+na\s+"
    r"(?:de\s+|het\s+)?(?!afloop\b)\w+|"
    # a word ending in a treatment noun, checked by fixed-width look-behinds (no backtracking)
    r"(?:voor|vóór|bij|na|tijdens)\s+(?:de|het)\s+(?:\w+\s+)?\w+\b(?:(?<=behandeling)|(?<=debat)|"
    r"(?<=bespreking)|(?<=overleg)|(?<=rapportage)|(?<=evaluatie)|(?<=stemming))|"
    r"na\s+(?:één|een|twee|drie|vier|zes|\d{1,2})\s+(?:jaar|jaren|maanden|maand|weken|week)|"
    r"gelijktijdig\s+met|zodra|van\s+zodra|na\s+afloop\s+van|in\s+het\s+kader\s+van\s+de\s+volgende|"
    r"na\s+de\s+(?:\w+\s+)?verkiezingen|"
    r"binnen\s+\w+\s+(?:dagen|weken|maanden)\s+na)\b",
    _R,
)


# Patterns that start with a plain alternation of words are scanned several times faster
# than with a leading \b; the word start is checked on each match instead (`_iter`).
_FIRST = {
    "_C_MONTH_YEAR": "jfmasond",
    "_C_REL_SHORT": "wmdj",
    "_C_REL_YEAR": "jwkb",
    "_C_SEASON": "vlznhwpk",
    "_C_YEAR": "12",
    "_P_NUMERIC": "0-9",
    "_P_PART": "etdv1-4",
    "_P_Q": "qs",
    "_P_VAGUE": "bewszilodtn",
    "_P_WITHIN": "boiudt",
    "_C_SCHOOL": "sa",
    "_P_MONTH_RANGE": "jfmasond",
}
for _name, _chars in _FIRST.items():
    _pattern = globals()[_name]
    assert _pattern.pattern.startswith(r"\b"), _name
    globals()[_name] = re.compile(_pattern.pattern[2:], _pattern.flags)


def _iter(pattern: re.Pattern[str], text: str):
    """`pattern.finditer(text)`, keeping only matches that start a word."""
    for m in pattern.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        yield m


def _season_start(season: str, year: int) -> date:
    month, day = {
        "voorjaar": (3, 20),
        "lente": (3, 20),
        "zomer": (6, 21),
        "najaar": (9, 23),
        "herfst": (9, 23),
        "winter": (12, 21),
        "kerst": (12, 25),
        "kerstmis": (12, 25),
    }.get(season, (1, 1))
    return date(year, month, day)


def _season_due(season: str, year: int) -> date:
    month, day = SEASONS[season]
    return date(year + 1 if season == "winter" else year, month, day)


def _end_of(year: int, qual: str | None) -> date:
    qual = (qual or "").lower()
    if "begin" in qual:
        return date(year, 3, 31)
    if "midden" in qual or "medio" in qual or "half" in qual:
        return date(year, 6, 30)
    return date(year, 12, 31)


def find_dates(text: str, doc_date: date | None = None) -> list[DateMatch]:
    """All time expressions in `text`, left to right, longest first where they overlap."""
    found: list[DateMatch] = []
    original = text
    lowered = text.lower()
    if len(lowered) == len(text):
        text = lowered

    covered = bytearray(len(text) + 1)

    def add(m, **kw) -> None:
        start, end = m.start(), m.end()
        found.append(DateMatch(start, end, original[start:end], **kw))
        covered[start:end] = b"\x01" * (end - start)

    for m in _iter(_P_YEAR_RANGE, text):
        word = _previous_word(text, m.start())
        kind = word if word in _RANGE_KINDS else ""
        if kind:
            m = _Hit(text, m.start() - len(word) - 1, m.end(), m.groupdict())
        a, b = int(m["a"]), int(m["b"])
        if b != a + 1:
            add(m, vague=True)  # "2019-2024": a legislature, no date
            continue
        if kind in ("schooljaar", "academiejaar"):
            add(m, due=date(b, 8, 31))
        elif kind == "zittingsjaar":
            add(m, due=fourth_monday_of_september(b) - timedelta(days=1))
        elif kind:
            add(m, due=date(b, 12, 31))
        else:
            add(m, vague=True)  # "(2022-2023)": a session year named, not a time
    for m in _scan(_C_SCHOOL, _L_SCHOOL, text, covered, last=_LEAD_LAST["school"], need_lead=True):
        if doc_date is None:
            add(m, year_given=False)
            continue
        rel, pre = (m["rel"] or "").lower(), (m["pre"] or "").strip().lower()
        first = doc_date.year if doc_date.month >= 9 else doc_date.year - 1  # current one
        if rel.startswith(("volgend", "komend", "nieuwe")):
            first += 1
        if m["end"]:
            add(m, due=date(first + 1, 6, 30))
        elif pre == "vanaf":
            add(m, vague=True)
        elif pre in ("tegen", "voor", "vóór") or re.search(
            r"\b(?:start|begin|aanvang)\s+van\s+$", text[max(0, m.start() - 20) : m.start()]
        ):
            add(m, due=date(first, 9, 1))  # by (the start of) the school year
        else:
            add(m, due=date(first + 1, 8, 31))
    for m in _iter(_P_MONTH_RANGE, text):
        # "in november/december 2013": the last month of the range
        month = MONTHS[m["m2"].rstrip(".")]
        if m["year"]:
            year = int(m["year"])
        elif doc_date is not None:
            year = doc_date.year
        else:
            add(m, year_given=False)
            continue
        add(m, due=month_end(year, month))
    for m in _iter(_P_NUMERIC, text):
        d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            add(m, day=d, due=d)
    for m in _with_weekday(_iter(_P_DAY_MONTH, text), text):
        month = MONTHS[m["month"].lower().rstrip(".")]
        day = int(m["day"])
        if m["year"]:
            d = safe_date(int(m["year"]), month, day)
            if d:
                add(m, day=d, due=d)
            continue
        if m["ago"]:
            year = year_for(month, day, doc_date, past=True)
            d = safe_date(year, month, day) if year else None
            add(m, day=d, due=d, year_given=False, past_day=d)
            continue
        future = year_for(month, day, doc_date, past=False)
        past = year_for(month, day, doc_date, past=True)
        fd = safe_date(future, month, day) if future else None
        if fd is not None and doc_date is not None and fd < doc_date:
            fd = safe_date(future + 1, month, day)  # "op 15 januari" written in December
        pd = safe_date(past, month, day) if past else None
        add(m, day=fd, due=fd, year_given=False, past_day=pd)
    for m in _scan(_C_MONTH_YEAR, _L_MONTH_YEAR, text, covered, last=_LEAD_LAST["month"]):
        month = MONTHS[m["month"].lower().rstrip(".")]
        if m["year"]:
            year = int(m["year"])
        elif doc_date is not None:
            year = doc_date.year
            if month_end(year, month) < doc_date:
                year += 1  # "in maart" written in December: the coming March
        else:
            add(m, year_given=False)
            continue
        qual = (m["qual"] or "").lower()
        if "begin" in qual:
            due = date(year, month, 10)
        elif "midden" in qual or "half" in qual or "medio" in qual:
            due = date(year, month, 20)
        else:
            due = month_end(year, month)
        add(m, due=due, year_given=bool(m["year"]))
    for m in _scan(_C_SEASON, _L_SEASON, text, covered, last=_LEAD_LAST["season"]):
        season = m["season"].lower()
        pre = (m["pre"] or "").lower()
        if (
            not m["year"]
            and doc_date is None
            and (pre == "na" or season.endswith(("reces", "vakantie")))
        ):
            add(m, undefined=True)  # "na deze zomer": after an event, whatever the year
            continue
        if m["year"]:
            year = int(m["year"])
        elif doc_date is not None:
            year = doc_date.year
            if pre.startswith(("komend", "volgend")) and _season_start(season, year) <= doc_date:
                year += 1  # the next such season to begin
            elif season in SEASONS and _season_due(season, year) < doc_date:
                year += 1  # "in het voorjaar" written in November: the coming spring
        else:
            add(m, year_given=False)
            continue
        if season.startswith(("zomerreces", "zomervakantie")):
            if (m["qual"] or "").lower().startswith("eind"):
                add(m, undefined=True)  # "voor het einde van het zomerreces": its end varies
            elif pre in ("voor", "vóór", "tegen"):
                add(m, due=date(year, 7, 20))
            elif pre == "na":
                add(m, undefined=True)
            else:
                add(m, due=date(year, 9, 22))
            continue
        if season.endswith(("reces", "vakantie")):
            add(m, undefined=True)
            continue
        if pre in ("voor", "vóór") and (m["qual"] or "").lower() not in ("eind", "einde"):
            # "voor de zomer": by the day the season starts
            add(m, due=_season_start(season, year))
            continue
        if pre == "na":
            add(m, undefined=True)
            continue
        add(m, due=_season_due(season, year))
    for m in _scan(_P_PART, _L_PART, text, covered, last=_LEAD_LAST["part"]):
        ordinal = (
            int(re.sub(r"\D", "", m["ord"]) or 0)
            or {
                "eerste": 1,
                "tweede": 2,
                "derde": 3,
                "vierde": 4,
            }[m["ord"].lower()]
        )
        part = m["part"].lower()
        if m["year"]:
            year = int(m["year"])
        elif doc_date is not None:
            rel = (m["rel"] or "").lower()
            year = doc_date.year + (1 if rel and rel != "dit" else 0)
        else:
            add(m, year_given=False)
            continue
        if part in ("semester", "jaarhelft", "helft"):
            due = date(year, 6, 30) if ordinal == 1 else date(year, 12, 31)
        else:
            due = month_end(year, min(ordinal, 4) * 3)
        add(m, due=due)
    for m in _iter(_P_Q, text):
        q, year = m["q"].upper(), int(m["year"])
        due = month_end(year, int(q[1]) * 3) if q[0] == "Q" else month_end(year, int(q[1]) * 6)
        add(m, due=due)
    for m in _scan(_C_YEAR, _L_YEAR, text, covered, last=_LEAD_LAST["year"]):
        year = int(m["year"])
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower()).strip()
        if pre == "vanaf":
            add(m, due=date(year, 1, 1))  # "vanaf 2025": from the start of that year
            continue
        if pre == "tot en met":
            # "tot en met 2030": through that year (promises tell a deadline from a duration)
            add(m, due=date(year, 12, 31))
            continue
        if pre in ("sinds", "tot", "voor") or not pre:
            # "sinds 2019"; a bare year names something ("de begroting 2024"), and so does
            # "voor 2025" ("de middelen voor 2025")
            add(m, due=None, vague=True)
            continue
        if pre == "vóór":
            add(m, due=date(year, 1, 1))  # "vóór 2030": before that year begins
            continue
        add(m, due=_end_of(year, pre))
    for m in _scan(
        _C_REL_YEAR, _L_REL_YEAR, text, covered, last=_LEAD_LAST["rel_year"], need_lead=True
    ):
        if doc_date is None:
            add(m, year_given=False)
            continue
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        pre = (m["pre"] or "").lower()
        if rel == "het" and not pre.strip().startswith(("tegen", "voor", "vóór", "eind", "einde")):
            if "eind" not in pre:
                continue
        year = doc_date.year + (
            1 if rel in ("volgend", "komend", "het volgende", "het komende") else 0
        )
        if rel == "vorig":
            year -= 1
        add(m, due=_end_of(year, pre))
    for m in _scan(
        _C_REL_SHORT, _L_REL_SHORT, text, covered, last=_LEAD_LAST["rel_short"], need_lead=True
    ):
        rel, unit = m["rel"].lower(), m["unit"].lower()
        if unit in ("weken", "maanden", "dagen", "jaren"):
            add(m, vague=True)
            continue
        if doc_date is None:
            add(m, year_given=False)
            continue
        step = {"volgende": 1, "komende": 1, "eerstvolgende": 1, "deze": 0, "vorige": -1}[rel]
        if unit == "week":
            monday = doc_date - timedelta(days=doc_date.weekday())
            due = monday + timedelta(days=7 * step + 6)
        else:
            due = month_end(*divmod_month(add_months(doc_date.replace(day=1), step)))
        add(m, due=due)
    for m in _iter(_P_WITHIN, text):
        pre = m["pre"].lower()
        if m["after"] or "komende" in pre or "volgende" in pre or m["range"]:
            # "over 2-3 jaar": a span of time, no last day
            add(m, undefined=bool(m["after"] or m["range"]), vague=not (m["after"] or m["range"]))
            continue
        if doc_date is None:
            add(m, year_given=False)
            continue
        count_text = m["count"].lower()
        count = int(count_text) if count_text.isdigit() else _NUMBERS[count_text]
        unit = m["unit"].lower()
        if unit.startswith("dag"):
            due = doc_date + timedelta(days=count)
        elif unit.startswith("werkdag"):
            due = _add_working_days(doc_date, count)
        elif unit.startswith("week"):
            due = doc_date + timedelta(weeks=count)
        elif unit.startswith("maand"):
            due = add_months(doc_date, count)
        else:
            due = add_months(doc_date, 12 * count)
        add(m, due=due)
    for m in _iter(_P_VAGUE, text):
        add(m, vague=True)
    for m in _P_UNDEFINED.finditer(text):
        add(m, undefined=True)
    return _longest(found)


def divmod_month(d: date) -> tuple[int, int]:
    return d.year, d.month


def _add_working_days(d: date, count: int) -> date:
    while count > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            count -= 1
    return d


def _longest(found: list[DateMatch]) -> list[DateMatch]:
    """Drop matches inside a longer one; keep the order of the text."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMatch] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            last = kept[-1]
            if m.end - m.start > last.end - last.start and m.start == last.start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept
