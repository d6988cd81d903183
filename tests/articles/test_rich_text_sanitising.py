import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db

DANGEROUS_BODY = (
    "<h2>Kop</h2>"
    '<p onclick="steal()">Tekst <a href="javascript:alert(1)">klik</a></p>'
    "<script>alert('xss')</script>"
    '<img src="x" onerror="alert(2)">'
    '<p><a href="https://example.org/" onmouseover="alert(3)">veilig</a></p>'
    "<iframe src='https://evil.example'></iframe>"
)


def test_saving_without_a_form_removes_scripts_handlers_and_javascript_links():
    article = make_article(body=DANGEROUS_BODY)
    article.refresh_from_db()

    assert "<script" not in article.body
    assert "onclick" not in article.body
    assert "onerror" not in article.body
    assert "onmouseover" not in article.body
    assert "javascript:" not in article.body
    assert "<iframe" not in article.body
    assert "<h2>Kop</h2>" in article.body
    assert 'href="https://example.org/"' in article.body


def test_updating_an_existing_article_sanitises_again():
    article = make_article()
    article.body = "<p>Nieuw</p><script>alert(1)</script>"
    article.save()
    article.refresh_from_db()

    assert article.body == "<p>Nieuw</p>"


def test_allowed_formatting_survives_sanitising():
    body = (
        "<h2>Kop</h2><h3>Subkop</h3><p><strong>vet</strong> en <em>schuin</em><br>regel</p>"
        "<ul><li>een</li></ul><ol><li>twee</li></ol><blockquote><p>citaat</p></blockquote>"
        '<p><a href="mailto:info@example.org">mail</a></p>'
    )
    article = make_article(body=body)
    article.refresh_from_db()

    assert article.body == body


def test_the_article_page_shows_no_dangerous_markup(client):
    article = make_article(body=DANGEROUS_BODY)

    html = client.get(article.get_absolute_url()).text

    assert "alert(" not in html
    assert "javascript:" not in html
