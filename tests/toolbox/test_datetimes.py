import re
from datetime import UTC, datetime

from toolbox.datetimes import iso_moment

# HTML's valid global date and time string: at most three fractional digits.
HTML_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$")


def test_a_moment_with_microseconds_becomes_a_valid_html_datetime_in_amsterdam_time():
    moment = datetime(2026, 12, 1, 21, 27, 26, 469617, tzinfo=UTC)

    text = iso_moment(moment)

    assert text == "2026-12-01T22:27:26+01:00"
    assert HTML_DATETIME.match(text)


def test_summer_time_has_its_own_offset():
    assert iso_moment(datetime(2026, 7, 1, 10, 0, 0, 5, tzinfo=UTC)) == "2026-07-01T12:00:00+02:00"
