"""Which addresses are internal (loopback, private, link-local...) and when a fetch may go to one: the
operator's own URLs anywhere, a link or a redirect only from an internal address itself (QA15c F3)."""

import pytest

from briefing.addresses import internal_kind, refused_address


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.20", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("100.64.0.1", "shared"),
        ("100.127.255.254", "shared"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.1.2.3", "reserved"),
        ("240.0.0.1", "reserved"),
        # an IPv4 address in IPv6 clothes is judged by the IPv4 one
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.1.1.1", "private"),
        ("2002:a9fe:a9fe::1", "link-local"),  # 6to4 of 169.254.169.254
    ],
)
def test_internal_addresses_are_told_by_kind(address, kind):
    assert internal_kind(address) == kind


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "a.test"],
)
def test_public_addresses_and_names_are_not_internal(address):
    assert internal_kind(address) is None


def test_a_link_from_a_public_origin_to_an_internal_address_is_refused():
    assert refused_address(["127.0.0.1"], trusted=False) == ("127.0.0.1", "loopback")
    assert refused_address(["169.254.169.254"], trusted=False) == ("169.254.169.254", "link-local")
    assert refused_address(["93.184.216.34"], trusted=False) is None


def test_one_internal_address_among_a_hosts_public_ones_is_enough_to_refuse():
    # a name resolving to a public and a private address may be connected to either
    assert refused_address(["93.184.216.34", "10.0.0.7"], trusted=False) == ("10.0.0.7", "private")


def test_the_operators_url_or_a_link_from_an_internal_origin_may_be_internal():
    assert refused_address(["127.0.0.1"], trusted=True) is None
    assert refused_address(["10.0.0.7", "169.254.169.254"], trusted=True) is None


def test_an_unresolved_host_is_not_judged():
    assert refused_address([], trusted=False) is None
