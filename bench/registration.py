"""The registration benchmark: 500 people try to get one of 20 seats at the same moment.

Each person does what the double opt-in asks, through HTTP against the running server: open
the form, register (pseudonym, e-mail, consent), read the confirmation mail, open the link and
confirm. A seat is taken only at that confirmation (workshops.booking.do_confirm, under a row
lock on the session); a confirmed address without a free seat goes on the waiting list. So
"confirmed" below counts registrations with status CONFIRMED (holding a seat), "waiting"
those with status WAITING, both read from the database afterwards.

All 500 start together; at most IN_FLIGHT requests are open at any moment, because the ASGI
server runs each request's database work in its own thread with its own connection and
PostgreSQL (max_connections 100 here) is shared with other work. Each person comes from their
own address (X-Forwarded-For, as the proxy sets it): the form allows 10 attempts per client
an hour, which a crowd of different people never meets.
"""

import asyncio
import email
import re
import time
from pathlib import Path

from bench.client import Browser

PEOPLE = 500
IN_FLIGHT = 50
CONFIRM_LINK = re.compile(r"/bevestigen/([A-Za-z0-9_-]{20,})/")
SEPARATOR = "-" * 79
# The first error a form shows again (for the error count's kinds).
ERROR_TEXT = re.compile(r'class="[^"]*error[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]{3,120})')


class Mailbox:
    """The mails the bench server wrote to files: confirmation links by recipient."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.read = {}  # file name -> size when it was read
        self.links = {}

    def _scan(self):
        for path in sorted(self.folder.iterdir()):
            # A file is read again when it grew: the server may still have been writing it.
            size = path.stat().st_size
            if self.read.get(path.name) == size:
                continue
            self.read[path.name] = size
            for raw in path.read_text(errors="replace").split(SEPARATOR):
                if not raw.strip():
                    continue
                message = email.message_from_string(raw.strip())
                parts = [message] if not message.is_multipart() else list(message.walk())
                for part in parts:
                    payload = part.get_payload(decode=True)
                    if not payload:
                        continue
                    found = CONFIRM_LINK.search(payload.decode(errors="replace"))
                    if found:
                        self.links[message["To"].strip().lower()] = found.group(1)
                        break

    async def link_for(self, address, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if address in self.links:
                return self.links[address]
            self._scan()
            if address in self.links:
                return self.links[address]
            await asyncio.sleep(0.2)
        raise RuntimeError("no confirmation mail")


async def _person(http, base, page, session_id, number, mailbox, gate, outcome):
    browser = Browser(http, base, address=f"127.10.{number // 250}.{number % 250 + 1}")
    address = f"deelnemer-{number}@bench.kring.test"
    register = f"{page}aanmelden/{session_id}/"
    try:
        async with gate:
            token = await browser.form_token(register)
        async with gate:
            status, body, _headers = await browser.post(
                register,
                {
                    "csrfmiddlewaretoken": token,
                    # Not "Deelnemer 112": a name that looks like an emergency number
                    # is refused, as it should be.
                    "pseudonym": f"Deelnemer {number + 1000}",
                    "email": address,
                    "consent": "on",
                },
            )
        if status != 302:
            found = ERROR_TEXT.search(body.decode(errors="replace"))
            raise RuntimeError(f"register: {status} {found.group(1).strip() if found else ''}")
        link = f"{page}bevestigen/{await mailbox.link_for(address)}/"
        async with gate:
            token = await browser.form_token(link)
        async with gate:
            status, _body, _headers = await browser.post(link, {"csrfmiddlewaretoken": token})
        if status != 302:
            raise RuntimeError(f"confirm: {status}")
        outcome["done"] += 1
    except Exception as error:  # counted, not hidden
        outcome["errors"].append(repr(error)[:80])


async def _crowd(base, page, session_id, mail_dir):
    mailbox = Mailbox(mail_dir)
    gate = asyncio.Semaphore(IN_FLIGHT)
    outcome = {"done": 0, "errors": []}
    async with Browser.session(limit=IN_FLIGHT) as http:
        started = time.monotonic()
        await asyncio.gather(
            *(
                _person(http, base, page, session_id, n, mailbox, gate, outcome)
                for n in range(PEOPLE)
            )
        )
        return outcome, time.monotonic() - started


def run(stack, server, data):
    outcome, seconds = asyncio.run(
        _crowd(server.base, data["registration_page"], data["registration_session"], stack.mail_dir)
    )
    counts = dict(
        line.split("|")
        for line in stack.query(
            "SELECT status, count(*) FROM workshops_registration "
            f"WHERE session_id = {int(data['registration_session'])} GROUP BY status"
        ).splitlines()
        if line
    )
    return {
        "attempts": PEOPLE,
        "seats": data["seats"],
        "confirmed": int(counts.pop("confirmed", 0)),
        "waiting": int(counts.pop("waiting", 0)),
        "other": {status: int(count) for status, count in counts.items()},
        "errors": len(outcome["errors"]),
        "error_kinds": sorted(set(outcome["errors"]))[:5],
        "seconds": round(seconds, 1),
        "in_flight_at_most": IN_FLIGHT,
    }
