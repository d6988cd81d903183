"""The site search at /zoeken/, on whichever database the suite runs (SQLite or PostgreSQL)."""

import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, SearchDocument
from articles.search.results import RESULTS_PER_PAGE
from tests.factories import make_article, make_speaker
from tests.factories_site import make_blog_post, make_blogger, make_whitepaper
from tests.reuring.test_block_query_counts import BUDGETS

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


def search(client, q, **parameters):
    response = client.get(SEARCH, {"q": q, **parameters})
    assert response.status_code == 200
    return response


def found_titles(response):
    return [hit.document.title for hit in response.context["results"].hits]


def test_dutch_plurals_find_the_singular(client):
    make_article("Over de overheid", body="<p>Elke ambtenaar leert elke dag.</p>")
    make_article("Over iets anders", body="<p>Een fietstocht langs de kust.</p>")

    assert found_titles(search(client, "ambtenaren")) == ["Over de overheid"]


def test_a_past_tense_finds_the_infinitive(client):
    make_article("Leren op het werk", lead="Hoe wij ons ontwikkelen als organisatie.")

    assert found_titles(search(client, "ontwikkelde")) == ["Leren op het werk"]
    assert found_titles(search(client, "ontwikkelen")) == ["Leren op het werk"]


def test_accents_are_folded(client):
    make_article("Reuringcafé over leren en ontwikkelen")

    assert found_titles(search(client, "reuringcafe")) == ["Reuringcafé over leren en ontwikkelen"]
    assert found_titles(search(client, "REURINGCAFÉ")) == ["Reuringcafé over leren en ontwikkelen"]


def test_a_match_in_the_title_ranks_above_the_lead_and_the_lead_above_the_text(client):
    make_article("Iets over fietsen", lead="Niets.", body="<p>Over de samenleving.</p>")
    make_article("Iets over wandelen", lead="Het gaat om de samenleving.", body="<p>Niets.</p>")
    make_article("De samenleving verandert", lead="Niets.", body="<p>Niets.</p>")

    assert found_titles(search(client, "samenleving")) == [
        "De samenleving verandert",
        "Iets over wandelen",
        "Iets over fietsen",
    ]


def test_every_word_must_occur(client):
    make_article("Ambtenaren en leren")
    make_article("Ambtenaren en sport")

    assert found_titles(search(client, "ambtenaren leren")) == ["Ambtenaren en leren"]


def test_the_matched_words_are_highlighted_in_a_short_snippet(client):
    filler = " ".join(["Een zin zonder het woord."] * 40)
    make_article(
        "Een lang verhaal",
        lead="Inleiding.",
        body=f"<p>{filler}</p><p>Hier staat dat de ambtenaren veel leren.</p><p>{filler}</p>",
    )

    html = search(client, "ambtenaar").text

    assert "<mark>ambtenaren</mark>" in html
    snippet = html.split('class="search-result__snippet">')[1].split("</p>")[0]
    assert len(snippet.split()) < 60
    assert "…" in snippet


def test_reader_text_in_results_is_escaped(client):
    make_article("<script>alert(1)</script> ambtenaren", lead="<b>vet</b> ambtenaren")

    html = search(client, "ambtenaren").text

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    assert "<b>vet</b>" not in html


def test_blog_posts_speakers_and_whitepapers_are_found_and_filtered_by_kind(client):
    make_article("Nieuws over informatiebeveiliging")
    blogger = make_blogger("Bea Blogger", bio="Zij schrijft over informatiebeveiliging.")
    make_blog_post(blogger, "Mijn blog over informatiebeveiliging")
    speaker = make_speaker("Sam Spreker", bio="Expert in informatiebeveiliging.")
    make_article("Debat", speakers=[speaker])
    make_whitepaper("Whitepaper informatiebeveiliging")

    results = search(client, "informatiebeveiliging").context["results"]
    assert results.counts == {"news": 1, "blog": 1, "speaker": 2, "whitepaper": 1}
    whitepapers = search(client, "informatiebeveiliging", soort="whitepaper")
    assert found_titles(whitepapers) == ["Whitepaper informatiebeveiliging"]
    speakers = search(client, "informatiebeveiliging", soort="speaker").context["results"]
    urls = {hit.document.title: hit.url for hit in speakers.hits}
    assert urls == {
        "Bea Blogger": blogger.get_blogger_url(),
        "Sam Spreker": speaker.get_absolute_url(),
    }


