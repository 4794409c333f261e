"""Promises of the answering side: dated, open and referrals.

Works sentence by sentence on the cleaned text. A sentence promises when it carries a
commitment in the government's own voice: a future ("zal", "zullen"), an intention ("is
voornemens", "het is de bedoeling om", "zegt toe"), a follow-up ("wordt verder opgevolgd",
"ik kom hierop terug"), a present tense with a time still to come ("worden op 24 april 2024
goedgekeurd"), or a referral ("verwijs ik u graag door naar de bevoegde minister"). Asker
voice (questions, "u zei dat ...", "Minister, ..."), forecasts and announcements about the
speech itself are left out. The first usable time expression gives `due`.

The checks follow four principles rather than single sentences:
(a) the agent is the government side — the first person of the answering minister, a
    government body, or an impersonal passive — not the asker (questions, demands, "vraagt of"),
    not someone else (motions, press paraphrases, others' words in the perfect, instructions
    to citizens with "je", another government or country);
(b) there is a commitment modality — zal/zullen, an intention (voornemens, streven, engagement,
    "ik wil" + an act, "ik verwacht ... te"), informing the addressee ("U wordt ... geïnformeerd"),
    an effort in the passive ("wordt ingezet op"), or a present tense with a time still to come;
(c) the verb is an act the agent controls (not "vergen", "bedragen", "betrekking hebben", a
    speech act such as "ik wil benadrukken");
(d) it is no question, no uncertain forecast, not negated.
The time decides the kind: a date or period → dated with its last day; an event-bound or
recurring time → dated without one; none or vague → open; "Als ..., zal ik ..." → open.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date

from monitor.text.clean import Cleaned
from monitor.text.dates import DateMatch
from monitor.text.models import Promise

_I = 0  # every pattern runs on the lower-cased text

_REFERRAL = re.compile(
    r"\b(?:verwijs|verwijzen|verwijst)\b(?P<obj>[^.;]{0,160})"
    r"|\b(?:doorverwezen|doorverwijzen|doorgestuurd|overgemaakt|doorgegeven|doorgespeeld)\s+"
    r"(?:naar|aan)\b(?P<obj2>[^.;]{0,120})"
    r"|\b(?:valt|vallen|behoort|behoren|ressorteert|ressorteren)\s+(?:\w+\s+){0,3}?"
    r"(?:onder|tot)\s+(?:de\s+)?(?:exclusieve\s+)?bevoegdheid\w*\s+van\b"
    r"|\b(?:is|zijn)\s+(?:een\s+|de\s+)?(?:exclusieve\s+)?bevoegdheid\s+van\b"
    r"|\b(?:onder|tot)\s+die\s+van\s+(?:de|mijn|het|haar|zijn)\b"
    r"|\bonder\s+de\s+(?:exclusieve\s+)?bevoegdheid\s+(?:\w+\s+){0,2}?(?:valt|vallen)\s+van\b"
    r"|\b(?:is|zijn)\s+ter\s+beoordeling\s+van\b|\bhet\s+is\s+aan\s+(?:de|het)\s+\w+(?:\s+\w+){0,3}\s+om\b"
    r"|\b(?:is|zijn)\b[^.;]{0,80}?\been\s+(?:exclusieve\s+)?bevoegdheid\s+van\b"
    r"|\bhet\s+komt\s+(?:\w+\s+){1,6}?toe\s+om\b"
    r"|\b(?:kan|kunt|moet|dient)\s+(?:u\s+)?(?:zich\s+)?(?:best\s+)?(?:\w+\s+)?(?:wenden|richten)\s+tot\b"
    r"|\bzich\s+(?:\w+\s+){0,2}?tot\s+(?:de|het|mijn|haar|zijn)\s+[^.;]{0,60}?\b(?:wendt|wenden|richt|richten)\b"
    r"|\b(?:vraag|vragen)\s+(?:\w+\s+){0,3}?(?:te\s+)?(?:stellen|richten)\s+aan\s+(?:de\s+|mijn\s+)?"
    r"(?:bevoegde|collega|federale|minister|staatssecretaris)"
    r"|\b(?:dient|moet|kan)\s+(?:\w+\s+){0,2}?(?:gesteld|gericht)\s+(?:te\s+)?worden\s+aan\b"
    # the question handed on: "Ik zal uw vraag doorgeven aan ...", "Ik geef uw vraag door aan ..."
    r"|\b(?:vraag|vragen|verzoek|bekommernis\w*|suggestie\w*)\s+(?:\w+\s+){0,4}?"
    r"(?:doorgeven|doorsturen|overmaken|doorspelen|voorleggen|overleggen|over\s+te\s+leggen|"
    r"door\s+te\s+sturen|door\s+te\s+geven|over\s+te\s+maken)\s+aan\b"
    r"(?P<obj3>[^.;]{0,120})"
    # another member of the government asked to answer: "zal ik de nieuwe bewindspersoon van OCW
    # verzoeken om de reactie aan uw Kamer te zenden"
    r"|\b(?:bewindspersoon|collega|bevoegde\s+minister|"
    r"minister\s+van|staatssecretaris\s+van)\b[^.;]{0,60}?\b(?:verzoeken|vragen|verzocht|"
    r"gevraagd)\s+om\b[^.;]{0,120}?\b(?:antwoord\w*|reactie|beantwoord\w*|informeren|"
    r"zenden|sturen|bezorgen)\b"
    r"|\b(?:geef|geven|stuur|sturen|speel|spelen)\s+(?:\w+\s+){0,4}?(?:vraag|vragen|verzoek|"
    r"bekommernis\w*|suggestie\w*)\s+(?:\w+\s+){0,2}?door\s+(?:aan|naar)\b(?P<obj4>[^.;]{0,120})",
    _I,
)
# Competence named in other words (looked for only beside its rare word): "Dat is een zaak voor de
# federale overheid", "De federale minister is bevoegd voor deze materie".
_COMPETENT = re.compile(
    r"\b(?:is|zijn)\s+(?:\w+\s+)?(?:een\s+)?(?:zaak|aangelegenheid|kwestie)\s+(?:van|voor)\b"
    r"(?P<obj>[^.;]{0,80})"
    r"|\b(?P<competent>is|zijn)\s+(?:\w+\s+)?bevoegd\s+(?:voor|om|inzake)\b"
)
_REFERRAL_TARGET = re.compile(
    r"\b(?:minister\w*|collega\w*|regering|overheid|staatssecretaris|bevoegd\w*|agentschap|"
    r"gemeente\w*|stad|hem|haar|federale|ggc|cocof|vgc|gemeenschapscommissie|instantie|"
    r"administratie|diensten|ombuds\w*|gouverneur|provincie|parlement|kabinet|departement|"
    r"schepen|burgemeester|commissie|fod|federale\s+overheidsdienst|fedasil|vdab|ocmw|caw|"
    r"vvsg|agii|kind\s+en\s+gezin|opgroeien|college|rekenhof|politie|parket|actiris|"
    r"bruxelles\s+formation|vgc|gemeenschap|gewest|entiteit|overheden|bestuur|besturen)\b",
    _I,
)
_OWN_DOCS = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:naar|op)\s+(?:mijn|het|de|uw|een)\s+(?:eerdere?\s+|vorige\s+)?"
    r"(?:antwoord|bijlage|website|tabel|vraag|rapport|jaarverslag|publicatie|studie|nota|"
    r"brief|beleidsnota|decreet|artikel|punt|hoger|hierboven|onderstaande|bovenstaande|"
    r"link|verslag|beleidsbrief|gedachtewisseling|debat|bespreking|vergadering|plenaire|"
    r"commissie|hoorzitting|interpellatie|vragen|resolutie|conceptnota|cijfers|overzicht|"
    r"statistieken|beslissing|omzendbrief)",
    _I,
)
_FUTURE = re.compile(r"\b(?:zal|zullen|zult)\b", _I)
_INTENT = re.compile(
    r"\b(?:(?:is|ben|zijn)\s+(?:\w+\s+)?(?:voornemens|van\s+plan|van\s+zins)|"
    r"het\s+is\s+de\s+bedoeling|(?:is\s+het|het|ons|mijn)\s+streven\s+(?:is\s+)?om|"
    r"(?:het|ons|mijn)\s+plan\s+is\s+(?:om|dat)|het\s+is\s+(?:het|ons|mijn)\s+plan\s+om|"
    # "het is mijn ambitie om", "de bedoeling is om" (but "met de bedoeling om" tells a purpose)
    r"het\s+is\s+(?:de|mijn|onze)\s+(?:ambitie|intentie|bedoeling|betrachting|doelstelling|voornemen)\s+"
    r"(?:om|dat)\b|(?<!met\s)(?:de|mijn|onze)\s+(?:ambitie|intentie|bedoeling|betrachting|doelstelling|"
    r"voornemen)\s+(?:is\s+)?(?:om|dat)\b|(?:zeg|zegt|zeggen)\b[^.;]{0,200}\btoe\b|toezegging\s+is|"
    r"(?:ik|we|wij)\s+(?:kom|komen)\s+(?:hier|daar|er)\w*\s+(?:\w+\s+){0,8}?terug|"
    r"\bkom\s+(?:hier|daar|er)\w*\s+(?:\w+\s+){0,8}?terug|"
    r"(?:ben|zijn|is)\s+(?:\w+\s+)?(?:bereid|gereed|klaar)\s+om|"
    # "wil hierbij het engagement opnemen om", "wil ik toch toezeggen dat"
    r"engagement\s+(?:\w+\s+)?(?:op\s*nemen|aangaan|aan\s+te\s+gaan|op\s+te\s+nemen)|"
    r"(?:wil|willen)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,2}?toezeggen|"
    # "Ik verwacht ... een tussentijdse rapportage te leveren" (not "verwacht ... dat")
    r"(?:ik|we|wij)\s+verwacht(?:en)?\s+(?![^.;]{0,120}?\bdat\b)(?:[^\s.;]+\s+){1,14}?te\s+\w+en\b|"
    r"(?:ik|we|wij)\s+(?:neem|nemen)\s+(?:\w+\s+){0,4}?mee\b|(?:neem|nemen)\s+(?:ik|we|wij)\s+"
    r"(?:\w+\s+){0,4}?mee\b|"
    r"vinger\s+aan\s+de\s+pols|"
    r"(?:volg|volgen)\s+(?:\w+\s+){0,4}?(?:van\s+nabij|nauwgezet|op\s+de\s+voet)|"
    r"(?:van\s+nabij|nauwgezet|op\s+de\s+voet)\s+(?:\w+\s+){0,2}?(?:op)?(?:volgen|gevolgd|opgevolgd)|"
    r"(?:kom|komen)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,3}?(?:hier|daar|er)\w*\s+(?:\w+\s+){0,8}?terug|"
    r"(?:wordt|worden)\s+(?:\w+\s+){0,2}?verder\s+(?:\w+\s+)?"
    r"(?:opgevolgd|gemonitord|onderzocht|bekeken|uitgewerkt|opgevolgd|geëvalueerd|besproken)|"
    r"(?:ik|we|wij)\s+(?:blijf|blijven)\b|(?:blijf|blijven)\s+(?:ik|we|wij)\b|"
    r"(?:plan|plannen|engageer|engageren)\s+(?:ik|we|wij)\b|(?:ik|we|wij)\s+(?:plan|plannen)\b|"
    r"(?:is|zijn|staat|staan)\s+(?:\w+\s+){0,3}?(?:gepland|ingepland|voorzien|in\s+voorbereiding)\b|"
    r"(?:heb|hebben|heeft)\s+(?:\w+\s+){0,5}?(?:gepland|ingepland)\b|"
    r"(?:ik|we|wij)\s+(?:ga|gaan)\s+(?:\w+\s+){0,6}?\w+en\b|"
    r"(?:engageert|engageren|verbindt|verbinden)\s+(?:\w+\s+)?(?:zich|me|mij|ons)|"
    r"(?:engageer|verbind)\s+(?:ik\s+)?(?:me|mij)|\bbelo(?:of|oft|ven)\b|"
    r"(?:heb|hebben)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,3}?toegezegd|"
    r"(?:is|werd|wordt)\s+(?:\w+\s+){0,2}?toegezegd\s+(?:dat|om)|"
    r"(?:ik|we|wij)\s+(?:heb|hebben)\s+(?:\w+\s+){0,3}?toegezegd|"
    r"(?:ik|we|wij)\s+(?:bezorg|bezorgen|informeer|informeren|hou|houd|houden|stuur|sturen)"
    r"\s+(?:\w+\s+){0,2}?(?:u|je|jullie)\b|(?:bezorg|informeer|hou|houd|stuur)\s+ik\s+u\b)",
    _I,
)
# Every _INTENT construction holds one of these (plain letters: a fast scan before the pattern).
_INTENT_KEY = re.compile(
    r"gereed|klaar|verwacht|voornem|plan|zins|bedoeling|ambitie|intentie|betrachting|doelstelling|streven|toe|terug|"
    r"bereid|mee|vinger|nabij|nauwgezet|voet|verder|blijf|blijv|engage|voorzien|voorbereiding|"
    r"ga|verbind|belo|bezorg|informeer|hou|stuur"
)
# Weaker intentions count only with a time still to come: "Tegen eind 2023 wil Bon ...".
_WEAK_INTENT = re.compile(
    r"\b(?:wil|willen|moet|moeten|streef|plant|plannen|beoogt|beogen|mikt|mikken|streeft|streven|"
    r"verwacht\s+(?:ik|we|wij|het\s+agentschap|de\s+administratie)|"
    r"(?:ik|we|wij)\s+verwacht(?:en)?|hoop|hopen|rekent|rekenen|"
    r"(?:ik|we|wij)\s+(?:voorzie|voorzien)|(?:voorzie|voorzien)\s+(?:ik|we|wij))\b",
    _I,
)
# The government's will to act: "Ik wil de belanghebbenden met elkaar in gesprek brengen", "wil ik
# de aanpak verder verbreden", "De Vlaamse Regering wil ... uitrollen" (not "Ik wil benadrukken").
_WILL = re.compile(
    r"\b(?:(?:ik|we|wij)\s+(?:wil|willen)|(?:wil|willen)\s+(?:ik|we|wij)|"
    r"(?:regering|kabinet|college)\s+(?:wil|willen))\b(?P<rest>[^.;:?]{0,200})"
)
# An infinitive (roughly): a word in -en that is no article, preposition or adverb.
_INFINITIVE = re.compile(
    r"\b(?!(?:een|geen|heen|alleen|tegen|tussen|binnen|buiten|boven|beneden|even|open|ten|"
    r"bovendien|zonder|voordien|nadien|daarbinnen|wederom)\b)\w{2,}en\b"
)
# What one says, thinks or wishes is no act: "Ik wil benadrukken dat ...", "wil ik u danken".
_WILL_NOT_ACT = re.compile(
    r"\b(?:benadrukken|onderstrepen|opmerken|meegeven|wijzen|herinneren|verduidelijken|preciseren|"
    r"danken|bedanken|zeggen|stellen|vragen|weten|toevoegen|verwijzen|beklemtonen|nuanceren|"
    r"aanstippen|vermelden|melden|signaleren|aangeven|herhalen|erkennen|uitleggen|toelichten|"
    r"antwoorden|beantwoorden|ingaan|beginnen|afsluiten|eindigen|citeren|opsommen|overlopen|"
    r"schetsen|pleiten|oproepen|aanmoedigen|feliciteren|noemen|hebben|zijn|geven|kwijt|onderschrijven|"
    r"delen|begrijpen|zien|geloven|hopen|graag|niet|geen|nog\s+eens|even|kort|eerst|"
    r"stilstaan|terugkomen|reageren|opmerking|vooraf|samenvatten|afronden|toezegging|"
    r"debat|interpellatie|motie)\b|^\s*(?:\w+\s+)?dat\b"
)
_DEADLINE_LEAD = re.compile(
    r"\b(?:tegen|uiterlijk|ten\s+laatste|vóór|voor|op|tijdens|in|eind|begin|midden)\s*$", _I
)
# The addressee told he will be informed: "U wordt op de hoogte gebracht van de resultaten",
# "Zodra ..., wordt uw Kamer hierover geïnformeerd", "wordt u hiervoor uitgenodigd".
_INFORMED = re.compile(
    r"\b(?:(?:wordt|worden)\s+(?:\w+\s+){0,2}?(?:u|uw\s+kamer|de\s+kamer|het\s+parlement|"
    r"uw\s+commissie)|(?:u|uw\s+kamer|de\s+kamer)\s+(?:wordt|worden))\b[^.;]{0,80}?\b"
    r"(?:geïnformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gebracht|gehouden|gesteld)|uitgenodigd|"
    r"toegestuurd|bezorgd|betrokken)\b"
)
_INFORMED_KEY = re.compile(
    r"geïnformeerd|ingelicht|hoogte|uitgenodigd|toegestuurd|bezorgd|betrokken"
)
_PRESENT = re.compile(
    r"\b(?:wordt|worden|start|starten|begint|beginnen|volgt|volgen|verschijnt|verschijnen|"
    r"loopt|lopen|gebeurt|informeer|informeren|informeert|bezorg|bezorgen|bezorgt|stuur|stuurt|"
    r"zend|zendt|"
    # a state still to come: "Eind 2024 is de studie klaar", "zijn beschikbaar vanaf 1 juli"
    r"(?:is|zijn)\s+(?:\w+\s+){0,4}?(?:klaar|afgerond|beschikbaar|operationeel|gereed)|"
    r"(?:ontvangt|krijgt)\s+(?:u|uw\s+kamer|de\s+kamer)|(?:u|uw\s+kamer|de\s+kamer)\s+(?:ontvangt|krijgt)|"
    r"gaat|gaan|komt|komen|treedt|treden|vindt|vinden|opent|openen)\b",
    _I,
)
# "Daartoe voeren we de aanbevelingen onverkort uit": carrying out, in the present tense.
_PRESENT_ACTION = re.compile(
    r"\b(?:(?:voeren|zetten|werken|rollen|breiden)\s+(?:we|wij)|(?:we|wij)\s+(?:voeren|zetten|werken|"
    r"rollen|breiden))\b[^.;]{0,80}\b(?:uit|voort|door)\b"
    r"|\b(?:kabinet|regering|minister|staatssecretaris|agentschap|administratie|departement)\s+"
    r"(?:voert|zet|werkt)\b[^.;]{0,80}\b"
    r"(?:uit|voort|door)\b"
    # an effort in the impersonal passive: "Allereerst wordt ingezet op ..."
    r"|\b(?:wordt|worden)\s+(?:\w+\s+){0,3}?(?:ingezet\s+op|werk\s+gemaakt\s+van)\b"
    r"|\b(?:werk|werken)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,3}?aan\b|\b(?:ik|we|wij)\s+(?:werk|werken)\s+"
    r"(?:\w+\s+){0,3}?aan\b"
)
# Others' plans are not the answering side's commitments.
_THIRD_PARTY = re.compile(
    r"\b(?:europese\s+(?:commissie|unie|raad)|de\s+eu|rekenhof|raad\s+van\s+state|"
    r"grondwettelijk\s+hof|hof\s+van\s+justitie|rechtbank|planbureau|statbel|"
    r"federale\s+(?:regering|overheid|minister|staatssecretaris)|vakbonden|werkgevers(?:organisaties)?|"
    r"oppositie|universiteit|onderzoekers|commissie\w*|vergadering|bespreking|"
    r"steden|gemeenten|lokale\s+besturen|vakbond\w*|sector|bouwmeester|"
    r"huishoudelijke\s+commissie|kamervoorzitter|parlementsvoorzitter)\b"
)
_SOON = re.compile(
    r"\b(?:binnenkort|eerstdaags|weldra|spoedig|zo\s+snel\s+mogelijk|zo\s+spoedig\s+mogelijk|"
    r"op\s+korte\s+termijn|(?:de|in\s+de)\s+komende\s+(?:dagen|weken|maanden))\b",
    _I,
)
_RECURRING = re.compile(
    r"jaarlijks|maandelijks|wekelijks|periodiek|regelmatig|\belk\b|\bieder\b|\bper\b", _I
)
_QUESTION_VOICE = re.compile(
    r"\bu\s+(?:zei|zegt|hebt|heeft|had|kondigde|stelde|antwoordde|beloofde|zou|gaf|liet|"
    r"verklaarde|sprak|meldde|schreef|antwoordt|verwees)\b"
    r"|\b(?:zei|hebt|heeft|had|kondigde|stelde|antwoordde|beloofde|verklaarde|meldde|schreef)"
    r"\s+u\b"
    r"|\b(?:mijn\s+vraag|uw\s+antwoord|graag\s+had\s+ik|ik\s+(?:wil|zou)\s+(?:graag\s+)?"
    r"(?:de\s+minister|u|vragen|weten)|kan\s+de\s+minister|wil\s+de\s+minister|gelieve|"
    r"volgens\s+u|zoals\s+u\s+(?:zelf\s+)?(?:zei|zegt|stelde|aangaf|aankondigde|beloofde)|ik\s+vraag|"
    r"u\s+(?:ernaar\s+)?(?:streeft|wilt|plant|kondigt|belooft|voorziet)|mijn\s+vragen|hoe\s+staat\s+u|"
    r"wat\s+is\s+uw|uw\s+(?:stelling|uitspraken?|bewering|ambitie|bedoeling|intentie|voornemen|"
    r"plannen|doelstelling)|"
    r"u\s+(?:vroeg|vraagt|informeert|polst)\s+(?:\w+\s+){0,2}?(?:of|wanneer|hoe|naar)|"
    r"uw\s+(?:beleidsnota|beleidsbrief|conceptnota|nota|actieplan|plan|toespraak|verklaring|"
    r"regeerakkoord|brief))\b",
    _I,
)
# Work handed on or agreed, which promises only with a time: "Ik heb mijn administratie
# gevraagd om ... tegen het najaar", "We hebben met de sector afgesproken om ... in het voorjaar".
_DELEGATED = re.compile(
    r"\b(?:(?:heb|hebben)\s+(?:\w+\s+){0,2}?(?:mijn|onze|de|het)\s+(?:administratie|diensten|agentschap|"
    r"departement|kabinet|medewerkers|team|ambtenaren)\s+(?:\w+\s+){0,2}?gevraagd\s+om|"
    r"(?:de\s+)?opdracht\s+gegeven\s+om|"
    r"(?:werd|werden|is|zijn)\s+(?:\w+\s+){0,3}?afgesproken\s+(?:om|dat)|"
    r"(?:heb|hebben)\s+(?:\w+\s+){0,5}?afgesproken\s+(?:om|dat)|"
    r"(?:ik|we|wij)\s+(?:vraag|vragen)\s+(?:\w+\s+){0,4}?om|"
    r"(?:heb|hebben|heeft)\s+(?:\w+\s+){0,3}?(?:beslist|besloten)\s+om)\b"
)
# An obligation of others ("alle lokale besturen moeten ... indienen") is not a promise.
_OBLIGED = re.compile(
    r"\b(?:alle|elke|iedere)\s+\w+|\b(?:gemeenten|besturen|scholen|inburgeraars|nieuwkomers|"
    r"werkgevers|aanvragers|ouders|burgers|organisaties|ondernemingen|kandidaten|deelnemers|"
    r"leerlingen|studenten|verenigingen|partners)\b"
)
# The asker's own plans: "ik zal hierover een schriftelijke vraag stellen".
_ASKER_PLAN = re.compile(
    r"\b(?:ik|we|wij|fractie)\b[^.;]{0,40}\b(?:vra(?:ag|gen)\s+(?:\w+\s+)?(?:stellen|indienen)|"
    r"interpellatie|motie|voorstel\s+van\s+(?:decreet|resolutie))\b"
    r"|\bdebat\s+(?:\w+\s+){0,3}?(?:plannen|aanvragen|agenderen)\b"
    r"|\b(?:terug|opnieuw)\b[^.;]{0,30}?\bmet\s+een\s+(?:nieuwe\s+)?(?:vraag|interpellatie|motie)\b"
    r"|\b(?:ondervragen|bevragen|interpelleren)\b",
    _I,
)
_NOT_PROMISE = re.compile(
    r"\b(?:niet\s+mogelijk|onmogelijk|zal\s+(?:\w+\s+)?niet(?!\s+nalaten)|"
    r"zullen\s+(?:\w+\s+)?niet(?!\s+nalaten)|"
    r"verwacht\w*\s+(?:\w+\s+){0,3}?(?:een\s+)?(?:stijging|daling|groei|toename|afname|aangroei)|"
    r"(?:wordt|worden)\s+(?:\w+\s+){0,3}?verwacht\s+dat|verwacht\s+(?:men|de\s+studiedienst|het\s+planbureau)|"
    r"prognose\w*|raming\w*|voorspel\w*|vermoedelijk|"
    r"waarschijnlijk|wellicht|allicht|misschien|mogelijks|ongetwijfeld|zou|zouden|"
    r"naar\s+schatting|geschat\w*|gestemd|stemming|ik\s+citeer|"
    r"(?:zal|zullen)\s+(?:\S+\s+){0,8}?(?:bedragen|belopen)|(?:eerste|tweede|derde)\s+termijn|"
    r"(?:loopt|lopen)\s+(?:\w+\s+){0,6}?af|afloopt|aflopen|vervalt|verloopt|verlopen|"
    r"niet\s+(?:de|mijn|onze)\s+(?:bedoeling|intentie|ambitie)|niet\s+(?:van\s+plan|voornemens)|"
    r"geen\s+(?:plannen|intentie|ambitie)|"
    r"vertrouwen\s+(?:\w+\s+)?(?:in|dat)|overtuigd\s+dat|ervan\s+uit\s+dat|hoop\s+dat|hopelijk|"
    r"(?:heeft|hebben)\s+(?:ons|mij|me)\s+(?:\w+\s+)?(?:laten\s+weten|meegedeeld|gemeld|"
    r"geïnformeerd|bevestigd)|zult|(?<!aan\s)(?<!naar\s)(?<!voor\s)(?<!met\s)u\s+(?:\w+\s+){0,2}zal|(?<!ik\s)(?<!we\s)(?<!wij\s)(?:zal|zult)\s+u|"
    r"zal\s+(?:\w+\s+){0,6}(?:stijgen|dalen|toenemen|afnemen|groeien|"
    r"oplopen|evolueren)|zullen\s+(?:\w+\s+){0,6}(?:stijgen|dalen|toenemen|afnemen|groeien|"
    r"oplopen|evolueren)|verwacht\w*\s+(?:\w+\s+){0,2}?dat|zich\s+(?:zal|zullen)\s+doorzetten|"
    r"(?:zal|zullen)\s+(?:\w+\s+){0,3}(?:verdubbelen|halveren|stabiliseren|doorzetten)|"
    # a need or an obligation foreseen, not a commitment: "er zullen investeringen nodig zijn"
    r"(?:zal|zullen)\s+(?:[^\s.;]+\s+){0,10}?(?:nodig|noodzakelijk|vereist)\s+(?:zijn|blijven)|"
    r"(?:zal|zullen)\s+(?:\w+\s+){0,2}?een\s+(?:\w+\s+){0,2}?(?:worden|zijn)\s+(?:voor|van|in)\b|"
    r"(?:zal|zullen)\s+(?:[\w-]+\s+){0,8}?moeten|"
    r"waarschijnlijkheid|aldus|(?:ga|gaan|gaat)\s+(?:\w+\s+){0,2}?niet|"
    # the minister's earlier words reported in the third person
    r"(?:de|uw)\s+(?:vlaamse\s+)?(?:minister(?:-president)?|staatssecretaris|regering)\s+"
    r"(?:heeft|had)\s+(?:\w+\s+){0,3}?(?:beloofd|aangekondigd|gezegd|verklaard)|"
    r"volgens\s+(?:de|uw)\s+(?:minister(?:-president)?|staatssecretaris)|"
    r"(?:zal|zullen)\s+(?:\w+\s+){0,4}?(?:zien|uitwijzen|blijken|merken|afwachten)|"
    r"(?:niet|nog\s+niet)\s+(?:\w+\s+)?(?:zeggen|voorspellen|inschatten)|te\s+vroeg\s+om|"
    r"(?:we|wij)\s+moeten|moeten\s+(?:we|wij)|"
    # no act the government controls: "zal extra tijd vergen", "zal betrekking hebben op"
    r"(?:zal|zullen)\s+(?:[^\s.;]+\s+){0,8}?(?:vergen|kosten|duren|betrekking\s+hebben|"
    r"in\s+beslag\s+nemen|omvatten|bestaan\s+uit)|"
    # uncertain: "Het is nog niet zeker of ze zullen worden aangekocht"
    r"(?:niet|nog\s+niet)\s+(?:zeker|duidelijk|bekend|beslist|uitgemaakt)\s+(?:of|wanneer|hoe)|"
    r"onzeker\s+of|"
    # negated: "zal het agentschap geen gebruik meer maken van"
    r"(?:zal|zullen)\s+(?:\w+\s+){0,2}?(?:geen|niets|nooit))\b",
    _I,
)
# Not the answering government's own voice: a motion ("verzoekt de regering ..."), a press
# paraphrase (", belooft Knops in de brief"), instructions to citizens ("De aanvraag bezorg je
# ..."), another government ("In de Franse Gemeenschap zal ..."), or someone else's referral
# ("verwijst de Brusselse minister-president naar ...").
_NOT_OWN = re.compile(
    r"\b(?:verzoekt|roept|draagt)\s+(?:de\s+regering|het\s+kabinet|het\s+college)\b|"
    r"\bgaat\s+over\s+tot\s+de\s+orde\b|"
    # a member's question reported: "De heer Peeters vraagt of de minister ... zal"
    r"\b(?:vraagt|vroeg|vroegen)\s+(?:\w+\s+){0,3}?(?:of|wanneer|hoe|waarom|welke|wat)\b|"
    # a demand on the government: "wij willen dat de minister ... een brief stuurt"
    r"\b(?:wil|willen|vraag|vragen|verzoek|verzoeken|eis|eisen)\s+dat\s+(?:de|het|deze)\s+"
    r"(?:\w+\s+)?(?:minister|staatssecretaris|regering|kabinet)\b|\b(?:overwegende|constaterende)\s+dat\b|"
    r",\s*(?:belooft|beloven|zegt|zeggen|schrijft|schrijven|meldt|melden|verklaart)\s+"
    r"(?!de\b|het\b|ik\b|we\b|wij\b|u\b|men\b|dat\b|hij\b|zij\b)\w+|"
    r"^\s*(?:\w+\s+){0,3}?(?:in|voor)\s+(?:de\s+|het\s+)?(?:franse\s+gemeenschap|"
    r"duitstalige\s+gemeenschap|federatie\s+wallonië-brussel|wallonië|waalse?\s+gewest|frankrijk|"
    r"duitsland|luxemburg|het\s+buitenland)\b|"
    r"\b(?:verwijst|verwees)\s+de\s+(?:brusselse|vlaamse|waalse|federale|franse|nederlandse|"
    r"duitstalige)\s+(?:minister|staatssecretaris|regering)"
)
# Someone else's words in the perfect: "De voorzitter van de Commissie ... heeft desgevraagd
# toegelicht dat het rapport ... wordt opgeleverd" (not "ik heb ... aangegeven dat").
_OTHERS_SAID = re.compile(
    r"\b(?:heeft|hebben)\s+(?:\w+\s+){0,3}?(?:toegelicht|laten\s+weten|aangegeven|meegedeeld|"
    r"gemeld|verklaard|bevestigd|bekendgemaakt|aangekondigd|gezegd|geantwoord)\s+dat\b"
)
_OWN_SUBJECT = re.compile(
    r"\b(?:ik|we|wij|kabinet|regering|mijn\s+diensten|mijn\s+administratie)\b"
)
_YOU_INFORMAL = re.compile(r"\b(?:je|jij)\b")
_FIRST_PERSON = re.compile(r"\b(?:ik|we|wij)\b")


# Every _NOT_OWN construction holds one of these (plain letters: a fast scan first).
_NOT_OWN_KEY = re.compile(
    r"verzoek|roept|draagt|de\s+orde|overwegende|constaterende|, belo|, zeg|, schrij|, meld|"
    r", verklaart|vroeg|vraagt|franse\s+gem|duitstalige\s+gem|wallon|waals|frankrijk|duitsland|"
    r"luxemburg|buitenland|verwijst|"
    r"verwees|wil dat|willen dat|vraag dat|vragen dat|eis dat|eisen dat"
)


def _not_own_voice(sentence: str) -> bool:
    """Is it someone else's: a motion, a paraphrase, an instruction, another government?"""
    if _NOT_OWN_KEY.search(sentence) and _NOT_OWN.search(sentence):
        return True
    said = ("heeft" in sentence or "hebben" in sentence) and _OTHERS_SAID.search(sentence)
    if said and not _OWN_SUBJECT.search(sentence, 0, said.start()):
        return True
    return bool(_YOU_INFORMAL.search(sentence)) and not _FIRST_PERSON.search(sentence)


