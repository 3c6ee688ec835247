"""A small LanguageTool HTTP server for the tests (http.server in a thread).

It implements the parts of LanguageTool's HTTP API that language-tool-python uses:

* ``GET /v2/languages`` -> ``[{"name", "code", "longCode"}, ...]``
* ``POST /v2/check`` (form fields ``text``, ``language``, optional ``disabledRules``...) ->
  ``{"software": {...}, "warnings": {...}, "language": {...}, "matches": [match, ...]}``
  where each match has ``message``, ``shortMessage``, ``replacements`` (``[{"value"}]``),
  ``offset``/``length`` and ``context`` (``{"text", "offset", "length"}``) in **UTF-16 code
  units** as Java counts them, ``sentence``, ``type`` and ``rule`` (``id``, ``description``,
  ``issueType``, ``category`` ``{"id", "name"}``).

Its "rules" find fixed phrases (:data:`RULES`); every request is recorded in
:attr:`FakeLanguageTool.requests`. ``mode`` switches failures on: ``"500"`` answers HTTP 500
with a plain-text body like LanguageTool's, ``"slow"`` answers /v2/check after ``delay``
seconds, ``"garbage"`` answers 200 with JSON that has no ``matches``.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

LANGUAGES = [
    {"name": "Arabic", "code": "ar", "longCode": "ar"},
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
]


@dataclass(frozen=True)
class FakeRule:
    """A phrase the server reports, with LanguageTool's rule fields."""

    phrase: str
    rule_id: str
    category: str
    category_name: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    language: str


RULES = (
    FakeRule("He go", "HE_VERB_AGR", "GRAMMAR", "Grammar", "grammar",
             "The pronoun 'He' is usually used with a third-person or a past tense verb.", ("He goes", "He went"), "en"),
    FakeRule("goverment", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible Typo", "misspelling",
             "Possible spelling mistake found.", ("government", "governments"), "en"),
    FakeRule("  ", "WHITESPACE_RULE", "TYPOGRAPHY", "Typography", "whitespace",
             "Possible typo: you repeated a whitespace", (" ",), "en"),
    FakeRule("هذه الكتاب", "AR_DEMONSTRATIVE_AGREEMENT", "GRAMMAR", "قواعد", "grammar",
             "اسم الإشارة لا يطابق المشار إليه", ("هذا الكتاب",), "ar"),
    FakeRule("الى", "ARABIC_HOMOPHONES", "TYPOS", "أخطاء إملائية", "misspelling",
             "هل تقصد «إلى»؟", ("إلى",), "ar"),
)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what LanguageTool's offsets count)."""
    return len(text.encode("utf-16-le")) // 2


def find_matches(text: str, language: str, disabled: set[str]) -> list[dict[str, Any]]:
    """LanguageTool-shaped matches of :data:`RULES` in ``text`` (UTF-16 offsets)."""
    out = []
    lang = language.split("-")[0]
    for rule in RULES:
        if rule.language != lang or rule.rule_id in disabled:
            continue
        start = text.find(rule.phrase)
        while start >= 0:
            end = start + len(rule.phrase)
            c0, c1 = max(0, start - 40), min(len(text), end + 40)
            out.append({
                "message": rule.message,
                "shortMessage": "",
                "replacements": [{"value": r} for r in rule.replacements],
                "offset": utf16_len(text[:start]),
                "length": utf16_len(text[start:end]),
                "context": {"text": text[c0:c1].replace("\n", " "), "offset": utf16_len(text[c0:start]),
                            "length": utf16_len(text[start:end])},
                "sentence": text[c0:c1].strip(),
                "type": {"typeName": "Other"},
                "rule": {"id": rule.rule_id, "description": rule.message, "issueType": rule.issue_type,
                         "category": {"id": rule.category, "name": rule.category_name}},
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            })
            start = text.find(rule.phrase, end)
    out.sort(key=lambda m: m["offset"])
    return out


@dataclass
class FakeLanguageTool:
    """The running server: ``url`` is ``http://127.0.0.1:PORT``; ``requests`` holds each
    ``/v2/check`` request's form fields (``{"text": ..., "language": ...}``)."""

    mode: str = "ok"
    delay: float = 3.0
    languages: list[dict[str, str]] = field(default_factory=lambda: list(LANGUAGES))
    requests: list[dict[str, str]] = field(default_factory=list)
    language_requests: int = 0
    url: str = ""
    _server: ThreadingHTTPServer | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> FakeLanguageTool:
        """Listen on 127.0.0.1 (a free port) in a daemon thread."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:  # keep the test output clean
                pass

            def _send(self, status: int, body: bytes, ctype: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _json(self, data: Any) -> None:
                self._send(200, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                path = urlparse(self.path).path
                if path == "/v2/languages":
                    fake.language_requests += 1
                    self._json(fake.languages)
                elif path == "/v2/healthcheck":
                    self._send(200, b"OK", "text/plain")
                else:
                    self._send(404, b"Error: unknown path", "text/plain")

            def do_POST(self) -> None:  # noqa: N802
                if urlparse(self.path).path != "/v2/check":
                    self._send(404, b"Error: unknown path", "text/plain")
                    return
                size = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(size).decode("utf-8"), keep_blank_values=True).items()}
                fake.requests.append(form)
                if fake.mode == "500":
                    self._send(500, b"Error: Internal Server Error: java.lang.RuntimeException: test failure",
                               "text/plain; charset=utf-8")
                    return
                if fake.mode == "slow" and fake._stop.wait(fake.delay):
                    return
                if fake.mode == "garbage":
                    self._json({"status": "ok"})
                    return
                disabled = set(filter(None, form.get("disabledRules", "").split(",")))
                language = form.get("language", "")
                self._json({
                    "software": {"name": "LanguageTool", "version": "6.5", "buildDate": "2024-09-27",
                                 "apiVersion": 1, "premium": False, "status": ""},
                    "warnings": {"incompleteResults": False},
                    "language": {"name": language, "code": language,
                                 "detectedLanguage": {"name": language, "code": language, "confidence": 0.99}},
                    "matches": find_matches(form.get("text", ""), language, disabled),
                })

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self._server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, name="fake-languagetool", daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving (and wake any slow handler)."""
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
