"""Free text in a query parameter (the search box): one value, cut to length, printable."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from toolbox.params import PAGE, TextParameter, kept_parameters

QUERY = TextParameter("zoek", max_length=10)


def request(query):
    return RequestFactory().get("/", query)


def test_text_is_cut_to_its_length_and_loses_control_characters():
    assert QUERY.read(request({"zoek": " ambtenaren en meer "})) == "ambtenaren"
    assert QUERY.read(request({"zoek": "a\x00b\x1bc"})) == "abc"
    assert QUERY.read(request({})) == ""


def test_text_given_twice_is_an_address_the_site_never_made():
    with pytest.raises(Http404):
        QUERY.read(request({"zoek": ["a", "b"]}))


def test_only_the_named_parameters_the_page_read_are_kept():
    page = request({"page": "2", "utm_source": "x"})
    PAGE.read(page)
    assert kept_parameters(page, {"page"}) == [("page", "2")]


def test_a_parameter_the_page_never_read_is_not_kept():
    # A page number on a page without pages is as meaningless as a tracking code.
    assert kept_parameters(request({"page": "2"}), {"page"}) == []
