"""What the site collects and how long it keeps it, read from the settings and the code
that does the collecting, so the privacy statement stays true when they change."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comments import own
from toolbox import ratelimit


@dataclass(frozen=True)
class Processing:
    what: str
    why: str
    how_long: str


@dataclass(frozen=True)
class Cookie:
    name: str
    why: str
    how_long: str


def _days(days: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def _hours(hours: int) -> str:
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def processing() -> list[Processing]:
    erase_days = _days(settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS)
    flood_hours = _hours(max(1, ratelimit.HOUR // 3600))
    return [
        Processing(
            _("Your name and your comment, when you respond to an article"),
            _("To show your comment under the article, with your name."),
            _(
                "As long as the comment is on the site. Refused comments: %(period)s "
                "after the decision."
            )
            % {"period": erase_days},
        ),
        Processing(
            _("Your e-mail address, when you respond"),
            _(
                "So a moderator can contact you about your comment and, if you ask for it, "
                "to tell you when it is published. It is never shown."
            ),
            _("%(period)s after a moderator has looked at your comment.") % {"period": erase_days},
        ),
        Processing(
            _(
                "A shortened form of your internet address, as a code that cannot be traced "
                "back, when you respond or ask for a whitepaper"
            ),
            _("To stop floods of comments, requests and spam."),
            _("At most %(period)s.") % {"period": flood_hours},
        ),
        Processing(
            _("Your name, e-mail address and organisation, when you ask for a whitepaper"),
            _("To send you the download link and, once, to contact you about the subject."),
            _("%(period)s, then they are erased.")
            % {"period": _days(settings.REURING_WHITEPAPER_LEAD_DAYS)},
        ),
    ]


def cookies() -> list[Cookie]:
    csrf_days = _days(round(settings.CSRF_COOKIE_AGE / 86400))
    return [
        Cookie(
            settings.CSRF_COOKIE_NAME,
            _("Only on pages with a form: protects the form against misuse by other sites."),
            csrf_days,
        ),
        Cookie(
            own.COOKIE,
            _(
                "Only after you respond: lets you see your own comment while it waits for a "
                "moderator. It holds the numbers of your comments, nothing else."
            ),
            _days(round(own.MAX_AGE / 86400)),
        ),
        Cookie(
            CookieStorage.cookie_name,
            _("Only after you send a form: shows you once that it worked."),
            _("Until you close the browser, or shorter."),
        ),
        Cookie(
            settings.SESSION_COOKIE_NAME,
            _("Only for staff who log in to manage the site."),
            _days(round(settings.SESSION_COOKIE_AGE / 86400)),
        ),
    ]


def not_collected() -> list[str]:
    return [
        _("We do not store which browser or device you use."),
        _("We use no cookies to follow you, no analytics and nothing from other websites."),
        _("Share buttons are plain links: nothing is sent to a network until you click one."),
    ]