# "naar verwachting" hedges a forecast ("zal naar verwachting stijgen"), but not the government
# telling when it reports: "Naar verwachting kan ik uw Kamer in het voorjaar informeren".
_HEDGE = re.compile(r"\bnaar\s+verwachting\b")
_OWN_REPORT = re.compile(
    r"\b(?:ik|we|wij)\b[^.;]{0,60}?\b(?:informeren|sturen|toesturen|toezenden|zenden|bezorgen|"
    r"voorleggen|toekomen|rapporteren|berichten|aanbieden)\b"
    # the government's own paper sent on: "Het wetsvoorstel zal naar verwachting in het najaar
    # aan de Raad van State worden voorgelegd"
    r"|\b(?:wetsvoorstel|wetsontwerp|voorontwerp|ontwerpdecreet|conceptnota|beleidsnota|"
    r"actieplan)\b[^.;]{0,80}?\b(?:voorgelegd|ingediend|aangeboden|gestuurd|toegestuurd|"
    r"toegezonden|bezorgd)\b"
)
_SPEECH = re.compile(
    # the letter itself: "In het eerste gedeelte van deze voortgangsrapportage zal ik stilstaan bij"
    r"\bin\s+(?:\w+\s+){0,4}?(?:deze|dit|onderhavige)\s+(?:\w+\s+)?(?:brief|kamerbrief|"
    r"rapportage|voortgangsrapportage|nota|notitie|antwoord|beantwoording|hoofdstuk|paragraaf)\b"
    r"[^.;]{0,40}?\b(?:zal|ga)\s+(?:ik|we|wij)\b|"
    r"\b(?:straks|zo\s+dadelijk|zo\s+meteen|hieronder|verderop|in\s+wat\s+volgt|"
    r"(?:hierbij|hiermee|met\s+deze\s+brief)\s+(?:\w+\s+)?(?:ik|wij|we)\b|"
    r"in\s+mijn\s+antwoord|onderstaand|(?:ik|we|wij)\s+(?:sta|staan)\s+hier)\b|"
    r"\b(?:bezorg|stuur|zend|bied|breng|informeer)\b[^.;]{0,40}\b(?:hierbij|hiermee|bijgaand|"
    r"in\s+bijlage)\b|"
    r"\b(?:zal|zullen)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,4}?(?:beantwoorden|antwoorden|overlopen|"
    r"samenvatten|schetsen|toelichten|ingaan|bespreken)\b|"
    r"\b(?:ik|we|wij)\s+(?:zal|zullen)\s+(?:\w+\s+){0,4}?(?:beantwoorden|antwoorden|overlopen|"
    r"samenvatten|schetsen)\b|"
    r"\b(?:ik|we|wij)\s+(?:zal|zullen)\s+(?:\w+\s+){0,2}?(?:eerst|kort|nu|vervolgens|daarna|"
    r"tot\s+slot|even|meteen|achtereenvolgens)\b",
    _I,
)
# Every promise construction holds one of these words (a gate before the full patterns).
_TRIGGER = re.compile(
    r"verwij|doorverw|doorgestuurd|overgemaakt|doorgegeven|doorgespeeld|bereid|bevoegd|vinger|"
    r"beoordeling|is\s+aan|nabij|nauwgezet|voet|neem|nemen|toe\s+om|wend|richt|stellen\s+aan|"
    r"voornemens|ambitie|intentie|betrachting|doelstelling|voornemen|komende|"
    r"van\s+plan|van\s+zins|bedoeling|toezegging|terug|"
    r"verder|blijf|blijv|plan|engage|gepland|ingepland|voorzien|voorbereiding|"
    r"wordt|worden|start|begin|volg|verschijn|loopt|lopen|gebeurt|informeer|bezorg|ontvang|"
    r"ontvangt|krijgt|treedt|treden|vindt|vinden|opent|"
    r"eindig|gevraagd|afgesproken|opdracht|stree|toegezegd|"
    r"houd|hoogte|verbind|belo|beoog|mikt|mikken|streeft|streven|verwacht|hoop|rekent|rekenen|"
    r"hou|stuur|beslist|besloten|doorgev|doorstu|overmak|doorspel|door\s+(?:aan|naar)\b|klaar|"
    r"afgerond|beschikbaar|operationeel|gereed|leggen|zaak\s+v|aangelegenheid\s+v|verzoek|ingezet|engagement|werk\s+gemaakt",
    _I,
)
# Trigger words that count only at a word start ("zal", not "zalen"; "werk", not "samenwerking").
# The pattern above starts with plain letters, which Python's re scans several times faster than a
# leading \b; these few are looked for only when it finds nothing.
_TRIGGER_AT_WORD_START = re.compile(
    r"\b(?:zal|zul|toe\b|ga\b|gaan\b|wil|moet|kom|gaat|voert|zet\b|werk|voeren|zetten|werken|"
    r"rollen|breiden)"
)


