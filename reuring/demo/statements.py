"""Demo content for the public-sector pages: an accessibility statement and a colophon.

Created only when missing, like the rest of the demo content. The privacy statement needs
nothing: its facts come from the settings.
"""

from django.utils import timezone

from reuring.models import AccessibilityIssue, AccessibilityStatement, Colophon

ISSUE = (
    "Een paar oudere whitepapers zijn pdf-bestanden zonder koppen en zonder beschrijving van "
    "de afbeeldingen. Een schermlezer leest ze daardoor slecht voor."
)
MEASURES = (
    "<p>Elke nieuwe pagina testen we automatisch en met het toetsenbord. Nieuwe whitepapers "
    "publiceren we alleen als toegankelijke pdf.</p>"
)
COLOPHON = (
    "<p>Deze website wordt gemaakt door de redactie van PBLQ.</p>"
    "<h2>Techniek</h2><p>De site is gebouwd met Django en draait zonder software of "
    "lettertypes van andere websites.</p>"
    "<h2>Beeld</h2><p>De illustraties bij de demo-artikelen zijn gemaakt voor de demo.</p>"
)


def load(count) -> None:
    """Create the statements that are missing; `count(kind, created)` tallies them."""
    exists = AccessibilityStatement.current() is not None
    count("Toegankelijkheidsverklaring", not exists)
    if not exists:
        today = timezone.localdate()
        statement = AccessibilityStatement.objects.create(
            status=AccessibilityStatement.Status.B,
            statement_date=today,
            evaluated_on=today,
            evaluated_by="de redactie van PBLQ (demo)",
            measures=MEASURES,
            approved_by="de directeur van PBLQ (demo)",
            approved_on=today,
        )
        AccessibilityIssue.objects.create(
            statement=statement,
            description=ISSUE,
            criterion="1.3.1 Info en relaties",
            cause="De pdf-bestanden zijn gemaakt voordat de site toegankelijk moest zijn.",
            planned_fix="We maken ze opnieuw als toegankelijke pdf.",
            fixed_by=today.replace(year=today.year + 1),
        )
    exists = Colophon.current() is not None
    count("Colofon", not exists)
    if not exists:
        Colophon.objects.create(body=COLOPHON)
