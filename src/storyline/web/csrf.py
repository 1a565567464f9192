"""Per-session CSRF tokens of the editing server: a random nonce signed with the server's
secret, set as a cookie and sent back in a header (double submit, checked in constant time)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request
from fastapi.responses import Response

__all__ = ["COOKIE", "HEADER", "new_token", "session_token", "set_token_cookie", "valid_token"]

COOKIE = "storyline_csrf"
HEADER = "x-csrf-token"


def new_token(secret: bytes) -> str:
    nonce = secrets.token_urlsafe(24)
    return f"{nonce}.{_sign(secret, nonce)}"


def _sign(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, nonce.encode(), hashlib.sha256).hexdigest()


def valid_token(secret: bytes, token: str | None) -> bool:
    nonce, _, signature = (token or "").partition(".")
    return bool(nonce) and hmac.compare_digest(_sign(secret, nonce), signature)


def session_token(request: Request) -> str | None:
    """The CSRF token of this browser (its cookie when valid, else a new one); None when the
    server does not accept edits."""
    if not request.app.state.editable:
        return None
    secret: bytes = request.app.state.csrf_secret
    token = request.cookies.get(COOKIE)
    return token if token and valid_token(secret, token) else new_token(secret)


def set_token_cookie(response: Response, token: str | None) -> None:
    if token:
        response.set_cookie(COOKIE, token, httponly=False, samesite="strict", path="/")
