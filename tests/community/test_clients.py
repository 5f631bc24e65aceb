"""How Kring recognises a returning client, tried as someone who wants to pass for many."""

import pytest
from django.test import RequestFactory

from community.clients import client_address, client_key, network

pytestmark = pytest.mark.smoke


def request_from(address, **meta):
    return RequestFactory().get("/", REMOTE_ADDR=address, **meta)


def test_an_ipv4_mapped_ipv6_address_is_the_same_client_as_its_ipv4_address():
    plain = client_key(request_from("192.0.2.10"), "test")
    mapped = client_key(request_from("::ffff:192.0.2.10"), "test")

    assert mapped == plain


def test_ipv4_mapped_addresses_of_different_ipv4_hosts_are_different_clients():
    first = client_key(request_from("::ffff:192.0.2.10"), "test")
    second = client_key(request_from("::ffff:198.51.100.20"), "test")

    assert first != second


def test_hosts_within_one_ipv6_64_are_one_client():
    keys = {client_key(request_from(f"2001:db8:1:2::{n:x}"), "test") for n in range(1, 50)}

    assert len(keys) == 1


def test_a_tool_can_count_a_whole_ipv6_48_as_one_client():
    # A home connection commonly gets a /56 or a /48: 256 to 65,536 /64s to hop between.
    keys = {
        client_key(request_from(f"2001:db8:7:{n:x}::1"), "test", v6_prefix=48) for n in range(100)
    }

    assert len(keys) == 1


def test_ipv4_addresses_are_not_grouped():
    assert network("192.0.2.10") != network("192.0.2.11")


def test_network_groups_ipv6_by_the_prefix_asked_for():
    assert network("2001:db8:7:1::1", v6_prefix=48) == network("2001:db8:7:ff::9", v6_prefix=48)
    assert network("2001:db8:7:1::1") != network("2001:db8:7:ff::9")


def test_keys_differ_per_purpose():
    request = request_from("192.0.2.10")

    assert client_key(request, "one") != client_key(request, "two")


def test_the_proxy_header_is_read_from_the_right_where_the_proxy_wrote(settings):
    # The leftmost entries come from the client; only the last one was added by the proxy.
    settings.KRING_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    honest = request_from("127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    spoofed = [
        request_from("127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7")
        for n in range(1, 20)
    ]

    assert client_address(honest) == "198.51.100.7"
    assert {client_key(r, "test") for r in spoofed} == {client_key(honest, "test")}


def test_without_a_configured_header_a_forwarded_header_is_ignored(settings):
    settings.KRING_CLIENT_IP_HEADER = ""
    request = request_from("192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.1")

    assert client_address(request) == "192.0.2.10"


def test_an_address_that_is_not_an_address_does_not_break_the_key():
    assert client_key(request_from("not-an-address"), "test")
    assert client_key(request_from(""), "test")
