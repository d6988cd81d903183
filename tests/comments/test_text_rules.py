"""The plain text rules: networks, proxies, word matching, line endings, links."""

import pytest

from comments.rendering import comment_html, link_count
from comments.text import client_network, find_word, forwarded_client, normalise_newlines


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


def test_words_match_whole_words_regardless_of_capitals():
    assert find_word("Win geld in het CASINO!", ["casino"]) == "casino"
    assert find_word("casinospel", ["casino"]) == ""
    assert find_word("gratis geld hier", ["gratis geld"]) == "gratis geld"
    assert find_word("niets aan de hand", ["casino", "  "]) == ""


def test_windows_and_old_mac_line_endings_become_one_line_break():
    assert normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_comment_html_escapes_everything_the_reader_typed():
    html = comment_html('<script>alert("x")</script> & <b>vet</b>')

    assert "<script>" not in html
    assert "<b>" not in html
    assert html == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;"


def test_comment_html_keeps_line_breaks():
    assert comment_html("regel een\nregel twee") == "regel een<br>regel twee"


def test_comment_html_turns_web_addresses_into_safe_links():
    html = comment_html("Zie https://example.org/pad?a=1&b=2 en www.example.com.")

    assert (
        '<a href="https://example.org/pad?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://example.org/pad?a=1&amp;b=2</a>" in html
    )
    assert '<a href="https://www.example.com" rel="nofollow ugc noopener">' in html


def test_comment_html_does_not_link_javascript_or_e_mail_addresses():
    html = comment_html("javascript:alert(1) en iemand@example.org")

    assert "<a" not in html


def test_a_quote_in_a_link_cannot_break_out_of_the_attribute():
    html = comment_html('https://example.org/"onmouseover="alert(1)')

    assert 'onmouseover="' not in html


def test_links_are_counted_as_the_page_shows_them():
    assert link_count("geen links") == 0
    assert link_count("https://a.example en http://b.example en example.org") == 3
