"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live_server.

Chromium comes from the operating system (`apt-get install -y chromium`); Playwright's own
browser download (`playwright install`) is never used. Without /usr/bin/chromium the
browser tests are skipped with a message saying how to install it.
"""

import os
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from reuring.models import Promotion
from tests.factories import image_upload, make_article, make_series, make_speaker
from tests.factories_site import (
    make_blog_post,
    make_blogger,
    make_promotion,
    make_site_details,
    make_whitepaper,
)

CHROMIUM = Path("/usr/bin/chromium")
REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "test-output" / "screenshots"

# Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls
# from a thread with a running loop. The loop lives as long as the (session-scoped)
# Playwright instance, so the whole test run needs this, not only the browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} not found: install Debian's Chromium with "
        "`apt-get install -y chromium` (as root) to run the browser tests "
        "(never `playwright install`)."
    )
    here = Path(__file__).parent
    for item in items:
        if item.get_closest_marker("browser") or here in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


LEAD = (
    "Wat hebben ambtenaren nodig om goed aan te blijven sluiten bij de samenleving en wat "
    "moeten ze daarvoor leren? Deze vragen waren aanleiding voor een geanimeerd Reuring debat "
    "tussen directeur PBLQ Leo Smits, filosoof Martijn Aslander, bestuurder Jeugdbescherming "
    "Regio Amsterdam Sigrid van de Poel, gemeentesecretaris Lelystad Nico Versteeg en oud "
    "minister en voorzitter van de NTRO Hans Hillen."
)

BODY = """
<p>"Mensen leren en ontwikkelen zich de hele dag door. Dat gaat vanzelf, maar betekent niet
automatisch dat de juiste dingen geleerd worden", aldus Leo Smits.</p>
<h2>Leren in het licht van het doel</h2>
<p>Waar sta je als organisatie voor en hoe maak je met elkaar die ambitie waar? Dat was de
leidende vraag in de verandering bij <a href="https://www.example.org/">Jeugdbescherming Regio
Amsterdam</a>. Zo'n verandering vergt lef.</p>
<blockquote><p>Je bent wel verplicht om te leren wat er al geleerd is voordat jij er
was.</p></blockquote>
<h2>Ruimte creëren voor leren</h2>
<p>Een duidelijke visie op organisatiedoelen, output en outcome helpt mensen om zich anders te
laten gedragen. De rem om te leren en ontwikkelen zit namelijk niet in de mensen, maar in het
systeem.</p>
<h3>Wat HR kan doen</h3>
<ul>
<li>loopbanen verleggen, zodat ambitie weer opbloeit;</li>
<li>nieuwsgierigheid en leervermogen tot selectiecriterium maken;</li>
<li>ook het zittende personeel de ruimte geven.</li>
</ul>
<h2>Open staan voor de samenleving</h2>
<p>Organisaties die die leeropgave weten te vertalen in concrete ontwikkeldoelen en
professionaliseringsmogelijkheden, vergroten hun vaardigheid om de verbinding met de
samenleving goed te maken.</p>
"""

SPEAKERS = [
    ("Leo Smits", "directeur", "PBLQ"),
    ("Martijn Aslander", "filosoof", ""),
    ("Sigrid van de Poel", "bestuurder", "Jeugdbescherming Regio Amsterdam"),
    ("Nico Versteeg", "gemeentesecretaris", "Gemeente Lelystad"),
    ("Hans Hillen", "oud minister en voorzitter", "NTRO"),
]

MORE_NEWS = [
    "Opleiding Informatiemanagement voor verbinders",
    "Metropool opleiding",
    "Weten hoe het is om bij PBLQ te werken?",
    "Blijf effectief in de informatiesamenleving van morgen!",
]


@pytest.fixture
def newsroom(transactional_db):
    """A news site as readers meet it: one full article (image, speakers, tags, series)
    plus more news with and without images."""
    cafe = make_series("Reuringcafé")
    speakers = [
        make_speaker(
            name,
            function=function,
            organisation=organisation,
            photo=image_upload(f"portret-{index}.png", width=320, height=320),
            photo_alt=f"Portret van {name}",
            bio=f"{name} is {function} en spreekt regelmatig over leren in de overheid.",
        )
        for index, (name, function, organisation) in enumerate(SPEAKERS)
    ]
    # Every other news item has an image, so cards are seen with and without one.
    with_image = {"image_alt": "Deelnemers in gesprek"}
    others = [
        make_article(
            title,
            tags=["opleiding"] if index % 2 else ["informatiemanagement", "werken bij"],
            **({**with_image, "image": image_upload(width=1200, height=800)} if index % 2 else {}),
        )
        for index, title in enumerate(MORE_NEWS)
    ]
    article = make_article(
        "Reuringcafé over leren en ontwikkelen",
        lead=LEAD,
        body=BODY,
        series=cafe,
        tags=["leren en ontwikkelen", "HR", "ambtenaren"],
        speakers=speakers,
        image=image_upload(width=1600, height=900),
        image_alt="De vijf sprekers in gesprek aan een lange tafel",
        image_caption="Het Reuringcafé over leren en ontwikkelen in Den Haag.",
        image_credit="Redactie Reuring",
        # The newest, so it is also the featured article on the home page.
        publish_at=timezone.now() - timedelta(minutes=10),
    )
    site_wide_blocks()
    return SimpleNamespace(article=article, speaker=speakers[0], series=cafe, others=others)


def site_wide_blocks():
    """The blocks around the news (as on the seed page): contact details, promotions,
    whitepapers and a blogger, so the pages are tested with everything on them."""
    make_site_details()
    for placement in Promotion.Placement.values:
        make_promotion(
            "Blijf effectief in de informatiesamenleving van morgen!",
            placement=placement,
            image=image_upload(width=600, height=400),
            text="Meer weten over ons traineeship informatiemanagement?",
        )
    for title in ("Smart city", "Safe in cyberspace"):
        make_whitepaper(
            title, cover=image_upload(width=600, height=800), tags=["leren en ontwikkelen"]
        )
    blogger = make_blogger(
        "Martijn de Blogger", photo=image_upload(width=320, height=320), photo_alt="Portret"
    )
    make_blog_post(blogger, "Waarom de overheid moet blijven leren")


@pytest.fixture
def urls(newsroom, live_server):
    """The public pages under test, by name, as absolute live_server URLs."""
    paths = {
        "home": reverse("articles:home"),
        "news": reverse("articles:list"),
        "article": newsroom.article.get_absolute_url(),
        "speaker": newsroom.speaker.get_absolute_url(),
        "search": reverse("articles:search") + "?q=ambtenaren",
        "accessibility": reverse("accessibility"),
        "privacy": reverse("privacy"),
    }
    return {name: live_server.url + path for name, path in paths.items()}
