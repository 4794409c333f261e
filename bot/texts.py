"""What the bot says in reply to commands, in Dutch and English (HTML; `{}` fields are
filled with already escaped values)."""

from __future__ import annotations

from typing import Any

COMMANDS_NL = (
    ("start", "Welkom en het standaardthema volgen"),
    ("help", "Alle commando's met een voorbeeld"),
    ("track", "Iets volgen: vraag, parlementslid, minister, thema, trefwoord"),
    ("untrack", "Een abonnement stopzetten"),
    ("list", "Je abonnementen"),
    ("vraag", "Eén vraag: /vraag 350 2022-2023"),
    ("promises", "Toezeggingen: open, due of overdue"),
    ("digest", "Overzicht nu, of dagelijks: /digest 08:00"),
    ("status", "Laatste controle van het parlement"),
    ("ingelost", "Mogelijk ingeloste toezeggingen bevestigen"),
    ("opvolgvraag", "Ontwerp van opvolgingsvraag voor een toezegging"),
    ("export", "Je toezeggingen als agenda (.ics)"),
    ("lang", "Taal: /lang en of /lang nl"),
)

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "welcome": (
            "👋 <b>Welkom bij Opvolger.</b>\n"
            "Ik volg de schriftelijke vragen van het Vlaams Parlement op en meld je wat nieuw "
            "is: nieuwe vragen, antwoorden, waar ze op voortbouwen en welke toezeggingen van "
            "de minister vervallen.\n\n"
            "Je volgt nu het thema {themes}. Meer volgen: /track — alle commando's: /help"
        ),
        "help": (
            "<b>Commando's</b>\n"
            "/track <i>wat</i> — volg iets:\n"
            "  • een vraag: <code>/track 350 2022-2023</code> of <code>/track 1813507</code>\n"
            "  • een parlementslid: <code>/track Tavernier</code>\n"
            "  • een minister: <code>/track minister Rutten</code>\n"
            "  • een thema: <code>/track thema Integratie en Inburgering</code>\n"
            "  • een trefwoord: <code>/track woord inburgeringsattest</code>\n"
            "  • een toezegging uit /promises: <code>/track #12</code>\n"
            "/untrack — stop een abonnement (knoppen)\n"
            "/list — je abonnementen\n"
            "/vraag <i>id | nr zittingsjaar</i> — één vraag: <code>/vraag 170 2023-2024</code>\n"
            "/promises [open|due|overdue] — toezeggingen: <code>/promises due</code>\n"
            "/promises ics — de toezeggingen als agenda (.ics), <code>/promises csv</code> "
            "als tabel\n"
            "/digest — het overzicht nu\n"
            "/digest <i>UU:MM</i> — elke dag om die tijd (Brussel): <code>/digest 08:00</code>; "
            "met <code>stil</code> ook op dagen zonder nieuws: <code>/digest 08:00 stil</code>\n"
            "/digest off — geen dagelijks overzicht meer\n"
            "/ingelost — toezeggingen die mogelijk ingelost zijn: bevestig of weerleg\n"
            "/opvolgvraag <i>nr</i> — ontwerp van een opvolgingsvraag voor toezegging "
            "#<i>nr</i> uit /promises: <code>/opvolgvraag 12</code>\n"
            "/export — alle toezeggingen met datum als agenda (.ics)\n"
            "/status — laatste controle, resultaat en aantallen\n"
            "/lang en — English; /lang nl — Nederlands"
        ),
        "help_admin": "\n/pollnow — nu controleren (beheerders)",
        "track_usage": (
            "Wat wil je volgen? Bijvoorbeeld <code>/track 350 2022-2023</code>, "
            "<code>/track Tavernier</code> of <code>/track woord inburgering</code>."
        ),
        "track_too_long": "Dat is te lang (maximaal {max} tekens).",
        "track_bad_chars": "Gebruik alleen letters, cijfers, spaties en gewone leestekens.",
        "track_too_short": "Een trefwoord heeft minstens 3 letters.",
        "track_need_year": (
            "Vraagnummers beginnen elk zittingsjaar opnieuw: geef ook het zittingsjaar, "
            "bv. <code>/track {number} 2023-2024</code>."
        ),
        "track_bad_year": "Een zittingsjaar is twee opeenvolgende jaren, bv. 2023-2024.",
        "track_question_format": (
            "Geef een vraag als id (<code>/track 1813507</code>) of als nummer en "
            "zittingsjaar (<code>/track 350 2022-2023</code>)."
        ),
        "track_several": (
            "Er zijn meerdere vragen nr. {number} ({year}); kies er een met zijn id:\n{options}"
        ),
        "track_ambiguous": "Dat kan meerdere personen zijn:\n{options}\nSchrijf de naam voluit.",
        "track_no_person": "Ik ken geen parlementslid dat lijkt op „{query}”.",
        "track_no_minister": "Ik ken geen minister die lijkt op „{query}”.",
        "track_promise_format": (
            "Geef een toezegging met haar nummer uit /promises, bv. <code>/track #12</code>."
        ),
        "track_promise_unknown": "Toezegging #{id} bestaat niet; zie /promises.",
        "poll_failing": (
            "⚠️ <b>Opvolger</b>: de laatste {n} controles van het parlement mislukten.\n"
            "Laatste fout: <code>{error}</code>\nZie /status."
        ),
        "poll_recovered": "✅ <b>Opvolger</b>: de controles lukken weer (na {n} mislukte).",
        "track_ok": "✅ Je volgt nu {what}.",
        "track_already": "Je volgde {what} al.",
        "track_unknown_question": (
            " Die vraag heb ik nog niet opgehaald; je hoort het zodra ze verschijnt of geciteerd "
            "wordt."
        ),
        "what_question": "{label}",
        "what_question_number": "{label}",
        "what_person": "parlementslid {label}",
        "what_minister": "minister {label}",
        "what_theme": "het thema {label}",
        "what_keyword": "het trefwoord „{label}”",
        "what_promise": "toezegging {label}",
        "list_empty": "Je volgt nog niets. Begin met /track of /start.",
        "list_head": "<b>Je volgt:</b>",
        "untrack_empty": "Je volgt niets om stop te zetten.",
        "untrack_head": "Tik op wat je niet meer wilt volgen:",
        "untrack_done": "🗑 Je volgt {what} niet meer.",
        "untrack_gone": "Dat abonnement bestaat niet (meer).",
        "vraag_usage": "Gebruik: <code>/vraag 1813507</code> of <code>/vraag 350 2022-2023</code>.",
        "vraag_not_found": "Die vraag vind ik niet.",
        "vraag_cites": "Verwijst naar",
        "vraag_cited_by": "Wordt opgevolgd door",
        "vraag_status": "Status",
        "promises_usage": (
            "Gebruik: /promises, /promises open, /promises due, /promises overdue, "
            "/promises ics of /promises csv."
        ),
        "export_caption": "📅 {n} openstaande toezeggingen binnen wat je volgt.",
        "promises_none": "Geen toezeggingen ({which}) binnen wat je volgt.",
        "promises_head_open": "<b>Openstaande toezeggingen</b>",
        "promises_head_due": "<b>Toezeggingen die binnen {days} dagen vervallen</b>",
        "promises_head_overdue": "<b>Vervallen toezeggingen</b>",
        "more": "… en nog {n}",
        "digest_set": "🗓 Je krijgt elke dag om {time} (Brussel) een overzicht{quiet}.",
        "digest_quiet": ", ook op dagen zonder nieuws",
        "digest_off": "Geen dagelijks overzicht meer.",
        "digest_usage": (
            "Gebruik: <code>/digest</code> (nu), <code>/digest 08:00</code>, "
            "<code>/digest 08:00 stil</code> of <code>/digest off</code>."
        ),
        "status_head": "<b>Status</b>",
        "status_never": "Er is nog niet gecontroleerd.",
        "status_last": "Laatste controle: {when} — {outcome}",
        "status_last_ok": "Laatste geslaagde controle: {when}",
        "status_counts": (
            "Vragen: {questions} (beantwoord: {answered}) · gebeurtenissen: {events} · "
            "open toezeggingen: {open_promises}"
        ),
        "status_outbox": "Berichten in de wachtrij: {pending}",
        "status_subs": "Jouw abonnementen: {n}",
        "outcome_ok": "gelukt",
        "outcome_error": "mislukt",
        "outcome_running": "bezig",
        "pollnow_denied": "Dit commando is alleen voor beheerders.",
        "pollnow_started": "🔄 Ik controleer nu…",
        "pollnow_done": "Klaar: {summary}",
        "pollnow_failed": "De controle mislukte: {error}",
        "pollnow_unavailable": "De poller is in deze installatie niet beschikbaar.",
        "lang_set": "Taal: Nederlands.",
        "lang_usage": "Gebruik: /lang nl of /lang en.",
        "error_admin": "⚠️ Fout in de bot: {error}",
    },
    "en": {
        "welcome": (
            "👋 <b>Welcome to Opvolger.</b>\n"
            "I follow the written questions of the Flemish Parliament and tell you what is "
            "new: new questions, answers, what they follow up, and which promises of the "
            "minister come due.\n\n"
            "You now follow the theme {themes}. Follow more: /track — all commands: /help"
        ),
        "help": (
            "<b>Commands</b>\n"
            "/track <i>what</i> — follow something:\n"
            "  • a question: <code>/track 350 2022-2023</code> or <code>/track 1813507</code>\n"
            "  • a member of parliament: <code>/track Tavernier</code>\n"
            "  • a minister: <code>/track minister Rutten</code>\n"
            "  • a theme: <code>/track theme Integratie en Inburgering</code>\n"
            "  • a keyword: <code>/track keyword inburgeringsattest</code>\n"
            "  • a promise from /promises: <code>/track #12</code>\n"
            "/untrack — stop a subscription (buttons)\n"
            "/list — your subscriptions\n"
            "/vraag <i>id | no session-year</i> — one question: <code>/vraag 170 2023-2024</code>\n"
            "/promises [open|due|overdue] — promises: <code>/promises due</code>\n"
            "/promises ics — the promises as a calendar (.ics), <code>/promises csv</code> "
            "as a table\n"
            "/digest — the digest now\n"
            "/digest <i>HH:MM</i> — every day at that time (Brussels): <code>/digest 08:00</code>; "
            "add <code>quiet</code> to get it on days without news too: "
            "<code>/digest 08:00 quiet</code>\n"
            "/digest off — no more daily digest\n"
            "/ingelost — promises possibly kept: confirm or reject\n"
            "/opvolgvraag <i>no</i> — a draft follow-up question for promise #<i>no</i> "
            "from /promises: <code>/opvolgvraag 12</code>\n"
            "/export — all promises with a date as a calendar (.ics)\n"
            "/status — last check, its outcome and counts\n"
            "/lang nl — Nederlands; /lang en — English"
        ),
        "help_admin": "\n/pollnow — check now (admins)",
        "track_usage": (
            "What do you want to follow? E.g. <code>/track 350 2022-2023</code>, "
            "<code>/track Tavernier</code> or <code>/track keyword inburgering</code>."
        ),
        "track_too_long": "That is too long (at most {max} characters).",
        "track_bad_chars": "Use only letters, digits, spaces and ordinary punctuation.",
        "track_too_short": "A keyword has at least 3 letters.",
        "track_need_year": (
            "Question numbers restart every session year: add the session year, "
            "e.g. <code>/track {number} 2023-2024</code>."
        ),
        "track_bad_year": "A session year is two consecutive years, e.g. 2023-2024.",
        "track_question_format": (
            "Give a question by id (<code>/track 1813507</code>) or by number and "
            "session year (<code>/track 350 2022-2023</code>)."
        ),
        "track_several": (
            "There are several questions no. {number} ({year}); pick one by its id:\n{options}"
        ),
        "track_ambiguous": "That could be several people:\n{options}\nWrite the full name.",
        "track_no_person": "I know no member of parliament like “{query}”.",
        "track_no_minister": "I know no minister like “{query}”.",
        "track_promise_format": (
            "Give a promise by its number in /promises, e.g. <code>/track #12</code>."
        ),
        "track_promise_unknown": "Promise #{id} does not exist; see /promises.",
        "track_ok": "✅ You now follow {what}.",
        "track_already": "You already followed {what}.",
        "track_unknown_question": (
            " I have not fetched that question yet; you will hear when it appears or is cited."
        ),
        "what_question": "{label}",
        "what_question_number": "{label}",
        "what_person": "member of parliament {label}",
        "what_minister": "minister {label}",
        "what_theme": "the theme {label}",
        "what_keyword": "the keyword “{label}”",
        "what_promise": "promise {label}",
        "list_empty": "You follow nothing yet. Start with /track or /start.",
        "list_head": "<b>You follow:</b>",
        "untrack_empty": "You follow nothing to stop.",
        "untrack_head": "Tap what you no longer want to follow:",
        "untrack_done": "🗑 You no longer follow {what}.",
        "untrack_gone": "That subscription does not exist (any more).",
        "vraag_usage": "Usage: <code>/vraag 1813507</code> or <code>/vraag 350 2022-2023</code>.",
        "vraag_not_found": "I cannot find that question.",
        "vraag_cites": "Cites",
        "vraag_cited_by": "Followed up by",
        "vraag_status": "Status",
        "promises_usage": (
            "Usage: /promises, /promises open, /promises due, /promises overdue, "
            "/promises ics or /promises csv."
        ),
        "export_caption": "📅 {n} open promises within what you follow.",
        "promises_none": "No promises ({which}) within what you follow.",
        "promises_head_open": "<b>Open promises</b>",
        "promises_head_due": "<b>Promises coming due within {days} days</b>",
        "promises_head_overdue": "<b>Overdue promises</b>",
        "more": "… and {n} more",
        "digest_set": "🗓 You will get a digest every day at {time} (Brussels){quiet}.",
        "digest_quiet": ", also on days without news",
        "digest_off": "No more daily digest.",
        "digest_usage": (
            "Usage: <code>/digest</code> (now), <code>/digest 08:00</code>, "
            "<code>/digest 08:00 quiet</code> or <code>/digest off</code>."
        ),
        "status_head": "<b>Status</b>",
        "status_never": "No check has run yet.",
        "status_last": "Last check: {when} — {outcome}",
        "status_last_ok": "Last successful check: {when}",
        "status_counts": (
            "Questions: {questions} (answered: {answered}) · events: {events} · "
            "open promises: {open_promises}"
        ),
        "status_outbox": "Messages queued: {pending}",
        "status_subs": "Your subscriptions: {n}",
        "outcome_ok": "ok",
        "outcome_error": "failed",
        "outcome_running": "running",
        "pollnow_denied": "This command is for admins only.",
        "pollnow_started": "🔄 Checking now…",
        "pollnow_done": "Done: {summary}",
        "pollnow_failed": "The check failed: {error}",
        "pollnow_unavailable": "The poller is not available in this installation.",
        "lang_set": "Language: English.",
        "lang_usage": "Usage: /lang nl or /lang en.",
        "error_admin": "⚠️ Error in the bot: {error}",
    },
}


def say(lang: str, key: str, **kwargs: Any) -> str:
    """The reply `key` in `lang` (Dutch when missing); kwargs must be escaped already."""
    table = TEXTS.get(lang) or TEXTS["nl"]
    text = table.get(key) or TEXTS["nl"][key]
    return text.format(**kwargs) if kwargs else text