def _triggered(sentence: str) -> bool:
    """Does the sentence hold a word any promise construction needs (a cheap gate)?"""
    return bool(_TRIGGER.search(sentence) or _TRIGGER_AT_WORD_START.search(sentence))


# Verbs of the speech itself: "ik zal beginnen met de cijfers en daarna ingaan op ..."
_SPEECH_VERBS = re.compile(
    r"\b(?:ingaan\s+op|stilstaan\s+bij|overlopen|beantwoorden|antwoorden|samenvatten|schetsen|toelichten|"
    r"beginnen\s+met|afronden\s+met|eindigen\s+met|afsluiten\s+met)\b"
)
# A present perfect: "is in maart van start gegaan", "hebben ... plaatsgevonden".
_PERFECT = re.compile(
    r"\b(?:is|zijn|heeft|hebben|heb|hebt)\b(?:\s+[^\s,;]+){0,8}?\s+(?:\w+)?ge\w+(?:d|t|en|aan)\b"
    # a participle without ge- closing the clause: "heeft het verslag ... ontvangen"
    r"|\b(?:is|zijn|heeft|hebben)\b(?:\s+[^\s,;]+){0,10}?\s+(?:be|ver|ont|her|er)\w+(?:d|t|en)\s*$"
)
# A question without its question mark (lists copied from a PDF): "Welke stappen zal de minister
# in 2024 zetten", "Is de minister bereid om ...", "Wanneer zal de evaluatie klaar zijn".
_INTERROGATIVE = re.compile(
    r"(?:welke|hoeveel|wat\s+voor)\s+(?:\w+\s+){0,3}?(?:zal|zullen|zult|wordt|worden|is|zijn|kan|"
    r"kunnen|gaat|gaan|plant|heeft|hebben|wil|wilt)\b"
    r"|(?:wanneer|hoe|waarom|wat|wie|waar|tegen\s+wanneer|(?:op|in|binnen)\s+welke\s+\w+)\s+"
    r"(?:zal|zullen|zult|wordt|worden|is|zijn|kan|kunt|kunnen|gaat|gaan|plant|plannen|heeft|hebt|"
    r"hebben|wil|wilt|denkt|ziet|voorziet)\b"
    r"|(?:is|zijn|zal|zullen|zult|kan|kunt|wil|wilt|heeft|hebt|gaat|plant|overweegt|ziet|werkt|"
    r"voorziet|denkt|bent|acht)\s+(?:de\s+(?:vlaamse\s+)?(?:minister|regering|staatssecretaris|"
    r"administratie)|u|het\s+agentschap|er)\b"
    r"|(?:ik\s+)?hoor\s+graag|graag\s+verne\w*|vernam\s+ik\s+graag"
)
_CONDITIONAL = re.compile(r"^\s*(?:als|indien|mocht|ingeval|in\s+geval|wanneer)\b", _I)
# "Wanneer het voorstel klaar is, zal ik ...": bound to an event, not a condition
_EVENT_FIRST = re.compile(r"^\s*(?:wanneer|zodra|zodat)\b", _I)
# Laws and decrees taking effect are not commitments: "Het decreet treedt op 1 juli in werking".
_IN_FORCE = re.compile(
    r"\b(?:decreet|wet|ordonnantie|besluit|verordening|richtlijn|artikel|wetboek|bepalingen|aspecten|regels)\b[^.;]{0,120}?"
    r"\b(?:in\s+werking|van\s+kracht)\b"
)
_PREPARING = re.compile(
    r"\blaten\s+treden|\bgewerkt\s+aan|\bwerk\w*\s+(?:\w+\s+){0,2}?aan\b|voorbereid|opgesteld|uitgewerkt"
)
# The subject right after an inverted future: "zal de Europese Commissie ...".
_INVERTED = re.compile(r"\s+(?:de|het|een)\s+(?:\w+\s+)?")
_REFERRED_ME = re.compile(r"^\s*(?:\w+\s+){0,4}?(?:mij|me)\s+(?:door\s+)?naar\b")
_LIST_MARKER = re.compile(r"(?:\d{1,2}[.)]\s*)?(?:[a-z][)]\s*)?(?:[•·▪\-–]\s*)?")
_DURATION = re.compile(r"\b(?:tot|tot\s+en\s+met|sinds|t\.e\.m\.)\s*$")
# "tot eind 2025" tells how long something lasts only beside a verb or a period of lasting; "is
# het streven om 900.000 woningen te realiseren tot en met 2030" sets a deadline.
_DURATION_CONTEXT = re.compile(
    r"\b(?:loopt|lopen|liep|liepen|duurt|duren|duurde|geldt|gelden|gold|blijft|blijven|bleef|"
    r"verleng\w*|tijdelijk\w*|periode|looptijd|sinds|vanaf|van\s+(?:\w+\s+){0,2}?\d{4})\b"
)
_LEADING_ITEM_DATE = re.compile(r"\b(?:van|sinds|d\.\s?d\.|dd\.?|tot|tussen|en)\s*$", _I)


