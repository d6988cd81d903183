"""A page that existed and was taken away on purpose: 410 Gone, not 404 Not Found.

Views raise `Gone`; the site turns it into its own page (reuring.errors), as Django does
with Http404. Search engines drop a 410 address sooner than a 404.
"""


class Gone(Exception):
    """The item behind this address was taken offline (or a link stopped working)."""

    def __init__(self, reason: str = "offline"):
        super().__init__(reason)
        self.reason = reason
