"""Every tunable of the live rooms: sizes, limits, intervals, close codes.

The constants are read as `conf.NAME` where they are used, so a test can override them; the
functions read Django settings (KRING_LIVE_*) on every call.
"""

from django.conf import settings

# A frame larger than this is refused before it is parsed (the longest valid message, a chat
# message of 500 characters that all need escaping, stays well below it).
MAX_FRAME_BYTES = 4096
MAX_CHAT_LENGTH = 500
MAX_QUESTION_LENGTH = 300
MAX_STATEMENT_LENGTH = 300

# The slow-mode intervals a moderator can choose, in seconds (0 is off).
SLOW_MODE_CHOICES = (0, 10, 30, 60, 120)

# What a client gets on connect: the last messages, or what it missed up to this many.
HISTORY_ON_CONNECT = 50
MISSED_AT_MOST = 200
# Questions shown: the most up-voted open ones and the latest answered ones. Moderators get
# the oldest waiting questions and held messages (the admin's queue has them all).
OPEN_QUESTIONS_SHOWN = 100
ANSWERED_QUESTIONS_SHOWN = 50
WAITING_SHOWN_TO_MODERATORS = 100
# Questions one participant may have waiting for approval at a time: enough for a real
# question and a follow-up, too few to bury other people's.
WAITING_QUESTIONS_PER_PARTICIPANT = 3

# Every connection has a bucket of tokens: each message takes one, they refill over time.
BUCKET_SIZE = 8
REFILL_PER_SECOND = 1.0
# In slow mode the bucket refills at this rate instead (moderators are never slowed down).
SLOW_REFILL_PER_SECOND = 0.2

# Guests who choose a pseudonym, per client per hour: enough to fix a typo, too few to
# come back under a new name again and again after a mute.
JOINS_PER_CLIENT_PER_HOUR = 6

# Closing a websocket: the codes the client reads (room.js) ------------------------------------

# A client that keeps sending after being told to slow down is cut off (it may reconnect).
CLOSE_FLOODING = 4008
# A client so far behind that its events piled up is cut off; it reconnects with ?last=.
CLOSE_TOO_SLOW = 4009
# How long a closing connection waits for room in its socket's buffer and then for the
# server's disconnect: a client that stopped reading gives neither, and until the connection
# ends it stays counted (live.ws.transport).
CLOSE_WAIT_SECONDS = 5
CLOSE_NO_ROOM = 4404
# Logged out, or the account changed so that the connection no longer speaks for it.
CLOSE_SIGNED_OUT = 4401
# Too many connections or reconnects from one client, or too many tabs under one name.
CLOSE_TOO_MANY = 4429
# Refused messages (rate limits) in a row before a connection is closed with CLOSE_FLOODING.
REFUSALS_BEFORE_CLOSE = 20

# Limits per person and per client, over all their connections (live.ws.limits) -------------

# Tabs one person may have open in one room; more are refused.
CONNECTIONS_PER_PARTICIPANT = 5
# Messages one participant may send in MESSAGE_WINDOW seconds, over all their tabs together.
MESSAGES_PER_PARTICIPANT = 30
MESSAGE_WINDOW = 10
# After a connection was cut off for flooding, its client may not connect for this long.
COOL_DOWN_SECONDS = 60
# Attempts at a badge code: per client (network) and per participant, per hour. A real code is
# typed once or twice; 60 bits cannot be guessed at this pace (live.services.roles).
CODE_ATTEMPTS_PER_HOUR = 5

# Who a connection speaks for (live.ws.identity) ----------------------------------------------

# A moderator's connection checks its staff session this often, for the idle limit.
CHECK_MODERATOR_SECONDS = 60

# Fan-out and coalescing (live.ws.fanout, live.ws.coalesce) -----------------------------------

# Events waiting for one connection; a client that falls this far behind is closed, so it
# reconnects and gets what it missed from the history (the Redis layer held 1,500 per channel).
INBOX_CAPACITY = 1_500
# A group membership in the Redis layer expires after a day (channels_redis' group_expiry);
# the process renews its memberships well before that.
RENEW_SECONDS = 60 * 60
# channels_redis waits for a message with a blocking pop of `brpop_timeout` (5) seconds, and
# redis-py 8 stops reading a reply after its socket timeout, 5 seconds too by default: on an
# idle channel the two raced, the read failed with redis.exceptions.TimeoutError (logged, then
# a second's pause in the reader, during which events waited in Redis), and a message the
# server popped just as the client gave up was lost. The hub's pops end well before that.
POP_SECONDS = 2
# How long a coalescing key may outlive a process that died before its broadcast.
GUARD_SECONDS = 5


def tally_interval() -> float:
    """Seconds between two broadcasts of a statement's results (and of up-vote counts)."""
    return float(getattr(settings, "KRING_LIVE_TALLY_INTERVAL", 0.3))


def presence_interval() -> float:
    """Seconds between two broadcasts of the participant count."""
    return float(getattr(settings, "KRING_LIVE_PRESENCE_INTERVAL", 1.0))


def retention_days() -> int:
    """Days after a room closes before its chat, questions and individual votes are deleted."""
    return int(getattr(settings, "KRING_LIVE_RETENTION_DAYS", 30))


def idle_close_days() -> int:
    """Days without a message or question after which the daily purge closes an open room."""
    return int(getattr(settings, "KRING_LIVE_IDLE_CLOSE_DAYS", 2))


def heartbeat_seconds() -> float:
    """Seconds between two checks that this process's fan-out still receives its rooms."""
    return float(getattr(settings, "KRING_LIVE_HEARTBEAT_SECONDS", 1.0))


def heartbeat_timeout() -> float:
    """Seconds without an answer to those checks after which the channel layer counts as lost.

    Its rooms are then joined again and their connections resync (live.ws.fanout.Hub).
    """
    return float(getattr(settings, "KRING_LIVE_HEARTBEAT_TIMEOUT", 5.0))


def connections_per_client() -> int:
    """Open live-room sockets one network address may hold at once.

    Enough for a household, a class or a shelter's office behind one address; far too few for
    one machine to hold a room's worth of sockets (it was 500).
    """
    return int(getattr(settings, "KRING_LIVE_CONNECTIONS_PER_CLIENT", 100))


def connects_per_client_per_minute() -> int:
    """New live-room sockets one network address may open per minute.

    Well above the socket limit: everyone behind one address reconnects at once when the rooms
    resync after a Redis restart (live.ws.fanout), perhaps twice in a minute; a reconnect loop
    still gets five a second at most.
    """
    return int(getattr(settings, "KRING_LIVE_CONNECTS_PER_CLIENT_PER_MINUTE", 300))
