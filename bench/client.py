"""A small browser for the benchmarks: one person's cookies, forms and CSRF token over aiohttp.

The bench server stands where the reverse proxy would hand requests to Kring, so every
request carries what the proxy adds (`X-Forwarded-Proto: https` and the person's address in
`X-Forwarded-For`, which uvicorn trusts from 127.0.0.1 only, as in production). Cookies are
kept by hand: production marks them Secure, and a cookie jar would not send them back over
the plain HTTP of 127.0.0.1, while the proxy's upstream connection does.
"""

import re
from http.cookies import SimpleCookie

import aiohttp

CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    def __init__(self, http, base, address="127.0.0.1"):
        self.http, self.base, self.address = http, base, address
        self.cookies = {}

    @staticmethod
    def session(limit=100):
        """The shared aiohttp session the browsers of one benchmark use."""
        return aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=limit, force_close=False),
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(total=60),
        )

    @property
    def origin(self):
        return "https://" + self.base.split("://", 1)[1]

    def headers(self, extra=None):
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers.update(extra or {})
        return headers

    def _keep(self, response):
        for header in response.headers.getall("Set-Cookie", []):
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    async def get(self, path):
        """GET `path`; returns (status, body, headers)."""
        async with self.http.get(
            self.base + path, headers=self.headers(), allow_redirects=False
        ) as response:
            body = await response.read()
            self._keep(response)
            return response.status, body, response.headers

    async def post(self, path, data):
        """POST a form as a browser on this site would (Origin, CSRF token in `data`)."""
        headers = self.headers({"Origin": self.origin})
        async with self.http.post(
            self.base + path, data=data, headers=headers, allow_redirects=False
        ) as response:
            body = await response.read()
            self._keep(response)
            return response.status, body, response.headers

    async def form_token(self, path):
        """Open the page with the form and return its CSRF token."""
        status, body, _headers = await self.get(path)
        match = CSRF_FIELD.search(body)
        if status != 200 or not match:
            raise RuntimeError(f"GET {path}: {status}, no form")
        return match.group(1).decode()

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())
