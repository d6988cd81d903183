"""Share links for an article: plain addresses, no script from any network.

Each network's address pattern lives here, not in the database, so staff choose which
networks appear (SiteDetails.share_networks) but cannot enter an address that runs code.
Nothing is sent to a network until the reader clicks its link.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Network:
    key: str
    label: object  # str or a lazy translation
    pattern: str  # {url} and {title} are filled in percent-encoded.


NETWORKS = (
    Network("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    Network("x", "X", "https://x.com/intent/post?url={url}&text={title}"),
    Network("bluesky", "Bluesky", "https://bsky.app/intent/compose?text={title}%20{url}"),
    Network("whatsapp", "WhatsApp", "https://wa.me/?text={title}%20{url}"),
    Network("email", _("E-mail"), "mailto:?subject={title}&body={url}"),
    Network("copy", _("Copy link"), "{raw_url}"),
)
BY_KEY = {network.key: network for network in NETWORKS}
DEFAULT_KEYS = [network.key for network in NETWORKS]


@dataclass(frozen=True)
class ShareLink:
    key: str
    label: object
    href: str


def share_links(url: str, title: str, keys: list[str]) -> list[ShareLink]:
    """The links for `keys` (in the site's order) to share `url` with `title`."""
    encoded_url, encoded_title = quote(url, safe=""), quote(title, safe="")
    return [
        ShareLink(
            network.key,
            network.label,
            network.pattern.format(url=encoded_url, title=encoded_title, raw_url=url),
        )
        for network in NETWORKS
        if network.key in keys
    ]
