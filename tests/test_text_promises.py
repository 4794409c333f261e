"""Promises of the answering side: a table of real-looking Dutch snippets."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.text import extract

D = date(2024, 4, 23)  # the document date of the seed's answer

CASES = [
    # the seed: minutes approved on a given day (present tense, a day still to come)
    (
        "De verslagen van 6 december 2023 en 14 februari 2024 worden op 24 april 2024 goedgekeurd.",
        D,
        "dated",
        "2024-04-24",
    ),
    # the seed: a campaign in spring → the last day of spring
    (
        "Daarnaast zal in het voorjaar van 2024 ook een uitgebreide zichtbaarheidscampagne lopen.",
        date(2024, 3, 20),
        "dated",
        "2024-06-20",
    ),
    # the seed: "in 2024" → 31 December
    ("In 2024 zal Bon in minimum 4 gemeenten medewerkers inzetten.", D, "dated", "2024-12-31"),
    # the seed: an open follow-up
    ("Dit wordt verder gemonitord.", D, "open", None),
    # the seed: a referral
    (
        "Voor de algemene cijfers verwijs ik u graag door naar de bevoegde Brusselse minister.",
        D,
        "referral",
        None,
    ),
    # a referral with the verb split ("verwijs ... door")
    ("Graag verwijs ik u dus naar hem door.", D, "referral", None),
    # a matter of another government's competence
    (
        "Deze aangelegenheid valt onder de bevoegdheid van de federale minister van Justitie.",
        D,
        "referral",
        None,
    ),
    # "het komt ... toe om"
    ("Het komt de lokale besturen toe om die afweging te maken.", D, "referral", None),
    # "binnenkort": vague → open
    ("Deze studie zal binnenkort worden afgerond.", D, "open", None),
    # "ik kom hierop terug"
    ("Ik kom hierop nog terug.", D, "open", None),
    # ... bound to an event ("zodra"): dated without a due day
    ("Ik kom hierop terug zodra de evaluatie klaar is.", D, "dated", None),
    # conditional → open
    (
        "Als er een procedure wordt ingeleid, zullen we dat uiteraard grondig onderzoeken.",
        D,
        "open",
        None,
    ),
    # a future without time → open
    ("Dit netwerk zal uitgerold worden op de openbare weg en erbuiten.", D, "open", None),
    # "tegen eind dit jaar", anchored on the document date
    ("Het actieplan zal tegen eind dit jaar worden voorgesteld.", D, "dated", "2024-12-31"),
    # "volgend jaar"
    ("De nieuwe regeling zal volgend jaar in werking treden.", D, "dated", "2025-12-31"),
    # "begin 2025"
    ("We zullen begin 2025 een eerste evaluatie maken.", D, "dated", "2025-03-31"),
    # "midden 2025"
    ("De databank zal midden 2025 operationeel zijn.", D, "dated", "2025-06-30"),
    # "eind 2024"
    (
        "De toezegging is dat ik u eind 2024 informeer over de volledige uitwerking.",
        D,
        "dated",
        "2024-12-31",
    ),
    # "in de loop van 2025"
    (
        "In de loop van 2025 zal het agentschap een nieuwe campagne opstarten.",
        D,
        "dated",
        "2025-12-31",
    ),
    # a month with a year
    ("De resultaten zullen tegen maart 2025 beschikbaar zijn.", D, "dated", "2025-03-31"),
    # a month without a year: the year of the document
    (
        "Het bestek zal worden gepresenteerd tijdens de gemeenteraad in de maand september.",
        date(2019, 7, 9),
        "dated",
        "2019-09-30",
    ),
    # a season without a year
    ("Het nieuwe aanbod zal in het najaar worden opgestart.", D, "dated", "2024-12-20"),
    # "voor de zomer": by the start of summer
    (
        "De evaluatie wordt voor de zomer van 2024 aan het Vlaams Parlement bezorgd.",
        D,
        "dated",
        "2024-06-21",
    ),
    # "voor <date>" gives that date
    ("Ik zal u vóór 1 juli 2024 de cijfers bezorgen.", D, "dated", "2024-07-01"),
    # "volgende week"
    ("De minister zal de nota volgende week aan de regering voorleggen.", D, "dated", "2024-05-05"),
    # "binnen drie maanden"
    ("Het agentschap zal binnen drie maanden een voorstel uitwerken.", D, "dated", "2024-07-23"),
    # "het eerste semester"
    (
        "De regeling zal in het eerste semester van 2025 worden geëvalueerd.",
        D,
        "dated",
        "2025-06-30",
    ),
    # "het derde kwartaal"
    ("De nieuwe website zal in het derde kwartaal van 2024 online gaan.", D, "dated", "2024-09-30"),
    # recurring: dated without a due day
    ("Ik zal u twee keer per jaar over de voortgang rapporteren.", D, "dated", None),
    ("De cijfers zullen jaarlijks worden gepubliceerd.", D, "dated", None),
    # event-bound: dated without a due day
    (
        "Het voorstel zal bij de volgende evaluatie van het decreet worden meegenomen.",
        D,
        "dated",
        None,
    ),
    # "na het zomerreces": dated without a due day
    ("Na het zomerreces zal ik het ontwerp aan het parlement voorleggen.", D, "dated", None),
    # intention with a date
    (
        "Het kabinet is voornemens om het programma op vrijdag 13 september 2024 te versturen.",
        date(2024, 9, 12),
        "dated",
        "2024-09-13",
    ),
    # "het is de bedoeling om"
    (
        "Het is de bedoeling om de nieuwe procedure tegen eind 2025 uit te rollen.",
        D,
        "dated",
        "2025-12-31",
    ),
    # present tense with a month still to come
    (
        "De cijfers voor het eerste kwartaal van 2024 worden tegen eind mei 2024 verwacht.",
        D,
        "dated",
        "2024-05-31",
    ),
    # "ik bezorg ze u zodra ..." (event-bound)
    ("Ik bezorg ze u zodra ze beschikbaar zijn.", D, "dated", None),
    # "we blijven ... inzetten"
    ("Wij blijven er stevig en breed op inzetten om dit tegen te gaan.", D, "open", None),
]

CASES += [
    # the minister reported in a committee report
    (
        "De minister antwoordt dat de evaluatie tegen het einde van dit jaar aan het parlement zal "
        "worden voorgelegd.",
        date(2023, 5, 10),
        "dated",
        "2023-12-31",
    ),
    # "in de loop van volgend jaar"
    (
        "Die zal in de loop van volgend jaar worden verspreid.",
        date(2021, 11, 15),
        "dated",
        "2022-12-31",
    ),
    # present tense, "kan ik u meedelen dat ... op <date> wordt gelanceerd"
    (
        "Ik kan u meedelen dat de subsidieoproep op 1 september 2023 wordt gelanceerd.",
        date(2023, 6, 20),
        "dated",
        "2023-09-01",
    ),
    # "gaat begin volgend jaar online"
    (
        "De nieuwe website gaat begin volgend jaar online.",
        date(2022, 11, 10),
        "dated",
        "2023-03-31",
    ),
    # "moet ... tegen de zomer van 2024": a deadline the government sets itself; "tegen" a
    # period gives its last day, like "tegen maart 2025" (but "voor de zomer": its start)
    (
        "Tegen de zomer van 2024 moet het nieuwe systeem volledig operationeel zijn.",
        date(2023, 10, 1),
        "dated",
        "2024-09-22",
    ),
    # "is gepland voor eind 2025"
    ("De tweede evaluatie is gepland voor eind 2025.", date(2023, 4, 1), "dated", "2025-12-31"),
    # a promise after a report of what was done: "wordt binnenkort voorgelegd"
    (
        "Het ontwerp van decreet werd op 12 mei 2023 principieel goedgekeurd en wordt binnenkort "
        "voor advies aan de Raad van State voorgelegd.",
        date(2023, 6, 1),
        "open",
        None,
    ),
    # a present tense bound to a time without a last day
    ("Het voorontwerp volgt na de zomer.", date(2023, 4, 1), "dated", None),
    # "wil ... tegen eind 2023" (a weaker intention, with a date)
    (
        "Tegen eind 2023 wil Bon met tien van de negentien gemeenten een contact hebben.",
        date(2023, 7, 6),
        "dated",
        "2023-12-31",
    ),
    # "verwacht ik in het najaar van 2023"
    (
        "De technische koppeling met het Rijksregister verwacht ik in het najaar van 2023.",
        date(2023, 7, 6),
        "dated",
        "2023-12-20",
    ),
    # a Dutch promise register: "zegt toe ... voor 1 juli 2023"
    (
        "De staatssecretaris zegt toe de Kamer voor 1 juli 2023 te informeren over het onderzoek.",
        date(2023, 3, 14),
        "dated",
        "2023-07-01",
    ),
]

CASES += [
    # a referral phrased as where the question belongs
    ("Deze vraag dient gesteld te worden aan de minister van Mobiliteit.", D, "referral", None),
    ("Ik nodig u uit om deze vraag te stellen aan minister Gatz.", D, "referral", None),
    # no document date: an explicit deadline still dates the present tense
    (
        "De Kamer wordt voor de zomer van 2024 geïnformeerd over de uitkomsten.",
        None,
        "dated",
        "2024-06-21",
    ),
    # an instruction given to the administration, with a deadline
    (
        "Ik heb de administratie de opdracht gegeven om tegen eind juni een voorstel uit te "
        "werken.",
        date(2023, 3, 1),
        "dated",
        "2023-06-30",
    ),
    # a plan of a government agency
    (
        "Leefmilieu Brussel plant de opening van het park in de loop van 2023.",
        date(2022, 9, 1),
        "dated",
        "2023-12-31",
    ),
    # a relative clause promises: "die in 2024 zal worden geëvalueerd"
    (
        "Er werd in 2021 een nieuwe procedure ingevoerd, die in 2024 zal worden geëvalueerd.",
        date(2022, 6, 1),
        "dated",
        "2024-12-31",
    ),
    # "is voorzien tegen eind 2022"
    (
        "Momenteel loopt een overheidsopdracht; de gunning is voorzien tegen eind 2022.",
        date(2022, 6, 1),
        "dated",
        "2022-12-31",
    ),
    # "ik houd u op de hoogte": open
    ("Ik houd u op de hoogte van de verdere ontwikkelingen.", D, "open", None),
]

CASES += [
    # "engageert zich om ... tegen eind 2024"
    (
        "De minister engageert zich om de resultaten tegen eind 2024 te bezorgen.",
        date(2024, 1, 1),
        "dated",
        "2024-12-31",
    ),
    # "ik beloof u": open
    ("Ik beloof u dat ik dit zal opvolgen.", D, "open", None),
]

CASES += [
    # "ik streef ernaar ... per 1 januari 2026"
    (
        "Ik streef ernaar om de wet per 1 januari 2026 in werking te laten treden.",
        date(2024, 5, 1),
        "dated",
        "2026-01-01",
    ),
    # "ik verwacht uw Kamer voor de zomer te kunnen informeren"
    (
        "Ik verwacht uw Kamer voor de zomer te kunnen informeren.",
        date(2024, 3, 1),
        "dated",
        "2024-06-21",
    ),
    # a referral to a federal service
    (
        "Voor de individuele dossiers verwijs ik u naar de FOD Binnenlandse Zaken.",
        D,
        "referral",
        None,
    ),
    # a season without a year and no document date: dated, no due day
    ("Dat zal in het najaar gebeuren.", None, "dated", None),
]

CASES += [
    # the time of the promising clause, not of the clause about the past
    (
        "Op 1 september 2023 startte het project; de evaluatie zal in 2025 plaatsvinden.",
        None,
        "dated",
        "2025-12-31",
    ),
    # an explicit deadline beats the year of the sentence
    ("In 2024 zal Bon tegen eind maart 2024 een plan opmaken.", None, "dated", "2024-03-31"),
]

CASES += [
    # carrying out, in the present tense (a Dutch government letter)
    ("Daartoe voeren we de aanbevelingen van het aanjaagteam onverkort uit.", None, "open", None),
    ("We zetten de begeleiding van nieuwkomers voort.", None, "open", None),
]

CASES += [
    # a third party named after the commitment does not matter
    ("Ik zal hierover contact opnemen met de federale minister.", D, "open", None),
]

CASES += [
    # work handed to the administration, with a time
    (
        "Ik heb mijn administratie gevraagd om de mogelijkheden tegen het najaar in kaart te "
        "brengen.",
        date(2023, 5, 30),
        "dated",
        "2023-12-20",
    ),
    # agreed with the sector, with a time (spring after a November document: next spring)
    (
        "We hebben met de sector afgesproken om de situatie in het voorjaar opnieuw te bekijken.",
        date(2023, 11, 10),
        "dated",
        "2024-06-20",
    ),
    # a scheduled entry into force
    (
        "Het nieuwe beleidsplan treedt in werking op 1 januari 2025.",
        date(2024, 6, 12),
        "dated",
        "2025-01-01",
    ),
    # "ik kom hier in de loop van volgend jaar op terug"
    ("Ik kom hier in de loop van volgend jaar op terug.", date(2023, 10, 1), "dated", "2024-12-31"),
]

CASES += [
    # a referral with the verb at the end
    ("Ik stel voor dat u zich tot de minister van Werk wendt.", D, "referral", None),
    # "het is de ambitie om ... tegen 2026"
    (
        "Het is de ambitie om tegen 2026 alle nieuwkomers een traject aan te bieden.",
        date(2023, 2, 1),
        "dated",
        "2026-12-31",
    ),
    # "de komende weken": vague, open
    ("De komende weken worden de eerste gesprekken met de steden gepland.", D, "open", None),
]

CASES += [
    # passed on to the competent minister: a referral
    (
        "Ik heb de vraag van de gemeente Lier doorgegeven aan de bevoegde minister.",
        D,
        "referral",
        None,
    ),
    # "na één jaar": from an unnamed start, no due day
    ("Ik zal de regeling na één jaar laten evalueren.", D, "dated", None),
    # "ben bereid om ... en kom hierop terug"
    (
        "Ik ben bereid om dit verder te onderzoeken en kom hierop terug in de commissie.",
        D,
        "open",
        None,
    ),
]

CASES += [
    # "na goedkeuring": bound to an event
    (
        "Het verslag van de stuurgroep van 14 februari wordt na goedkeuring aan u bezorgd.",
        date(2024, 3, 1),
        "dated",
        None,
    ),
]

CASES += [
    # the time of the main clause, not of the purpose clause ("op" is not a deadline word)
    (
        "De opdracht wordt in april gegund, zodat de dienstverlening op 1 september kan starten.",
        date(2024, 2, 20),
        "dated",
        "2024-04-30",
    ),
    # after the first year of operation: bound to an event
    ("Een evaluatie van het project volgt na het eerste werkingsjaar.", D, "dated", None),
    # keeping a finger on the pulse: open
    ("Ik kan u verzekeren dat we de vinger aan de pols houden.", D, "open", None),
    ("We volgen de situatie van nabij op.", D, "open", None),
]

CASES += [
    # the minister addressing a member ("Mevrouw Jans, zoals u weet ..."): still the minister
    (
        "Mevrouw Jans, zoals u weet loopt er een proefproject tot eind 2024. Op basis van de "
        "evaluatie zullen we beslissen over een uitrol.",
        date(2024, 1, 10),
        "dated",
        None,
    ),
]

CASES += [
    # "niet onder mijn bevoegdheid maar onder die van de minister": a referral
    (
        "Deze informatie valt niet onder mijn bevoegdheid maar onder die van de minister belast "
        "met Werk.",
        D,
        "referral",
        None,
    ),
]

CASES += [
    # taking a suggestion on board: open
    ("Ik neem uw suggestie mee in de voorbereiding van het nieuwe decreet.", D, "open", None),
    # "voor 2025" names the budget year; the time is "in het najaar"
    (
        "De middelen voor 2025 worden bij de begrotingsopmaak in het najaar vastgelegd.",
        date(2024, 5, 1),
        "dated",
        "2024-12-20",
    ),
    # "nog deze legislatuur": no last day
    ("Het is mijn bedoeling om de regeling nog deze legislatuur te herzien.", D, "dated", None),
]

CASES += [
    # "wanneer de cijfers beschikbaar zijn": bound to an event
    ("Ik kom hier graag op terug wanneer de cijfers van 2023 beschikbaar zijn.", D, "dated", None),
]

CASES += [
    # agreed with the sector, passive
    (
        "Met de sector werd afgesproken dat de nieuwe tarieven vanaf 1 januari 2025 van toepassing "
        "zijn.",
        date(2024, 6, 1),
        "dated",
        "2025-01-01",
    ),
    # a third party after a preposition does not make it a third party's plan
    ("Na overleg met de federale overheid zal ik de Kamer nader informeren.", D, "dated", None),
]

CASES += [
    # "vanaf 2025": from the start of that year
    (
        "Vanaf 2025 wordt de premie gekoppeld aan het inkomen.",
        date(2024, 3, 1),
        "dated",
        "2025-01-01",
    ),
]

CASES += [
    # referrals: verb-final, "ter beoordeling van", "is ... een bevoegdheid van"
    (
        "Ik wijs erop dat deze materie sinds 2002 onder de bevoegdheid valt van de gewesten.",
        D,
        "referral",
        None,
    ),
    ("Het is ter beoordeling van het college of een vergunning nodig is.", D, "referral", None),
    (
        "Het toezicht is op grond van de wet een bevoegdheid van de burgemeester.",
        D,
        "referral",
        None,
    ),
    # the government carrying out a motion
    ("Het kabinet voert de motie onverkort uit.", None, "open", None),
    # "werk ik aan"
    ("Daarom werk ik aan een nieuw actieplan.", None, "open", None),
    # "uw Kamer ontvangt ... in het voorjaar"
    (
        "In het voorjaar van 2024 ontvangt uw Kamer de eindrapportage.",
        date(2023, 10, 1),
        "dated",
        "2024-06-20",
    ),
    # a month range: its last month
    (
        "Ik zal de opzet in november/december 2013 aan de Kamer doen toekomen.",
        date(2013, 6, 1),
        "dated",
        "2013-12-31",
    ),
    # "tijdens de looptijd van de wet": no last day
    (
        "De minister zegt toe al tijdens de looptijd van de wet een evaluatie uit te voeren.",
        D,
        "dated",
        None,
    ),
    # a commitment reported from a letter
    (
        "In de brief is toegezegd dat uw Kamer jaarlijks vóór het zomerreces zal worden "
        "geïnformeerd.",
        D,
        "dated",
        None,
    ),
]

CASES += [
    # "voor de kerst"
    ("Daar willen we een schets van geven voor de kerst.", date(2021, 7, 6), "dated", "2021-12-25"),
]

# Constructions from the tuning passages (tests/fixtures/text/tune.jsonl) and their kin.
CASES += [
    # "wanneer ..., zal ...": bound to an event, not a condition
    (
        "Wanneer het richtlijnvoorstel in de besluitvormende fase komt, zal het kabinet de "
        "definitieve versie van de richtlijn aan u doen toekomen.",
        None,
        "dated",
        None,
    ),
    ("Zodra de studie klaar is, zal ik ze aan de commissie bezorgen.", D, "dated", None),
    # a span of time: "over 2-3 jaar" has no last day
    ("De Kamer wordt over 2-3 jaar geïnformeerd.", date(2018, 6, 12), "dated", None),
    ("Het rapport volgt over drie maanden.", date(2018, 6, 12), "dated", "2018-09-12"),
    # the government making a law take effect is a commitment
    (
        "Ik streef ernaar om het decreet per 1 januari 2026 in werking te laten treden.",
        D,
        "dated",
        "2026-01-01",
    ),
    # preparing a decree that is to take effect
    (
        "Er wordt gewerkt aan een nieuw besluit dat begin volgend jaar in werking moet treden.",
        D,
        "dated",
        "2025-03-31",
    ),
    # "na overleg met de gemeenten zal ik ...": the third party under a preposition
    (
        "Na overleg met de lokale besturen zal ik tegen het najaar een voorstel voorleggen.",
        D,
        "dated",
        "2024-12-20",
    ),
    # the government's own agencies are the government side
    ("Het agentschap zal de resultaten na de zomer publiceren.", D, "dated", None),
    ("De proefprojecten worden in het najaar opgestart.", D, "dated", "2024-12-20"),
    ("De conceptnota staat gepland voor het eerste semester van 2025.", D, "dated", "2025-06-30"),
    ("Het rapport wordt tegen eind juni verwacht.", D, "dated", "2024-06-30"),
    ("Ik zal de commissie op de hoogte houden van de verdere stappen.", D, "open", None),
    # "aansluitend" as a time: right after
    ("Aansluitend zal de administratie de scholen informeren.", D, "dated", None),
    # "het streven is om ... tot en met 2030": an intention with a deadline
    (
        "Om de ambitie te verwezenlijken, is het streven om 900.000 woningen te realiseren tot en "
        "met 2030.",
        date(2022, 5, 11),
        "dated",
        "2030-12-31",
    ),
    ("Ons streven is om de wachtlijst tegen eind 2025 weg te werken.", D, "dated", "2025-12-31"),
    # a future in a relative clause of the letter's own announcement
    (
        "Conform eerdere toezegging informeer ik u over de opzet van een onafhankelijke evaluatie "
        "van het programma die in 2022 zal worden uitgevoerd.",
        date(2021, 12, 15),
        "dated",
        "2022-12-31",
    ),
    ("Deze evaluatie zal starten 2e kwartaal 2022.", date(2021, 12, 15), "dated", "2022-06-30"),
    # "het is de bevoegdheid van ... om": a referral
    ("Het is de bevoegdheid van de gemeenten om hierover te beslissen.", D, "referral", None),
    # "het plan is om ..."
    ("Het plan is om de nieuwe databank in september te lanceren.", D, "dated", "2024-09-30"),
    # "we voorzien ... in 2026": planned, with a time
    ("We voorzien een evaluatie in 2026.", D, "dated", "2026-12-31"),
    # a decision still to be carried out, with a time after it
    ("Ik heb beslist om een extra oproep te lanceren in mei.", D, "dated", "2024-05-31"),
    (
        "De Vlaamse Regering heeft beslist om de premie vanaf 1 januari 2025 te verhogen.",
        D,
        "dated",
        "2025-01-01",
    ),
    # registers in the third person, present tense with a time
    (
        "De minister informeert de Kamer voor de zomer van 2024 over de voortgang.",
        D,
        "dated",
        "2024-06-21",
    ),
    (
        "De staatssecretaris stuurt de Kamer voor 1 juli 2024 een brief over de evaluatie.",
        D,
        "dated",
        "2024-07-01",
    ),
    ("Ik stuur uw Kamer voor de zomer een brief over de motie.", D, "dated", "2024-06-21"),
    # "naar verwachting" before the government's own report is no forecast
    (
        "Naar verwachting kan ik uw Kamer in het voorjaar van 2025 informeren.",
        D,
        "dated",
        "2025-06-20",
    ),
    # ... nor before the government's own bill being sent on
    (
        "Het wetsvoorstel zal naar verwachting in het najaar van 2024 aan de Raad van State "
        "worden voorgelegd.",
        D,
        "dated",
        "2024-12-20",
    ),
    (
        "Het wetsvoorstel wordt naar verwachting in juni 2024 bij de Tweede Kamer ingediend.",
        D,
        "dated",
        "2024-06-30",
    ),
    # "wanneer" opening a clause of time, not a question
    ("Wanneer de evaluatie klaar is, zal ik ze aan de commissie bezorgen.", D, "dated", None),
    (
        "Wat de timing betreft, zal de conceptnota tegen eind 2024 klaar zijn.",
        D,
        "dated",
        "2024-12-31",
    ),
    # a relative clause with a time still to come after a perfect: its own tense counts
    (
        "Het agentschap heeft intussen een voorstel uitgewerkt dat in mei aan de Vlaamse "
        "Regering wordt voorgelegd.",
        D,
        "dated",
        "2024-05-31",
    ),
    # the minister's own earlier announcement, restated
    (
        "Zoals ik vorige week aankondigde, zal de conceptnota tegen eind 2024 klaar zijn.",
        D,
        "dated",
        "2024-12-31",
    ),
    ("Mijn ambitie is om de wachtlijsten tegen 2026 weg te werken.", D, "dated", "2026-12-31"),
    # a state still to come, in the present tense
    ("Eind 2024 is de studie klaar.", D, "dated", "2024-12-31"),
    ("De resultaten zijn beschikbaar vanaf 1 juli.", D, "dated", "2024-07-01"),
    # a negated verb that commits: "niet nalaten"
    ("Ik zal niet nalaten om u op de hoogte te houden.", D, "open", None),
    # "op de volgende vergadering": bound to an event
    (
        "Dit punt zal worden besproken op de volgende vergadering van het overlegcomité.",
        D,
        "dated",
        None,
    ),
    # the question handed on to another minister or body
    ("Ik zal uw vraag doorgeven aan mijn collega van Werk.", D, "referral", None),
    ("Ik geef uw vraag door aan de bevoegde minister.", D, "referral", None),
    # an agency carrying out, with a time
    ("Het agentschap voert in 2024 een tevredenheidsmeting uit.", D, "dated", "2024-12-31"),
    # sending figures to the parliament is a promise, not a referral
    ("Ik zal de cijfers overmaken aan de commissie.", D, "open", None),
    # a referral in a Brussels answer
    (
        "Dit project en dus deze vraag over een studie door de BGHM valt onder de bevoegdheid van "
        "mijn collega, de Staatssecretaris voor Huisvesting, Nawal Ben Hamou.",
        date(2022, 3, 15),
        "referral",
        None,
    ),
]

NEGATIVES = [
    # a quotation of a third party
    ('Ik citeer: "In deze context zal België een spreidingsplan moeten toepassen."', D),
    # a committee's own schedule
    ("Deze bespreking zal worden teruggekoppeld aan de leden.", D),
    # the letter informing right now
    ("Hierbij informeer ik u over de voortgang van het programma.", D),
    # an amount in a future year
    ("Het begrote bedrag zal daardoor ca. € 4,3 miljard voor 2025 bedragen.", D),
    # receiving advice, conditionally
    ("Als het allemaal goed loopt, krijg ik deze zomer het advies van de Raad van State.", D),
    # a turn in the debate
    ("Daarna zal, zoals vorige week besloten, een derde termijn volgen.", D),
    # a future inside a report of what was done
    (
        "Ik heb uw Kamer op 24 oktober 2012 geïnformeerd over de wijze waarop ik uitvoering zal "
        "geven aan het arrest.",
        D,
    ),
    # asking others (municipalities) to act
    (
        "Op 29 april heb ik gemeenten gevraagd om extra plaatsen te realiseren tegen 23 juni.",
        date(2022, 5, 1),
    ),
    # the addressee's aims
    ("Ik begrijp niet dat u ernaar streeft om vanaf 2026 programma's op te stellen.", D),
    # a contract running out is not a commitment
    ("Het contract met de huidige dienstverlener loopt af op 31 december 2024.", date(2024, 3, 1)),
    # a past event in the present perfect with a participle without ge-
    ("De minister heeft het verslag van de stuurgroep op 18 april ontvangen.", date(2024, 6, 1)),
    # an instruction without a time is not yet a commitment
    ("Ik heb de administratie de opdracht gegeven om alle dossiers opnieuw te bekijken.", D),
    # confidence in an outcome is not a commitment
    ("Ik heb er alle vertrouwen in dat de nieuwe aanpak zijn vruchten zal afwerpen.", D),
    # pointing to an earlier debate is not a referral
    (
        "Ik verwijs ook naar de gedachtewisseling die we hier in oktober hebben gehad over het "
        "rapport van het Rekenhof.",
        D,
    ),
    # parliament's own schedule
    ("In de plenaire vergadering zal morgen gestemd worden over het ontwerp van decreet.", D),
    # the asker quoting the minister's policy paper
    ("In uw beleidsnota staat dat de trajecten zullen worden uitgebreid.", D),
    # an obligation of others
    (
        "Tegen 1 september 2024 moeten alle lokale besturen hun lokaal integratieplan indienen.",
        date(2024, 3, 1),
    ),
    # plans of third parties
    ("De Europese Commissie zal in 2025 een voorstel doen.", D),
    ("Het Rekenhof zal binnenkort een rapport publiceren.", D),
    ("De federale regering zal de regeling aanpassen.", D),
    # a recurring practice, not a commitment
    ("Zo voeren we jaarlijks controles uit bij alle erkende centra.", D),
    # pointing to a website is not a referral
    ("Voor meer informatie verwijs ik naar de website van Statbel.", D),
    # the asker's hope about the minister
    ("Ik hoop dat u dit zult opvolgen.", D),
    ("Graag had ik van u vernomen welke stappen zullen worden gezet.", D),
    # the asker's report of an earlier promise
    ("U beloofde vorig jaar een evaluatie.", D),
    # forecasts and hedges
    ("Het aantal inburgeraars zal de komende jaren nog toenemen.", D),
    ("Deze evolutie zal zich wellicht doorzetten.", D),
    ("In 2022 zullen dat er naar schatting 150 zijn.", date(2022, 6, 1)),
    # the asker speculating about the answer
    ("De minister zal ongetwijfeld antwoorden dat er geen geld is.", D),
    # "u zal begrijpen": the addressee, not a commitment
    ("U zal begrijpen dat ik hier niet verder op kan ingaan.", D),
    # not competent, without sending the question anywhere
    ("Ik ben niet bevoegd voor deze materie.", D),
    # the asker's own plan
    ("Ik zal hierover een schriftelijke vraag stellen.", D),
    ("Ik zal de minister hierover blijven ondervragen.", D),
    # an expectation about a trend is a forecast
    ("We verwachten dat die trend zich zal doorzetten.", D),
    ("Naar verwachting zal de wachtlijst tegen 2025 verdwenen zijn.", D),
    # the speech announcing its own order
    ("Ik zal eerst de cijfers geven en daarna ingaan op de maatregelen.", D),
    # not the intention
    ("Het is niet de bedoeling om het systeem uit te breiden naar andere gemeenten.", D),
    # a decision in the past
    ("De regering heeft op 20 januari 2023 beslist om 5 miljoen euro vrij te maken.", D),
    # present practice, recurring
    ("Jaarlijks worden de cijfers van het agentschap gepubliceerd.", D),
    # the asker's question
    ("Welke dienstverlening zal als eerste opnieuw worden opgestart?", D),
    # the asker's demand
    ("Gelieve de notulen van die vergaderingen toe te voegen aan het antwoord.", D),
    # the asker's report of what the minister said earlier
    ("Minister, u hebt toen gezegd dat u tegen eind 2023 een evaluatie zou maken.", D),
    (
        "Voorts werd de ambitie uitgesproken om tegen eind 2023 met tien gemeenten contact te "
        "hebben.",
        D,
    ),
    # a forecast of a statistics office
    ("Tegen 2030 verwacht de Studiedienst een stijging met meer dan 100.000 alleenstaanden.", D),
    ("Volgens de prognose zal de bevolking tegen 2050 met 118.000 inwoners toenemen.", D),
    # a retracted promise
    ("Door deze korte periode zal het niet mogelijk zijn om reeds een impact na te gaan.", D),
    # about the speech itself
    ("Ik kom daar straks op terug.", D),
    ("Ik zal de vragen samen beantwoorden.", D),
    # a fact in the past
    ("De verzending van welkomstbrieven startte op 2 februari 2024.", D),
    ("Op 1 juni 2023 startte het actieplan rond werving in Brussel.", D),
    # a conditional past ("zouden")
    ("Concreet zouden alle nieuwkomers een dergelijke brief toegestuurd moeten krijgen.", D),
    # pointing to one's own earlier answer is not a referral
    ("Voor de cijfers verwijs ik naar mijn antwoord op vraag 2.", D),
    ("Ik verwijs naar de bijlage.", D),
    # present tense without a future time
    ("De campagnes via sociale media worden verdergezet en uitgebreid.", D),
]

NEGATIVES += [
    # a need or an obligation foreseen, not a commitment
    ("Andermaal zullen er dus zandsuppleties nodig zijn om de schade te herstellen.", D),
    ("Er zullen bijkomende investeringen nodig zijn.", D),
    ("Volgens de Bouwmeester zullen we op een kleinere oppervlakte moeten wonen.", D),
    (
        "Dit ligt, aldus de Bouwmeester, in lijn met het feit dat we de volgende decennia op een "
        "kleinere oppervlakte zullen wonen.",
        D,
    ),
    ("We moeten dringend werk maken van een betere kustbescherming tegen 2030.", D),
    # the asker restating the minister's position
    ("Uw stelling is de volgende: door de opsplitsing zullen we meer concurrentie krijgen.", D),
    ("U voorziet in een aparte strategische doelstelling die tegen 2025 wordt uitgebouwd.", D),
    # the asker being sent on by another minister
    ("In dit verband verwijst minister Van den Brandt mij naar u voor een antwoord.", D),
    # laws and rules taking effect
    ("Het nieuwe decreet treedt in werking op 1 september 2024.", D),
    ("Hij benadrukte dat sommige aspecten op 1 juli 2024 in werking moeten treden.", D),
    ("Het besluit zal op 1 januari 2025 in werking treden.", D),
    # third parties, also inverted or in the present tense
    ("De vakbonden plannen een nieuwe actiedag in april.", D),
    ("De gemeenten zullen tegen eind 2024 hun meerjarenplan indienen.", D),
    (
        "Conform mijn toezegging in het genoemde debat zal de Huishoudelijke Commissie zich nog "
        "buigen over de aanbeveling.",
        D,
    ),
    ("Daarna zal de Europese Commissie een voorstel indienen tegen eind 2024.", D),
    # about the speech itself, or a negated announcement
    (
        "Ik sta hier vandaag om de grote lijnen voor te stellen van het werk dat mijn regering de "
        "komende maanden zal verrichten.",
        D,
    ),
    ("Ik ga niet terugkomen op de punten die ik in september al besproken heb.", D),
    # how long something lasts is no deadline
    ("Het proefproject loopt nog tot en met 2026.", D),
    ("De tijdelijke maatregel wordt verlengd tot en met 2025.", D),
    ("De subsidie wordt toegekend tot eind 2025.", D),
    # predictions with a noun or a need
    ("De bypass zal een oplossing worden voor – mooiweerscenario – zeven maanden.", D),
    (
        "Door het Instrumentendecreet zal er vanaf 01/01/2024 een gemeentelijke verordening nodig "
        "zijn.",
        date(2023, 7, 3),
    ),
    # a hedged forecast
    ("Naar verwachting zal de instroom in 2025 verder oplopen.", D),
    ("Het wetsvoorstel zal naar verwachting in 2025 tot meer aanvragen leiden.", D),
    ("Naar verwachting worden de werken in het voorjaar van 2025 afgerond door de aannemer.", D),
    # the minister restating the question opens an answer, not the asker's passage
    # questions without their question mark (lists copied from PDF)
    ("1. Welke stappen zal de minister in 2024 zetten", D),
    ("Is de minister bereid om tegen de zomer een actieplan voor te leggen", D),
    ("Wanneer zal de evaluatie klaar zijn", D),
    ("Zal de Vlaamse Regering tegen het einde van de legislatuur een nieuw decreet indienen", D),
    ("Op welke manier zal het agentschap de resultaten in het najaar bekendmaken", D),
    ("Plant de minister een evaluatie in 2025", D),
    ("Ik hoor graag van u of de regeling tegen het najaar wordt aangepast.", D),
    # the asker's group's own plans
    ("Mijn fractie zal een voorstel van resolutie indienen in het najaar.", D),
    ("We zullen dit opvolgen en ik kom er in het najaar op terug met een vraag om uitleg.", D),
    # the minister's earlier words reported in the third person
    ("De minister heeft beloofd dat de evaluatie tegen eind 2024 klaar zal zijn.", D),
    ("Volgens de minister zal de hervorming in 2025 ingaan.", D),
    # sending with this letter is the letter itself
    ("Zoals beloofd bezorg ik u hierbij de cijfers.", D),
    # someone else's announcement reported in the past tense
    (
        "Inspecteur-generaal Lieven Viaene maakte bekend dat de inspectie vanaf volgend "
        "schooljaar de link zal proberen te leggen tussen de kwaliteit en het financieel beleid.",
        D,
    ),
    # "met de bedoeling om" tells a purpose, in a report of the past
    (
        "Waar dit lang 50 jaar is geweest, werd die grens trapsgewijs verhoogd tot 60 vandaag en "
        "zelfs met de bedoeling om te komen tot 65 jaar.",
        D,
    ),
    ("Het is uw ambitie om op 2 juni alle kinderen terug naar school te laten gaan.", D),
    ("De cijfers voor 2023 zijn beschikbaar.", D),
    ("Eind 2023 was de studie klaar.", D),
    # a decision dated in the past
    ("Op 10 oktober 2020 heeft de Vlaamse Regering beslist om de premie te lanceren.", D),
    # the minister restating the question
    ("U vroeg of ik tegen de zomer een nieuwe conceptnota zal voorleggen.", D),
    # predictions and not knowing
    ("We zullen zien wat de toekomst brengt.", D),
    ("Dat zal de tijd uitwijzen.", D),
    ("Ik kan u niet zeggen wanneer de studie klaar zal zijn.", D),
    ("Het is nog te vroeg om te zeggen of we de doelstelling tegen 2030 zullen halen.", D),
    # "aansluitend daarbij" is not a time
    ("Aansluitend daarbij maakt het agentschap geen gebruik meer van de beroepsmogelijkheid.", D),
]


# General constructions (voice, modality, controllable act, time decides the kind).
CASES += [
    # present passive with a future time, no "zal"
    ("De verlichting in het domein wordt na deze zomer vernieuwd.", None, "dated", None),
    ("De herstelwerken worden in de eerste helft van 2025 uitgevoerd.", D, "dated", "2025-06-30"),
    (
        "Het verslag van het openbaar onderzoek wordt in het najaar van 2021 voorgelegd aan de "
        "GECORO.",
        None,
        "dated",
        "2021-12-20",
    ),
    ("In 2026 gaat de schop in de grond voor de nieuwe tramlijn.", None, "dated", "2026-12-31"),
    # an effort in the impersonal passive (policy letters)
    ("Allereerst wordt ingezet op een zo breed mogelijk Europees verbod.", D, "open", None),
    ("Daarnaast wordt werk gemaakt van een betere registratie van de meldingen.", D, "open", None),
    # a first person present after an event
    (
        "Na goedkeuring door alle partners, leggen we het actieprogramma voor aan de Vlaamse "
        "Regering.",
        D,
        "dated",
        None,
    ),
    # the addressee informed (present passive): open, event-bound, conditional
    ("U wordt op de hoogte gebracht van de resultaten van de bevraging.", D, "open", None),
    (
        "Zodra bekend is wanneer het rapport wordt opgeleverd, wordt uw Kamer hierover "
        "geïnformeerd.",
        D,
        "dated",
        None,
    ),
    ("Indien er infosessies worden georganiseerd, wordt u hiervoor uitgenodigd.", D, "open", None),
    # conditional on an unknown, with a third party inside the condition
    (
        "Als er een nieuwe federale regering is, zal ik dit dossier opnieuw agenderen.",
        D,
        "open",
        None,
    ),
    # intentions
    (
        "Ik verwacht in aanvulling op de jaarlijkse rapportage ook een tussentijdse rapportage te "
        "leveren.",
        D,
        "open",
        None,
    ),
    (
        "De Vlaamse Regering wil hierbij het engagement opnemen om de regeling grondig te "
        "herbekijken.",
        D,
        "open",
        None,
    ),
    ("Gezien het belang ervan wil ik de aanpak verder verbreden en verdiepen.", D, "open", None),
    ("Ik wil de betrokken partijen met elkaar in gesprek brengen.", D, "open", None),
    (
        "Daarnaast is aangegeven dat het kabinet zich zal inzetten om hier samen met de "
        "eilanden aan te werken.",
        D,
        "open",
        None,
    ),
    (
        "Defensie is gereed om op 16 november de offerteaanvraag naar de werven te sturen.",
        date(2022, 9, 30),
        "dated",
        "2022-11-16",
    ),
    # kept in a recurring report
    (
        "Daarom wil ik toezeggen dat in de jaarlijkse handhavingsrapportage over de invoering "
        "van deze wet zal worden gerapporteerd.",
        D,
        "dated",
        None,
    ),
    # event-bound times: dated without a due day
    ("Het overleg zal plaatsvinden na de krokusvakantie.", date(2016, 2, 1), "dated", None),
    (
        "De staatssecretaris zegt toe de wet twee jaar na inwerkingtreding te zullen evalueren.",
        D,
        "dated",
        None,
    ),
    ("De middelen zullen tijdens de begrotingsopmaak 2025 worden vastgelegd.", D, "dated", None),
    ("Ik ben voornemens te reageren vóór de Voorjaarsnota 2025.", D, "dated", None),
    ("Deze zal ik voor het einde van het zomerreces aan uw Kamer zenden.", D, "dated", None),
    (
        "Ik zal de voorlichting aan u toezenden nadat op de voorlichting is beslist.",
        D,
        "dated",
        None,
    ),
    # referrals in other word orders
    ("Het beheer van de wegen onder de bevoegdheid valt van de gewesten.", D, "referral", None),
    ("Het aanwijzen van locaties is een bevoegdheid van het lokale gezag.", D, "referral", None),
    (
        "Gelet op de bevoegdheden heb ik het initiatief genomen deze vraag over te leggen aan mijn "
        "collega van Leefmilieu.",
        D,
        "referral",
        None,
    ),
    (
        "Gezien de demissionaire status zal ik de nieuwe bewindspersoon verzoeken om de reactie "
        "aan uw Kamer te zenden.",
        D,
        "referral",
        None,
    ),
    # competence named elsewhere, in other words
    ("Dat is een zaak voor de federale overheid.", D, "referral", None),
    ("De federale minister is bevoegd voor deze materie.", D, "referral", None),
    # the own government competent and acting is no referral
    (
        "De Vlaamse Regering is bevoegd voor het onderwijs en zal dit najaar een nota indienen.",
        D,
        "dated",
        "2024-12-20",
    ),
    # a first person present after a fronted time, without a comma
    ("Na de zomer leggen we een nieuw decreet voor aan het parlement.", D, "dated", None),
    ("Begin 2025 starten we met de uitrol van het platform.", D, "dated", "2025-03-31"),
    # informing citizens on a municipal page
    ("We houden je op de hoogte via onze website.", D, "open", None),
    # government text quoted verbatim
    (
        "‘Daarbij streven wij in ieder geval naar uiterlijk 1 maart 2016’, aldus de bewindslieden.",
        None,
        "dated",
        "2016-03-01",
    ),
]

NEGATIVES += [
    # another government, a foreign jurisdiction
    ("In de Franse Gemeenschap zal het schooljaar anders worden ingedeeld.", D),
    # the asker reporting decisions or demanding
    ("Zo zal er niets worden aangevuld aan het decreet.", D),
    ("Ze moet ten laatste tegen maart 2025 vervangen worden door een eigen centrum.", None),
    ("Wij willen dat de minister voor het debat een brief naar de Kamer stuurt.", None),
    ("Ik wil nu alvast een debat plannen direct na het reces.", D),
    # no act the government controls, or uncertain
    ("De voorbereiding van de reactie zal extra tijd vergen door de crisis.", D),
    ("Het is nog niet zeker of de toestellen in 2025 zullen worden aangekocht.", D),
    ("Het volgende programma zal dus betrekking hebben op de periode 2025-2029.", D),
    ("Aansluitend zal het agentschap geen gebruik meer maken van de beroepsmogelijkheid.", D),
    # the letter itself
    ("In het eerste deel van deze voortgangsrapportage zal ik stilstaan bij de resultaten.", D),
    # a motion
    (
        "verzoekt de regering voor de begrotingsbehandeling van 2025 met een oplossing te komen, "
        "en gaat over tot de orde van de dag.",
        D,
    ),
    # instructions to citizens
    ("De aanvraag bezorg je voor 31 december 2024 digitaal aan het agentschap.", D),
    # a press paraphrase, others' words, others' referral
    ("Het voorontwerp komt nu in het tweede kwartaal van 2025, belooft Knops in de brief.", D),
    (
        "De voorzitter van de commissie heeft desgevraagd toegelicht dat het rapport voor het "
        "zomerreces wordt opgeleverd.",
        D,
    ),
    (
        "In antwoord op een schriftelijke vraag verwijst de Brusselse minister-president naar de "
        "federale overheid.",
        D,
    ),
    ("Dit ligt, aldus de Bouwmeester, in lijn met wat we de komende jaren zullen zien.", D),
    ("Het is nog niet duidelijk wanneer de werken starten.", D),
    ("Dat is een zaak van lange adem.", D),
    # a member's question reported in a committee report
    ("De heer Peeters vraagt of de minister de regeling zal aanpassen.", D),
    ("Hij vroeg me ook of er nog investeringen gepland staan in 2025.", D),
    # speech acts are no acts
    ("Ik wil u alvast meegeven dat we de cijfers opvolgen.", D),
    ("Ik wil tot slot nog even ingaan op de vraag over de subsidies.", D),
    ("Ik wil vooral de gemeenten aanmoedigen om samen te werken.", D),
    ("Wij willen een duidelijk antwoord.", D),
    ("Ik wil benadrukken dat de regering dit dossier ernstig neemt.", D),
    ("Ik wil die toezegging hier doen, al heeft het moeite gekost.", D),
    # a practice, and a report of the past with a future in a relative clause
    ("Er wordt ook ingezet op sleutelfiguren tijdens de zomermaanden.", D),
    (
        "Ik heb uw Kamer op 24 oktober 2023 geïnformeerd over de wijze waarop ik uitvoering zal "
        "geven aan dit arrest.",
        D,
    ),
    # a past first person is no plan
    ("We lazen dat de leerlingen in de loop van april feedback mogen verwachten.", D),
]


@pytest.mark.parametrize(("text", "doc_date", "kind", "due"), CASES)
def test_promises(text, doc_date, kind, due):
    got = extract(text, doc_date).to_dict()["promises"]
    assert [(p["kind"], p["due"]) for p in got] == [(kind, due)]
    assert text[got[0]["start"] : got[0]["end"]] == got[0]["span"]
    assert not got[0]["span"].endswith(".")


@pytest.mark.parametrize(("text", "doc_date"), NEGATIVES)
def test_not_promises(text, doc_date):
    assert extract(text, doc_date).promises == ()


def test_subject_is_a_few_words():
    (promise,) = extract("In 2024 zal Bon in minimum 4 gemeenten medewerkers inzetten.", D).promises
    assert "Bon" in promise.subject and "2024" not in promise.subject
    assert len(promise.subject.split()) <= 13


def test_subject_of_a_referral_and_of_named_items():
    (referral,) = extract(
        "Voor de algemene cijfers verwijs ik u graag door naar de bevoegde Brusselse minister.", D
    ).promises
    assert referral.subject == "de algemene cijfers → de bevoegde Brusselse minister"
    (minutes,) = extract(
        "De verslagen van 6 december 2023 en 14 februari 2024 worden op 24 april 2024 goedgekeurd.",
        D,
    ).promises
    # the dates that name the minutes stay, the due date goes
    assert (
        minutes.subject == "De verslagen van 6 december 2023 en 14 februari 2024 worden goedgekeurd"
    )


def test_restating_the_question_opens_an_answer():
    text = "U vroeg of de evaluatie klaar is. Die wordt in het najaar afgerond."
    got = extract(text, D).promises
    assert [(p.span, p.kind, str(p.due)) for p in got] == [
        ("Die wordt in het najaar afgerond", "dated", "2024-12-20")
    ]