def find_promises(
    cleaned: Cleaned,
    dates: list[DateMatch],
    sentences: Iterable[tuple[int, int]],
    doc_date: date | None = None,
    *,
    within: tuple[int, int] | None = None,
) -> list[Promise]:
    """Promises in the cleaned text (only in `within`, a cleaned range, if given)."""
    text = cleaned.text.lower()
    if len(text) != len(cleaned.text):
        text = cleaned.text
    sents = list(sentences)
    if within is None and _asker_passage(text, sents):
        return []  # a passage in the asker's voice: its futures are not commitments
    out: list[Promise] = []
    for s_start, s_end in _clauses(text, sents):
        if within and not (within[0] <= s_start < within[1]):
            continue
        promise = _promise_in(text, s_start, s_end, dates, doc_date)
        if promise is None:
            continue
        start, end, kind, due = promise
        span, ostart, oend = cleaned.span(start, end)
        subject = _subject(cleaned.text[start:end], dates, start, kind)
        out.append(Promise(span, ostart, oend, kind, due, subject))
    return out


def _clauses(text: str, sents: list[tuple[int, int]]):
    """Sentences, cut at semicolons: "De opdracht wordt binnenkort gegund; de werken ..."."""
    for s_start, s_end in sents:
        start = s_start
        cut = text.find(";", start, s_end)
        while cut != -1:
            if cut - start > 3:
                yield start, cut
            start = cut + 1
            while start < s_end and text[start] in " \n":
                start += 1
            cut = text.find(";", start, s_end)
        if s_end > start:
            yield start, s_end


