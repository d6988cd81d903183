"""The form guard's signatures are Django's own, so forms opened before a deploy still check."""

from django.core import signing as django_signing

from toolbox import signing


def test_a_signature_is_what_djangos_signer_makes(settings):
    for purpose, value in [("comments", "1-1700000000-abc"), ("whitepapers", "é-2-x" * 40)]:
        expected = django_signing.Signer(salt=purpose).signature(value)
        assert signing.signature(value, purpose=purpose) == expected
        assert signing.has_valid_signature(value, expected, purpose=purpose)

    settings.SECRET_KEY = "another-" + "k" * 60
    assert signing.signature("v", purpose="comments") == django_signing.Signer(
        salt="comments"
    ).signature("v")
