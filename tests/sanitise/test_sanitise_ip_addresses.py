"""IPv4 and IPv6 addresses (Presidio's patterns, checked with the ipaddress module)."""

import pytest

from csphub.sanitise import find_personal_data


def ips(text):
    return [s.text for s in find_personal_data(text) if s.type == "IP_ADDRESS"]


@pytest.mark.parametrize(
    "address", ["192.168.0.1", "81.2.69.160", "2001:db8::1", "fe80::1ff:fe23:4567:890a"]
)
def test_an_ip_address_is_found(address):
    assert ips(f"The login came from {address} yesterday.") == [address]


@pytest.mark.parametrize(
    "text", ["Version 1.2.3 was installed.", "At 21:30:00 he left.", "999.1.1.1 is not valid."]
)
def test_versions_times_and_impossible_addresses_are_not_ip_addresses(text):
    assert ips(text) == []


def test_a_port_is_not_part_of_the_address_and_firmware_versions_are_not_addresses():
    assert ips("Seen from 86.142.17.203:51234 after firmware 1.0.8.2 was installed.") == [
        "86.142.17.203"
    ]