# "Minister, ..." opens the asker's sentences (ministers open with "Voorzitter," too).
_VOCATIVE = re.compile(
    r"\s*(?:minister|mevrouw\s+de\s+minister|mijnheer\s+de\s+minister|(?:vice)?minister-"
    r"president|mevrouw\s+de\s+staatssecretaris|mijnheer\s+de\s+staatssecretaris)\s*,"
)
_MINISTER_VOICE = re.compile(
    r"\b(?:uw\s+(?:schriftelijke\s+)?vragen?|verwijs\s+ik|in\s+antwoord\s+op|"
    r"u\s+(?:vroeg|vraagt|informeert|polst)\s+(?:\w+\s+){0,2}?(?:of|wanneer|hoe|naar)|"
    r"het\s+geachte\s+lid|kan\s+ik\s+u|deel\s+ik\s+u|ik\s+kan\s+u|kan\s+u\s+meedelen)\b"
)


# The minister addressing a member: "Mevrouw Jans, ...", "Collega Peeters, ..."
_MEMBER_VOCATIVE = re.compile(
    r"\s*(?:mevrouw|mijnheer|meneer|collega)\s+(?!de\s+minister|de\s+staatssecretaris)"
    r"[^\s,.]+(?:\s+[^\s,.]+){0,3},"
)


