"""Private links: a random token is shown to its owner once; only its hash is stored."""

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token() -> tuple[str, str]:
    """Return (token, digest): give the token to the person, store the digest."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_digest(token)


def token_digest(token: str) -> str:
    # A 256-bit random token needs no salt or slow hash: it cannot be guessed from its digest.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
