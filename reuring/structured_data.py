"""What a page tells share previews and search engines: OpenGraph and Twitter card tags
(`ShareCard`) and schema.org JSON-LD (NewsArticle, BlogPosting, Person, BreadcrumbList).

Everything is built from what the page already loaded (the article's prefetched speakers
and tags, the cached site details), so it costs no query. Moments are in whole seconds
with their offset (ISO 8601), addresses absolute.
"""

from dataclasses import dataclass, field

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Article, Series, Speaker, Whitepaper
from articles.models.sharing import shorten
from reuring.models import SiteDetails
from toolbox.datetimes import iso_moment
from toolbox.renditions import SHARE_HEIGHT, SHARE_WIDTH, ShareImage

# Google shows at most 110 characters of a headline.
HEADLINE_MAX = 110
DESCRIPTION_MAX = 200


@dataclass
class ShareCard:
    """The OpenGraph and Twitter card of a page."""

    title: str
    description: str
    url: str
    type: str = "website"  # "article" or "profile" for an article or a person
    site_name: str = ""
    image: ShareImage | None = None
    image_url: str = ""
    image_alt: str = ""
    published_time: str = ""
    modified_time: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def _site_name(site: SiteDetails | None) -> str:
    return site.organisation_name if site else ""


def share_card(request, *, site: SiteDetails | None, item=None, title="", description=""):
    """The card for `item` (an article, speaker, whitepaper or series), else for a page
    with `title` and `description`."""
    url = _absolute(request, request.path)  # the page's canonical address
    card = ShareCard(title=title, description=description, url=url, site_name=_site_name(site))
    match item:
        case Article():
            card.type = "article"
            card.title, card.description = item.shared_title, item.shared_description
            card.image, card.image_alt = item.shared_image, item.shared_image_alt
            card.published_time = iso_moment(item.publish_at)
            card.modified_time = iso_moment(item.updated_at)
            card.section = item.series.name if item.series else ""
            card.tags = [tag.name for tag in item.tags.all()]
        case Speaker():
            card.type = "profile"
            card.title = item.name
            card.description = _truncated(item.bio or _role(item))
            card.image, card.image_alt = item.shared_image, item.photo_alt
        case Whitepaper():
            card.title, card.description = item.title, _truncated(item.teaser)
            card.image = item.shared_image
            card.image_alt = _("Cover of the whitepaper “%(title)s”") % {"title": item.title}
        case Series():
            card.title, card.description = item.name, _truncated(item.description or description)
    if card.image is None:
        card.image, card.image_alt = default_share_image(), card.site_name or "Reuring"
    card.image_url = _absolute(request, card.image.url)
    return card


def default_share_image() -> ShareImage:
    """For pages without an image of their own: the site's name on its colours."""
    return ShareImage(static("img/share-default.png"), SHARE_WIDTH, SHARE_HEIGHT)


def _truncated(text: str, length: int = DESCRIPTION_MAX) -> str:
    return shorten(text, length)


def _role(speaker: Speaker) -> str:
    return ", ".join(part for part in (speaker.function, speaker.organisation) if part)


# --- JSON-LD -----------------------------------------------------------------------------


def organisation(request, site: SiteDetails | None) -> dict:
    home = _absolute(request, "/")
    if site is None:
        return {"@type": "Organization", "name": "Reuring", "url": home}
    return {"@type": "Organization", "name": site.organisation_name, "url": site.website or home}


def _image_object(request, image: ShareImage | None) -> list[dict]:
    if image is None:
        return []
    return [
        {
            "@type": "ImageObject",
            "url": _absolute(request, image.url),
            "width": image.width,
            "height": image.height,
        }
    ]


def person(request, speaker: Speaker, *, role: tuple[str, str] | None = None) -> dict:
    """A speaker as schema.org Person; `role` (function, organisation) as in one article."""
    function, organisation_name = role or (speaker.function, speaker.organisation)
    url = speaker.get_blogger_url() if speaker.is_blogger else speaker.get_absolute_url()
    data: dict[str, object] = {
        "@type": "Person",
        "name": speaker.name,
        "url": _absolute(request, url),
    }
    if function:
        data["jobTitle"] = function
    if organisation_name:
        data["worksFor"] = {"@type": "Organization", "name": organisation_name}
    return data


def article_data(request, article: Article, *, site: SiteDetails | None) -> dict:
    """NewsArticle, or BlogPosting for a blog post, with the speakers as `mentions`."""
    publisher = organisation(request, site)
    url = _absolute(request, article.get_absolute_url())
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting" if article.kind == Article.Kind.BLOG else "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": shorten(article.shared_title, HEADLINE_MAX),
        "description": article.shared_description,
        "datePublished": iso_moment(article.publish_at),
        "dateModified": iso_moment(article.updated_at),
        "inLanguage": "nl-NL",
        "author": [person(request, article.blogger)] if article.blogger else [publisher],
        "publisher": publisher,
    }
    data["image"] = _image_object(request, article.shared_image or default_share_image())
    roles = article.ordered_speakers
    if roles:
        data["mentions"] = [
            person(request, role.speaker, role=(role.shown_function, role.shown_organisation))
            for role in roles
        ]
    tags = [tag.name for tag in article.tags.all()]
    if tags:
        data["keywords"] = tags
    if article.series:
        data["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": article.series.name,
            "url": _absolute(request, article.series.get_absolute_url()),
        }
    return data


def person_data(request, speaker: Speaker) -> dict:
    data = {"@context": "https://schema.org", **person(request, speaker)}
    if speaker.bio:
        data["description"] = _truncated(speaker.bio, 500)
    images = _image_object(request, speaker.shared_image)
    if images:
        data["image"] = images[0]
    return data


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict:
    """BreadcrumbList from (name, path) pairs, the home page first, this page last."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": _absolute(request, path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def trail_for(item) -> list[tuple[str, str]]:
    """The way from the home page to `item`'s page, as (name, path) pairs."""
    home = (_("Home"), reverse("articles:home"))
    match item:
        case Article():
            if item.blogger:
                parent = [
                    (_("Bloggers"), reverse("articles:bloggers")),
                    (item.blogger.name, item.blogger.get_blogger_url()),
                ]
            elif item.series:
                parent = [
                    (_("News"), reverse("articles:list")),
                    (item.series.name, item.series.get_absolute_url()),
                ]
            else:
                parent = [(_("News"), reverse("articles:list"))]
            return [home, *parent, (item.title, item.get_absolute_url())]
        case Speaker() if item.is_blogger:
            bloggers = (_("Bloggers"), reverse("articles:bloggers"))
            return [home, bloggers, (item.name, item.get_blogger_url())]
        case Speaker():
            return [home, (item.name, item.get_absolute_url())]
        case Whitepaper():
            whitepapers = (_("Whitepapers"), reverse("articles:whitepapers"))
            return [home, whitepapers, (item.title, item.get_absolute_url())]
        case Series():
            news = (_("News"), reverse("articles:list"))
            return [home, news, (item.name, item.get_absolute_url())]
    raise TypeError(f"No breadcrumbs for {type(item).__name__}")


def page_data(request, item, *, site: SiteDetails | None) -> list[dict]:
    """Every JSON-LD block for `item`'s page."""
    blocks = []
    match item:
        case Article():
            blocks.append(article_data(request, item, site=site))
        case Speaker():
            blocks.append(person_data(request, item))
    blocks.append(breadcrumbs(request, trail_for(item)))
    return blocks
