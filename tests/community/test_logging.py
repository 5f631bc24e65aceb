"""No log line holds a client address, an e-mail address or a private token.

What an operator reads is the text the configured handler writes, traceback included, so these
tests read that text (the root logger's console handler, pointed at a buffer) and not only the
records' messages.
"""

import io
import ipaddress
import logging
import re
import secrets
import smtplib
import unicodedata
from urllib.parse import quote, unquote

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from community.logformat import RedactingFormatter
from community.mail import queue_mail

pytestmark = pytest.mark.django_db

ADDRESS = "jan.jansen@voorbeeld.nl"
IPV4 = "84.241.200.17"
IPV6 = "2a02:a46f:ff52:0:1234:5678:9abc:def0"
IPV4_PATTERN = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")
EMAIL_PATTERN = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+")


class RefusingBackend(BaseEmailBackend):
    """An SMTP server that refuses every recipient, as `smtplib` reports it."""

    def send_messages(self, messages):
        for message in messages:
            raise smtplib.SMTPRecipientsRefused(
                {
                    to: (550, f"5.1.1 <{to}>: Recipient address rejected".encode())
                    for to in message.to
                }
            )
        return 0


def ipv6_addresses(text):
    """Every IPv6 address in `text`, also with a port appended as uvicorn writes it.

    Forms with a single group (`::1`, `::ffff`, a slice such as `[::2]` in a traceback's source
    line) name no client and are left out.
    """
    found = []
    for candidate in re.findall(r"[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*", text):
        candidate = candidate.strip(".")
        candidate = candidate.strip(":") if not candidate.startswith("::") else candidate
        for form in (candidate, candidate.rsplit(":", 1)[0]):
            if len([g for g in form.split(":") if g]) < 2:
                continue
            try:
                ipaddress.IPv6Address(form)
            except ValueError:
                continue
            found.append(form)
            break
    return found


def assert_nothing_personal(text, *secrets_):
    """`text` holds no IPv4 or IPv6 address, no e-mail address and none of `secrets_`."""
    assert IPV4_PATTERN.findall(text) == []
    assert ipv6_addresses(text) == []
    assert EMAIL_PATTERN.findall(text) == []
    assert EMAIL_PATTERN.findall(unquote(text)) == []
    plain = unicodedata.normalize("NFKC", unquote(text))
    plain = "".join(c for c in plain if unicodedata.category(c) != "Cf")
    for secret in secrets_:
        assert secret not in plain


@pytest.fixture
def log_output():
    """What the project's configured log handlers write, as text."""
    root = logging.getLogger()
    buffer = io.StringIO()
    handlers = [
        h for h in root.handlers if type(h) is logging.StreamHandler and h.formatter is not None
    ]
    assert handlers, "the project's LOGGING gives the root logger a console handler"
    previous = [h.setStream(buffer) for h in handlers]
    try:
        yield buffer
    finally:
        for handler, stream in zip(handlers, previous, strict=True):
            handler.setStream(stream)


def new_token():
    return secrets.token_urlsafe(32)


def fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


TOKEN_FORMS = {
    "followed by a full stop": lambda t: f"{t}./",
    "followed by a parenthesis": lambda t: f"{t})",
    "followed by a comma and text": lambda t: f"{t},dank/",
    "after a zero-width space": lambda t: f"\u200b{t}/",
    "with a zero-width space inside": lambda t: f"{t[:10]}\u200b{t[10:]}/",
    "with a soft hyphen inside": lambda t: f"{t[:20]}\u00ad{t[20:]}/",
    "in full-width letters": lambda t: f"{fullwidth(t)}/",
    "quoted": lambda t: f"'{t}'/",
    "in angle brackets": lambda t: f"<{t}>",
    "percent-encoded twice": lambda t: quote(quote(t, safe=""), safe="") + "/",
    "broken by full stops": lambda t: f"{t[:14]}.{t[14:28]}.{t[28:]}/",
    "wrapped with = as quoted-printable": lambda t: f"{t[:15]}={t[15:30]}={t[30:]}/",
}


