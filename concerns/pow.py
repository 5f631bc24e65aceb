"""Anti-automation without third parties: an ALTCHA proof-of-work challenge.

The server issues a challenge with the `altcha` library (v2 format, algorithm
"PBKDF2/SHA-256", cost = iterations): the browser must find the counter `n` for which
PBKDF2-SHA-256(password = nonce || uint32_be(n), salt, iterations) starts with the signed key
prefix. The server picks `n` itself (altcha's deterministic mode) between a tenth of
KRING_CONCERN_POW_MAX_NUMBER and all of it, so the browser always works through n tries of
`cost` iterations: bounded for one person, and with the defaults (5,000 iterations, 50 to 500
tries) 0.25-2.5 million PBKDF2 rounds per probe, 1.4 million on average, which adds up for
thousands of probes.
The server checks a solution with one HMAC (the signed key), never re-deriving it. Our own
module (concerns/static/concerns/pow.js, with pow-worker.js) solves it with crypto.subtle in a
Web Worker and shows its progress; nothing is loaded from elsewhere. Solve times measured in
Chromium are in bench/README.md. Each solved challenge is accepted once.

Without JavaScript there is no proof-of-work. Such a visitor can still signal, but under a
stricter limit (see signals_service): one address a day per client and a small site-wide
budget per hour. When that budget is used up, nothing is stored and no band is shown, but the
visitor still gets all the Veilig Thuis signposting. This keeps the tool usable without
JavaScript while the cheap path cannot be used to probe or flood addresses.
"""

import base64
import binascii
import json
import secrets
import time
from typing import Any

import altcha
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from concerns import conf

ALGORITHM = "PBKDF2/SHA-256"
PURPOSE = "kring-concerns"


def _secret(name: str) -> str:
    # Derived from SECRET_KEY for this use only; KRING_ADDRESS_KEY keys addresses and nothing else.
    return salted_hmac("concerns.pow", name, algorithm="sha256").hexdigest()


def new_challenge(*, counter: int | None = None) -> dict[str, Any]:
    """A signed challenge as a JSON-serialisable dict, for the browser to solve.

    `counter` fixes the answer (for measuring the worst case); by default it is drawn.
    """
    max_number = conf.pow_max_number()
    if counter is None:
        # At least a tenth of the maximum: no challenge is free.
        counter = max_number // 10 + secrets.randbelow(max_number - max_number // 10 + 1)
    challenge = altcha.create_challenge(
        ALGORITHM,
        conf.pow_cost(),
        counter=counter,
        expires_at=int(time.time()) + conf.pow_ttl(),
        data={"purpose": PURPOSE, "max": max_number},
        hmac_secret=_secret("challenge"),
        hmac_key_secret=_secret("key"),
    )
    return challenge.to_dict()


def _decode(payload: str) -> altcha.Payload | None:
    try:
        data = json.loads(base64.b64decode(payload, validate=True).decode())
        return altcha.Payload.from_dict(data)
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error, RecursionError):
        return None


def verify(payload: str) -> bool:
    """True once for a correctly solved, unexpired challenge of ours; False otherwise."""
    if not payload or len(payload) > 4000:
        return False
    decoded = _decode(payload)
    if decoded is None:
        return False
    params = decoded.challenge.parameters
    if params.algorithm != ALGORITHM or (params.data or {}).get("purpose") != PURPOSE:
        return False
    try:
        result = altcha.verify_solution(
            decoded, _secret("challenge"), hmac_key_secret=_secret("key")
        )
    except (ValueError, TypeError):
        return False
    if not result.verified:
        return False
    # A solution is good for one submission: remember it until its challenge expires anyway.
    remaining = max(int(params.expires_at or 0) - int(time.time()), 1)
    return cache.add(f"concerns:pow-spent:{params.nonce}", 1, remaining + 60)


def solve(challenge: dict[str, Any]) -> str:
    """Solve a challenge dict the way the browser does (for tests and benchmarks)."""
    parsed = altcha.Challenge.from_dict(challenge)
    solution = altcha.solve_challenge(parsed)
    if solution is None:
        raise ValueError("not solved in time")
    return altcha.Payload(parsed, solution).to_base64()