def _asker_passage(text: str, sents: list[tuple[int, int]]) -> bool:
    """A passage in the asker's voice (questions to the minister): it holds no promises.

    Counts the asker's marks (questions, "Minister, ...", "u zei", "mijn vraag", own plans)
    against the answering side's ("uw vraag", "in antwoord op", referrals), over the whole
    passage at once.
    """
    asker = sum(1 for _, e in sents if text[e : e + 1] == "?")
    asker += sum(1 for s, _ in sents if _VOCATIVE.match(text, s))
    asker += len(_QUESTION_VOICE.findall(text)) + len(_ASKER_PLAN.findall(text))
    if not asker:
        return False
    # the answering side's marks, cheapest first, until they outweigh the asker's
    minister = 2 * sum(1 for s, _ in sents if _MEMBER_VOCATIVE.match(text, s))
    minister += 2 * len(_MINISTER_VOICE.findall(text))
    if minister >= asker:
        return False
    for _ in _REFERRAL.finditer(text):
        minister += 2
        if minister >= asker:
            return False
    return True


# A quotation closed by its speaker: "‘... 1 maart 2016’, aldus Bussemaker en Dekker".
_QUOTED = re.compile(
    r"[’”\"']\s*,\s*(?:aldus|zegt|zei|schrijft|schreef|belooft|beloofde|verklaart|verklaarde)\s+"
    r"(?P<who>[^.;]{1,80})$"
)
_GOVERNMENT = re.compile(
    r"\b(?:minister\w*|staatssecretaris|premier|kabinet|regering|schepen|burgemeester|"
    r"bewindslieden|bewindspersoon)\b"
)


def _quoted_own(quote: str, who: str) -> bool:
    """Is the quote the government's own text (quoted verbatim)?"""
    if _THIRD_PARTY.search(who):
        return False
    return bool(_GOVERNMENT.search(who) or _FIRST_PERSON.search(quote))