def assert_no_piece_of(token, text):
    """Not even a part of the token: no eight of its characters in a row, however written."""
    plain = unicodedata.normalize("NFKC", unquote(unquote(text)))
    plain = re.sub(r"[^\w-]", "", plain)
    pieces = [token[i : i + 8] for i in range(len(token) - 7)]
    assert [piece for piece in pieces if piece in plain] == []


@pytest.mark.parametrize("form", TOKEN_FORMS.values(), ids=TOKEN_FORMS.keys())
def test_a_private_token_is_not_in_the_access_log_however_it_is_punctuated(
    client, home_page, caplog, log_output, form
):
    token = new_token()
    with caplog.at_level(logging.INFO):
        response = client.get(
            "/bezorgd-om-je-buren/jouw-signaal/" + quote(form(token), safe="/"),
            HTTP_X_FORWARDED_FOR=IPV4,
        )

    assert response.status_code == 404
    access = [r.getMessage() for r in caplog.records if r.name == "kring.access"]
    assert len(access) == 1
    assert "/bezorgd-om-je-buren/jouw-signaal/" in access[0]
    assert_nothing_personal(access[0], token)
    assert "kring.access" in log_output.getvalue()
    assert_nothing_personal(log_output.getvalue(), token)
    assert_no_piece_of(token, access[0])
    assert_no_piece_of(token, log_output.getvalue())


def test_a_percent_encoded_token_in_any_log_line_is_redacted(log_output):
    token = new_token()
    encoded = "".join(f"%{b:02X}" for b in token.encode())

    logging.getLogger("kring.test").warning("link opened: /verhalen/mijn-verhaal/%s/", encoded)

    assert "link opened: /verhalen/mijn-verhaal/" in log_output.getvalue()
    assert_nothing_personal(log_output.getvalue(), token)


def test_a_traceback_with_addresses_and_tokens_in_its_exception_text_is_redacted(log_output):
    token = new_token()

    def connect():
        raise OSError(f"no route to {IPV6} for [{IPV6}]:443 from {IPV4}:0 (::ffff:{IPV4})")

    try:
        try:
            connect()
        except OSError as error:
            raise ValueError(f"refused {ADDRESS} on /jouw-signaal/{token}.") from error
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /jouw-signaal/")

    written = log_output.getvalue()
    assert "Traceback (most recent call last)" in written
    assert "The above exception was the direct cause of the following exception" in written
    assert "OSError" in written and "ValueError" in written
    assert_nothing_personal(written, token)


def test_ordinary_log_text_keeps_its_words_and_times(log_output):
    logging.getLogger("kring.test").warning(
        "AnonymousPageCacheMiddleware convert_exception_to_response 12:30:45 "
        "/evenementen/9-december/samen-staan-we-sterker-panel-2/ "
        "django.core.handlers.exception.convert_exception_to_response "
        "community.middleware.BadHostMiddleware settings.KRING_LIVE_CONNECTIONS_PER_CLIENT "
        "0001_initial.py exc_info[1] 24.4ms "
        'return hashlib.sha256(token.encode("utf-8")).hexdigest()'
    )

    written = log_output.getvalue()
    assert "AnonymousPageCacheMiddleware convert_exception_to_response 12:30:45" in written
    assert "/evenementen/9-december/samen-staan-we-sterker-panel-2/" in written
    assert "django.core.handlers.exception.convert_exception_to_response" in written
    assert "community.middleware.BadHostMiddleware" in written
    assert "KRING_LIVE_CONNECTIONS_PER_CLIENT 0001_initial.py exc_info[1] 24.4ms" in written
    assert 'hashlib.sha256(token.encode("utf-8")).hexdigest()' in written


@pytest.mark.parametrize("host", ["kwaad.example", IPV4, f"[{IPV6}]", ADDRESS])
def test_a_bad_host_header_is_answered_400_without_a_traceback(
    client, home_page, caplog, log_output, host
):
    with caplog.at_level(logging.INFO):
        response = client.get("/", HTTP_HOST=host)

    assert response.status_code == 400
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING] == []
    assert "Traceback" not in log_output.getvalue()
    assert host not in log_output.getvalue()
    assert_nothing_personal(log_output.getvalue())


