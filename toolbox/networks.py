"""Where a request comes from: the reader's address behind our proxies, and its network.

The address itself is only used in memory (flood limits, login throttling); what is kept
is the truncated network, and then only as a keyed hash (see toolbox.ratelimit).
"""

import ipaddress

from django.conf import settings


def client_network(address: str) -> str:
    """The network an address belongs to: IPv4 cut to /24, IPv6 to /48.

    Only this truncated form is ever kept: it is enough to tell floods apart and
    does not point at one person's connection. Unreadable input gives "".
    """
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def forwarded_client(remote_addr: str, forwarded_for: str, proxy_count: int) -> str:
    """The reader's address behind `proxy_count` trusted reverse proxies.

    Each proxy appends the address it received the request from, so the
    reader's address is the proxy_count-th entry from the right; anything left
    of it was sent by the reader and cannot be trusted.
    """
    if proxy_count <= 0:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < proxy_count:
        return remote_addr
    return hops[-proxy_count]


def request_address(request) -> str:
    """The reader's address, behind the configured number of proxies (REURING_PROXY_COUNT)."""
    return forwarded_client(
        request.META.get("REMOTE_ADDR", ""),
        request.headers.get("x-forwarded-for", ""),
        settings.REURING_PROXY_COUNT,
    )


def request_network(request) -> str:
    """The reader's network (see client_network), behind the configured proxies."""
    return client_network(request_address(request))
