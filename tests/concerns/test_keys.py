"""The key: HMAC-SHA256 under KRING_ADDRESS_KEY, nothing else."""

import hashlib
import hmac

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured

from concerns.addresses import Address, address_key

ADDRESS = Address(postcode="3511AB", number=12, addition="A")


def test_key_is_an_hmac_of_the_normalised_address_under_the_address_key(settings):
    settings.KRING_ADDRESS_KEY = "a-key-only-for-this-test"

    expected = hmac.new(
        b"a-key-only-for-this-test", b"nl-address-v1|3511AB|12|A", hashlib.sha256
    ).hexdigest()
    assert address_key(ADDRESS) == expected


def test_key_changes_with_the_address_key_and_not_with_secret_key(settings):
    first = address_key(ADDRESS)
    settings.SECRET_KEY = "another-secret-key-entirely"
    assert address_key(ADDRESS) == first

    settings.KRING_ADDRESS_KEY = "another-address-key"
    assert address_key(ADDRESS) != first


def test_key_is_not_a_plain_hash_anyone_could_recompute():
    plain = hashlib.sha256(b"nl-address-v1|3511AB|12|A").hexdigest()

    assert address_key(ADDRESS) != plain


def test_an_address_never_shows_itself_in_a_log_line_or_traceback():
    assert "3511" not in repr(ADDRESS)
    assert "3511" not in str(ADDRESS)
    assert "3511" not in f"{ADDRESS!r} {ADDRESS}"


def test_tool_refuses_to_key_without_an_address_key(settings):
    settings.KRING_ADDRESS_KEY = ""

    with pytest.raises(ImproperlyConfigured):
        address_key(ADDRESS)


def test_system_check_fails_without_an_address_key_or_with_secret_key_reused(settings):
    settings.KRING_ADDRESS_KEY = ""
    assert "concerns.E001" in [error.id for error in run_checks()]

    settings.KRING_ADDRESS_KEY = settings.SECRET_KEY
    assert "concerns.E002" in [error.id for error in run_checks()]
