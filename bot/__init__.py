"""Telegram: commands, rendering, delivery of the outbox, digests.

- `bot.app` — builds the python-telegram-bot `Application` (handlers, jobs, errors);
  `run_bot(settings)` runs it.
- `bot.handlers` — the commands (/start, /help, /track, /untrack, /list, /vraag,
  /promises, /digest, /status, /pollnow, /lang) and the /untrack buttons.
- `bot.track` — what `/track <what>` means (pure).
- `bot.render` — event → HTML message parts (pure).
- `bot.delivery` — drains the outbox within Telegram's limits, exactly once.
- `bot.digest` — the daily digest of a chat.
- `bot.texts` — what the bot says, in Dutch and English.
"""
