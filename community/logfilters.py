import logging

from community.logformat import REDACTED_FLAG, redact


class RedactTokens(logging.Filter):
    """Private links carry their token in the path; no log message may hold one.

    Django's own loggers write the full path (e.g. "Internal Server Error: /…/<token>/"). This
    filter cleans the record's message, for every handler that sees the record after it;
    community.logformat.RedactingFormatter cleans the whole written line, traceback included.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        setattr(record, REDACTED_FLAG, True)
        return True