def _promise_in(text, s_start, s_end, dates, doc_date):
    marker = _LIST_MARKER.match(text, s_start)
    if marker:
        s_start = marker.end()
    sentence = text[s_start:s_end]
    if not sentence.strip() or text[s_end : s_end + 1] == "?":
        return None
    if not _triggered(sentence):
        return None  # cheap gate: no word any promise construction needs
    quoted = ("aldus" in sentence or "’" in sentence or "”" in sentence) and _QUOTED.search(
        sentence
    )
    if quoted and _quoted_own(sentence[: quoted.start()], quoted.group("who")):
        s_end = s_start + quoted.start()  # "‘Daarbij streven wij ...’, aldus X": the quote itself
        sentence = text[s_start:s_end]
    if _INTERROGATIVE.match(sentence):
        return None  # a question without its question mark
    lo = bisect_left(dates, s_start, key=_start_of)
    hi = bisect_left(dates, s_end, key=_start_of)
    referral = _REFERRAL.search(sentence)
    future = _FUTURE.search(sentence)
    competent = None
    if not referral and not future:
        if "bevoegd" in sentence or "zaak v" in sentence or "aangelegenheid v" in sentence:
            competent = _COMPETENT.search(sentence)  # (not "De regering is bevoegd ... en zal")
    intent = _INTENT.search(sentence) if _INTENT_KEY.search(sentence) else None
    if not intent and not future and lo < hi and (delegated := _DELEGATED.search(sentence)):
        if any(
            d.due
            and not d.vague
            and (doc_date is None or d.due > doc_date)
            and d.start >= s_start + delegated.end()  # "Op 10 oktober heeft ... beslist om"
            and not _LEADING_ITEM_DATE.search(text, max(s_start, d.start - 12), d.start)
            for d in dates[lo:hi]
        ):
            intent = delegated
    if not intent and not future and _INFORMED_KEY.search(sentence):
        informed = _INFORMED.search(sentence)
    else:
        informed = None
    if informed:
        intent = informed  # "U wordt op de hoogte gebracht van de resultaten"
    if not intent and not future and "wil" in sentence and (will := _WILL.search(sentence)):
        rest = will.group("rest")
        if _INFINITIVE.search(rest) and not _WILL_NOT_ACT.search(rest):
            intent = will  # "Ik wil de belanghebbenden met elkaar in gesprek brengen"
    if not intent and not future and (action := _PRESENT_ACTION.search(sentence)):
        if any(d.undefined and _RECURRING.search(d.text.lower()) for d in dates[lo:hi]):
            return None  # "zo voeren we jaarlijks controles uit": a practice
        if _PRACTICE.search(sentence):
            return None  # "Er wordt ingezet op ... tijdens de zomermaanden": a practice
        intent = action
    if not (referral or competent or future or intent or lo < hi or _SOON.search(sentence)):
        return None  # a present tense without any time: nothing promised
    if _QUESTION_VOICE.search(sentence) or _VOCATIVE.match(sentence):
        return None
    if _not_own_voice(sentence):
        return None
    if referral:
        obj = (
            referral.group("obj")
            or referral.group("obj2")
            or referral.group("obj3")
            or referral.group("obj4")
        )
        if obj is not None and _REFERRED_ME.match(obj):
            return None  # "verwijst minister X mij naar u": the asker being sent on
        if obj is None or (_REFERRAL_TARGET.search(obj) and not _OWN_DOCS.match(obj)):
            return s_start, s_end, "referral", None
    elif competent:
        if competent.group("competent"):
            # "De federale minister is bevoegd voor ...": the subject before the verb
            head = sentence[max(0, competent.start() - 80) : competent.start()]
            obj = re.split(r"[,:]", head)[-1]
            if not re.search(r"\b(?:de|het|die|deze)\b", obj):
                obj = ""
        else:
            obj = competent.group("obj")
        if _REFERRAL_TARGET.search(obj) and not _OWN_DOCS.match(obj):
            return s_start, s_end, "referral", None
    if _ASKER_PLAN.search(sentence):
        return None
    if (
        future
        and not intent
        and not _first_person_future(sentence, future)
        and _third_party_subject(sentence, future.start())
    ):
        return None  # "De Europese Commissie zal ...": a third party's plan
    if future and not intent and (inv := _INVERTED.match(sentence, future.end())):
        if _THIRD_PARTY.match(sentence, inv.end()):
            return None  # "Daarna zal de Huishoudelijke Commissie ...": inverted
    if not intent and _IN_FORCE.search(sentence) and not _PREPARING.search(sentence):
        return None  # "Het decreet treedt op 1 juli 2024 in werking": the law, not a promise
    if _NOT_PROMISE.search(sentence) or _SPEECH.search(sentence):
        return None
    if _HEDGE.search(sentence) and not _OWN_REPORT.search(sentence):
        return None
    in_sentence = dates[lo:hi]
    if sentence.startswith("zoals") and "," in sentence:
        cut = s_start + sentence.index(",")
        in_sentence = [d for d in in_sentence if d.start > cut]  # "Zoals ... aangekondigd, ..."
    usable = []
    for d in in_sentence:
        lead = text[max(s_start, d.start - 12) : d.start]
        if _LEADING_ITEM_DATE.search(lead) and d.day is not None:
            continue  # "de verslagen van 6 december 2023": names an item, not a deadline
        if (_DURATION.search(lead) or re.match(r"tot\b", d.text.lower())) and (
            "sinds" in lead or not intent or _DURATION_CONTEXT.search(sentence)
        ):
            continue  # "loopt tot eind 2025": how long something lasts, not a deadline
        if re.match(r"(?:sinds|sedert)\b", d.text.lower()) or lead.endswith(("sedert ", "sinds ")):
            continue
        if d.due is not None and doc_date is not None and d.due < doc_date:
            continue
        if (
            d.vague
            and not d.undefined
            and d.due is None
            and re.match(r"(?:vanaf|sinds|tot)\b", d.text.lower())
        ):
            continue
        usable.append(d)
    # The time of the promising clause first (not of a clause after ";"), deadlines first,
    # then the one nearest the verb that promises.
    anchor = future or intent or _WEAK_INTENT.search(sentence) or _PRESENT.search(sentence)
    verb = s_start + (anchor.start() if anchor else 0)

    def rank(d: DateMatch) -> tuple[int, int, int]:
        lo, hi = sorted((d.start, verb))
        return (1 if ";" in text[lo:hi] else 0, 0 if _deadline(text, s_start, d) else 1, hi - lo)

    usable.sort(key=rank)
    if not (future or intent):
        # present tense with a time still to come: "worden op 24 april 2024 goedgekeurd"
        weak = _WEAK_INTENT.search(sentence)
        if (
            weak
            and weak.group().startswith("moet")
            and (_OBLIGED.search(sentence) or re.search(r"\bworden\b", sentence))
        ):
            # "alle lokale besturen moeten ... indienen", "Ze moet tegen maart vervangen worden":
            return None  # an obligation of others, or of no one named
        present = _PRESENT.search(sentence) or _FIRST_PRESENT.search(sentence)
        if not (present or weak):
            return None
        if _third_party_subject(sentence, (weak or present).start()):
            return None  # "De vakbonden plannen een actiedag in april": others' plans
        if _CONDITIONAL.match(sentence):
            return None  # "Als het allemaal goed loopt, krijg ik deze zomer ...": no commitment
        if doc_date is None:
            # no anchor to tell the future: only an explicit deadline ("voor de zomer van 2024")
            past = re.search(r"\b(?:werd|werden|was|waren|had|hadden)\b", sentence)
            if past or any(d.undefined and _RECURRING.search(d.text.lower()) for d in usable):
                return None
            deadline = [d for d in usable if d.due and d.year_given and _deadline(text, s_start, d)]
            if deadline:
                return s_start, s_end, "dated", deadline[0].due
            # a time that is future by its words: "in het najaar van 2021 voorgelegd", "na deze
            # zomer vernieuwd" (not "in 2019 werd")
            if _past_clause(text, s_start, s_end, usable[0]) if usable else True:
                return None
            first = usable[0]
            if first.undefined:
                return s_start, s_end, "dated", None
            if first.due and first.year_given and not first.vague:
                return s_start, s_end, "dated", first.due
            return None
        if _SOON.search(sentence) and (_PRESENT.search(sentence) or weak):
            # "... en wordt binnenkort aan de Raad van State voorgelegd"
            return s_start, s_end, "open", None
        if any(d.undefined and _RECURRING.search(d.text.lower()) for d in usable):
            return None  # "worden jaarlijks in april gepubliceerd": a practice
        ahead = [d for d in usable if d.due is not None and d.due > doc_date and not d.vague]
        if ahead and not _past_clause(text, s_start, s_end, ahead[0]):
            return s_start, s_end, "dated", ahead[0].due
        bound = [d for d in usable if d.undefined and not _RECURRING.search(d.text.lower())]
        if bound and not ahead and not _past_clause(text, s_start, s_end, bound[0]):
            # "Het voorontwerp volgt na de zomer": a time still to come, without a last day
            return s_start, s_end, "dated", None
        return None
    if future and not intent and _past_future(sentence):
        return None
    if future and not intent and _reported_future(sentence, future.start()):
        return None
    if (
        _SPEECH_VERBS.search(sentence)
        and re.search(r"\b(?:ik|we|wij)\b", sentence)
        and not any(d.due for d in usable)
    ):
        return None  # announcing the order of the speech
    if _EVENT_FIRST.match(sentence):
        return s_start, s_end, "dated", None  # "Wanneer ... klaar is, zal ik ...": event-bound
    if _CONDITIONAL.match(sentence):
        return s_start, s_end, "open", None
    if any(d.undefined and _RECURRING.search(d.text.lower()) for d in usable):
        return s_start, s_end, "dated", None  # "jaarlijks vóór het zomerreces": recurring
    if not usable and _RECURRING_VEHICLE.search(sentence):
        return s_start, s_end, "dated", None  # "in de jaarlijkse rapportage ... rapporteren"
    precise = [d for d in usable if d.due is not None and not d.vague]
    if precise:
        return s_start, s_end, "dated", precise[0].due
    if any(d.undefined for d in usable):
        return s_start, s_end, "dated", None
    if any(not d.year_given and not d.vague for d in usable):
        return s_start, s_end, "dated", None
    return s_start, s_end, "open", None


