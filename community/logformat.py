"""No log line holds a client address, an e-mail address or a private token.

`redact()` masks them in any text; `RedactingFormatter` applies it to the final text of each
line — the message, the exception text and every chained traceback — whoever wrote it (Kring,
Django, uvicorn, daphne, a library). Kring's LOGGING and uvicorn's log config
(`site/deploy/uvicorn-log.json`) both write through it.

This module imports nothing from Django: uvicorn loads it before Django is set up.

What is masked:
- IPv4 addresses, and IPv6 addresses in any notation (compressed, with an IPv4 tail, in
  brackets, with a port appended as uvicorn writes `host:port`), as `[ip]`. The server's own
  listening address is masked too: one rule is easier to trust than a list of exceptions.
- e-mail addresses, also with `@` percent-encoded or in full width, as `[e-mail]`.
- private tokens, as `…`: any run of 16 or more token characters (letters and digits of any
  script, `_`, `-`, percent-escapes, and invisible format characters such as a zero-width space
  or a soft hyphen, which would otherwise split a run), unless the run reads like words: its
  pieces between `-` and `_` are each all digits, all lower case, all capitals or CamelCase
  words. Tokens are random (`secrets.token_urlsafe`), so they mix cases and digits within a
  piece; names in tracebacks and slugs in paths do not. A token is found by what it is, not by
  what surrounds it: punctuation, unicode look-alikes (read after NFKC normalisation) and
  percent-encoding around or inside it change nothing. Runs joined by single punctuation
  characters (`abc.def=ghi`) are judged together, so a token that a mail client broke inside
  leaves no piece behind.
"""

import ipaddress
import logging
import re
import unicodedata
from urllib.parse import unquote

IP_MASK = "[ip]"
EMAIL_MASK = "[e-mail]"
TOKEN_MASK = "…"  # noqa: S105 (what replaces a token, not one)
MIN_TOKEN_LENGTH = 16
# Set on a record whose message community.logfilters.RedactTokens has redacted.
REDACTED_FLAG = "kring_redacted"

# Invisible "format" characters (zero-width space and joiners, soft hyphen, word joiner, BOM,
# bidi marks) count as part of a run: inserting one must not split a token into short pieces.
_JOINING = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
# Look-alikes of `-` and `_` (NFKC turns the full-width ones into them) join runs as well.
_JOINING += "\u2010\u2011\ufe63\uff0d\u203f\u2040\u2054\ufe33\ufe34\ufe4d-\ufe4f\uff3f"
_RUN = re.compile(rf"[\w\-%{_JOINING}]{{{MIN_TOKEN_LENGTH},}}")

# Runs joined by single punctuation characters, as when a mail client wraps or breaks a link
# inside a token (`abc.def`, `abc=def`): judged together, so no piece of a token stays.
_CHAIN = re.compile(rf"[\w\-%{_JOINING}]+(?:[.,;:!?'\"()<>\[\]{{}}=+*~^|][\w\-%{_JOINING}]+)+")
_PIECE = re.compile(rf"[\w\-%{_JOINING}]+")
_EMAIL = re.compile(
    r"[\w.!#$%&*+=?^{|}~\-]+(?:@|%40|＠|﹫)[\w\-]+(?:\.[\w\-]+)+",
    re.IGNORECASE,
)
# Any group of hex digits, dots and at least two colons (IPv6, with an IPv4 tail or a port),
# checked with `ipaddress` below so that times such as 12:30:45 stay.
_IPV6_CANDIDATE = re.compile(
    r"(?<![0-9A-Fa-f:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?![\w:])"
)
_IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d])",
    re.ASCII,
)
_DOTTED_NUMBERS = re.compile(r"\d\.\d+\.\d")
_WORDY_PIECE = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
_CAMEL = re.compile(r"(?:[A-Z]{2,}(?=[A-Z][a-z]|$)|[A-Z]?[a-z]+)+")


def _is_ipv6(text: str) -> bool:
    for form in (text, text.rsplit(":", 1)[0]):
        form = form.strip("[]")
        groups = [g for g in form.split(":") if g]
        # Two groups at least (or an IPv4 tail): a slice such as `[::2]` in a traceback stays.
        if form.count(":") < 2 or (len(groups) < 2 and "." not in form):
            continue
        try:
            ipaddress.IPv6Address(form.split("%", 1)[0])
        except ValueError:
            continue
        return True
    return False


def _mask_ipv6(match: re.Match[str]) -> str:
    text = match.group(0)
    stripped = text.strip(".")
    if _is_ipv6(stripped):
        return text.replace(stripped, IP_MASK)
    return text


def _plain(run: str) -> str:
    """A run as a reader would see it: escapes decoded, invisible characters dropped, NFKC."""
    if "%" not in run and run.isascii():
        return run
    decoded = run
    for _ in range(3):  # doubly encoded links exist (redirect parameters)
        again = unquote(decoded)
        if again == decoded:
            break
        decoded = again
    decoded = "".join(c for c in decoded if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKC", decoded)


def _reads_like_words(plain: str) -> bool:
    for piece in re.split(r"[-_]+", plain):
        if not piece:
            continue
        if not _WORDY_PIECE.fullmatch(piece):
            return False
        if piece.isdigit() or piece.islower() or piece.isupper():
            continue
        if not _CAMEL.fullmatch(piece):
            return False
    return True


def is_token_like(run: str) -> bool:
    """Whether a run of token characters may be a private token (see the module docstring)."""
    plain = _plain(run)
    return len(plain) >= MIN_TOKEN_LENGTH and not _reads_like_words(plain)


def _mask_chain(match: re.Match[str]) -> str:
    chain = match.group(0)
    pieces = [_plain(piece) for piece in _PIECE.findall(chain)]
    if sum(map(len, pieces)) < MIN_TOKEN_LENGTH:
        return chain
    # Dotted names (`django.core.handlers`), file names and times read like words; a little
    # code in a traceback's source line (`hashlib.sha256(token`) has a short odd piece at most.
    odd = sum(len(piece) for piece in pieces if not _reads_like_words(piece))
    return TOKEN_MASK if odd >= MIN_TOKEN_LENGTH // 2 else chain


def _mask_token(match: re.Match[str]) -> str:
    run = match.group(0)
    return TOKEN_MASK if is_token_like(run) else run


def redact(text: str) -> str:
    """`text` with client addresses, e-mail addresses and private tokens masked."""
    # Cheap tests first: the access log writes a line per request.
    if "@" in text or "%40" in text or "＠" in text or "﹫" in text:
        text = _EMAIL.sub(EMAIL_MASK, text)
    # An IPv6 address has "::" or seven colons (eight with a port).
    if "::" in text or text.count(":") >= 7:
        text = _IPV6_CANDIDATE.sub(_mask_ipv6, text)
    if _DOTTED_NUMBERS.search(text):
        text = _IPV4.sub(IP_MASK, text)
    text = _CHAIN.sub(_mask_chain, text)
    return _RUN.sub(_mask_token, text)


class RedactingFormatter(logging.Formatter):
    """A Formatter whose every line, traceback and stack included, goes through `redact()`.

    It takes the usual `format`, `datefmt` and `style` arguments, so a dictConfig (Django's
    LOGGING, uvicorn's `--log-config`) can use it with `"()"`.
    """

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if getattr(record, REDACTED_FLAG, False) and not (
            record.exc_info or record.exc_text or record.stack_info
        ):
            # community.logfilters.RedactTokens already cleaned the message, and the rest of
            # the line (time, level, logger name) names nobody: the access log's common case.
            return text
        return redact(text)