def test_results_are_paginated_and_a_page_beyond_the_end_shows_the_last(client):
    for number in range(RESULTS_PER_PAGE * 2 + 5):
        make_article(f"Ambtenaren deel {number}")

    second = search(client, "ambtenaren", pagina=2)
    beyond = search(client, "ambtenaren", pagina=99)
    junk = client.get(SEARCH, {"q": "ambtenaren", "pagina": "twee"})

    assert len(found_titles(second)) == RESULTS_PER_PAGE
    assert beyond.context["results"].number == 3
    assert len(found_titles(beyond)) == 5
    assert junk.status_code == 404  # an address the site never made (toolbox.params)
    assert (
        'rel="next"' in second.text and "pagina=3" in second.text and "q=ambtenaren" in second.text
    )


def test_only_what_readers_may_see_is_found(client):
    make_article("Ambtenaren gepubliceerd")
    make_article("Ambtenaren concept", published=False)
    make_article("Ambtenaren straks", publish_at=timezone.now() + timedelta(days=1))
    make_whitepaper("Ambtenaren whitepaper concept", published=False)
    make_speaker("Ambtenaren zonder artikel")

    assert found_titles(search(client, "ambtenaren")) == ["Ambtenaren gepubliceerd"]


def test_the_index_follows_saves_and_deletes(client):
    article = make_article("Oude titel over fietsen")
    assert found_titles(search(client, "fietsen")) == ["Oude titel over fietsen"]

    article.title = "Nieuwe titel over wandelen"
    article.save()
    assert found_titles(search(client, "fietsen")) == []
    assert found_titles(search(client, "wandelen")) == ["Nieuwe titel over wandelen"]

    article.delete()
    assert found_titles(search(client, "wandelen")) == []
    assert not SearchDocument.objects.exists()


def test_rebuilding_the_index_finds_changes_made_without_saving(client):
    article = make_article("Over fietsen")
    Article.objects.filter(pk=article.pk).update(title="Over wandelen")
    assert found_titles(search(client, "wandelen")) == []

    call_command("rebuild_search_index", stdout=io.StringIO())

    assert found_titles(search(client, "wandelen")) == ["Over wandelen"]


PROMPT = "Typ een of meer woorden in het zoekvak"
NO_WORDS = "We konden in"
NOTHING = "Niets gevonden voor"


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", PROMPT),
        ("   ", PROMPT),
        ("!!!", NO_WORDS),
        ("de het een", NO_WORDS),
        ('"', NO_WORDS),
        ("*", NO_WORDS),
        ("\x00\x01", PROMPT),
        ("😀", NO_WORDS),
        ("ambtenaren AND OR NOT", NOTHING),
        ("NEAR(ambtenaren", NOTHING),
        ("' OR 1=1 --", NOTHING),
        ("a" * 5000, NOTHING),
        ("ambtenaren:* ^leren -", None),
        ('"ambtenaren leren"', None),
    ],
)
def test_empty_or_junk_queries_get_a_helpful_page(client, q, message):
    make_article("Ambtenaren leren")

    response = search(client, q)

    if message is None:
        assert found_titles(response) == ["Ambtenaren leren"]
    else:
        assert message in response.text
        assert not found_titles(response)


def test_nothing_found_says_so_with_tips(client):
    make_article("Ambtenaren leren")

    html = search(client, "zeppelin").text

    assert "Niets gevonden voor “zeppelin”" in html
    assert "spelling" in html


def test_the_query_count_does_not_grow_with_the_number_of_matches(client):
    make_article("Ambtenaren een")
    whitepaper_and_speaker = [make_whitepaper("Ambtenaren wp"), make_blogger("Ambtenaren B")]
    assert whitepaper_and_speaker

    def queries():
        cache.clear()  # the site-wide blocks too, so both counts are from an empty cache
        with CaptureQueriesContext(connection) as captured:
            search(client, "ambtenaren")
        return [query["sql"][:60] for query in captured]

    one = queries()
    for number in range(30):
        make_article(f"Ambtenaren {number}", speakers=[make_speaker(f"Ambtenaren S {number}")])
        make_whitepaper(f"Ambtenaren wp {number}")

    assert queries() == one
    assert len(one) == BUDGETS["search"][0]


def test_every_page_has_a_search_box(client):
    html = client.get(reverse("articles:home")).text
    assert f'action="{SEARCH}"' in html and 'role="search"' in html
