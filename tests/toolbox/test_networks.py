"""Where a request comes from: networks and proxies."""

import pytest

from toolbox.networks import client_network, forwarded_client


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("192.0.2.123", "192.0.2.0/24"),
        ("10.1.2.3", "10.1.2.0/24"),
        ("2001:db8:abcd:1234:5678::1", "2001:db8:abcd::/48"),
        ("::ffff:192.0.2.99", "192.0.2.0/24"),
        ("not an address", ""),
        ("", ""),
    ],
)
def test_it_keeps_only_the_network_of_an_address(address, network):
    assert client_network(address) == network


def test_without_proxies_the_connecting_address_counts():
    assert forwarded_client("203.0.113.5", "198.51.100.1", 0) == "203.0.113.5"


def test_behind_one_proxy_the_last_forwarded_address_counts_not_what_the_reader_claims():
    # The reader sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the real address.
    assert forwarded_client("10.0.0.2", "1.1.1.1, 198.51.100.7", 1) == "198.51.100.7"


def test_a_missing_forwarded_header_falls_back_to_the_connecting_address():
    assert forwarded_client("10.0.0.2", "", 1) == "10.0.0.2"
