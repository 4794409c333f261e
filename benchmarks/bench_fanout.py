"""Fan-out of one event to 1,000 chats, delivered through the fake Bot API server that
enforces Telegram's limits (about 30 messages/s overall, 1/s per chat), answering 429
past them.

Reports the seconds to route the event (outbox rows) and to deliver every alert, the 429s
received (aim: none) and the throughput as a fraction of 30 msg/s (aim: at least 0.9).

    python -m benchmarks.bench_fanout [--chats N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from telegram import Bot
from telegram.request import HTTPXRequest

from bot.delivery import Limiter, TelegramSender, deliver_pending
from monitor.routing import chats_for
from state.chats import add_subscription, upsert_chat
from state.db import open_db
from state.events import Event, record_events
from state.outbox import outbox_counts
from tests.fake_telegram import FakeTelegram, Limits

TELEGRAM_LIMIT = 30.0  # messages per second, overall
TOKEN = "1000000:benchmark-token"


def _event() -> Event:
    qid = 1813507
    question = {
        "id": qid,
        "number": 170,
        "session_year": "2023-2024",
        "title": "Inburgering - Brussels Hoofdstedelijk Gewest",
        "asker": "Annabel Tavernier",
        "minister": "Gwendolyn Rutten",
        "themes": ["Integratie en Inburgering"],
        "site_url": f"https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/{qid}",
        "document_url": "https://docs.vlaamsparlement.be/pfile?id=2058696",
        "asked_on": "2024-03-15",
        "status": "asked",
    }
    return Event(f"new_question:schv:{qid}", "new_question", qid, {"question": question})


async def _deliver(db, base_url: str) -> object:
    request = HTTPXRequest(connection_pool_size=16)
    async with Bot(TOKEN, base_url=base_url, request=request) as bot:
        return await deliver_pending(db, TelegramSender(bot, Limiter()), concurrency=8)


def main(chats: int = 1000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        with db.atomic():
            for chat_id in range(1, chats + 1):
                upsert_chat(db, chat_id)
                add_subscription(db, chat_id, "theme", "integratie en inburgering", "Integratie")
        started = time.perf_counter()
        record_events(db, [_event()], route=chats_for)
        fanout_seconds = time.perf_counter() - started

        with FakeTelegram(limits=Limits()) as fake:
            started = time.perf_counter()
            report = asyncio.run(_deliver(db, fake.base_url))
            seconds = time.perf_counter() - started
            accepted = len(fake.calls_to("sendMessage"))
            server_429 = fake.rate_limited
        counts = outbox_counts(db)
        db.close()
    rate = accepted / seconds if seconds else 0.0
    result = {
        "chats": chats,
        "route_seconds": round(fanout_seconds, 3),
        "deliver_seconds": round(seconds, 2),
        "messages_accepted": accepted,
        "outbox": counts,
        "rate_limited_429": report.rate_limited,
        "server_429": server_429,
        "messages_per_second": round(rate, 2),
        "throughput_fraction": round(rate / TELEGRAM_LIMIT, 3),
    }
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=1000)
    main(parser.parse_args().chats)
