"""References to earlier parliamentary items: questions, debates, letters.

A reference is anchored on a noun (schriftelijke vraag, vraag om uitleg, interpellatie,
gedachtewisseling, plenaire vergadering, commissie, beleidsbrief, ...) and completed by what
follows it: a number ("nr. 350"), a session year ("(2022-2023)") and a date ("van 15 november
2023", "d.d. 9 juni 2023"). A noun without number or date counts only when the context
makes it an earlier item ("uw eerdere vraag", "antwoord op mijn schriftelijke vraag",
"hebben we besproken in de plenaire vergadering"); a request ("de vraag of ...") or the
current question ("mijn vraag dateert van ...") is not a reference.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date

from monitor.text.clean import Cleaned
from monitor.text.dates import DateMatch, session_year_of
from monitor.text.models import Reference

_I = re.IGNORECASE
_POSSESSIVE = re.compile(r"\b(uw|mijn)\b", _I)


def possessive_of(span: str) -> str | None:
    """'uw' or 'mijn' when the span names the addressee's or speaker's own item."""
    m = _POSSESSIVE.search(span)
    return m.group(1).lower() if m else None


# Anchors, most specific first; the group name is the kind (or a family of kinds).
_ANCHOR = re.compile(
    # a word start, and the first letters of all anchors: lets the engine skip fast
    r"(?<![\w])(?=[vamsidpgchrbknwot])"
    r"(?:(?P<oral>\b(?:vra(?:ag|gen)\s+om\s+uitleg|actuele\s+vra(?:ag|gen)|mondelinge\s+vra(?:ag|gen)|"
    r"(?:het\s+)?(?:mondelinge\s+)?vragenu(?:ur|urtje))\b)"
    r"|(?P<written>\bschriftelijke\s+vra(?:ag|gen)\b|\bsv\b(?=\s*(?:nr\.?\s*)?\d)|\bkamervra(?:ag|gen)\b)"
    r"|(?P<interpellation>\binterpellaties?\b|\bgeïnterpelleerd\b)"
    r"|(?P<debate>\b(?:actualiteitsdebat(?:ten)?|plenaire\s+(?:vergadering|zitting)(?:en)?|"
    r"plenaire|gedachtewisseling(?:en)?|hoorzitting(?:en)?|commissievergadering(?:en)?|"
    r"commissie(?:bijeenkomst|zitting)(?:en)?|"
    # grouped behind their first letters: keeps the scan fast
    r"(?=[gsmpa])(?:gedebatteerd|gediscussieerd|(?:schriftelijk|mondeling)\s+overleg|"
    r"plenaire\s+behandeling|ao(?=[’']s\b|\b(?!-))(?:[’']s)?)|"
    r"(?:de\s+)?vergadering\s+van\s+de\s+commissie|commissie|"
    r"regeling\s+van\s+werkzaamheden|debat(?:ten)?|van\s+gedachten\s+gewisseld|"
    r"algemeen\s+overleg|commissiedebat|notaoverleg|wetgevingsoverleg|begrotingsbespreking(?:en)?|"
    r"begrotingsdebat(?:ten)?|"
    r"\w*debat(?:ten)?|(?:algemene|financiële)\s+(?:politieke\s+)?beschouwingen|discussies?|"
    r"vergadering(?=\s+van\s+(?:\w+dag\s+)?\d)|overleg)\b)"
    r"|(?P<letter>\b(?:beleidsbrief|beleidsnota|brief|brieven|kamerstuk|kamerbrief)\b)"
    r"|(?P<vraag>\bvra(?:ag|gen)\b))",
)  # run on the lower-cased text

_NUMBER = re.compile(
    r"\s*(?:\(|,)?\s*(?P<nr>nrs?\.?|nummers?|n°)?\s*(?P<n>\d{1,5})(?![\d.,]\d|\s*%|[a-z])\b", _I
)
_MORE_NUMBERS = re.compile(r"\s*(?:,|en|&)\s*(?:nr\.?\s*)?(?P<n>\d{1,5})\b(?![.,]\d)", _I)
_SESSION = re.compile(r"\s*[,(]?\s*\(?(?P<a>(?:19|20)\d\d)\s*[-–/]\s*(?P<b>(?:19|20)\d\d)\)?")
_KAMERSTUK = re.compile(
    r"\s*\(?\s*(?:kamerstuk(?:ken)?\s+)?\d[\d ]*,\s*(?:nr\.?|nummer)\s*(?P<n>\d{1,5})\s*\)?", _I
)
_OF_PERSON = re.compile(
    r"\s+van\s+(?:mij\b|ons\b|collega|mevrouw|mevr\.|de\s+heer|dhr\.|het\s+lid|parlementslid|"
    r"volksvertegenwoordiger|(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+){0,3}"
)
# A parliamentary paper: "(Kamerstuk 31 865, nr. 119)", "(Tweede Kamer, 29.689 nr.405)",
# "(Kamerstukken II, 1998–1999, 26 387, nr. 1)", "(24 515, nr. 184)"
_PAPER = re.compile(
    r"\((?:kamerstuk(?:ken)?(?:\s+i{1,2})?|tweede\s+kamer|eerste\s+kamer|(?=\d{2}\s?\d{3}\b)|"
    r"(?P<hand>(?:aanhangsel\s+)?handelingen(?:\s+i{1,2})?\b))"
    r"[^()]{0,60}?"
    # the Handelingen may name the item after the number: "(Handelingen II 2014/15, nr. 84,
    # Regeling van werkzaamheden)"
    r"\bnr\.?\s*(?P<n>\d{1,5})(?:\s*\)|(?(hand),[^()]{0,60}\)|(?!)))",
    _I,
)
_DATE_LEAD = re.compile(r"(?:van|d\.\s?d\.|dd\.?|op|gedateerd|dato|verleden|jongstleden)\s+$", _I)

# Context words before an anchor
_EARLIER = re.compile(
    r"\b(?:eerdere|vorige|vroegere|recente|eerder\s+gestelde|gestelde|vorig|laatste)\s+"
    r"(?:\w+\s+)?$",
    _I,
)
_ANSWER_ON = re.compile(
    r"\b(?:uw|het|zijn|haar|hun|in|mijn)\s+antwoord(?:en)?\s+"
    r"(?:(?:gelezen|gezien|gekregen|ontvangen|bekeken|nagelezen)\s+)?(?:op|met\s+betrekking\s+tot|over|"
    r"inzake|betreffende|aangaande)\s+(?:de|een|mijn|zijn|haar|uw|onze|hun)\s+(?:\w+\s+)?$",
    _I,
)
# "uw antwoorden op schriftelijke vragen van collega X": plural, without a determiner
_ANSWER_ON_BARE = re.compile(r"\b(?:uw|zijn|haar|hun|mijn)\s+antwoord(?:en)?\s+op\s+$", _I)
_OWN_DET = re.compile(r"\b(?P<det>mijn|uw|zijn|haar|onze|een|de|het|die|deze|dezelfde)\s+$", _I)
_PAST = re.compile(
    r"\b(?:gesteld|stelde[n]?|ingediend|diende|beantwoord|geantwoord|antwoordde|gezegd|zei|"
    r"besproken|bespraken|gesproken|spraken|gewisseld|gedebatteerd|debatteerden|gehad|"
    r"toegelicht|gevraagd|vroeg|verklaarde|verklaard|stilgestaan|werd|werden|was|waren|hebben|"
    r"bleek|bleken|gebleken|"
    r"hebt|heb|heeft|had|hadden|vorige|recent(?:elijk)?|toen|reeds|al|eerder|ondervraagd)\b",
    _I,
)
_FUTURE = re.compile(
    r"\b(?:zal|zullen|zult|volgende|komende|straks|gaan|ga|gaat|plannen|geplande|agenderen|"
    r"wil\s+ik|zou|zouden)\b",
    _I,
)
_REQUEST = re.compile(
    r"^\s*(?:of|hoe|naar|om\s+(?!uitleg)|rijst|stelt\s+zich|is\s+dan|blijft|wat|waarom|welke|wie|"
    r"dateert|luidt|is\b|gaat|betreft|heeft\s+betrekking|van\s+de\s+burger|naar\s+)",
    _I,
)
_ASKED_IN_MEETING = re.compile(
    r"\s+(?:in|tijdens)\s+(?:de|het)\s+(?:plenaire\s+vergadering|plenaire|plenum|vragenuurtje|"
    r"vragenuur|commissie(?:\s+(?:voor\s+)?(?!(?:over|van|die|dat|en|om|ging|was|is|werd)\b)"
    r"[\w’'-]+)?)",
    _I,
)
_THIS = re.compile(r"\b(?:deze|dit|onderhavige|huidige|voorliggende|deze\s+schriftelijke)\s+$", _I)
_IN_COMMITTEE = re.compile(r"\b(?:in|aan)\s+(?:deze|de|onze)\s+commissie\b", _I)
_VERB_GESTELD = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,3}?(?:gesteld|ingediend)\b|"
    r"^\s*(?:over|aan|naar|omtrent|betreffende|rond)\b",
    _I,
)
_STELDE_BEFORE = re.compile(
    r"\b(?:stelde|stelden|diende|hebt|heb|heeft|hebben|had|hadden)\b[^.;:]{0,60}$", _I
)


def _kind_of(group: str) -> str:
    return {
        "oral": "oral_question",
        "written": "written_question",
        "interpellation": "interpellation",
        "debate": "debate",
        "letter": "other",
        "vraag": "other",
    }[group]


def find_references(
    cleaned: Cleaned,
    dates: list[DateMatch],
    sentences: list[tuple[int, int]],
    doc_date: date | None = None,
    skip: Iterable[tuple[int, int]] = (),
) -> list[Reference]:
    """References in the cleaned text, with offsets into the original text."""
    text = cleaned.text
    skip = list(skip)
    out: list[tuple[int, int, str, int | None, date | None, str | None]] = []
    si = 0
    covered_until = -1
    lowered = text.lower()
    for m in _ANCHOR.finditer(lowered if len(lowered) == len(text) else text):
        if m.start() < covered_until:
            continue
        if m.lastgroup == "written" and m.group().startswith("sv") and text[m.start()] != "S":
            continue
        if m.lastgroup == "debate" and m.group().startswith("ao") and text[m.start() + 1] != "O":
            continue  # "AO" (algemeen overleg), not the word "ao"
        if any(a <= m.start() < b for a, b in skip):
            continue
        while si < len(sentences) - 1 and sentences[si][1] < m.start():
            si += 1
        s_start, s_end = sentences[si] if sentences else (0, len(text))
        if not s_start <= m.start() <= s_end:
            s_start, s_end = m.start(), m.end()
        group = m.lastgroup or "vraag"
        found = _complete(text, m, group, s_start, s_end, dates, doc_date)
        for item in found:
            out.append(item)
            covered_until = max(covered_until, item[1])
    out = _merge_meetings(text, out)
    out = _with_papers(text, out, skip, dates)
    out = _with_answers_to_others(text, out, skip)
    refs: list[Reference] = []
    for start, end, kind, number, day, sy in out:
        span, ostart, oend = cleaned.span(start, end)
        refs.append(Reference(span, ostart, oend, kind, number, day, sy, possessive_of(span)))
    return refs


def _start_of(d: DateMatch) -> int:
    return d.start


def _date_after(
    text: str, pos: int, limit: int, dates: list[DateMatch]
) -> tuple[DateMatch | None, int]:
    """A date introduced by 'van' / 'd.d.' / 'op' between pos and limit."""
    for d in dates[bisect_left(dates, pos, key=_start_of) :]:
        if d.start > limit:
            break
        if d.day is None and d.past_day is None and d.year_given:
            continue
        if not (d.day or d.past_day or not d.year_given):
            continue
        if not re.match(
            r"\d|(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)", d.text, _I
        ):
            continue
        lead = text[max(pos, d.start - 20) : d.start]
        between = text[pos : d.start]
        if _DATE_LEAD.search(lead) and not _OTHER_DATED.search(between):
            return d, d.end
        return None, pos
    return None, pos


_OTHER_DATED = re.compile(
    # ("de plenaire behandeling van het wetsvoorstel op 12 maart": the date is the meeting's)
    r"\b(?:ordonnantie|decreet|wet(?!svoorstel|sontwerp)|besluit|arrest|omzendbrief|verordening|richtlijn|"
    r"beslissing|nota|artikel|akkoord|overeenkomst|protocol|rapport|advies|persbericht|"
    r"krant|krantenartikel|studie)\w*\b|[,;:?!]|"
    # another parliamentary item in between owns the date
    r"\b(?:brief|vraag|vragen|debat|vergadering|commissie|gedachtewisseling|interpellatie|"
    r"kamerstuk)\b",
    _I,
)


_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november "
        "december".split()
    )
}


def _glued_year(text: str, d: DateMatch) -> tuple[date, int] | None:
    """'2 december 20251': a footnote number glued to the year the date reader left off."""
    if d.year_given:
        return None
    dm = re.fullmatch(r"(\d{1,2})\s+([a-z]+)", d.text.strip().lower())
    ym = re.match(r"\s+((?:19|20)\d\d)\d\b", text[d.end : d.end + 8])
    if not dm or not ym or dm[2] not in _MONTHS:
        return None
    try:
        return date(int(ym[1]), _MONTHS[dm[2]], int(dm[1])), d.end + ym.end() - 1
    except ValueError:
        return None


def _complete(text, m, group, s_start, s_end, dates, doc_date):
    kind = _kind_of(group)
    anchor = m.group().lower()
    before = text[max(s_start, m.start() - 80) : m.start()]
    after_limit = min(s_end, m.end() + 140)
    pos = m.end()
    numbers: list[tuple[int, int, int]] = []  # (number, start, end)
    session: str | None = None

    # "mijn vraag dateert van", "deze vraag", "de vraag of ...": not a reference
    if group in ("vraag", "written", "oral") and _THIS.search(before):
        return []
    if (
        group in ("vraag", "written")
        and re.search(r"\bin\s+antwoord\s+op\s+uw\s+(?:\w+\s+)?$", before, _I)
        and not _EARLIER.search(before)
    ):
        return []  # "In antwoord op uw vraag nr. 123": the question being answered
    if group == "vraag" and _REQUEST.match(text[pos : pos + 30]):
        return []
    if group == "vraag" and re.match(r"\s+en\s+opmerkingen\b", text[pos : pos + 20], _I):
        return []  # "De vragen en opmerkingen zijn op 8 juni voorgelegd": this report's own

    # number(s)
    if group in ("vraag", "written", "oral", "interpellation"):
        nm = _NUMBER.match(text, pos)
        if nm and not (
            group == "vraag"
            and not nm["nr"]
            and not _EARLIER.search(before)
            and not _OWN_DET.search(before)
            and int(nm["n"]) < 20  # "zie vraag 2" is a part of this question
        ):
            n = int(nm["n"])
            plain_vraag = group == "vraag" and not nm["nr"]
            if not (plain_vraag and n < 10 and not _EARLIER.search(before)):
                numbers.append((n, nm.start("n"), nm.end()))
                pos = nm.end()
                for more in _MORE_NUMBERS.finditer(text, pos):
                    if more.start() != pos:
                        break
                    numbers.append((int(more["n"]), more.start("n"), more.end()))
                    pos = more.end()
    elif group == "letter":
        km = _KAMERSTUK.match(text, pos)
        if km and anchor.startswith("kamerstuk"):
            numbers.append((int(km["n"]), km.start(), km.end()))
            pos = km.end()
    if not numbers and group in ("written", "oral", "interpellation", "vraag"):
        # "mijn vraag om uitleg over de attesten (nr. 1234)": the number in brackets after
        # also with a title before it: "(Dierenasielen-Subsidies-nummer 917 van maandag ...)"
        bracket = re.compile(
            r"\((?:[^(),\d]{0,60}?[\s-])?(?:nr\.?|nummer)\s*(?P<n>\d{1,5})(?:\)|(?=\s+van\s))", _I
        ).search(text, pos, min(s_end, pos + 160))
        if bracket and not re.search(r"[,;:]", text[pos : bracket.start()]):
            numbers.append((int(bracket["n"]), bracket.start("n"), bracket.end()))
            pos = bracket.end()
    sm = _SESSION.match(text, pos)
    if sm and int(sm["b"]) == int(sm["a"]) + 1:
        session = f"{sm['a']}-{sm['b']}"
        pos = sm.end()
    # "van collega X"
    person = _OF_PERSON.match(text, pos)
    if person and person.end() <= s_end:
        pos_person = person.end()
    else:
        pos_person = None
    # date
    day_match, date_end = _date_after(text, pos, after_limit, dates)
    start_override = [None]
    # dates just before the anchor ("Op 12 februari 2023 stelde ik u een vraag")
    before_dates = dates[
        bisect_left(dates, m.start() - 120, key=_start_of) : bisect_left(
            dates, m.start(), key=_start_of
        )
    ]
    if day_match is None and group in ("written", "oral", "interpellation", "vraag"):
        # "Op 12 februari 2023 stelde ik u een schriftelijke vraag"
        for d in before_dates:
            if d.start >= s_start and d.end <= m.start() and m.start() - d.end < 60:
                gap = text[d.end : m.start()]
                lead = text[max(s_start, d.start - 5) : d.start]
                if (
                    re.search(r"\bop\s+$", lead, _I)
                    and re.fullmatch(r"\s+(?:[\w’']+\s+){0,8}", gap)
                    and (
                        re.search(r"\b(?:stelde|stelden|diende|heb|hebt|heeft|hebben)\b", gap, _I)
                        or re.match(r"\s+(?:ingediend|gesteld)\b", text[m.end() : m.end() + 12])
                        # "Collega X stelde u daarover op 20 februari een schriftelijke vraag"
                        or group != "vraag"
                        and re.search(
                            r"\bstelden?\s+(?:[\w’']+\s+){0,3}$",
                            text[max(s_start, d.start - 40) : d.start - 3],
                            _I,
                        )
                    )
                    and (d.day or d.past_day)
                ):
                    day_match = d
    if day_match is None and group in ("written", "oral", "vraag"):
        # "uw antwoord van 23 maart 2023 op mijn schriftelijke vraag nr. 451"
        for d in before_dates:
            if d.start >= s_start and d.end <= m.start() and m.start() - d.end < 30:
                lead = text[max(s_start, d.start - 25) : d.start]
                gap = text[d.end : m.start()]
                if (
                    re.search(
                        r"\b(?:antwoord\s+van|antwoordde[n]?\s+(?:\w+\s+)?op|"
                        r"(?:hebt|heeft)\s+(?:u\s+)?op)\s+$",
                        lead,
                        _I,
                    )
                    and re.fullmatch(r"\s+op\s+(?:[\w’']+\s+){0,2}", gap, _I)
                    and (d.day or d.past_day)
                ):
                    day_match = d
                    answer = re.search(
                        r"\b(?:(?:uw|het|zijn|haar|in)\s+)?antwoord\s+van\s+$", lead, _I
                    )
                    if answer:
                        before_start = d.start - (len(lead) - answer.start())
                        start_override[0] = before_start
    if day_match is None and group == "letter":
        # "is op 9 december 2022 een brief gestuurd aan de Minister", "De commissie stuurde mij
        # op 26 oktober 2017 een brief", "op 17 juni 2016 de zogenoemde A-brief ... gestuurd"
        for d in before_dates:
            if d.start >= s_start and d.end <= m.start() and m.start() - d.end < 40:
                gap = text[d.end : m.start()]
                lead = text[max(s_start, d.start - 5) : d.start]
                sentence = text[s_start:s_end]
                if (
                    re.search(r"\bop\s+$", lead, _I)
                    and re.fullmatch(
                        r"\s+(?:een|de|mijn|onze|zijn|haar|hun)\s+(?:[\w’']+\s+){0,2}(?:\w+-)?",
                        gap,
                        _I,
                    )
                    and re.search(
                        r"\b(?:gestuurd|verstuurd|gezonden|toegezonden|verzonden|stuurde[n]?|"
                        r"zond|zonden)\b",
                        sentence,
                        _I,
                    )
                    # to or from parliament: not a letter to the mayors
                    and (
                        re.search(
                            r"\b(?:kamer|(?<!europese\s)commissie|(?<!europees\s)parlement)\b",
                            sentence,
                            _I,
                        )
                        # "is op 9 december een brief gestuurd aan de Minister": the committee's
                        # letter; not the government's own mail ("Ik heb ... aan minister X")
                        or re.search(r"\b(?:minister|staatssecretaris)\b", sentence, _I)
                        and not re.search(
                            r"\b(?:ik|wij|we|federa\w+|europe\w+|agentschap|administratie|regering|"
                            r"kabinet|departement|gemeente|stad)\b",
                            sentence,
                            _I,
                        )
                        and not re.search(
                            r"\b(?:aan|naar)\s+(?:alle\s+)?(?:de\s+)?(?:burgemeesters|gemeenten|"
                            r"scholen|ouders|burgers|bewoners|ziekenhuizen|bedrijven|werkgevers|"
                            r"provincies|steden|sector)\b",
                            sentence,
                            _I,
                        )
                    )
                    and (d.day or d.past_day)
                ):
                    day_match = d
    if day_match is None and group == "debate":
        # "U hebt op 12 maart in de plenaire vergadering gezegd"
        for d in before_dates:
            if d.end <= m.start() and m.start() - d.end < 45 and d.start >= s_start:
                gap = text[d.end : m.start()]
                lead = text[max(s_start, d.start - 5) : d.start]
                # "de op 24 maart 2009 in commissie gehouden gedachtewisseling": held, so earlier
                # even when the year is not known ("de op 21 april in commissie gehouden ...")
                held = re.fullmatch(
                    r"\s+(?:[\w’']+\s+){0,4}(?:gehouden|georganiseerde?|gevoerde?)\s+", gap, _I
                )
                if (
                    (
                        re.fullmatch(
                            r"\s+(?:[\w’']+\s+){0,3}(?:in|tijdens|op)\s+(?:de|het)\s+", gap, _I
                        )
                        or held
                        # "vond hierover op 10 maart jl. een debat in uw Kamer plaats"
                        or (
                            re.fullmatch(r"\s+een\s+", gap, _I)
                            and re.match(r"\s+in\s+(?:uw|de)\s+kamer\b", text[m.end() :], _I)
                            and re.search(
                                r"\b(?:vond|plaatsgevonden|gehouden|gevoerd)\b", text[s_start:s_end]
                            )
                        )
                        # "waarover de Kamer op 24 oktober jl. plenair heeft gedebatteerd"
                        or (
                            anchor in ("gedebatteerd", "gediscussieerd")
                            and re.fullmatch(r"\s+(?:[\w’']+\s+){0,3}", gap)
                        )
                    )
                    and re.search(r"\bop\s+$", lead, _I)
                    and (d.day or d.past_day or (held and not d.year_given))
                ):
                    day_match = d
    day: date | None = None
    if day_match is not None:
        day = day_match.day if day_match.year_given else day_match.past_day
        if day_match.day is None and day_match.past_day is None:
            day = None
        end = date_end
        glued = _glued_year(text, day_match)
        if glued is not None:
            day, end = glued[0], max(end, glued[1])
        # a number after the date: "brief van 7 maart 2016 (Kamerstuk 29 279, nr. 302)", also
        # after a subject: "brief van 17 september 2018 inzake ... (Kamerstuk 31 865, nr. 119)"
        km = _KAMERSTUK.match(text, end) if group == "letter" else None
        if km is None and group == "letter":
            later = _PAPER.search(text, end, s_end)
            if later and not re.search(r"[;:]", text[end : later.start()]):
                km = later
        if km and group == "letter":
            numbers.append((int(km["n"]), km.start(), km.end()))
            end = km.end()
    else:
        end = max(pos, pos_person or 0)
    if (
        session is None
        and day is not None
        and (day_match.year_given or doc_date is not None or _glued_year(text, day_match))
    ):
        session = session_year_of(day)

    if day is not None and doc_date is not None and day > doc_date:
        return []  # a date still to come: not an earlier item
    if (
        day_match is not None
        and not day_match.year_given
        and re.search(r"\b(?:zal|zullen|gaat|gaan|volgende|komende)\b", text[s_start:s_end], _I)
    ):
        return []  # "zal een commissievergadering plaatsvinden op 4 oktober"
    has_facts = bool(numbers) or day_match is not None or session is not None
    start = m.start()
    # extend backwards over "uw eerdere", "antwoord op mijn", determiners
    back = (
        _ANSWER_ON.search(before)
        or _EARLIER.search(before)
        or (group == "written" and _ANSWER_ON_BARE.search(before))
        or _OWN_DET.search(before)
    )
    if back:
        start = m.start() - (len(before) - back.start())
        if _EARLIER.search(before) or _ANSWER_ON.search(before):
            own = _OWN_DET.search(before[: back.start()])
            if own:
                start = m.start() - (len(before) - own.start())
    sentence = text[s_start:s_end]
    after_text = text[m.end() : s_end]

    if group == "letter":
        if (
            anchor == "brieven"
            and not numbers
            and not re.search(r"\b(?:mijn|onze|uw|eerdere)\s+$", before, _I)
        ):
            return []  # "300 brieven van 3 januari tot 14 februari": letters received
        if anchor in ("brief", "kamerbrief") and day_match is None and not numbers:
            if not re.search(r"\b(?:mijn|onze)\s+(?:\w+\s+)?$", before, _I):
                return []  # "de brief die alle nieuwkomers krijgen", "deze brief"
        if anchor in ("beleidsbrief", "beleidsnota") and not (session or day_match or numbers):
            named = re.match(
                r"\s+(?:[A-Z][\w’'-]*\s+(?:(?:en|van|voor|de|het)\s+)?){1,8}"
                r"\(?(?P<a>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<b>(?:19|20)\d\d))?\)?",
                text[m.end() : s_end],
            )
            if not named:
                return []
            end = m.end() + named.end()
            has_facts = True
            if named["b"] and int(named["b"]) == int(named["a"]) + 1:
                session = f"{named['a']}-{named['b']}"
        if anchor == "kamerstuk" and not numbers:
            return []
        own_letter = anchor in ("brief", "kamerbrief") and re.search(
            r"\b(?:mijn|onze)\s+(?:\w+\s+)?$", before, _I
        )
        if not has_facts and not own_letter:
            return []
    elif group == "debate":
        if not _debate_ok(anchor, before, after_text, sentence, day_match):
            return []
        if re.match(
            r"[^.;]*?\b(?:heb|hebt|heeft)\s+(?:ik|u|hij|zij)\s+(?:deze|die|dezelfde)\s+vraag\b"
            r"[^.;]*?\bgesteld\b",
            after_text,
            _I,
        ):
            kind = "oral_question"  # "tijdens de commissiebijeenkomst van 14 februari heb ik
            # deze vraag reeds gesteld": the question, asked in that meeting
        if anchor.startswith("van gedachten"):
            verb = re.search(r"\b(?:we|wij|u|jullie)\s+(?:hebben|hebt|heeft)\b.*$", before, _I)
            if verb:
                start = m.start() - (len(before) - verb.start())
        if anchor in ("gedebatteerd", "gediscussieerd"):
            # "hebben we hier uitgebreid over gedebatteerd": from the auxiliary on
            auxes = list(re.finditer(r"\b(?:heb|hebt|heeft|hebben|had|hadden|is|werd)\b", before))
            if auxes:
                start = m.start() - (len(before) - auxes[-1].start())
        if day_match is None:
            # "in de plenaire vergadering van vorige week hebben we al een debat gehad"
            rel = re.match(
                r"\s+van\s+(?:vorige|verleden|deze)\s+(?:week|maand|dinsdag|woensdag|"
                r"donderdag)\b",
                text[m.end() :],
                _I,
            )
            if rel:
                end = m.end() + rel.end()
            prep = re.search(r"\b(?:in|tijdens|op)\s+(?:de|het)\s+$", before, _I)
            if prep:
                start = min(start, m.start() - (len(before) - prep.start()))
            past_before = re.search(
                r"\b(?:we|wij|u|jullie|ik)\s+(?:hebben|hebt|heeft|heb)\b[^.;]*$", before, _I
            )
            if past_before:
                start = min(start, m.start() - (len(before) - past_before.start()))
    else:
        if not has_facts:
            ok, new_start, new_end = _bare_question_ok(group, text, m, before, s_start, s_end)
            if not ok:
                return []
            start = min(start, new_start)
            end = max(end, new_end, pos_person or 0)
        if group == "vraag" and numbers:
            kind = "written_question"
        elif group == "vraag" and re.search(r"\bschriftelijk\b", text[s_start : m.start()], _I):
            kind = "written_question"  # "heb ik u schriftelijk enkele vragen gesteld"
        if kind in ("other", "written_question") and group == "vraag" and not numbers:
            if _IN_COMMITTEE.search(sentence):
                kind = "oral_question"
    if day_match is not None and day_match.end <= m.start():
        start = min(start, day_match.start)  # the date came first: "op 12 maart in de ..."
    if start_override[0] is not None:
        start = min(start, start_override[0])
    if not numbers:
        return [(start, max(end, m.end()), kind, None, day, session)]
    out = []
    for i, (n, _ns, ne) in enumerate(numbers):
        if i == 0:
            item_end = max(end if len(numbers) == 1 else ne, ne)
            out.append((start, item_end, kind, n, day, session))
        else:
            out.append(
                (
                    numbers[i][1],
                    max(ne, end if i == len(numbers) - 1 else ne),
                    kind,
                    n,
                    day,
                    session,
                )
            )
    return out


def _with_papers(text, items, skip, dates=()):
    """A parliamentary paper cited on its own: "(Kamerstukken II, 1998–1999, 26 387, nr. 1)",
    with the day just before it ("mijn brieven van ... en 4 december 2002 (Kamerstukken ...)")."""
    taken = [(a, b) for a, b, *_ in items]
    extra = []
    for m in _PAPER.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if any(a <= m.start() < b for a, b in skip):
            continue
        prev = [k for k, it in enumerate(items) if it[1] <= m.start()]
        if prev:
            k = prev[-1]
            it = items[k]
            gap = text[it[1] : m.start()]
            if it[3] is None and (
                # "Tijdens de regeling van werkzaamheden van 19 mei 2015 heeft het lid P. gevraagd
                # om een brief (Handelingen II 2014/15, nr. 84, ...)": that meeting's number
                (
                    m["hand"]
                    and it[2] == "debate"
                    and len(gap) < 160
                    and not re.search(r"[.!?;]\s", gap)
                )
                # "eerdere vragen (Aanhangsel Handelingen II 2019/20, nr. 1234)": one item
                or (it[2] in ("other", "written_question", "oral_question") and not gap.strip())
            ):
                items[k] = (it[0], m.end(), it[2], int(m["n"]), it[4], it[5])
                taken[k] = (it[0], m.end())
                continue
        years = re.search(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", m.group())
        session = f"{years[1]}-{years[2]}" if years and int(years[2]) == int(years[1]) + 1 else None
        start, day = m.start(), None
        i = bisect_left(dates, m.start(), key=_start_of)
        if i and dates[i - 1].day is not None and dates[i - 1].year_given:
            d = dates[i - 1]
            if not text[d.end : m.start()].strip() and not any(
                a < d.end and d.start < b for a, b in taken
            ):
                start, day = d.start, d.day
                session = session or session_year_of(day)
        extra.append((start, m.end(), "other", int(m["n"]), day, session))
    return sorted(items + extra, key=lambda item: item[0])


# "het antwoord dat u daarnet aan collega Parys hebt gegeven", "het antwoord dat u gaf op de
# vraag van mevrouw Jans": the answer to another member's question, an earlier item
_ANSWER_TO_OTHER = re.compile(
    r"\b(?:het|uw)\s+antwoord\s+dat\s+u\s+(?:[\w’']+\s+){0,3}?"
    r"(?:aan|op\s+de\s+vraag\s+van)\s+(?:collega|mevrouw|de\s+heer|volksvertegenwoordiger|het\s+lid)"
    r"(?:\s+[A-Z][\w’'-]+){1,3}\s+(?:(?:hebt|heeft)\s+gegeven|gaf|hebt\s+gegeven)\b"
)


def _with_answers_to_others(text, items, skip):
    if "antwoord dat u" not in text:
        return items
    taken = [(a, b) for a, b, *_ in items]
    extra = []
    for m in _ANSWER_TO_OTHER.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if any(a <= m.start() < b for a, b in skip):
            continue
        if re.search(r"\b(?:zal|zult|gaat|straks)\b", m.group(), _I):
            continue
        extra.append((m.start(), m.end(), "oral_question", None, None, None))
    return sorted(items + extra, key=lambda item: item[0])


def _merge_meetings(text, items):
    """'van gedachten gewisseld in de plenaire vergadering' is one reference, not two."""
    merged: list = []
    for item in items:
        if merged:
            prev = merged[-1]
            gap = text[prev[1] : item[0]]
            if (
                prev[2] in ("other", "oral_question", "written_question")
                and item[2] in ("oral_question", "written_question", "other")
                and prev[3] is None
                and item[3] is not None
                and (
                    re.fullmatch(r"\s*\(\s*", gap)
                    or (re.fullmatch(r"\s*", gap) and text[item[0] : item[0] + 1] == "(")
                )
            ):
                # "onze vorige vraag (schriftelijke vraag nr. 932)": one question, named twice
                close = re.match(r"\s*\)", text[item[1] :])
                merged[-1] = (
                    prev[0],
                    item[1] + (close.end() if close else 0),
                    item[2],
                    item[3],
                    item[4] or prev[4],
                    item[5] or prev[5],
                )
                continue
            if (
                prev[2] == item[2] == "debate"
                and re.fullmatch(r"\s*(?:[\w’']+\s+){0,6}", gap)
                and (prev[4] is None or item[4] is None)
            ):
                merged[-1] = (
                    prev[0],
                    max(prev[1], item[1]),
                    "debate",
                    None,
                    prev[4] or item[4],
                    prev[5] or item[5],
                )
                continue
            if (
                prev[2] == "debate"
                and item[2] in ("oral_question", "written_question", "other")
                and prev[3] is None
                and re.fullmatch(r"\s*(?:[\w’']+\s+){0,4}", gap)
            ):
                # "in de plenaire vergadering een actuele vraag gesteld": one reference, the
                # question, asked in that meeting
                kind = "oral_question" if item[2] == "other" else item[2]
                merged[-1] = (
                    prev[0],
                    max(prev[1], item[1]),
                    kind,
                    item[3],
                    item[4] or prev[4],
                    item[5] or prev[5],
                )
                continue
        merged.append(item)
    return merged


_NOT_PARLIAMENT = re.compile(
    r"\b(?:europese|interministeri[eë]le|gemeentelijke|provinciale|federale|nationale|"
    r"gewestelijke|internationale|technische|wetenschappelijke|koninklijke|onafhankelijke|"
    r"deontologische|paritaire|gemengde|adviserende)\s+$",
    _I,
)


# where an earlier exchange took place: "in deze commissie", "plenair", "hier"
_HERE = re.compile(
    r"\b(?:plenair|hier|in\s+(?:deze|de|onze|uw)\s+(?:commissie|kamer|plenaire)|"
    r"in\s+(?:het|dit)\s+(?:\w+\s+)?parlement|(?:de|uw)\s+kamer|in\s+het\s+halfrond)\b"
)
# "we hebben een debat gehad", "de Kamer heeft een discussie gevoerd", "ik heb met u ..."
_WE_HAD = re.compile(
    r"\b(?:we|wij|jullie|u|de\s+kamer|uw\s+kamer|deze\s+commissie)\s+(?:\w+\s+){0,2}?"
    r"(?:hebben|hebt|heeft|had|hadden)\b|\b(?:hebben|hebt|heeft|had|hadden)\s+(?:we|wij|jullie|u)\b|"
    r"\bik\s+(?:\w+\s+){0,2}?(?:heb|had)\b[^.]*\bmet\s+(?:(?:de\s+meesten|velen|sommigen|"
    r"enkelen)\s+van\s+)?u\b"
)
_OUTSIDE = re.compile(
    r"\bmet\s+(?:de|het|alle)\s+(?:sector|vakbonden|sociale\s+partners|burgemeesters|gemeenten|"
    r"bevolking|burgers|bewoners|stakeholders|middenveld|ouders|scholen)\b|\bgemeenteraad\b|"
    r"\bop\s+(?:tv|televisie|de\s+radio)\b"
)
_WITH_YOU = re.compile(r"\bmet\s+(?:(?:de\s+)?\w+\s+van\s+)?u\b")
_SPOKE = re.compile(
    r"\b(?:zei|zeiden|verklaarde|antwoordde|beloofde|gezegd|verklaard|beloofd|toegezegd|"
    r"aangekondigd|kondigde)\b"
)
_DUTCH_MEETING = re.compile(
    r"(?:algemeen|schriftelijk|mondeling)\s+overleg|ao\b|ao[’']s|notaoverleg|wetgevingsoverleg|"
    r"commissiedebat"
)


def _debate_ok(anchor, before, after_text, sentence, day_match) -> bool:
    if anchor.startswith("commissie") and _NOT_PARLIAMENT.search(before):
        return False  # "de Europese Commissie", "de interministeriële commissie"
    if anchor.startswith("commissie") and re.search(
        r"\b(?:verzoek|vraag|uitnodiging|opdracht)\s+van\s+(?:de\s+voorzitter\s+van\s+)?"
        r"(?:de\s+)?(?:vaste\s+)?$",
        before,
        _I,
    ):
        return False  # "naar aanleiding van het verzoek van de vaste commissie": its request
    low = sentence.lower()
    past_aux = re.search(r"\b(?:heb|hebt|heeft|hebben|had|hadden)\b", low)
    if re.match(
        r"(?:\s+[\w-]+){0,3}?\s+(?:in|van)\s+de\s+(?:gemeenteraad|provincieraad|districtsraad|"
        r"ocmw-raad|raad\s+van\s+bestuur)\b",
        after_text,
        _I,
    ):
        return False  # "het debat in de gemeenteraad": a meeting outside parliament
    if (
        day_match is None
        and re.search(r"\b(?:vandaag|vanochtend|vanmorgen|vanmiddag|daarnet|zonet|zojuist)\b", low)
        and not re.search(
            r"\b(?:vorige|verleden|geleden|eerder|toen|destijds|januari|februari|maart|april|mei|"
            r"juni|juli|augustus|september|oktober|november|december)\b",
            low,
        )
    ):
        return False  # "we hebben vandaag in deze commissie gediscussieerd": this meeting
    if re.search(
        r"\b(?:gepland|uitgesteld|geagendeerd|voorzien\s+op|plaatsvinden|vindt\s+(?:\w+\s+)?plaats)\b",
        low,
    ) and not re.search(r"\b(?:vorige|verleden|geleden|eerder|toen|destijds)\b", low):
        return False  # "De plenaire behandeling is gepland op 12 mei": still to come
    if (
        anchor.startswith("commissie")
        and re.fullmatch(r"\W*(?:de\s+)?(?:vaste\s+|bevoegde\s+|tijdelijke\s+)?", before, _I)
        and not re.match(
            # "De commissie heeft op 12 maart een hoorzitting gehouden": the meeting is named
            r"(?:\s+[\w-]+){0,6}?\s+van\s+\d|[^.;]*?\bop\s+[^.;]*?\b(?:hoorzitting|gedachtewisseling)",
            after_text,
            _I,
        )
    ):
        # "De vaste commissie voor Sociale Zaken stuurde mij op 26 oktober 2017 een brief": the
        # committee acting, not a meeting of it
        return False
    if anchor in ("gedebatteerd", "gediscussieerd"):
        # "waarover de Kamer op 24 oktober jl. plenair heeft gedebatteerd", "we hebben in deze
        # commissie gediscussieerd over ...": only with the place or the day
        return bool(
            (past_aux or re.search(r"\ber\s+(?:is|werd)\b", low))
            and (day_match is not None or _HERE.search(low))
            and not _FUTURE.search(low)
        )
    if _DUTCH_MEETING.match(anchor):
        if anchor.startswith("ao") and not (
            day_match is not None or re.search(r"(?:\bhet|\bvorige|\beerdere|\()\s*$", before, _I)
        ):
            return False  # "de AO" (arbeidsongeschiktheid), not "het AO" (algemeen overleg)
        # "het algemeen overleg van 18 april", "(AO d.d. 22/11)", "in vorige AO's"
        if re.search(
            r"\b(?:dit|deze|volgende|komende|geplande|aanstaande)\s+$|"
            r"\baan\s+de\s+orde\s+is\s+(?:het|de)\s+$",
            before,
            _I,
        ) or re.search(r"\b(?:verslag\s+uit|bijgaand\s+verslag|gevoerde)\b", low):
            return False  # this meeting, or the report of it
        if re.search(r"\bverslag\s+van\s+(?:het|de)\s+$", before, _I):
            return True  # "het verslag van het algemeen overleg ... op de agenda zetten"
        if _FUTURE.search(low) and not re.search(r"\b(?:vorige|recent|reeds|al|gehad)\b", low):
            return False
        if re.search(r"\been\s+(?:\w+\s+)?$", before, _I):
            return day_match is not None or bool(
                re.search(r"\b(?:gehad|gevoerd|gehouden)\b", low) and past_aux
            )
        return True
    if anchor == "overleg":
        # "Enkele weken geleden voerde de Kamer met de ministers ... een overleg over ..."
        return bool(
            re.search(r"\b(?:voerde|hield)\s+(?:de|uw)\s+kamer\b", low)
            or re.search(r"\b(?:de|uw)\s+kamer\s+(?:heeft|had)\b[^.]*\bgevoerd\b", low)
        ) and not _FUTURE.search(low)
    if re.search(
        r"\b(?:een|het|dat)\s+eerder\s+$|\b(?:het|de)\s+(?:genoemde|voornoemde|vermelde)\s+$",
        before,
        _I,
    ) and not anchor.startswith(("commissie", "vergadering", "de vergadering", "regeling")):
        return True  # "In een eerder debat hierover"
    # the future reported in the past ("zei ... dat de wachttijden zouden dalen") does not count
    reported = re.sub(r"\b(?:zou|zouden)\b", "", low)
    if re.match(r"(?:\w*debat|discussie|gedachtewisseling)", anchor) and not _FUTURE.search(
        reported
    ):
        if (
            re.search(r"\been\s+(?:[\w-]+\s+)?$", before, _I)
            and re.search(r"\b(?:gevoerd|gehad|gehouden)\b", after_text, _I)
            and _WE_HAD.search(low)
            # in parliament: "hier", "in deze commissie", "met u", not the government's "we"
            and (_HERE.search(low) or _WITH_YOU.search(low))
            and not _OUTSIDE.search(low)
        ):
            return True  # "We hebben hier verleden week een discussie over ... gevoerd"
        if (
            re.search(r"\b(?:in|tijdens)\s+een\s+(?:recent\s+)?$", before, _I)
            and _SPOKE.search(low)
            and re.search(r"\b(?:vorige|verleden|geleden|eerder|gisteren)\b", low)
            and not _OUTSIDE.search(low)
        ):
            return True  # "De minister zei vorige maand in een debat dat ..."
        if (
            re.search(r"\b(?:de|het)\s+$", before, _I)
            and re.match(
                r"(?:\s+(?:hierover|daarover|erover))?\s+in\s+(?:het\s+(?:\w+\s+)?parlement|"
                r"de\s+kamer|deze\s+commissie|de\s+commissie\b|de\s+plenaire)",
                after_text,
                _I,
            )
            and not re.search(r"\b(?:moet|moeten|nodig|wil|willen|vraag|vragen|zou)\b", low)
        ):
            return True  # "de gedachtewisseling hierover in het parlement"
    if re.search(
        r"\b(?:maatschappelijke?|publieke?|politieke?|brede?|open|ruimere?|internationale?|"
        r"academische?)\s+$",
        before,
        _I,
    ) and not anchor.startswith(("plenaire", "commissie", "gedachtewisseling")):
        return False  # "het maatschappelijke debat": not a meeting of parliament
    if anchor.startswith("vergadering"):
        # "vergadering van 27 september 2022": only a meeting of parliament
        place = re.search(r"\b(?:commissie|kamer|parlement|plenair\w*|zie)\b", low) or (
            # "Tijdens de vergadering van 20 november 2003 verklaarde de minister dat ..."
            re.search(r"\b(?:minister|staatssecretaris)\b", low)
            and _SPOKE.search(low)
            and not re.search(r"\bmet\s+(?:de|het|alle)\b", low)
        )
        return bool(place) and not (
            re.search(r"\b(?:regering|college|raad|stuurgroep|werkgroep|bestuur)\b", low)
        )
    if day_match is not None:
        return True
    if re.search(r"\b(?:vorige|laatste|recente|jongste)\s+$", before, _I) or _EARLIER.search(
        before
    ):
        return True  # "tijdens de vorige commissievergadering", "eerdere gedachtewisselingen"
    if anchor.startswith("commissie") and re.search(
        r"\b(?:in|tijdens)\s+(?:deze|de)\s+$", before, _I
    ):
        # "in februari hebt u in deze commissie beloofd dat ...", "U zei toen in de commissie",
        # "we hebben er al over gediscussieerd in de commissie": an earlier meeting
        low = sentence.lower()
        return bool(
            re.search(
                r"\b(?:gezegd|beloofd|geantwoord|aangekondigd|toegezegd|besproken|gesproken|"
                r"gedebatteerd|gediscussieerd|verklaard|bevestigd|meegedeeld|gemeld|gehad|"
                r"aangegeven|toegelicht|uitgelegd|benadrukt|zei|zeiden|verklaarde|antwoordde|"
                r"ondervraagd|geïnterpelleerd|"
                r"beloofde|kondigde|(?:kwam|kwamen)\b.*\baan\s+bod|aan\s+bod\s+gekomen)\b",
                low,
            )
        ) and not re.search(r"\b(?<!op\s)(?:vra(?:ag|gen)|zal|zullen|gaat|gaan)\b", low)
    if re.search(r"\b(?:die|deze|dat|dezelfde|diezelfde|datzelfde|zo'n|een)\s+$", before, _I):
        return False  # a second mention of a meeting named before, or any meeting
    if _FUTURE.search(sentence) and not re.search(r"\b(?:vorige|recent|reeds|al)\b", sentence, _I):
        return False
    if re.search(
        r"\b(?:bij|tijdens|in|na)\s+(?:[\w-]+\s+){0,5}?(?:de|het)\s+(?:[\w-]+-)?$", before, _I
    ) and re.search(
        r"\b(?:heeft|hebben|hebt|heb|had|hadden|werd|werden|was|waren|toegezegd|gezegd|"
        r"verzet|gesteld|gevraagd|aangekondigd)\b",
        sentence,
        _I,
    ):
        if not anchor.startswith(("commissie", "vergadering", "de vergadering", "regeling")):
            return True  # "bij het POC-debat heeft de voorzitter toegezegd", "tijdens de ..."
    if (
        anchor.startswith("commissie")
        or anchor.startswith("de vergadering")
        or anchor.startswith("vergadering")
    ):
        return False
    if anchor.startswith("regeling") or anchor.startswith("hoorzitting"):
        return False
    if anchor.startswith("debat"):
        # "een debat gehad" only beside a named meeting (handled by the merge) or in the past
        return bool(re.search(r"\b(?:gehad|gevoerd|plenaire)\b", sentence, _I)) and bool(
            re.search(r"\b(?:hebben|hebt|heeft|had|hadden|werd|vorige)\b", sentence, _I)
        )
    if anchor.startswith("van gedachten"):
        return True
    if (
        re.search(r"\been\s+(?:[\w-]+\s+)?$", before, _I)
        and not (_HERE.search(low) or _WITH_YOU.search(low))
    ) or _OUTSIDE.search(low):
        return False  # "we hebben met de steden een grondige discussie gevoerd": not parliament
    # plenaire vergadering, gedachtewisseling, actualiteitsdebat: an earlier meeting
    if re.match(r"\s+van\s+(?:vorige|verleden|deze)\s+\w+", after_text, _I):
        return True
    return bool(
        re.search(
            r"\b(?:besproken|gesproken|gewisseld|gedebatteerd|gehad|gezegd|gevoerd|stilgestaan|"
            r"aangekondigd|toegelicht|bevestigd|verklaard|toegezegd)\b",
            sentence,
            _I,
        )
    )


def _bare_question_ok(group, text, m, before, s_start, s_end):
    """A question named without number or date: is it an earlier, specific one?"""
    after = text[m.end() : s_end]
    start, end = m.start(), m.end()
    answer_on = _ANSWER_ON.search(before) or (group == "written" and _ANSWER_ON_BARE.search(before))
    det = _OWN_DET.search(before)
    detw = det["det"].lower() if det else ""
    if re.search(r"\bdoor\s+(?:de\s+)?(?:leden|het\s+lid)\b[^.;]{0,80}\bgestelde\s+$", before, _I):
        return False, start, end  # "de door de leden van de VVD-fractie gestelde vragen": this one
    if _EARLIER.search(before):
        return True, start, end
    recent = re.match(
        r"\s+van\s+(?:(?:vorige|verleden|gisteren|eergisteren)\b(?:\s+(?:week|maand))?|"
        r"(?:vorig|verleden)\s+jaar\b)",
        after,
        _I,
    )
    if recent and group in ("oral", "interpellation", "written"):
        return True, start, m.end() + recent.end()  # "het vragenuurtje van vorige week"
    if answer_on:
        # "In antwoord op uw (schriftelijke) vraag", "het antwoord op uw vraag": the question
        # being answered; "uw antwoord op mijn vraag" is the asker's earlier one
        if re.search(r"\bop\s+uw\s+(?:\w+\s+)?$", before, _I):
            return False, start, end
        return True, start, end
    person = _OF_PERSON.match(text, m.end())
    if (
        person
        and person.end() <= s_end
        and (
            (group != "vraag" and detw == "een")
            or (
                detw == "een"
                and _PAST.search(text[s_start:s_end])
                # "antwoordde op een vraag van collega X dat er een evaluatie zou komen": the
                # future of the reported words does not count
                and not _FUTURE.search(text[s_start : person.end()])
            )
        )
    ):
        return True, start - (len(before) - det.start()), person.end()
    # "Naar aanleiding van twee vragen van het lid Omtzigt": Kamervragen answered before
    if (
        person
        and person.end() <= s_end
        and re.match(r"\s+van\s+het\s+lid\s+[A-Z]", after)
        and re.search(
            r"\b(?:naar\s+aanleiding\s+van|n\.a\.v\.)\s+(?:de\s+|twee\s+|drie\s+|enkele\s+|"
            r"eerdere\s+)?$",
            before,
            _I,
        )
    ):
        return True, start - (len(before) - det.start()) if det else start, person.end()
    # "Toenmalig minister K. antwoordde op mijn vraag": an earlier answer to the asker
    said = re.search(
        r"\bantwoordde[n]?\s+op\s+"
        r"(?:mijn|uw|onze)\s+(?:\w+\s+)?$",
        before,
        _I,
    )
    if said and not _FUTURE.search(text[s_start:start]):
        return True, start - (len(before) - said.start()), end
    # "Op vraag van mijn collega X in het Brussels Parlement antwoordde u ...": not a request
    if group == "vraag" and re.search(r"(?:^|\W)op\s+$", before, _I):
        asked = re.match(
            r"\s+van\s+(?:mijn\s+)?(?:collega|volksvertegenwoordiger|parlementslid|het\s+lid)"
            r"(?:\s+[A-Z][\w’'-]+){1,3}\s+(?:in|tijdens)\s+(?:het|de)\s+(?:\w+\s+)?"
            r"(?i:parlement|kamer|commissie|plenaire\s+vergadering|plenaire)\b",
            after,
        )
        if asked and not _FUTURE.search(text[s_start:s_end]):
            return True, start - 3, m.end() + asked.end()
    # "ik heb u de voorbije jaren regelmatig geïnterpelleerd"
    if m.group().lower().startswith("geïnterpelleerd"):
        aux = re.search(r"\b(?:ik|we|wij)\s+(?:heb|hebben)\b", before, _I)
        if aux:
            return True, start - (len(before) - aux.start()), end
        return False, start, end
    # "we hebben vorige maand een interpellatie gehad van collega X"
    if group in ("interpellation", "oral", "written") and detw in (
        "een",
        "de",
        "die",
        "mijn",
        "uw",
        "",
    ):
        sentence = text[s_start:s_end]
        done = re.search(
            r"\b(?:gehad|gehouden|gesteld|ingediend|besproken|beantwoord)\b", after, _I
        )
        aux = re.search(r"\b(?:hebben|hebt|heb|heeft|had|hadden|werd|werden)\b", sentence, _I)
        if done and aux and not _FUTURE.search(sentence) and detw != "die":
            tail = re.match(
                r"[^,.;:]*?\b(?:gehad|gehouden|gesteld|ingediend|besproken|beantwoord)\b"
                r"(?:\s+(?:van|door)\s+(?:collega\s+|mevrouw\s+|de\s+heer\s+)?"
                r"(?:[A-Z][\w’'-]+\s*){1,3})?",
                after,
            )
            s0 = start - (len(before) - det.start()) if det else start
            return True, s0, m.end() + (tail.end() if tail else 0)
    # "naar aanleiding van mijn vraag in de commissie Mobiliteit": asked in an earlier meeting
    if detw == "mijn" and group in ("vraag", "oral", "interpellation"):
        met = _ASKED_IN_MEETING.match(after)
        if met and not _FUTURE.search(text[s_start:s_end]):
            return True, start - (len(before) - det.start()), m.end() + met.end()
    # "hebt u op mijn vraag hierover geantwoord"
    if detw == "mijn" and re.search(r"\b(?:geantwoord|antwoordde|beantwoord)\b", after, _I):
        verb = re.search(r"\b(?:hebt|heeft|heb|hebben)\b", before, _I)
        lead = re.search(r"\b(?:in|op)\s+\w+(?:\s+vorig\s+jaar)?[^,.;]*$", before, _I)
        s = start - (len(before) - det.start())
        if verb:
            s = start - (len(before) - verb.start())
        if lead and lead.start() < (verb.start() if verb else len(before)):
            s = start - (len(before) - lead.start())
        ans = re.search(r"\b(?:geantwoord|antwoordde|beantwoord)\b", after, _I)
        return True, s, m.end() + ans.end()
    # "ik heb (reeds) vragen gesteld over ...", "stelde ik in deze commissie een vraag over ..."
    if detw in ("een", "") or group in ("written", "oral", "interpellation"):
        gesteld = _VERB_GESTELD.match(after)
        stelde = _STELDE_BEFORE.search(before)
        if stelde and (
            (gesteld and re.search(r"\b(?:gesteld|ingediend)\b", after[: gesteld.end() + 1], _I))
            or (re.search(r"\bstelde[n]?\b", before, _I) and gesteld)
        ):
            if _FUTURE.search(text[s_start:s_end]):
                return False, start, end
            s = start - (len(before) - stelde.start())
            subj = re.search(
                r"\b(?:ik|u|we|wij|hij|zij)\s+(?:\w+\s+){0,2}$", before[: stelde.start()], _I
            )
            if subj:
                s = start - (len(before) - subj.start())
            tail = re.match(
                r"[^,.;:]*?\b(?:gesteld|ingediend)\b(?:\s+(?:aan|over|omtrent|betreffende)\s+"
                r"[^,.;:]{0,80}?(?=\s+(?:over|en|die|dat|om|waarin|,|\.)|$))?|"
                r"\s+(?:over|omtrent|betreffende|naar)\s+[^,.;:]{0,60}?(?=\s+(?:en|die|dat|om|waarin)\b|[,.;:]|$)",
                after,
                _I,
            )
            e = m.end() + (tail.end() if tail else 0)
            return True, s, e
    return False, start, end
