"""The shared settings with a default; read on every use so tests and deployments can change
them. Settings every deployment sets (the quick exit, the help numbers) are read from
`django.conf.settings` where they are used."""

from django.conf import settings


def client_ip_header() -> str:
    """The `request.META` key of the header in which the reverse proxy passes the client's
    address (e.g. `HTTP_X_REAL_IP`); empty: the socket's peer address is the client's."""
    return str(getattr(settings, "KRING_CLIENT_IP_HEADER", ""))