_CLAUSE_CUT = re.compile(
    r",|;|:|\ben\b|\bmaar\b|\bterwijl\b|\bdat\b|\bdie\b|\bwaar(?:in|op|mee|van|door)\b"
)


def _past_clause(text: str, s_start: int, s_end: int, d: DateMatch) -> bool:
    """Is the clause holding `d` in a past tense ("werd", "is ... van start gegaan")?"""
    start, end = s_start, s_end
    for cut in _CLAUSE_CUT.finditer(text, s_start, s_end):
        if cut.end() <= d.start:
            start = cut.end()
        elif cut.start() >= d.end:
            end = cut.start()
            break
    clause = text[start:end]
    return bool(re.search(r"\b(?:werd|werden|was|waren|had|hadden)\b", clause)) or bool(
        _PERFECT.search(clause)
    )


# Kept in a recurring report: "zal in de jaarlijkse handhavingsrapportage worden gerapporteerd"
# (not "in aanvulling op de jaarlijkse rapportage").
_RECURRING_VEHICLE = re.compile(
    r"\b(?<!op\s)(?:in|via|met|bij)\s+(?:de|het|mijn|onze)\s+(?:\w+\s+)?(?:jaarlijkse|jaarlijks|"
    r"halfjaarlijkse|driemaandelijkse|maandelijkse|periodieke)\s+(?:\w+\s+){0,2}?\w*(?:rapportage|"
    r"rapport|verslag|brief|monitor|evaluatie|nota|overzicht)\w*"
)
# A plural time tells a practice: "tijdens de zomermaanden", "in de weekends".
_PRACTICE = re.compile(
    r"\b(?:tijdens|in|gedurende)\s+de\s+(?:\w+)?(?:maanden|vakanties|weekends|weekenden|"
    r"avonden|feestdagen)\b"
)
# A first person present, as in a plan: "Na goedkeuring ..., leggen we het actieprogramma voor".
_FIRST_PRESENT = re.compile(
    # after a fronted time: "Na de zomer leggen we ... voor", "Na goedkeuring ..., leggen we"
    r"(?:,|^\s*(?:na|tegen|begin|eind|midden|in\s+de\s+loop\s+van)\s+(?:de\s+|het\s+)?\w+)\s*"
    r"(?!hebben|zijn|waren|hadden|kunnen|moeten|willen|mogen|zouden|konden|wilden)\w+en\s+"
    r"(?:we|wij)\b"
)


def _first_person_future(sentence: str, future: re.Match) -> bool:
    """ "Als er een nieuwe Federale Regering is, zal ik ...": the first person promises."""
    if re.match(r"\s+(?:ik|we|wij)\b", sentence[future.end() :]):
        return True
    head = sentence[: future.start()]
    cut = max(head.rfind(","), head.rfind(" dat "), head.rfind(" om "))
    return bool(_FIRST_PERSON.search(head, cut + 1))  # "dat ik de voorlichting aan u zal ..."


def _third_party_subject(sentence: str, limit: int) -> bool:
    """A third party before the verb, not governed by a preposition ("na overleg met de
    federale overheid zal ik ..." is the minister's promise)."""
    for m in _THIRD_PARTY.finditer(sentence, 0, limit):
        lead = sentence[max(0, m.start() - 16) : m.start()]
        if not re.search(
            r"\b(?:met|aan|naar|bij|van|door|tot|voor|over|na|in|op|tegen|vanuit)\s+(?:de\s+|het\s+)?$",
            lead,
        ):
            return True
    return False


def _start_of(d: DateMatch) -> int:
    return d.start


def _deadline(text: str, s_start: int, d: DateMatch) -> bool:
    """Is the time expression introduced as a deadline ("tegen eind mei", "op 24 april")?"""
    if re.match(
        r"(?:tegen|uiterlijk|ten\s+laatste|vóór|voor\s+(?:het\s+)?eind|voor\s+\d{1,2}\s|"
        r"voor\s+(?:de|het)\s+(?:zomer|najaar|winter|voorjaar|lente|herfst|\w*reces))\b",
        d.text.lower(),
    ):
        return True
    lead = text[max(s_start, d.start - 15) : d.start]
    return bool(re.search(r"\b(?:tegen|uiterlijk|ten\s+laatste|vóór)\s*$", lead, _I))


def _reported_future(sentence: str, at: int) -> bool:
    """ "Ik heb uw Kamer ... geïnformeerd over de wijze waarop ik uitvoering zal geven": the
    future sits in a relative clause of a report of the past."""
    head = sentence[:at]
    relatives = list(re.finditer(r"\b(?:waarop|waarin|waarmee|hoe|die|dat|welke|wat)\b", head))
    if not relatives or re.search(r"\b(?:toegezegd|beloofd|afgesproken|toezegging)\b", head):
        return False
    rel = relatives[-1]
    own = r"\s+(?:het\s+kabinet|de\s+(?:vlaamse\s+)?regering|ik|we|wij)\b"
    if rel.group() == "dat" and re.match(own, head[rel.end() :]):
        return False  # "is aangegeven dat het kabinet zich zal inzetten": its own commitment
    return bool(_PERFECT.search(head[: rel.start()]))


_REPORTED_PAST = re.compile(
    r"\b(?:maakte[n]?\s+(?:\w+\s+){0,2}?bekend|kondigde[n]?\s+(?:\w+\s+){0,3}?aan|zei|zeiden|"
    r"verklaarde[n]?|liet(?:en)?\s+(?:\w+\s+)?weten|meldde[n]?|beweerde[n]?|schreef|schreven)\b"
    r"[^.;]{0,80}?\bdat\b"
)


def _past_future(sentence: str) -> bool:
    """'... dat de minister zal ...' inside a report of the past: not a commitment."""
    if re.search(r"\b(?:werd|werden)\s+(?:\w+\s+){0,3}(?:aangekondigd|gezegd)\b", sentence, _I):
        return True
    # "Inspecteur-generaal X maakte bekend dat de inspectie ... zal": someone else's words
    # (not "Zoals ik vorige week aankondigde, zal ...", nor "kondigde ik aan dat ...")
    said = _REPORTED_PAST.search(sentence)
    return (
        bool(said)
        and not re.search(r"\b(?:ik|we|wij)\s*$", sentence[max(0, said.start() - 8) : said.start()])
        and not re.search(r"\b(?:ik|we|wij)\b", said.group())
    )


def _subject(
    clause: str, dates: list[DateMatch], offset: int, kind: str = "", words: int = 12
) -> str:
    """What is promised, in a few words: the clause without its time expression.

    A referral reads "what → to whom" ("de algemene cijfers → de bevoegde Brusselse minister").
    """
    text = clause
    lo = bisect_left(dates, offset, key=_start_of)
    for d in reversed(dates[lo:]):
        if d.end > offset + len(clause):
            continue
        a, b = d.start - offset, d.end - offset
        lead = _TIME_LEAD.search(text, max(0, a - 12), a)
        if lead:
            a = lead.start()
        elif not _TIME_START.match(d.text + " "):
            continue  # "de verslagen van 6 december 2023" names the item: keep it
        text = text[:a] + text[b:]
    text = re.sub(r"\s+", " ", text).strip(" ,.")
    if kind == "referral":
        m = re.match(
            r"(?i)voor\s+(?P<what>[^,]{3,120}?),?\s+(?:verwijs|verwijzen)\b.*?\b(?:naar|tot|aan)\s+"
            r"(?P<who>.+?)(?:\s+door)?$",
            text,
        )
        if m:
            return f"{_words(m['what'], words)} → {_words(m['who'], 6)}"
    text = re.sub(
        r"^(?:daarnaast|verder|voorts|ook|bovendien|tevens|echter|dus|zo|daartoe)\s*,?\s*",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"^(?:(?:zal|zullen|wordt|worden|ook|er)\s+)+", "", text, flags=re.IGNORECASE)
    return _words(text, words)


_TIME_LEAD = re.compile(
    r"\b(?:op|tegen|voor|vóór|tijdens|uiterlijk|in|na|binnen|per|vanaf|ten\s+laatste)\s+$",
    re.IGNORECASE,
)
_TIME_START = re.compile(
    r"(?:op|tegen|voor|vóór|tijdens|uiterlijk|in|na|binnen|per|vanaf|eind|begin|midden)\s",
    re.IGNORECASE,
)


def _words(text: str, count: int) -> str:
    parts = text.split()
    return " ".join(parts[:count]) + (" …" if len(parts) > count else "")