def _member(email):
    user = get_user_model().objects.create_user(
        username="lid-refused", email=email, password="een-lang-wachtwoord-2026", pseudonym="Lid"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@override_settings(EMAIL_BACKEND="tests.community.test_logging.RefusingBackend")
def test_a_password_reset_to_a_refused_address_shows_the_normal_page_and_logs_no_address(
    client, home_page, caplog, log_output
):
    _member(ADDRESS)

    with caplog.at_level(logging.INFO):
        response = client.post("/accounts/password/reset/", {"email": ADDRESS})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert any(r.levelno >= logging.WARNING for r in caplog.records), "the failure is logged"
    assert_nothing_personal(caplog.text)
    assert_nothing_personal(log_output.getvalue())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(
    EMAIL_BACKEND="tests.community.test_logging.RefusingBackend",
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_a_refused_queued_mail_is_logged_without_the_address_and_not_kept(
    home_page, caplog, log_output
):
    queue_mail("moderation/mail/hidden", ADDRESS, {"title": "Mijn verhaal"})

    with caplog.at_level(logging.INFO):
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    assert any(r.levelno >= logging.WARNING for r in caplog.records), "the failure is logged"
    assert_nothing_personal(caplog.text)
    assert_nothing_personal(log_output.getvalue())
    assert [r for r in DBTaskResult.objects.all() if ADDRESS in repr(r.__dict__)] == []


LOGGERS = [
    "django.request",
    "django.server",
    "django.security.DisallowedHost",
    "django.channels.server",
    "uvicorn.error",
    "uvicorn.access",
    "daphne.server",
    "daphne.access",
    "a.library.kring.does.not.configure",
]


@pytest.mark.parametrize("debug", [False, True], ids=["production", "development"])
@pytest.mark.parametrize("name", LOGGERS)
def test_no_logger_writes_past_the_redaction(settings, capfd, log_output, name, debug):
    settings.DEBUG = debug
    token = new_token()
    try:
        raise OSError(f"{IPV4} {IPV6} {ADDRESS} /jouw-signaal/{token}/")
    except OSError:
        logging.getLogger(name).exception("failed for %s at /jouw-signaal/%s/", ADDRESS, token)

    out, err = capfd.readouterr()
    assert_nothing_personal(out + err + log_output.getvalue(), token)
    # What the captured output cannot show (a handler may hold a stream pytest swapped out):
    # every handler a record of this logger reaches writes through the redacting formatter.
    reached = handlers_reached(logging.getLogger(name), logging.ERROR)
    assert reached, "no handler: logging's last resort would write the line unformatted"
    for handler in reached:
        assert isinstance(handler, logging.NullHandler) or isinstance(
            handler.formatter, RedactingFormatter
        ), handler


def handlers_reached(logger, level):
    """The handlers that `Logger.callHandlers` would call, but for pytest's own."""
    reached = []
    while logger is not None:
        reached += [
            h
            for h in logger.handlers
            if level >= h.level and not type(h).__module__.startswith("_pytest")
        ]
        if not logger.propagate:
            break
        logger = logger.parent
    return reached


@pytest.mark.parametrize(
    "path, marker",
    [
        ("site/deploy/kring-web.service", "ExecStart="),
        ("Makefile", "/uvicorn "),
        ("README.md", "uvicorn config.asgi:application"),
    ],
)
def test_every_documented_uvicorn_command_uses_the_log_config_and_a_small_frame_limit(path, marker):
    """`make run`, the deploy unit and the README start uvicorn the same way as the test does."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / path).read_text()
    start = text.index(marker)
    command = " ".join(text[start : text.index("--lifespan off", start)].split("\\\n"))
    assert "--log-config site/deploy/uvicorn-log.json" in command
    assert "--ws-max-size 16384" in command
    assert "--no-access-log" in command
    # A busy worker is not a dead one, and pings cost at 10,000 sockets (README, issue 19).
    assert "--timeout-worker-healthcheck 30" in command
    assert "--ws-ping-interval 60" in command
    # No zlib compressor per socket (README; bench/README.md, "Compression, decided").
    assert "--ws-per-message-deflate false" in command
    # uvicorn's websocket protocol without tasks of its own per socket (README, issue 19).
    assert "--ws websockets-sansio" in command
