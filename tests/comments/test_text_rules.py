"""The plain text rules: word matching, line endings, links."""

from comments.rendering import comment_html, link_count
from comments.text import find_word, normalise_newlines


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
