"""Load the site details and the promotions of the page we reproduce.

The contact details, the LinkedIn follower count and the five teasers are those of the seed
page. Found by a fixed key (the one record; a promotion's title), so a second run adds nothing.
"""

from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone

from reuring.demo.loading import Tally, assign, save_if_changed
from reuring.models import Promotion, SiteDetails

SITE_DETAILS = {
    "organisation_name": "PBLQ",
    "visiting_street": "Muzenstraat 120",
    "visiting_postcode": "2511 WB",
    "visiting_city": "Den Haag",
    "postal_box": "Postbus 18607",
    "postal_postcode": "2502 EP",
    "postal_city": "Den Haag",
    "phone": "+31 70 376 36 36",
    "phone_display": "070- 376 36 36",
    "email": "info@pblq.nl",
    "website": "https://www.pblq.nl",
    "linkedin_url": "https://www.linkedin.com/company/pblq/",
    "linkedin_followers": 59130,
}


def promotions():
    """(title, text, link, position) of the seed's teasers, linking to demo pages."""
    return [
        (
            "Informatiemanagement Traineeship",
            "Meer weten over ons Informatiemanagement Traineeship? Bekijk hier de website.",
            reverse("articles:detail", args=["nieuwe-trainees-informatiemanagement"]),
            1,
        ),
        (
            "Opleiding Informatiemanagement voor verbinders",
            "",
            reverse("articles:tag", args=["informatiemanagement"]),
            2,
        ),
        (
            "Metropool opleiding",
            "",
            reverse("articles:tag", args=["leren-en-ontwikkelen"]),
            3,
        ),
        ("Weten hoe het is om bij PBLQ te werken?", "", "https://www.pblq.nl", 4),
        (
            "Blijf effectief in de informatiesamenleving van morgen!",
            "",
            reverse("articles:whitepapers"),
            5,
        ),
    ]


def load(*, stdout, style) -> None:
    tally = Tally()
    site = SiteDetails.current()
    created = site is None
    site = site or SiteDetails()
    changed = assign(site, SITE_DETAILS)
    tally.count("Contactgegevens", save_if_changed(site, created=created, changed=changed))

    start = timezone.make_aware(datetime.combine(timezone.localdate(), time(0, 0)))
    for title, text, link, position in promotions():
        promotion = Promotion.objects.filter(title=title).first()
        created = promotion is None
        promotion = promotion or Promotion(title=title, active_from=start)
        values = {
            "text": text,
            "link": link,
            "position": position,
            "placement": Promotion.Placement.SIDEBAR,
        }
        tally.count(
            "Promoties",
            save_if_changed(promotion, created=created, changed=assign(promotion, values)),
        )
    for line in tally.lines()[:-1]:  # No pictures are drawn here.
        stdout.write(line)
