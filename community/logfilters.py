import logging

from community.middleware import redact_path


class RedactTokens(logging.Filter):
    """Private links carry their token in the path; no log line may hold one.

    Django's own loggers write the full path (e.g. "Internal Server Error: /…/<token>/").
    """

    def filter(self, record):
        message = record.getMessage()
        redacted = redact_path(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
