"""A fake Telegram Bot API server on 127.0.0.1 for offline end-to-end tests.

A real HTTP server (stdlib `http.server`, in a thread) that answers the Bot API methods
the bot uses: getMe, getUpdates (long polling over updates the test injects), sendMessage,
setMyCommands, deleteWebhook, answerCallbackQuery, editMessageText, sendDocument
(multipart). Every call is recorded. Faults can be switched on (429 with retry_after, 403
"bot was blocked by the user", 500), and Telegram's limits can be enforced (about 30
messages/s overall, 1/s per chat, 20/min per group), answering 429 past them.

Point python-telegram-bot at it with ``base_url=server.base_url`` (``.../bot``).
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import math
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

SEND_METHODS = {"sendMessage", "sendDocument", "editMessageText"}
BOT_ID = 777000111


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    token: str = ""


@dataclass
class Fault:
    method: str
    status: int
    description: str
    chat_id: int | None = None
    times: int = 1
    retry_after: int | None = None


@dataclass
class Limits:
    per_second: int = 30
    chat_interval: float = 0.95  # a chat may get one message per second (small slack)
    group_per_minute: int = 20


def _coerce(value: str) -> Any:
    try:
        return json.loads(value)
    except (ValueError, TypeError):
        return value


class FakeTelegram:
    """The server; use as a context manager or call `start()` / `stop()`."""

    def __init__(self, *, limits: Limits | None = None) -> None:
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.limits = limits  # None: no enforcement
        self.rate_limited = 0
        self._lock = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._sent_global: deque[float] = deque()
        self._sent_chat: dict[int, deque[float]] = defaultdict(deque)
        self.messages: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
        self.max_concurrent = 0
        self._in_flight = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._hold_after: int | None = None
        self.held = threading.Event()
        self._release = threading.Event()
        self._drop_held = True

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    def start(self) -> FakeTelegram:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                fake._handle(self)

            do_GET = do_POST  # noqa: N815

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            self._lock.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -- what tests use ----------------------------------------------------------------

    def fail(
        self,
        method: str = "sendMessage",
        *,
        status: int,
        chat_id: int | None = None,
        times: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` (for `chat_id`, if given) with an error."""
        if description is None:
            description = {
                429: f"Too Many Requests: retry after {retry_after or 1}",
                403: "Forbidden: bot was blocked by the user",
                500: "Internal Server Error",
                502: "Bad Gateway",
                400: "Bad Request: chat not found",
            }.get(status, "error")
        if status == 429 and retry_after is None:
            retry_after = 1
        with self._lock:
            self.faults.append(Fault(method, status, description, chat_id, times, retry_after))

    def hold(self, after: int) -> None:
        """Block the sendMessage that comes after `after` accepted ones until `release()`."""
        self._hold_after = after
        self.held.clear()
        self._release.clear()

    def release(self, *, drop: bool = True) -> None:
        """Let the held call go: `drop` closes its connection unanswered (not accepted)."""
        self._drop_held = drop
        self._hold_after = None
        self._release.set()

    def push_update(self, update: dict[str, Any]) -> int:
        with self._lock:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._lock.notify_all()
        return update["update_id"]

    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        title: str | None = None,
    ) -> int:
        """Inject a text message from a user (commands get their bot_command entity)."""
        user_id = user_id if user_id is not None else abs(chat_id)
        chat_type = chat_type or ("private" if chat_id > 0 else "group")
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = f"User{user_id}"
        else:
            chat["title"] = title or f"Group {chat_id}"
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self.push_update({"message": message})

    def tap(
        self, chat_id: int, message_id: int, data: str, *, user_id: int | None = None
    ) -> int:
        """Inject a tap on an inline button of the bot's message `message_id`."""
        user_id = user_id if user_id is not None else abs(chat_id)
        original = self.messages.get(chat_id, {}).get(message_id) or {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "text": "",
        }
        return self.push_update(
            {
                "callback_query": {
                    "id": str(next(self._message_ids)),
                    "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
                    "chat_instance": str(chat_id),
                    "data": data,
                    "message": original,
                }
            }
        )

    def calls_to(self, method: str, *, chat_id: int | None = None, ok: bool = True) -> list[Call]:
        with self._lock:
            calls = list(self.calls)
        return [
            c
            for c in calls
            if c.method == method
            and (chat_id is None or c.params.get("chat_id") == chat_id)
            and (not ok or c.status == 200)
        ]

    def texts(self, chat_id: int) -> list[str]:
        """Texts of the messages Telegram accepted for `chat_id`, in order."""
        return [c.params.get("text", "") for c in self.calls_to("sendMessage", chat_id=chat_id)]

    def wait_for(
        self, predicate: Any, timeout: float = 5.0, interval: float = 0.01
    ) -> Any:
        """Block until `predicate()` is truthy (returns it) or fail after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the fake Telegram server")
            time.sleep(interval)

    def pending_updates(self) -> int:
        with self._lock:
            return len(self._updates)

    # -- the HTTP side -----------------------------------------------------------------

    def _params(self, handler: BaseHTTPRequestHandler) -> dict[str, Any]:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        ctype = handler.headers.get("Content-Type", "")
        params: dict[str, Any] = {}
        query = urlparse(handler.path).query
        params.update({k: _coerce(v) for k, v in parse_qsl(query)})
        if ctype.startswith("application/json") and body:
            params.update(json.loads(body))
        elif ctype.startswith("multipart/form-data"):
            raw = f"Content-Type: {ctype}\r\n\r\n".encode() + body
            msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
            for part in msg.iter_parts():
                name = part.get_param("name", header="content-disposition")
                filename = part.get_filename()
                payload = part.get_payload(decode=True) or b""
                if filename:
                    params[name] = {"filename": filename, "size": len(payload)}
                else:
                    params[name] = _coerce(payload.decode("utf-8"))
        elif body:
            params.update({k: _coerce(v) for k, v in parse_qsl(body.decode("utf-8"))})
        for key in ("chat_id", "message_id", "offset", "timeout", "limit"):
            if isinstance(params.get(key), str) and params[key].lstrip("-").isdigit():
                params[key] = int(params[key])
        return params

    def _reply(
        self, handler: BaseHTTPRequestHandler, status: int, payload: dict[str, Any]
    ) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        try:
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client went away (shutdown)
            pass

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        path = urlparse(handler.path).path
        # /bot<token>/<method>
        prefix, _, method = path.rpartition("/")
        token = prefix[len("/bot") :] if prefix.startswith("/bot") else ""
        params = self._params(handler)
        if method == "sendMessage" and self._hold_after is not None:
            if len(self.calls_to("sendMessage")) >= self._hold_after:
                self.held.set()
                self._release.wait(30)
                if self._drop_held:
                    handler.close_connection = True
                    return
        with self._lock:
            self._in_flight += 1
            self.max_concurrent = max(self.max_concurrent, self._in_flight)
        try:
            status, payload = self._dispatch(method, params)
        finally:
            with self._lock:
                self._in_flight -= 1
        with self._lock:
            self.calls.append(Call(method, params, time.monotonic(), status, token))
        self._reply(handler, status, payload)

    def _error(
        self, status: int, description: str, retry_after: int | None = None
    ) -> tuple[int, dict[str, Any]]:
        payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            payload["parameters"] = {"retry_after": retry_after}
        return status, payload

    def _fault_for(self, method: str, params: dict[str, Any]) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.method == method and fault.times > 0 and (
                    fault.chat_id is None or fault.chat_id == params.get("chat_id")
                ):
                    fault.times -= 1
                    return fault
        return None

    def _over_limit(self, chat_id: int) -> int | None:
        """Seconds to wait if sending to `chat_id` now breaks a limit, else None (and count it)."""
        assert self.limits is not None
        now = time.monotonic()
        with self._lock:
            while self._sent_global and self._sent_global[0] <= now - 1.0:
                self._sent_global.popleft()
            chat = self._sent_chat[chat_id]
            while chat and chat[0] <= now - 60.0:
                chat.popleft()
            wait = 0.0
            if len(self._sent_global) >= self.limits.per_second:
                wait = max(wait, self._sent_global[0] + 1.0 - now)
            if chat and now - chat[-1] < self.limits.chat_interval:
                wait = max(wait, chat[-1] + self.limits.chat_interval - now)
            if chat_id < 0 and len(chat) >= self.limits.group_per_minute:
                wait = max(wait, chat[0] + 60.0 - now)
            if wait > 0:
                self.rate_limited += 1
                return max(1, math.ceil(wait))
            self._sent_global.append(now)
            chat.append(now)
        return None

    def _dispatch(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        fault = self._fault_for(method, params)
        if fault is not None:
            if fault.status == 429:
                self.rate_limited += 1
            return self._error(fault.status, fault.description, fault.retry_after)
        if method in SEND_METHODS and self.limits is not None and "chat_id" in params:
            wait = self._over_limit(int(params["chat_id"]))
            if wait is not None:
                return self._error(429, f"Too Many Requests: retry after {wait}", wait)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return self._error(404, "Not Found: method not found")
        return 200, {"ok": True, "result": handler(params)}

    # -- methods -----------------------------------------------------------------------

    def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Opvolger",
            "username": "opvolger_test_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _m_setMyCommands(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: N802
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                # an offset confirms (drops) every update before it
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    return list(self._updates)
                self._lock.wait(max(0.0, deadline - time.monotonic()))

    def _message(self, params: dict[str, Any], **extra: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Opvolger"},
            **extra,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[chat_id][message["message_id"]] = message
        return message

    def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return self._message(params, text=str(params.get("text", "")))

    def _m_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        document = params.get("document") or {}
        return self._message(
            params,
            document={
                "file_id": "f1",
                "file_unique_id": "u1",
                "file_name": document.get("filename", "file"),
                "file_size": document.get("size", 0),
            },
        )

    def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat_id = int(params["chat_id"])
        message_id = int(params["message_id"])
        message = dict(self.messages[chat_id].get(message_id) or {})
        message.update(
            {
                "message_id": message_id,
                "date": message.get("date", int(time.time())),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "text": str(params.get("text", "")),
                "edit_date": int(time.time()),
            }
        )
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        self.messages[chat_id][message_id] = message
        return message


# -- harness: the real Application against the fake server ----------------------------------


async def until(predicate: Any, timeout: float = 5.0, interval: float = 0.01) -> Any:
    """Await until `predicate()` is truthy (returns it); fail after `timeout` seconds."""
    import asyncio

    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the bot")
        await asyncio.sleep(interval)


class RunningBot:
    """``async with RunningBot(app):`` initialises, runs post_init, polls the fake server
    for updates and starts the application; stops it all on exit."""

    def __init__(self, application: Any) -> None:
        self.application = application

    async def __aenter__(self) -> Any:
        app = self.application
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        await app.updater.start_polling(poll_interval=0.0, timeout=1, bootstrap_retries=0)
        await app.start()
        return app

    async def __aexit__(self, *exc: Any) -> None:
        app = self.application
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
