"""References to earlier parliamentary items: a table of real-looking Dutch snippets."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.text import extract


def ref(span, kind, number=None, day=None, session_year=None):
    return {"span": span, "kind": kind, "number": number, "date": day, "session_year": session_year}


CASES = [
    # the seed's answer: number and date after "d.d."
    (
        "b) Zoals reeds beschreven in uw eerdere vraag 350 d.d. 9 juni 2023 worden aspecten "
        "zoals het profiel van inburgeraars in kaart gebracht.",
        None,
        [
            ref(
                "uw eerdere vraag 350 d.d. 9 juni 2023",
                "written_question",
                350,
                "2023-06-09",
                "2022-2023",
            )
        ],
    ),
    # the seed's question: an exchange of views, the date after a long "over ..." phrase
    (
        "Tijdens de gedachtewisseling over de Vlaamse inburgeringstrajecten in Brussel van 15 \n"
        "november 2023 werd stilgestaan bij de Brusselwerking van het agentschap.",
        None,
        [
            ref(
                "de gedachtewisseling over de Vlaamse inburgeringstrajecten in Brussel van 15 \n"
                "november 2023",
                "debate",
                None,
                "2023-11-15",
                "2023-2024",
            )
        ],
    ),
    # number and date: "schriftelijke vraag nr. 170 van 15 maart 2024"
    (
        "Ik verwijs naar mijn schriftelijke vraag nr. 170 van 15 maart 2024 over de wachtlijsten.",
        None,
        [
            ref(
                "mijn schriftelijke vraag nr. 170 van 15 maart 2024",
                "written_question",
                170,
                "2024-03-15",
                "2023-2024",
            )
        ],
    ),
    # number and session year in brackets
    (
        "In het antwoord op vraag nr. 1616 (2016-2017) gaf u nog andere cijfers.",
        None,
        [
            ref(
                "het antwoord op vraag nr. 1616 (2016-2017)",
                "written_question",
                1616,
                None,
                "2016-2017",
            )
        ],
    ),
    # "SV 350 (2022-2023)"
    (
        "Zie ook SV 350 (2022-2023) over hetzelfde onderwerp.",
        None,
        [ref("SV 350 (2022-2023)", "written_question", 350, None, "2022-2023")],
    ),
    # date only, numeric date format
    (
        "In mijn schriftelijke vraag van 09/06/2023 vroeg ik naar de wachttijden.",
        None,
        [
            ref(
                "mijn schriftelijke vraag van 09/06/2023",
                "written_question",
                None,
                "2023-06-09",
                "2022-2023",
            )
        ],
    ),
    # date with dashes, before the fourth Monday of September 2023 (25 September)
    (
        "Op mijn schriftelijke vraag van 22-9-2023 kreeg ik nog geen antwoord.",
        None,
        [
            ref(
                "mijn schriftelijke vraag van 22-9-2023",
                "written_question",
                None,
                "2023-09-22",
                "2022-2023",
            )
        ],
    ),
    # neither number nor date: "in uw antwoord op mijn schriftelijke vraag"
    (
        "Minister, in uw antwoord op mijn schriftelijke vraag stelde u dat de cijfers daalden.",
        None,
        [ref("uw antwoord op mijn schriftelijke vraag", "written_question")],
    ),
    # a question of a colleague, no number or date
    (
        "Uit het antwoord op een schriftelijke vraag van collega Van Dijck blijkt dat er 300 "
        "dossiers openstaan.",
        None,
        [ref("het antwoord op een schriftelijke vraag van collega Van Dijck", "written_question")],
    ),
    # the verb before "op <date>": "stelde u daarover op 20 februari een schriftelijke vraag"
    (
        "Collega Van Rompuy stelde u daarover op 20 februari een schriftelijke vraag.",
        date(2024, 5, 1),
        [
            ref(
                "20 februari een schriftelijke vraag",
                "written_question",
                None,
                "2024-02-20",
                "2023-2024",
            )
        ],
    ),
    (
        "Mevrouw Jans stelde op 3 maart 2023 een vraag om uitleg over de tolken.",
        None,
        [ref("3 maart 2023 een vraag om uitleg", "oral_question", None, "2023-03-03", "2022-2023")],
    ),
    # plural, without a determiner after "op"
    (
        "Uit uw antwoorden op schriftelijke vragen van collega Vandenberghe blijkt dat het "
        "aantal daalt.",
        None,
        [
            ref(
                "uw antwoorden op schriftelijke vragen van collega Vandenberghe",
                "written_question",
            )
        ],
    ),
    (
        "Uit uw antwoord op schriftelijke vragen van collega Peeters blijkt dat er geen budget is.",
        None,
        [ref("uw antwoord op schriftelijke vragen van collega Peeters", "written_question")],
    ),
    # vraag om uitleg with number and date
    (
        "Tijdens mijn vraag om uitleg nr. 2345 van 12 januari 2022 beloofde u een evaluatie.",
        None,
        [
            ref(
                "mijn vraag om uitleg nr. 2345 van 12 januari 2022",
                "oral_question",
                2345,
                "2022-01-12",
                "2021-2022",
            )
        ],
    ),
    # actuele vraag with a date
    (
        "Bij de actuele vraag van 8 februari 2023 bleef u het antwoord schuldig.",
        None,
        [
            ref(
                "de actuele vraag van 8 februari 2023",
                "oral_question",
                None,
                "2023-02-08",
                "2022-2023",
            )
        ],
    ),
    # interpellation with a number
    (
        "Naar aanleiding van de interpellatie nr. 12 van mevrouw Jans werd een motie ingediend.",
        None,
        [ref("de interpellatie nr. 12", "interpellation", 12)],
    ),
    # a committee meeting with a date
    (
        "In de commissie van 21 september 2020 hebt u de balans opgemaakt.",
        None,
        [ref("de commissie van 21 september 2020", "debate", None, "2020-09-21", "2019-2020")],
    ),
    # a plenary meeting with a weekday and a date
    (
        "In de plenaire vergadering van woensdag 6 maart 2024 bevestigde u dat nog eens.",
        None,
        [
            ref(
                "de plenaire vergadering van woensdag 6 maart 2024",
                "debate",
                None,
                "2024-03-06",
                "2023-2024",
            )
        ],
    ),
    # an actualiteitsdebat without a year and no document date: the date is not certain
    (
        "Dat was het onderwerp van het actualiteitsdebat van woensdag 29 november.",
        None,
        [ref("het actualiteitsdebat van woensdag 29 november", "debate")],
    ),
    # ... but with a document date the year is certain ("14 november jongstleden")
    (
        "Tijdens de gedachtewisseling van 14 november jongstleden kwam dit al aan bod.",
        date(2023, 6, 20),
        [
            ref(
                "de gedachtewisseling van 14 november jongstleden",
                "debate",
                None,
                "2022-11-14",
                "2022-2023",
            )
        ],
    ),
    # a policy letter with a session year
    (
        "In de beleidsbrief 2017-2018 kondigde u een nieuw decreet aan.",
        None,
        [ref("de beleidsbrief 2017-2018", "other", None, None, "2017-2018")],
    ),
    # two numbers: two references
    (
        "Ik verwijs naar de schriftelijke vragen nr. 12 en nr. 14 van vorig jaar.",
        None,
        [
            ref("de schriftelijke vragen nr. 12", "written_question", 12),
            ref("nr. 14", "written_question", 14),
        ],
    ),
    # a letter named by date and parliamentary paper number
    (
        "Zoals toegezegd in mijn brief van 7 maart 2016 (Kamerstuk 29 279, nr. 302) rapporteer "
        "ik twee keer per jaar.",
        None,
        [
            ref(
                "mijn brief van 7 maart 2016 (Kamerstuk 29 279, nr. 302)",
                "other",
                302,
                "2016-03-07",
                "2015-2016",
            )
        ],
    ),
    # a question asked earlier in this committee: an oral question
    (
        "In januari stelde ik in deze commissie een vraag over de zomerkampen.",
        None,
        [ref("stelde ik in deze commissie een vraag over de zomerkampen", "oral_question")],
    ),
    # an earlier exchange in the plenary, no date
    (
        "We hebben daarover recentelijk van gedachten gewisseld in de plenaire vergadering.",
        None,
        [
            ref(
                "We hebben daarover recentelijk van gedachten gewisseld in de plenaire vergadering",
                "debate",
            )
        ],
    ),
    # the minister's answer to "my question", answered earlier
    (
        "In december vorig jaar hebt u op mijn vraag hierover geantwoord dat er middelen zijn.",
        date(2023, 5, 23),
        [ref("hebt u op mijn vraag hierover geantwoord", "other")],
    ),
]

CASES += [
    # a committee meeting with a day and month, the year from the document date
    (
        "Ik heb u daarover al ondervraagd in de commissie van 12 januari.",
        date(2023, 3, 1),
        [ref("de commissie van 12 januari", "debate", None, "2023-01-12", "2022-2023")],
    ),
    # an oral question of a colleague with its date
    (
        "Zoals ik reeds antwoordde op de vraag om uitleg van mevrouw Jans van 14 februari 2023, "
        "is het budget volledig benut.",
        None,
        [
            ref(
                "de vraag om uitleg van mevrouw Jans van 14 februari 2023",
                "oral_question",
                None,
                "2023-02-14",
                "2022-2023",
            )
        ],
    ),
    # an interpellation held earlier, without number or date
    (
        "Collega's, we hebben hierover vorige maand nog een interpellatie gehad van collega "
        "Van Rompuy.",
        None,
        [ref("een interpellatie gehad van collega Van Rompuy", "interpellation")],
    ),
    # a policy paper named by its title and legislature (not a session year)
    (
        "In zijn beleidsnota Inburgering en Gelijke Kansen 2019-2024 stelt de minister dat "
        "inburgering een recht en een plicht is.",
        None,
        [ref("zijn beleidsnota Inburgering en Gelijke Kansen 2019-2024", "other")],
    ),
    # an earlier oral question, possessive and "vorige"
    (
        "In mijn vorige vraag om uitleg, in oktober, vroeg ik u naar de stand van zaken.",
        None,
        [ref("mijn vorige vraag om uitleg", "oral_question")],
    ),
]

CASES += [
    # a Dutch committee debate with a date
    (
        "Tijdens het commissiedebat van 15 maart 2023 heb ik toegezegd de Kamer te informeren.",
        None,
        [ref("het commissiedebat van 15 maart 2023", "debate", None, "2023-03-15", "2022-2023")],
    ),
    # question time: an oral question
    (
        "In het mondelinge vragenuur van 10 januari 2023 vroeg het lid Omtzigt naar de toeslagen.",
        None,
        [
            ref(
                "het mondelinge vragenuur van 10 januari 2023",
                "oral_question",
                None,
                "2023-01-10",
                "2022-2023",
            )
        ],
    ),
    # the asker's earlier question, cited by the minister with number and date
    (
        "Zoals ik al antwoordde op uw vraag nr. 52 van 18 oktober 2023, loopt de evaluatie nog.",
        date(2024, 3, 1),
        [
            ref(
                "uw vraag nr. 52 van 18 oktober 2023",
                "written_question",
                52,
                "2023-10-18",
                "2023-2024",
            )
        ],
    ),
    # a parliamentary letter named by date
    (
        "In de brief van 3 maart 2023 heeft de minister de Kamer geïnformeerd.",
        None,
        [ref("de brief van 3 maart 2023", "other", None, "2023-03-03", "2022-2023")],
    ),
    # a committee with its name and a date "jongstleden"
    (
        "In de commissie Welzijn van 5 oktober jongstleden heb ik die cijfers al gegeven.",
        date(2023, 11, 10),
        [
            ref(
                "de commissie Welzijn van 5 oktober jongstleden",
                "debate",
                None,
                "2023-10-05",
                "2023-2024",
            )
        ],
    ),
    # the date before the meeting: "op 12 maart in de plenaire vergadering"
    (
        "U hebt op 12 maart in de plenaire vergadering gezegd dat er meer middelen komen.",
        date(2024, 4, 1),
        [ref("12 maart in de plenaire vergadering", "debate", None, "2024-03-12", "2023-2024")],
    ),
    # a written question the speaker asked earlier
    (
        "Vorig jaar heb ik u een schriftelijke vraag gesteld over de wachttijden bij de VDAB.",
        None,
        [ref("een schriftelijke vraag gesteld", "written_question")],
    ),
    # a colleague's question, in the past
    (
        "Uit een vraag van collega Vandenhove in 2021 bleek dat er 15 dossiers liepen.",
        None,
        [ref("een vraag van collega Vandenhove", "other")],
    ),
]

CASES += [
    # the date before the question: "Op 12 februari 2023 stelde ik u een schriftelijke vraag"
    (
        "Op 12 februari 2023 stelde ik u een schriftelijke vraag over de wachtlijsten.",
        None,
        [
            ref(
                "12 februari 2023 stelde ik u een schriftelijke vraag",
                "written_question",
                None,
                "2023-02-12",
                "2022-2023",
            )
        ],
    ),
]

CASES += [
    # a bare "vraag" with a number too large for a sub-question
    (
        "Zie ook vraag 152 over hetzelfde onderwerp.",
        None,
        [ref("vraag 152", "written_question", 152)],
    ),
]

CASES += [
    # the number in brackets after the subject
    (
        "Het antwoord op mijn vraag om uitleg over de inburgeringsattesten (nr. 1234) was vaag.",
        None,
        [
            ref(
                "Het antwoord op mijn vraag om uitleg over de inburgeringsattesten (nr. 1234)",
                "oral_question",
                1234,
            )
        ],
    ),
]

CASES += [
    # question time "van vorige week"
    (
        "Tijdens het vragenuurtje van vorige week heeft de minister beloofd de cijfers te "
        "bezorgen.",
        None,
        [ref("het vragenuurtje van vorige week", "oral_question")],
    ),
]

CASES += [
    # the date a few words before the meeting
    (
        "Minister, op 12 oktober antwoordde u in de plenaire vergadering dat de evaluatie "
        "klaar was.",
        date(2023, 11, 20),
        [
            ref(
                "12 oktober antwoordde u in de plenaire vergadering",
                "debate",
                None,
                "2023-10-12",
                "2023-2024",
            )
        ],
    ),
]

CASES += [
    # "de vorige commissievergadering"
    (
        "Tijdens de vorige commissievergadering heeft de minister toegezegd dit te bekijken.",
        None,
        [ref("de vorige commissievergadering", "debate")],
    ),
]

CASES += [
    # the date of the answer, before "op mijn schriftelijke vraag nr. 451"
    (
        "Minister, in uw antwoord van 23 maart 2023 op mijn schriftelijke vraag nr. 451 schreef u "
        "dat de wachttijd 14 weken bedroeg.",
        None,
        [
            ref(
                "uw antwoord van 23 maart 2023 op mijn schriftelijke vraag nr. 451",
                "written_question",
                451,
                "2023-03-23",
                "2022-2023",
            )
        ],
    ),
]

CASES += [
    # a budget debate with its date
    (
        "Tijdens de begrotingsbespreking van 12 december 2023 heb ik dit al toegelicht.",
        None,
        [
            ref(
                "de begrotingsbespreking van 12 december 2023",
                "debate",
                None,
                "2023-12-12",
                "2023-2024",
            )
        ],
    ),
]

CASES += [
    # a letter with its paper number after the subject
    (
        "Het gaat om de brief van 12 maart 2021 inzake de aanpak van wachtlijsten "
        "(Kamerstuk 33 402, nr. 55).",
        None,
        [
            ref(
                "de brief van 12 maart 2021 inzake de aanpak van wachtlijsten "
                "(Kamerstuk 33 402, nr. 55)",
                "other",
                55,
                "2021-03-12",
                "2020-2021",
            )
        ],
    ),
    # a paper cited on its own
    (
        "Dat staat in het actieplan (Kamerstukken II, 2019–2020, 31 123, nr. 7).",
        None,
        [ref("(Kamerstukken II, 2019–2020, 31 123, nr. 7)", "other", 7, None, "2019-2020")],
    ),
    # a compound debate with "op <date> jl."
    (
        "Zoals tijdens het hoofdlijnendebat op 3 maart jl. aangekondigd, start het programma.",
        date(2022, 6, 1),
        [ref("het hoofdlijnendebat op 3 maart jl.", "debate", None, "2022-03-03", "2021-2022")],
    ),
    # a meeting of parliament named by its date
    (
        "(Zie vergadering van 14 oktober 2021.)",
        None,
        [ref("vergadering van 14 oktober 2021", "debate", None, "2021-10-14", "2021-2022")],
    ),
    # "de op <date> in commissie gehouden gedachtewisseling"
    (
        "Ik verwijs naar de op 12 mei 2020 in commissie gehouden gedachtewisseling met het "
        "agentschap.",
        None,
        [
            ref(
                "de op 12 mei 2020 in commissie gehouden gedachtewisseling",
                "debate",
                None,
                "2020-05-12",
                "2019-2020",
            )
        ],
    ),
    # an earlier meeting after "bij het", in the past
    (
        "De voorzitter heeft bij het XYZ-debat al toegezegd om te reageren.",
        None,
        [ref("bij het XYZ-debat", "debate")],
    ),
    # the political reviews
    (
        "Tijdens de algemene politieke beschouwingen heb ik daarvoor gepleit.",
        None,
        [ref("de algemene politieke beschouwingen", "debate")],
    ),
    # a question asked in a meeting: one reference
    (
        "Vorige week heb ik in de plenaire vergadering een actuele vraag gesteld over de opvang.",
        None,
        [ref("de plenaire vergadering een actuele vraag gesteld", "oral_question")],
    ),
    # "mijn brief aan uw Kamer"
    (
        "Zoals aangegeven in mijn brief aan uw Kamer, is dat niet mogelijk.",
        None,
        [ref("mijn brief", "other")],
    ),
    # questions asked in writing
    (
        "Op 23 april heb ik u schriftelijk enkele vragen gesteld over de overeenkomst.",
        date(2023, 6, 1),
        [
            ref(
                "23 april heb ik u schriftelijk enkele vragen gesteld",
                "written_question",
                None,
                "2023-04-23",
                "2022-2023",
            )
        ],
    ),
]

CASES += [
    # interpellated (the verb) in the past
    (
        "Minister, ik heb u de voorbije jaren regelmatig geïnterpelleerd over de wachtlijsten.",
        None,
        [ref("ik heb u de voorbije jaren regelmatig geïnterpelleerd", "interpellation")],
    ),
    # earlier discussions
    (
        "De vorige discussies die we hier hebben gevoerd, gingen ook over die wachtlijsten.",
        None,
        [ref("De vorige discussies", "debate")],
    ),
    # the answer's date before "op een vraag van ..."; the reported future does not count
    (
        "Uw voorganger antwoordde op 12 mei 2022 op een vraag van collega De Ridder dat er een "
        "evaluatie zou komen.",
        date(2024, 3, 15),
        [ref("een vraag van collega De Ridder", "other", None, "2022-05-12", "2021-2022")],
    ),
    # "van vorig jaar"
    (
        "Deze vraag sluit aan bij mijn interpellatie van vorig jaar.",
        date(2024, 3, 15),
        [ref("mijn interpellatie van vorig jaar", "interpellation")],
    ),
    # a paper number in brackets without "Kamerstuk"
    (
        "de brief van de minister van Financiën d.d. 31 maart 2010 inzake quickscan landelijk "
        "informatiesysteem schulden (LIS) (24 515, nr. 184);",
        date(2011, 2, 14),
        [
            ref(
                "de brief van de minister van Financiën d.d. 31 maart 2010 inzake quickscan "
                "landelijk informatiesysteem schulden (LIS) (24 515, nr. 184)",
                "other",
                184,
                "2010-03-31",
                "2009-2010",
            )
        ],
    ),
    # a footnote number stuck to a numeric date
    (
        "Conform eerdere toezegging aan de Tweede Kamer in de brief over de Voortgang Programma "
        "Aardgasvrije Wijken van 22-1-20201 informeer ik u over de opzet van een evaluatie.",
        date(2021, 12, 15),
        [
            ref(
                "de brief over de Voortgang Programma Aardgasvrije Wijken van 22-1-2020",
                "other",
                None,
                "2020-01-22",
                "2019-2020",
            )
        ],
    ),
    # "mijn vraag in de commissie ...": asked in an earlier meeting
    (
        "Naar aanleiding van mijn vraag in de commissie mobiliteit over de toekomstige wijk Witte "
        "Vrouwen, maakte u melding van een mobiliteitsstudie.",
        date(2022, 3, 15),
        [ref("mijn vraag in de commissie mobiliteit", "oral_question")],
    ),
]

NEGATIVES = [
    # the public debate is not a meeting of parliament
    "In het maatschappelijke debat werd vaak gezegd dat inburgering werkt.",
    # a meeting still to come
    "Tevens zal een gezamenlijke commissievergadering plaatsvinden op 4 oktober.",
    # discussion in general
    "Er is discussie over de timing.",
    # a meeting of the government
    "De Vlaamse Regering heeft in haar vergadering van 12 mei 2023 een akkoord bereikt.",
    # a discussion still to come in a committee
    "Het rapport zal worden besproken in de commissie Welzijn.",
    # an answer still to come, to unqualified questions
    "Mijn antwoord op vragen van de commissie volgt later.",
    # a request, not a question
    "Ik stelde op 3 maart 2023 een vraag tot subsidie.",
    # agreements, advice and legislatures are not parliamentary items
    "In het Vlaams Regeerakkoord 2019-2024 staat dat inburgering een betalend traject wordt.",
    "Het advies van de Raad van State van 3 juli 2023 werd integraal gevolgd.",
    "Tijdens de vorige legislatuur werd het decreet al tweemaal gewijzigd.",
    # the item being dealt with in the report, not an earlier one
    "De interpellatie van mevrouw Moerenhout over de integratietrajecten werd omgezet in een "
    "vraag om uitleg.",
    # a vote to come
    "In de plenaire vergadering zal morgen gestemd worden over het ontwerp van decreet.",
    # a commission, no earlier meeting named
    "Deze commissie heeft zich al meermaals gebogen over de problematiek.",
    # a commission outside parliament
    "De Europese Commissie keurde op 5 maart 2023 het plan goed.",
    "De interministeriële commissie van 3 mei 2022 besliste daarover.",
    # the opening formula of an answer, even with the number
    "In antwoord op uw vraag nr. 123 kan ik u het volgende meedelen.",
    # the question being answered in a committee
    "Op de vraag van mevrouw Jans over de wachtlijsten kan ik zeggen dat die dalen.",
    # a future question
    "Ik zal hierover een schriftelijke vraag stellen.",
    # questions in general, or the parts of this one
    "Heel wat vragen blijven onbeantwoord.",
    "Ik heb hier drie vragen over.",
    "Mijn eerste vraag gaat over de timing.",
    # a committee's decision, no earlier meeting cited
    "De commissie heeft het wetsontwerp op 12 maart 2024 goedgekeurd.",
    # a table in the annex
    "De algemene cijfers vindt u in de tabel in bijlage.",
    # the answer to the question being answered
    "Het antwoord op uw vraag vindt u in bijlage.",
    # a policy paper without title or year
    "De beleidsnota Werk is klaar.",
    # a future meeting
    "Ik stel voor dat we dit agenderen in de commissie van volgende week.",
    # "vragen" counted at a desk
    "Er zijn 350 vragen ingediend bij het loket in 2023.",
    # amounts and counts are not question numbers
    "Tussen 1 juni 2022 en 20 maart 2024 ondertekenden 4.267 nieuwkomers een contract.",
    "Vorig jaar werden 879 boetes opgelegd voor overtreding van de inburgeringsplicht.",
    # an article number
    "Overeenkomstig artikel 90,5 van het Reglement leg ik het verslag ter inzage.",
    # an ordinance with a date
    "De ordonnantie van 11 mei 2017 vormde de wettelijke basis voor de inburgeringsplicht.",
    # a decree and a government decision
    "Het decreet van 7 juni 2013 en het besluit van de Vlaamse Regering van 1 maart 2019.",
    # the current question itself
    "Minister, mijn vraag dateert van 12 mei, en sindsdien is er veel veranderd.",
    "In antwoord op uw schriftelijke vraag kan ik u het volgende meedelen.",
    "Deze vraag werd ingediend op 3 april 2024.",
    # "vraag" meaning a request or demand
    "De vraag of de middelen volstaan, blijft open.",
    "Er is veel vraag naar kinderopvang in Brussel.",
    "Op vraag van de gemeente werd een extra zitting georganiseerd.",
    # sub-question numbers inside an answer
    "Voor de cijfers verwijs ik naar het antwoord op vraag 2.",
    # a press article
    "In De Standaard van 10 maart jongstleden stond een oproep van de ontwikkelaars.",
    # a meeting outside parliament
    "Hierover gaf Bon reeds een toelichting tijdens het schepenenoverleg van de VGC.",
    # a future debate is not an earlier item
    "Volgende week zal de commissie een gedachtewisseling houden over dit thema.",
    # bare anaphora
    "U zei toen dat u het zou onderzoeken.",
    # the asker's own question still to come
    "Ik zal mijn vraag in de commissie opnieuw stellen.",
    # a percentage and a year
    "In 2019 werden er bijna 28.000 asielaanvragen geregistreerd, 20 procent meer dan in 2017.",
]


# meetings named by a verb, with the place or the day
CASES += [
    (
        "Minister, we hebben er in het verleden al veel over gediscussieerd in de commissie "
        "Mobiliteit, maar er is weinig veranderd.",
        None,
        [ref("we hebben er in het verleden al veel over gediscussieerd in de commissie", "debate")],
    ),
    (
        "We hebben twee jaar geleden in deze commissie gediscussieerd over de rapporten van de "
        "expertengroep.",
        None,
        [ref("We hebben twee jaar geleden in deze commissie gediscussieerd", "debate")],
    ),
    (
        "Het voorstel vloeit voort uit het rapport van de werkgroep, waarover de Kamer op 24 "
        "oktober jl. plenair heeft gedebatteerd.",
        date(2017, 12, 5),
        [
            ref(
                "24 oktober jl. plenair heeft gedebatteerd",
                "debate",
                None,
                "2017-10-24",
                "2017-2018",
            )
        ],
    ),
    # a past exchange of views named by a generic noun
    (
        "We hebben hier vorige week een discussie over de zorgpremie gevoerd, maar de regering "
        "blijft bij haar standpunt.",
        None,
        [ref("We hebben hier vorige week een discussie", "debate")],
    ),
    (
        "Ik heb eerder met velen van u een stevig debat gehad over de Omgevingswet.",
        None,
        [ref("Ik heb eerder met velen van u een stevig debat", "debate")],
    ),
    (
        "In een eerder debat hierover verwees de minister naar de gemeenten.",
        None,
        [ref("een eerder debat", "debate")],
    ),
    (
        "Conform mijn toezegging in het genoemde debat zal ik de Kamer informeren.",
        None,
        [ref("het genoemde debat", "debate")],
    ),
    (
        "Dat bleek ook uit de gedachtewisseling hierover in het Vlaams Parlement.",
        None,
        [ref("de gedachtewisseling", "debate")],
    ),
    (
        "De staatssecretaris zei vorige maand in een debat dat de wachttijden zouden dalen.",
        None,
        [ref("in een debat", "debate")],
    ),
    # the committee meeting named otherwise
    (
        "Voorzitter, tijdens de commissiebijeenkomst van 14 februari heb ik deze vraag reeds "
        "gesteld.",
        date(2024, 3, 20),
        [
            ref(
                "de commissiebijeenkomst van 14 februari",
                "oral_question",
                None,
                "2024-02-14",
                "2023-2024",
            )
        ],
    ),
    (
        "Tijdens de vergadering van 20 november 2003 verklaarde de minister dat de departementen "
        "hun prioriteiten moesten doorgeven.",
        None,
        [ref("de vergadering van 20 november 2003", "debate", None, "2003-11-20", "2003-2004")],
    ),
    (
        "In deze commissie hebt u in juli nog aangegeven dat u het antwoord tegen september "
        "verwachtte.",
        None,
        [ref("deze commissie", "debate")],
    ),
    (
        "Begin februari kwam in deze commissie Mobiliteit al de studie van het studiebureau aan "
        "bod, uitgevoerd op vraag van de stad.",
        None,
        [ref("deze commissie", "debate")],
    ),
    (
        "Na de aftreding vond hierover op 10 maart jl. een debat in uw Kamer plaats.",
        date(2015, 5, 21),
        [ref("10 maart jl. een debat", "debate", None, "2015-03-10", "2014-2015")],
    ),
    (
        "Het voorstel volgt op de op 21 april in commissie gehouden hoorzitting met de sector.",
        None,
        [ref("21 april in commissie gehouden hoorzitting", "debate")],
    ),
    # Dutch meetings: algemeen overleg, AO, schriftelijk overleg, an overleg held by the Kamer
    (
        "Over de modernisering van de basisregistratie hebben wij een algemeen overleg gehad.",
        None,
        [ref("een algemeen overleg", "debate")],
    ),
    (
        "Ik verzoek u het verslag van het algemeen overleg over de jeugdzorg van 18 april "
        "jongstleden op de plenaire agenda te zetten.",
        None,
        [ref("het algemeen overleg over de jeugdzorg van 18 april jongstleden", "debate")],
    ),
    (
        "Aan de orde is het VAO Mijnbouw (AO d.d. 22/11).",
        None,
        [ref("AO d.d. 22/11", "debate")],
    ),
    (
        "We hebben een schriftelijk overleg gehad over de onderwijstijden.",
        None,
        [ref("We hebben een schriftelijk overleg", "debate")],
    ),
    (
        "We zijn in het AO en in vorige AO’s kritisch geweest over de planning.",
        None,
        [ref("in het AO en in vorige AO’s", "debate")],
    ),
    (
        "Enkele weken geleden voerde de Kamer met de minister een overleg over voetbalgeweld.",
        None,
        [ref("een overleg", "debate")],
    ),
]

# Dutch meetings named with the bill or the kind of overleg
CASES += [
    (
        "Tijdens de plenaire behandeling van het wetsvoorstel op 12 maart 2019 heeft de minister "
        "toegezegd de Kamer te informeren.",
        date(2020, 5, 1),
        [
            ref(
                "de plenaire behandeling van het wetsvoorstel op 12 maart 2019",
                "debate",
                None,
                "2019-03-12",
                "2018-2019",
            )
        ],
    ),
    (
        "Tijdens het mondeling overleg van 3 maart 2020 heeft de minister toegezegd de Kamer te "
        "informeren.",
        date(2020, 5, 1),
        [ref("het mondeling overleg van 3 maart 2020", "debate", None, "2020-03-03", "2019-2020")],
    ),
    (
        "Ik heb u hierover vorig jaar al ondervraagd in de commissie.",
        None,
        [ref("in de commissie", "debate")],
    ),
]

# the Handelingen: the number of a named meeting, or a paper of its own
CASES += [
    (
        "Tijdens de regeling van werkzaamheden van uw Kamer van 19 mei 2015 heeft het lid Jansen "
        "gevraagd om een brief (Handelingen II 2014/15, nr. 84, Regeling van werkzaamheden).",
        date(2015, 5, 21),
        [
            ref(
                "de regeling van werkzaamheden van uw Kamer van 19 mei 2015",
                "debate",
                84,
                "2015-05-19",
                "2014-2015",
            )
        ],
    ),
    (
        "Zie het antwoord op eerdere vragen (Aanhangsel Handelingen II 2019/20, nr. 1234).",
        None,
        [ref("eerdere vragen (Aanhangsel Handelingen II 2019/20, nr. 1234)", "other", 1234)],
    ),
]

# the committee as subject: only its named meeting counts
CASES += [
    (
        "De commissie heeft op 12 maart 2024 een hoorzitting gehouden met de sector.",
        None,
        [ref("De commissie heeft op 12 maart 2024", "debate", None, "2024-03-12", "2023-2024")],
    ),
]

# questions and answers
CASES += [
    (
        "Toenmalig minister Peeters antwoordde op mijn vraag dat er geen oefeningen meer zouden "
        "plaatsvinden.",
        None,
        [ref("antwoordde op mijn vraag", "other")],
    ),
    (
        "Op vraag van mijn collega Els Janssens in het Brussels Parlement antwoordde u dat er "
        "geen budget was.",
        None,
        [ref("Op vraag van mijn collega Els Janssens in het Brussels Parlement", "other")],
    ),
    (
        "Ik heb ook het antwoord gelezen op de schriftelijke vraag van collega Peeters.",
        None,
        [
            ref(
                "het antwoord gelezen op de schriftelijke vraag van collega Peeters",
                "written_question",
            )
        ],
    ),
    (
        "In dat antwoord werd ook verwezen naar een schriftelijke vraag van mij.",
        None,
        [ref("een schriftelijke vraag van mij", "written_question")],
    ),
    (
        "Naar aanleiding van twee vragen van het lid Jansen zijn er nieuwe stukken gevonden.",
        None,
        [ref("vragen van het lid Jansen", "other")],
    ),
    # the answer given to another member's question
    (
        "Ik heb goed geluisterd naar het antwoord dat u daarnet aan collega Peeters hebt gegeven.",
        None,
        [ref("het antwoord dat u daarnet aan collega Peeters hebt gegeven", "oral_question")],
    ),
    # one question named twice
    (
        "Wij verwijzen naar onze vorige vraag (schriftelijke vraag nr. 932) over dit thema.",
        None,
        [ref("onze vorige vraag (schriftelijke vraag nr. 932)", "written_question", 932)],
    ),
    # the number inside a titled bracket
    (
        "Zie de schriftelijke vraag van collega Warnez en het antwoord erop "
        "(Dierenasielen-Subsidies-nummer 917 van maandag 2 augustus 2021).",
        None,
        [
            ref(
                "de schriftelijke vraag van collega Warnez",
                "written_question",
                917,
                "2021-08-02",
                "2020-2021",
            )
        ],
    ),
]

# letters named by the day they were sent
CASES += [
    (
        "Naar aanleiding hiervan is op 9 december 2022 een brief gestuurd aan de Minister van "
        "Volksgezondheid.",
        date(2023, 1, 31),
        [ref("9 december 2022 een brief", "other", None, "2022-12-09", "2022-2023")],
    ),
    (
        "De vaste commissie voor Sociale Zaken stuurde mij op 26 oktober 2017 een brief.",
        date(2017, 11, 27),
        [ref("26 oktober 2017 een brief", "other", None, "2017-10-26", "2017-2018")],
    ),
    (
        "De minister heeft op 17 juni 2016 de zogenoemde A-brief Vervanging naar de Tweede Kamer "
        "gestuurd (Kamerstuk 34 225, nr. 13).",
        date(2016, 10, 5),
        [ref("17 juni 2016 de zogenoemde A-brief", "other", 13, "2016-06-17", "2015-2016")],
    ),
    (
        "In aansluiting op mijn brieven van 19 december 2001 (Kamerstukken II 2001/02 28 000 VI "
        "nr. 46) en 4 december 2002 (Kamerstukken II 2002/03 28 600 VI nr. 105) informeer ik u.",
        date(2004, 6, 30),
        [
            ref("mijn brieven van 19 december 2001", "other", 46, "2001-12-19", "2001-2002"),
            ref("4 december 2002 (Kamerstukken II", "other", 105, "2002-12-04", "2002-2003"),
        ],
    ),
    # a footnote digit glued to the year
    (
        "Het kabinet heeft dit toegelicht in een Kamerbrief d.d. 2 december 20251.",
        None,
        [ref("een Kamerbrief d.d. 2 december 2025", "other", None, "2025-12-02", "2025-2026")],
    ),
]

NEGATIVES += [
    # debated without place or day, or outside parliament
    "Er is in de samenleving veel gediscussieerd over de zorgpremie.",
    "Behalve over de subsidies hebben wij gediscussieerd over de terrassen.",
    "We hebben een goed overleg gehad met de sector.",
    # meetings still to come, letters counted
    "De plenaire behandeling van het wetsvoorstel is gepland op 12 mei.",
    "Het AO is uitgesteld tot na het zomerreces.",
    "We ontvingen 300 brieven van 3 januari tot 14 februari.",
    # AO as arbeidsongeschiktheid
    "De AO-premie stijgt volgend jaar.",
    "Het aantal mensen in de AO is gestegen sinds de hervorming werd doorgevoerd.",
    # a council meeting outside parliament
    "In het debat in de gemeenteraad van Gent werd gezegd dat de kosten stijgen.",
    # the committee's request, not a meeting
    "Naar aanleiding van het verzoek van de vaste commissie voor Financiën van 12 februari 2020 "
    "stuur ik u deze brief.",
    # this meeting
    "Het antwoord dat u straks aan collega Peeters zult geven, wacht ik af.",
    "We hebben hier vandaag een discussie gevoerd over de zorgpremie.",
    "We hebben vandaag in deze commissie gediscussieerd over de rapporten.",
    "In de commissie hebt u daarnet gezegd dat de cijfers dalen.",
    # the government's "we"
    "We hebben met de steden en gemeenten een grondige discussie gevoerd over de verdeling.",
    "We hebben met de sector een boeiende gedachtewisseling gehad.",
    "We hebben een debat gehad met de burgemeesters over de veiligheid.",
    "De minister zei vorige week in een debat op tv dat de middelen volstaan.",
    "Het overleg met de betrokkenen is nog niet afgerond.",
    "De staatssecretaris deed die toezegging tijdens een mondeling overleg waarvoor de commissie "
    "hem had uitgenodigd.",
    # meetings to come, and this meeting or its report
    "Het AO over dit onderwerp staat gepland voor volgende week.",
    "Ik zal dit in het volgende AO aankaarten.",
    "We zullen daarover een discussie voeren in de commissie.",
    "Ik wil hierover een debat in het parlement.",
    "De commissie brengt bijgaand verslag uit van het gevoerde schriftelijk overleg.",
    "Aan de orde is het algemeen overleg over de jeugdzorg.",
    "De vaste commissie voor Justitie heeft op 23 april 2015 overleg gevoerd met de minister.",
    # letters that are not parliamentary
    "De minister stuurde op 3 mei 2023 een brief aan alle burgemeesters.",
    "Het kabinet heeft op 3 mei 2023 een brief naar de gemeenten gestuurd.",
    "Tijdens de vergadering van 3 mei 2023 met de burgemeesters verklaarde de minister dat er "
    "geld komt.",
    "De regering heeft op 12 maart 2021 een brief gestuurd aan de Europese Commissie.",
    "Ik heb op 12 maart 2023 een brief gestuurd aan federaal minister Janssens.",
    "De burgemeester stuurde mij op 3 mei 2023 een brief.",
    "Het agentschap heeft op 3 mei 2023 een brief gestuurd aan de minister van Justitie.",
    # the answer just given to this question, in the reply
    "Minister, u hebt geantwoord op mijn vraag dat er geen budget is.",
    # the questions of this report
    "De door de leden van de VVD-fractie gestelde vragen worden hieronder beantwoord.",
    "De vragen en opmerkingen zijn op 8 juni 2023 aan de staatssecretaris voorgelegd.",
]


@pytest.mark.parametrize(("text", "doc_date", "expected"), CASES)
def test_references(text, doc_date, expected):
    got = extract(text, doc_date).to_dict()["references"]
    assert [{k: r[k] for k in ("kind", "number", "date", "session_year")} for r in got] == [
        {k: e[k] for k in ("kind", "number", "date", "session_year")} for e in expected
    ]
    for r, e in zip(got, expected, strict=True):
        assert text[r["start"] : r["end"]] == r["span"]
        # the predicted span overlaps the labelled one
        s = text.index(e["span"])
        assert r["start"] < s + len(e["span"]) and s < r["end"]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_references(text):
    assert extract(text).references == ()
