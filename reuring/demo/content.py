"""The demo content itself, in Dutch (B1): series, speakers, articles and the site around them.

The Reuringcafé report on learning and development is written in our own words after the
debate on the page we reproduce; its five speakers, their functions and organisations are
facts from that page. Everybody else, and every organisation except PBLQ, Jeugdbescherming
Regio Amsterdam, Lelystad and the NTRO, is invented for the demo and says so in the bio.

Bodies use only what the article sanitiser keeps (p, h2, h3, ul, ol, li, a[href], strong,
em, blockquote, br), so they are stored exactly as written here.
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class SeriesSpec:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class SpeakerSpec:
    slug: str
    name: str
    initials: str
    function: str
    organisation: str
    bio: str


@dataclass(frozen=True)
class Role:
    """A speaker in one article; function and organisation override the speaker's own."""

    speaker: str
    function: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class ArticleSpec:
    slug: str
    title: str
    lead: str
    body: str
    tags: tuple[str, ...]
    image_label: str
    image_caption: str
    # Days relative to the first load: negative is in the past, positive is scheduled.
    # None keeps the model's default (now), which is what a fresh draft gets.
    days_from_now: int | None
    published: bool = True
    # Submitted to the Eindredactie (a draft until they publish it).
    in_review: bool = False
    # "Offline na": days from the first load after which readers no longer see it.
    offline_in_days: int | None = None
    series: str = ""
    speakers: tuple[Role, ...] = ()


IMAGE_CREDIT = "Reuring"
INVENTED = "(Deze persoon is verzonnen voor de demo.)"

SERIES = (
    SeriesSpec(
        "reuringcafe",
        "Reuringcafé",
        "Debatten waarin bestuurders, denkers en mensen uit de praktijk met elkaar in gesprek "
        "gaan over de overheid van morgen.",
    ),
    SeriesSpec(
        "digitale-overheid",
        "Digitale overheid",
        "Praktijkverhalen over digitalisering, informatie en data in gemeenten, provincies en "
        "uitvoeringsorganisaties.",
    ),
)

SPEAKERS = (
    SpeakerSpec(
        "leo-smits",
        "Leo Smits",
        "LS",
        "directeur",
        "PBLQ",
        "Leo Smits is directeur van PBLQ. In het Reuringcafé over leren en ontwikkelen sprak "
        "hij over de rol van HR bij de ontwikkeling van ambtenaren.",
    ),
    SpeakerSpec(
        "martijn-aslander",
        "Martijn Aslander",
        "MA",
        "filosoof",
        "",
        "Martijn Aslander is filosoof. In het Reuringcafé over leren en ontwikkelen sprak hij "
        "over kennis delen en digitale vaardigheden.",
    ),
    SpeakerSpec(
        "sigrid-van-de-poel",
        "Sigrid van de Poel",
        "SP",
        "bestuurder",
        "Jeugdbescherming Regio Amsterdam",
        "Sigrid van de Poel is bestuurder van Jeugdbescherming Regio Amsterdam. In het "
        "Reuringcafé over leren en ontwikkelen vertelde zij over de verandering in haar "
        "organisatie.",
    ),
    SpeakerSpec(
        "nico-versteeg",
        "Nico Versteeg",
        "NV",
        "gemeentesecretaris",
        "Gemeente Lelystad",
        "Nico Versteeg is gemeentesecretaris van Lelystad. In het Reuringcafé over leren en "
        "ontwikkelen sprak hij over ruimte voor ambitie in het werk.",
    ),
    SpeakerSpec(
        "hans-hillen",
        "Hans Hillen",
        "HH",
        "oud-minister",
        "",
        "Hans Hillen is oud-minister. In het Reuringcafé over leren en ontwikkelen sprak hij "
        "als voorzitter van de NTRO.",
    ),
    SpeakerSpec(
        "ilse-vermeer",
        "Ilse Vermeer",
        "IV",
        "chief information officer",
        "Gemeente Zuiderveld",
        f"Ilse Vermeer is verantwoordelijk voor informatie en ICT bij de gemeente Zuiderveld. "
        f"{INVENTED}",
    ),
    SpeakerSpec(
        "youssef-bakkali",
        "Youssef Bakkali",
        "YB",
        "functionaris gegevensbescherming",
        "Waterschap Lage Landen",
        f"Youssef Bakkali houdt toezicht op het gebruik van persoonsgegevens bij het "
        f"waterschap. {INVENTED}",
    ),
    SpeakerSpec(
        "marloes-de-wit",
        "Marloes de Wit",
        "MW",
        "adviseur informatiebeveiliging",
        "Veiligheidsregio Kustland",
        f"Marloes de Wit helpt collega's om veilig met informatie en systemen te werken. "
        f"{INVENTED}",
    ),
    SpeakerSpec(
        "daan-hoekstra",
        "Daan Hoekstra",
        "DH",
        "programmamanager datagedreven werken",
        "Provincie Noorderland",
        f"Daan Hoekstra leidt het programma voor datagedreven werken bij de provincie. {INVENTED}",
    ),
    SpeakerSpec(
        "anouk-jansen",
        "Anouk Jansen",
        "AJ",
        "teamleider openbaarheid",
        "Gemeente Zuiderveld",
        f"Anouk Jansen leidt het team dat Woo-verzoeken behandelt. {INVENTED}",
    ),
)

REURINGCAFE_SLUG = "reuringcafe-over-leren-en-ontwikkelen"


def article_specs() -> tuple[ArticleSpec, ...]:
    """All demo articles; a function because internal links need the URL configuration."""
    reuringcafe_url = reverse("articles:series", kwargs={"slug": "reuringcafe"})
    digital_url = reverse("articles:series", kwargs={"slug": "digitale-overheid"})
    learning_url = reverse("articles:tag", kwargs={"slug": "leren-en-ontwikkelen"})
    return (
        ArticleSpec(
            slug=REURINGCAFE_SLUG,
            title="Reuringcafé over leren en ontwikkelen",
            lead=(
                "Wat moeten ambtenaren leren om goed aan te sluiten bij wat er in de "
                "samenleving gebeurt? Daarover gingen vijf sprekers met elkaar in debat: "
                "Leo Smits (directeur PBLQ), filosoof Martijn Aslander, Sigrid van de Poel "
                "(bestuurder Jeugdbescherming Regio Amsterdam), Nico Versteeg "
                "(gemeentesecretaris Lelystad) en Hans Hillen (oud minister en voorzitter van "
                "de NTRO)."
            ),
            body=(
                "<p>Leren gebeurt altijd, ook als niemand het organiseert. Medewerkers leren "
                "van hun werk, van collega's en van hun fouten. Maar leren ze ook wat de "
                "organisatie nodig heeft? Volgens Leo Smits kan HR daar veel aan doen. Als HR "
                "leren en ontwikkelen goed inzet, helpt dat de hele organisatie vooruit. "
                "Ambtenaren worden professioneler, teams presteren beter en er ontstaan nieuwe "
                "oplossingen voor vragen uit de samenleving.</p>"
                "<h2>Begin bij het doel van de organisatie</h2>"
                "<p>Sigrid van de Poel vertelde hoe Jeugdbescherming Regio Amsterdam "
                "veranderde. De organisatie zette de veiligheid van het kind voorop. "
                "Verantwoording afleggen bleef belangrijk, maar was niet langer het startpunt "
                "van het werk. Zo'n keuze vraagt moed. U moet durven kijken naar uw eigen rol. "
                "En soms moet u 'nee' zeggen tegen een opdrachtgever, ook als die uit de "
                "politiek komt.</p>"
                "<p>De sprekers waren het erover eens: elke organisatie heeft een eigen visie "
                "op leren nodig. Die visie volgt uit wat de organisatie wil bereiken. U maakt "
                "haar samen, door te oefenen, elkaar vertrouwen te geven en fouten toe te staan. "
                "Van de Poel voegde eraan toe dat niemand vanaf nul begint. Wie ergens nieuw "
                "binnenkomt, moet eerst leren wat anderen al hebben geleerd.</p>"
                "<h2>Geef ambitie de ruimte</h2>"
                "<p>De meeste mensen willen wel leren. Wat hen tegenhoudt, is vaak het systeem "
                "waarin ze werken. Nico Versteeg zag dat medewerkers stilvallen als hun werk "
                "niet meer past bij wat hen drijft. Krijgen ze weer ruimte om op hun eigen "
                "manier te werken, dan komt er energie vrij. Een helder beeld van doelen en "
                "resultaten helpt daarbij.</p>"
                "<p>Hans Hillen herkende dat bureaucratie ambitie kan afremmen. Hij noemde een "
                "militair die op missie veel verantwoordelijkheid draagt, maar op kantoor "
                "niet eens zelf een potlood mag bestellen. Wat kunt u als organisatie doen? Uit "
                "het debat kwamen deze tips:</p>"
                "<ul>"
                "<li>Let bij het werven van nieuwe mensen ook op nieuwsgierigheid en "
                "leervermogen.</li>"
                "<li>Kijk met dezelfde blik naar de medewerkers die al bij u werken.</li>"
                "<li>Laat HR helpen om loopbanen een nieuwe richting te geven, zodat ambitie "
                "weer kan groeien.</li>"
                "</ul>"
                "<h2>Kennis delen en hulp vragen</h2>"
                "<p>Martijn Aslander wees erop dat ambtenaren <strong>kenniswerkers</strong> "
                "zijn. Er is over de hele wereld veel kennis te vinden, maar die wordt nog te "
                "weinig gebruikt. Daardoor gebeurt veel werk twee keer. Volgens Aslander is het "
                "belangrijk om te durven zeggen dat u iets niet weet, en om hulp te vragen. "
                "Ook aan mensen buiten uw eigen vak of organisatie. Digitale vaardigheden horen "
                "daar ook bij. Daarmee vindt u sneller wat u zoekt, en kunt u kennis delen en "
                "verder uitbouwen.</p>"
                "<h2>Blijf verbonden met de samenleving</h2>"
                "<p>De samenleving verandert vaak sneller dan de overheid. Als voorbeeld kwam de "
                "groei van het aantal zzp'ers ter sprake: die groep was er al voordat er "
                "regels voor waren. Alle sprekers vonden dat ambtenaren moeten leren om open te "
                "staan voor wat er om hen heen gebeurt. Organisaties die dat omzetten in "
                "concrete doelen voor ontwikkeling, houden beter contact met de samenleving. "
                "Extra aandacht verdienen:</p>"
                "<ol>"
                "<li>de Europese en internationale context;</li>"
                "<li>omgaan met verschillen tussen culturen;</li>"
                "<li>digitale vaardigheden om kennis sneller te verzamelen en te delen.</li>"
                "</ol>"
                "<h2>Aan de slag in uw organisatie</h2>"
                "<p>Wilt u een visie op leren maken voor uw eigen organisatie? Of wilt u "
                "medewerkers helpen groeien in hun rol tussen organisatie en samenleving? Lees "
                f'dan ook de <a href="{reuringcafe_url}">andere verslagen van het '
                f'Reuringcafé</a> en de <a href="{learning_url}">artikelen over leren en '
                "ontwikkelen</a>.</p>"
            ),
            tags=("leren en ontwikkelen", "HR", "leiderschap"),
            image_label="Leren en ontwikkelen",
            image_caption="Vijf sprekers over wat ambtenaren nodig hebben om bij te blijven.",
            days_from_now=-1,
            series="reuringcafe",
            speakers=(
                Role("leo-smits"),
                Role("martijn-aslander"),
                Role("sigrid-van-de-poel"),
                Role("nico-versteeg"),
                Role("hans-hillen", function="oud minister en voorzitter van de NTRO"),
            ),
        ),
        ArticleSpec(
            slug="zuiderveld-brengt-informatiebeheer-op-orde",
            title="Gemeente Zuiderveld brengt haar informatiebeheer op orde",
            lead=(
                "Documenten staan bij Zuiderveld op tientallen plekken. De gemeente wil dat "
                "veranderen: binnen twee jaar moet elke medewerker informatie snel kunnen "
                "vinden, bewaren en weer opruimen."
            ),
            body=(
                "<p>Wie bij de gemeente Zuiderveld een besluit zoekt, moet soms in vijf "
                "systemen kijken. Dat kost tijd en het is riskant. Informatie raakt zoek, of "
                "wordt langer bewaard dan mag.</p>"
                "<h2>Eerst weten wat er is</h2>"
                "<p>Het project begon met een inventarisatie. Welke systemen zijn er, wie "
                "gebruikt ze en welke informatie staat erin? Volgens chief information officer "
                "Ilse Vermeer was dat overzicht voor veel collega's een eyeopener.</p>"
                "<h2>De volgende stappen</h2>"
                "<ul>"
                "<li>Eén plek voor alle documenten van een zaak.</li>"
                "<li>Vaste afspraken over hoe lang informatie bewaard blijft.</li>"
                "<li>Korte trainingen voor alle teams.</li>"
                "</ul>"
                "<p>Zuiderveld deelt de ervaringen in de serie "
                f'<a href="{digital_url}">Digitale overheid</a>.</p>'
            ),
            tags=("informatiemanagement", "archief", "gemeenten"),
            image_label="Informatiebeheer",
            image_caption="Informatie snel vinden begint met weten wat er is.",
            days_from_now=-5,
            series="digitale-overheid",
            speakers=(Role("ilse-vermeer"),),
        ),
        ArticleSpec(
            slug="vijf-vragen-over-de-wet-open-overheid",
            title="Vijf vragen over de Wet open overheid",
            lead=(
                "Sinds 1 mei 2022 geldt de Wet open overheid (Woo). Wat betekent die wet voor "
                "uw werk? Teamleider Anouk Jansen beantwoordt de vragen die zij het vaakst "
                "hoort."
            ),
            body=(
                "<h2>Wat is de Woo?</h2>"
                "<p>De Woo is de opvolger van de Wet openbaarheid van bestuur (Wob). De wet "
                "gaat ervan uit dat informatie van de overheid openbaar is, tenzij er een goede "
                "reden is om dat niet te doen.</p>"
                "<h2>Hoe snel moet ik een verzoek beantwoorden?</h2>"
                "<p>Binnen vier weken. Soms mag u daar twee weken bij nemen. Dan moet u de "
                "aanvrager wel op tijd laten weten waarom.</p>"
                "<h2>Wat kan ik nu al doen?</h2>"
                "<ol>"
                "<li>Bewaar informatie op de afgesproken plek, niet in uw eigen mailbox.</li>"
                "<li>Schrijf notities alsof ze later openbaar worden.</li>"
                "<li>Vraag op tijd hulp aan uw collega's van openbaarheid.</li>"
                "</ol>"
                "<p>Meer uitleg vindt u op "
                '<a href="https://www.open-overheid.nl/">open-overheid.nl</a>.</p>'
            ),
            tags=("Woo", "openbaarheid", "informatiemanagement"),
            image_label="Wet open overheid",
            image_caption="Openbaar, tenzij: dat is het uitgangspunt van de Woo.",
            days_from_now=-9,
            speakers=(Role("anouk-jansen"),),
        ),
        ArticleSpec(
            slug="avg-in-de-praktijk",
            title="AVG in de praktijk: zo gaat u zorgvuldig om met persoonsgegevens",
            lead=(
                "De Algemene verordening gegevensbescherming (AVG) geldt al sinds 2018. Toch "
                "blijft het lastig om in het dagelijks werk de juiste keuzes te maken. Een "
                "paar vuistregels helpen."
            ),
            body=(
                "<p>Functionaris gegevensbescherming Youssef Bakkali krijgt elke week vragen "
                "van collega's. Mag ik dit bestand delen? Hoe lang mag ik dit bewaren? Zijn "
                "antwoord begint bijna altijd met een wedervraag: waarvoor heeft u de gegevens "
                "nodig?</p>"
                "<h2>Vuistregels voor elke dag</h2>"
                "<ul>"
                "<li><strong>Minder is beter:</strong> vraag alleen wat u echt nodig heeft.</li>"
                "<li><strong>Kort bewaren:</strong> ruim gegevens op als u ze niet meer "
                "nodig heeft.</li>"
                "<li><strong>Veilig delen:</strong> gebruik de systemen van uw organisatie, "
                "geen privémail.</li>"
                "</ul>"
                "<h2>Twijfelt u?</h2>"
                "<p>Vraag het uw privacyadviseur of functionaris gegevensbescherming. Op de "
                "website van de "
                '<a href="https://www.autoriteitpersoonsgegevens.nl/">Autoriteit '
                "Persoonsgegevens</a> staat ook veel uitleg.</p>"
            ),
            tags=("AVG", "privacy"),
            image_label="Privacy en AVG",
            image_caption="Zorgvuldig omgaan met gegevens is werk van iedereen.",
            days_from_now=-14,
            speakers=(Role("youssef-bakkali"),),
        ),
        ArticleSpec(
            slug="datagedreven-werken-begint-met-een-goede-vraag",
            title="Datagedreven werken begint met een goede vraag",
            lead=(
                "Veel organisaties verzamelen data, maar gebruiken die nauwelijks. Provincie "
                "Noorderland draait het om: eerst de vraag, dan de data."
            ),
            body=(
                "<p>Een dashboard met honderd grafieken helpt niemand. Dat was de les van een "
                "eerste poging bij de provincie. Programmamanager Daan Hoekstra koos daarna "
                "voor een andere aanpak.</p>"
                "<h2>Klein beginnen</h2>"
                "<p>Teams kiezen zelf één vraag die ze met data willen beantwoorden. "
                "Bijvoorbeeld: op welke wegen gebeuren de meeste ongelukken met fietsers? Een "
                "datateam helpt bij het zoeken en controleren van de gegevens.</p>"
                "<h2>Wat het oplevert</h2>"
                "<p>Beslissingen worden beter uit te leggen, omdat duidelijk is waarop ze "
                "rusten. En medewerkers leren al doende hoe ze data kritisch kunnen lezen.</p>"
            ),
            tags=("data", "datagedreven werken", "digitalisering"),
            image_label="Datagedreven werken",
            image_caption="Eerst de vraag, dan de data.",
            days_from_now=-20,
            series="digitale-overheid",
            speakers=(Role("daan-hoekstra"),),
        ),
        ArticleSpec(
            slug="reuringcafe-wat-vraagt-digitalisering-van-bestuurders",
            title="Reuringcafé: wat vraagt digitalisering van bestuurders?",
            lead=(
                "Digitalisering is geen zaak van de ICT-afdeling alleen. In het Reuringcafé "
                "spraken twee gasten over wat bestuurders moeten weten en durven."
            ),
            body=(
                "<p>Bestuurders nemen steeds vaker besluiten over systemen, data en "
                "algoritmes. Moeten ze daarvoor zelf verstand van techniek hebben? Nee, vonden "
                "de gasten. Maar ze moeten wel de goede vragen stellen.</p>"
                "<h2>De goede vragen</h2>"
                "<ul>"
                "<li>Welk probleem lossen we hiermee op, en voor wie?</li>"
                "<li>Wat gebeurt er als het systeem uitvalt?</li>"
                "<li>Kunnen we aan inwoners uitleggen hoe een besluit tot stand komt?</li>"
                "</ul>"
                "<h2>Samen leren</h2>"
                "<p>Ilse Vermeer pleitte voor korte, vaste momenten waarop bestuur en "
                "vakmensen samen naar lopende projecten kijken. Daan Hoekstra vulde aan: "
                "<em>laat zien wat er misging, niet alleen wat goed ging.</em></p>"
            ),
            tags=("digitalisering", "leiderschap"),
            image_label="Digitaal leiderschap",
            image_caption="Bestuurders hoeven geen techneut te zijn, wel nieuwsgierig.",
            days_from_now=-27,
            series="reuringcafe",
            speakers=(Role("ilse-vermeer"), Role("daan-hoekstra")),
        ),
        ArticleSpec(
            slug="phishingoefening-maakt-medewerkers-alert",
            title="Phishingoefening maakt medewerkers alert",
            lead=(
                "Een nepmail die er echt uitzag: bij Veiligheidsregio Kustland klikte bijna "
                "een op de vijf medewerkers op de link. Een half jaar later was dat veel "
                "minder."
            ),
            body=(
                "<p>Aanvallers gebruiken steeds vaker e-mails die lijken op berichten van "
                "collega's of leveranciers. Daarom oefent de veiligheidsregio met nepmails. "
                "Wie klikt, krijgt meteen een korte uitleg.</p>"
                "<h2>Niet straffen, wel leren</h2>"
                "<p>Adviseur informatiebeveiliging Marloes de Wit benadrukt dat niemand op "
                "zijn kop krijgt. Het gaat erom dat mensen een verdachte mail herkennen en "
                "melden.</p>"
                "<h2>Waar let u op?</h2>"
                "<ol>"
                "<li>Klopt het adres van de afzender?</li>"
                "<li>Wordt u onder druk gezet om snel iets te doen?</li>"
                "<li>Vraagt de mail om een wachtwoord of betaling?</li>"
                "</ol>"
                "<p>Tips van het Nationaal Cyber Security Centrum staan op "
                '<a href="https://www.ncsc.nl/">ncsc.nl</a>.</p>'
            ),
            tags=("cybersecurity", "informatiebeveiliging"),
            image_label="Cybersecurity",
            image_caption="Een verdachte mail melden is beter dan klikken.",
            days_from_now=-33,
            speakers=(Role("marloes-de-wit"),),
        ),
        ArticleSpec(
            slug="leidinggeven-aan-verandering",
            title="Leidinggeven aan verandering: luisteren gaat voor sturen",
            lead=(
                "Reorganisaties, nieuwe wetten, nieuwe systemen: leidinggevenden bij de "
                "overheid hebben het druk met veranderen. Wat helpt hun teams echt?"
            ),
            body=(
                "<p>Uit gesprekken met leidinggevenden komt steeds hetzelfde beeld naar voren. "
                "Teams gaan beter mee in een verandering als ze weten waarom die nodig is. En "
                "als ze zelf mogen meedenken over hoe.</p>"
                "<h2>Drie gewoontes</h2>"
                "<ul>"
                "<li>Vertel het waarom, ook als dat ongemakkelijk is.</li>"
                "<li>Vraag door bij weerstand: er zit vaak vakkennis achter.</li>"
                "<li>Maak tijd om samen terug te kijken.</li>"
                "</ul>"
                "<blockquote><p>Wie wil dat anderen veranderen, moet zelf ook willen "
                "leren.</p></blockquote>"
            ),
            tags=("leiderschap", "leren en ontwikkelen", "HR"),
            image_label="Leiderschap",
            image_caption="Goed luisteren maakt een verandering sterker.",
            days_from_now=-41,
        ),
        ArticleSpec(
            slug="algoritmes-uitleggen-aan-inwoners",
            title="Algoritmes bij de overheid: leg uit wat u doet",
            lead=(
                "Steeds meer overheidsorganisaties gebruiken algoritmes. Inwoners willen weten "
                "hoe die werken. Een openbaar overzicht helpt."
            ),
            body=(
                "<p>Een algoritme kan helpen om werk te verdelen of risico's te zien. Maar het "
                "kan ook fouten maken of groepen mensen ongelijk behandelen. Daarom is "
                "uitleg belangrijk.</p>"
                "<h2>Het Algoritmeregister</h2>"
                "<p>In het "
                '<a href="https://algoritmes.overheid.nl/">Algoritmeregister van de '
                "overheid</a> beschrijven organisaties welke algoritmes ze gebruiken en "
                "waarvoor. Zo kan iedereen meekijken.</p>"
                "<h2>Vragen die u zich kunt stellen</h2>"
                "<ul>"
                "<li>Welke gegevens gebruikt het algoritme?</li>"
                "<li>Wie controleert de uitkomsten?</li>"
                "<li>Kan een inwoner bezwaar maken tegen een besluit?</li>"
                "</ul>"
            ),
            tags=("algoritmes", "data", "privacy", "digitalisering"),
            image_label="Algoritmes",
            image_caption="Wie een algoritme gebruikt, moet het kunnen uitleggen.",
            days_from_now=-48,
            series="digitale-overheid",
        ),
        ArticleSpec(
            slug="samenwerken-in-de-regio",
            title="Samenwerken in de regio: informatie delen zonder gedoe",
            lead=(
                "Gemeenten, zorgpartners en de veiligheidsregio werken steeds vaker samen. "
                "Informatie delen blijkt dan lastiger dan gedacht."
            ),
            body=(
                "<p>Iedere partner heeft eigen systemen en eigen regels. Wie gegevens wil "
                "delen, loopt al snel vast. Toch is samenwerken zonder informatie "
                "onmogelijk.</p>"
                "<h2>Maak vooraf afspraken</h2>"
                "<p>Leg vast welke informatie u deelt, met wie en waarom. Spreek ook af wie "
                "verantwoordelijk is als er iets misgaat. Zo'n afspraak maakt het werk "
                "daarna een stuk makkelijker.</p>"
                "<h2>Denk aan privacy</h2>"
                "<p>Deel niet meer dan nodig. Uw functionaris gegevensbescherming kan "
                "helpen om de afspraken te toetsen.</p>"
            ),
            tags=("samenwerking", "informatiemanagement", "privacy", "gemeenten"),
            image_label="Samenwerken",
            image_caption="Goede afspraken maken samenwerken makkelijker.",
            days_from_now=-56,
        ),
        ArticleSpec(
            slug="nieuwe-trainees-informatiemanagement",
            title="Nieuwe groep trainees informatiemanagement gaat van start",
            lead=(
                "Twaalf jonge professionals beginnen aan een traineeship informatiemanagement. "
                "Ze werken twee jaar bij verschillende overheidsorganisaties."
            ),
            body=(
                "<p>De trainees komen uit heel verschillende vakken: bestuurskunde, "
                "informatica, geschiedenis en rechten. Die mix is een bewuste keuze.</p>"
                "<h2>Leren in de praktijk</h2>"
                "<p>Elke trainee werkt aan echte opdrachten, bijvoorbeeld een nieuw "
                "zaaksysteem of een plan voor digitaal archiveren. Eens per maand komt de "
                "groep samen om ervaringen te delen.</p>"
                f'<p>Meer over dit onderwerp leest u bij <a href="{learning_url}">leren en '
                "ontwikkelen</a>.</p>"
            ),
            tags=("informatiemanagement", "leren en ontwikkelen"),
            image_label="Traineeship",
            image_caption="Twee jaar leren door te doen.",
            days_from_now=-63,
        ),
        ArticleSpec(
            slug="digitale-toegankelijkheid-websites-voor-iedereen",
            title="Digitale toegankelijkheid: een website voor iedereen",
            lead=(
                "Websites en apps van de overheid moeten voor iedereen bruikbaar zijn. Ook "
                "voor mensen die slecht zien of geen muis kunnen gebruiken."
            ),
            body=(
                "<p>Overheidsorganisaties zijn verplicht om hun websites toegankelijk te maken "
                "en daarover een toegankelijkheidsverklaring te publiceren. Dat is meer dan "
                "een technische klus.</p>"
                "<h2>Waar begint u?</h2>"
                "<ul>"
                "<li>Schrijf in duidelijke taal.</li>"
                "<li>Geef elke afbeelding een tekst die zegt wat erop staat.</li>"
                "<li>Test uw website met het toetsenbord alleen.</li>"
                "</ul>"
                '<p>Kijk voor de regels en hulpmiddelen op <a href="https://www.digitoegankelijk'
                '.nl/">digitoegankelijk.nl</a>.</p>'
            ),
            tags=("toegankelijkheid", "digitalisering"),
            image_label="Toegankelijkheid",
            image_caption="Een goede website werkt voor iedereen.",
            days_from_now=-71,
            series="digitale-overheid",
        ),
        ArticleSpec(
            slug="hybride-werken-vraagt-nieuwe-afspraken",
            title="Hybride werken vraagt om nieuwe afspraken",
            lead=(
                "Deels thuis, deels op kantoor: voor veel ambtenaren is dat normaal geworden. "
                "Teams die er goede afspraken over maken, werken prettiger samen."
            ),
            body=(
                "<p>Thuis werken geeft rust om te schrijven en na te denken. Op kantoor "
                "ontmoet u collega's en leert u van elkaar. De kunst is om die twee goed te "
                "combineren.</p>"
                "<h2>Afspraken die werken</h2>"
                "<ul>"
                "<li>Een vaste teamdag op kantoor.</li>"
                "<li>Duidelijke tijden waarop u bereikbaar bent.</li>"
                "<li>Aandacht voor nieuwe collega's, die juist veel leren van meekijken.</li>"
                "</ul>"
                "<p>Leidinggevenden spelen een belangrijke rol: zij geven het goede "
                "voorbeeld.</p>"
            ),
            tags=("HR", "leiderschap", "leren en ontwikkelen"),
            image_label="Hybride werken",
            image_caption="Thuis en op kantoor: elk heeft een eigen functie.",
            days_from_now=-80,
        ),
        ArticleSpec(
            slug="reuringcafe-open-data-open-overheid",
            title="Reuringcafé: open data, open overheid?",
            lead=(
                "Maakt meer data delen de overheid ook opener? In het Reuringcafé spraken een "
                "teamleider openbaarheid en een datamanager over kansen en grenzen."
            ),
            body=(
                "<p>Open data kan inwoners, journalisten en onderzoekers helpen om te zien wat "
                "de overheid doet. Maar een bestand online zetten is nog geen uitleg.</p>"
                "<h2>Kansen</h2>"
                "<p>Daan Hoekstra liet zien hoe open data over verkeer tot nieuwe ideeën "
                "leidde, bijvoorbeeld van studenten die er een app mee bouwden.</p>"
                "<h2>Grenzen</h2>"
                "<p>Anouk Jansen wees op persoonsgegevens en op gegevens die de veiligheid "
                "raken. Die horen niet in een open bestand. Openbaar maken vraagt dus altijd "
                "om een afweging.</p>"
            ),
            tags=("Woo", "openbaarheid", "data"),
            image_label="Open data",
            image_caption="Open data is pas nuttig als iemand het begrijpt.",
            days_from_now=-92,
            series="reuringcafe",
            speakers=(
                Role("anouk-jansen"),
                Role("daan-hoekstra", function="datamanager"),
            ),
        ),
        ArticleSpec(
            slug="een-datalek-wat-nu",
            title="Een datalek: wat moet u nu doen?",
            lead=(
                "Een mail naar de verkeerde persoon of een kwijtgeraakte laptop: een datalek "
                "is snel gebeurd. Met een goed plan weet iedereen wat er dan moet gebeuren."
            ),
            body=(
                "<p>Een datalek moet u meestal binnen 72 uur melden bij de Autoriteit "
                "Persoonsgegevens. Dat lukt alleen als iedereen weet wat de eerste stappen "
                "zijn.</p>"
                "<h2>De eerste stappen</h2>"
                "<ol>"
                "<li>Meld het direct bij uw privacy- of securityteam.</li>"
                "<li>Schrijf op wat er gebeurde en wanneer.</li>"
                "<li>Beperk de schade: vraag bijvoorbeeld om een mail te verwijderen.</li>"
                "</ol>"
                "<h2>Oefen het plan</h2>"
                "<p>Youssef Bakkali en Marloes de Wit oefenen het plan elk jaar met "
                "verschillende teams. Zo blijft het geen papier in een la.</p>"
            ),
            tags=("AVG", "cybersecurity", "privacy"),
            image_label="Datalek",
            image_caption="Snel melden beperkt de schade.",
            days_from_now=-105,
            speakers=(Role("youssef-bakkali"), Role("marloes-de-wit")),
        ),
        ArticleSpec(
            slug="archiveren-in-de-cloud",
            title="Archiveren in de cloud: wat mag wel en wat niet?",
            lead=(
                "Steeds meer informatie staat in de cloud. Wat betekent dat voor het bewaren "
                "van overheidsinformatie volgens de Archiefwet?"
            ),
            body=(
                "<p>Ook informatie in de cloud valt onder de Archiefwet. U moet dus weten "
                "waar die staat, hoe lang die bewaard blijft en hoe u haar weer kunt "
                "terughalen als u van leverancier wisselt.</p>"
                "<h2>Let op bij de keuze</h2>"
                "<ul>"
                "<li>Waar staan de servers, en welke wetten gelden daar?</li>"
                "<li>Kunt u informatie in een open formaat exporteren?</li>"
                "<li>Wie mag erbij, ook bij de leverancier?</li>"
                "</ul>"
            ),
            tags=("archief", "informatiemanagement", "digitalisering"),
            image_label="Archief in de cloud",
            image_caption="Ook in de cloud blijft de Archiefwet gelden.",
            days_from_now=-118,
            series="digitale-overheid",
        ),
        ArticleSpec(
            slug="concept-terugblik-op-het-jaar",
            title="Terugblik: een jaar digitale overheid (concept)",
            lead="Wat veranderde er dit jaar in de digitale overheid? Een eerste opzet.",
            body=(
                "<p>Dit artikel is nog niet af. De redactie vult het aan met de "
                "belangrijkste ontwikkelingen van het jaar.</p>"
                "<h2>Onderwerpen</h2>"
                "<ul><li>Informatiebeheer</li><li>Open overheid</li><li>Algoritmes</li></ul>"
            ),
            tags=("digitalisering",),
            image_label="Terugblik",
            image_caption="Een jaar in vogelvlucht.",
            days_from_now=None,
            published=False,
            series="digitale-overheid",
        ),
        ArticleSpec(
            slug="reuringcafe-over-vertrouwen-in-de-overheid",
            title="Reuringcafé over vertrouwen in de overheid",
            lead=(
                "Hoe wint de overheid het vertrouwen van inwoners terug? Dat is het onderwerp "
                "van het volgende Reuringcafé. Dit verslag verschijnt vanzelf op het geplande "
                "moment."
            ),
            body=(
                "<p>Vertrouwen komt te voet en gaat te paard. In dit Reuringcafé bespreken de "
                "gasten wat overheidsorganisaties zelf kunnen doen.</p>"
                "<h2>Vragen aan de gasten</h2>"
                "<ul>"
                "<li>Wat merken inwoners van een betrouwbare overheid?</li>"
                "<li>Hoe gaat u om met fouten die u heeft gemaakt?</li>"
                "</ul>"
            ),
            tags=("leiderschap", "openbaarheid"),
            image_label="Vertrouwen",
            image_caption="Vertrouwen bouwt u op met kleine stappen.",
            days_from_now=7,
            series="reuringcafe",
        ),
        ArticleSpec(
            slug="wendbaar-werken-in-de-gemeente",
            title="Wendbaar werken in de gemeente: een tussenstand",
            lead=(
                "Drie gemeenten werken sinds een jaar in vaste teams die zelf hun werk "
                "plannen. Wat levert het op, en waar lopen ze tegenaan?"
            ),
            body=(
                "<p>De teams plannen hun werk nu per twee weken. Inwoners krijgen sneller "
                "antwoord, zeggen de gemeenten. Maar niet elk werk past in zo'n ritme.</p>"
                "<h2>Wat helpt</h2>"
                "<ul><li>Een vaste plek voor overleg met de wethouder.</li>"
                "<li>Ruimte om werk te laten liggen dat minder belangrijk is.</li></ul>"
            ),
            tags=("organisatie", "leiderschap"),
            image_label="Wendbaar werken",
            image_caption="Een team plant het werk van de komende twee weken.",
            days_from_now=None,
            published=False,
            in_review=True,
        ),
        ArticleSpec(
            slug="vacature-adviseur-informatiebeheer",
            title="Vacature: adviseur informatiebeheer",
            lead=(
                "Wij zoeken een adviseur die overheidsorganisaties helpt hun informatie op "
                "orde te brengen. Reageren kan tot de vacature sluit."
            ),
            body=(
                "<p>U helpt gemeenten, provincies en ministeries met de Archiefwet, de Woo "
                "en het beheer van informatie in de cloud.</p>"
                "<h2>Wat u meebrengt</h2>"
                "<ul><li>Kennis van informatiebeheer bij de overheid.</li>"
                "<li>Plezier in uitleggen, in gewone taal.</li></ul>"
            ),
            tags=("informatiemanagement",),
            image_label="Vacature",
            image_caption="Werken aan een overheid die haar informatie op orde heeft.",
            days_from_now=-3,
            offline_in_days=12,
        ),
    )


# --- The site around the news: contact details, teasers, whitepapers and a blogger.

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


def promotions() -> list[tuple[str, str, str, int]]:
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


@dataclass(frozen=True)
class WhitepaperSpec:
    slug: str
    title: str
    audience: str
    teaser: str
    summary: str
    tags: tuple[str, ...]
    access: str
    days_ago: int
    pages: tuple[str, ...]


WHITEPAPERS = (
    WhitepaperSpec(
        slug="smart-city",
        title="Smart city",
        audience="",
        teaser=(
            "‘Smart’ lijkt wel een nieuw toverwoord. Net zoals innovatie dat ook al enige jaren "
            "is. Maar wat maakt een stad slim, en wat vraagt dat van de gemeente?"
        ),
        summary=(
            "<p>Sensoren, open data en slimme verkeerslichten: steden proberen veel. "
            "Deze whitepaper laat zien welke keuzes een gemeente eerst moet maken.</p>"
            "<h2>Wat u leest</h2><ul><li>Wat een slimme stad is, en wat niet.</li>"
            "<li>Welke gegevens u nodig hebt, en wie ze beheert.</li>"
            "<li>Hoe u inwoners betrekt en hun privacy beschermt.</li></ul>"
        ),
        tags=("digitalisering", "data", "gemeenten"),
        access="open",
        days_ago=20,
        pages=(
            "Een slimme stad begint bij een goede vraag, niet bij techniek.",
            "Deze demo-pdf is gemaakt voor de Reuring-demo.",
        ),
    ),
    WhitepaperSpec(
        slug="safe-in-cyberspace",
        title="Safe in cyberspace",
        audience="Voor bestuurders, managers en veranderaars",
        teaser=(
            "Met de digitalisering van onze samenleving is het belang van digitale veiligheid "
            "sterk gegroeid. Wat kunt u als bestuurder doen?"
        ),
        summary=(
            "<p>Een datalek of een aanval met gijzelsoftware raakt niet alleen de ICT-afdeling. "
            "Deze whitepaper helpt bestuurders de goede vragen te stellen.</p>"
            "<h2>Wat u leest</h2><ul><li>De grootste risico's voor overheden.</li>"
            "<li>Vijf vragen voor uw eerstvolgende overleg.</li></ul>"
        ),
        tags=("cybersecurity", "informatiebeveiliging", "leiderschap"),
        access="form",
        days_ago=5,
        pages=(
            "Digitale veiligheid is een bestuurlijke verantwoordelijkheid.",
            "Deze demo-pdf is gemaakt voor de Reuring-demo.",
        ),
    ),
)

BLOGGER = SpeakerSpec(
    slug="annemiek-jansen",
    name="Annemiek Jansen",
    initials="AJ",
    function="adviseur informatiemanagement",
    organisation="Gemeente Zuiderveld",
    bio=(
        "Annemiek schrijft over informatiebeheer in de praktijk: wat werkt, en wat niet. "
        + INVENTED
    ),
)


@dataclass(frozen=True)
class BlogPostSpec:
    slug: str
    title: str
    lead: str
    tags: tuple[str, ...]
    days_ago: int

    @property
    def body(self) -> str:
        return (
            f"<p>{self.lead}</p><h2>Wat ik anders zou doen</h2>"
            "<p>Begin klein, spreek af wie wat bewaart, en vier wat lukt.</p>"
        )


BLOG_POSTS = (
    BlogPostSpec(
        "drie-lessen-uit-een-jaar-informatiebeheer",
        "Drie lessen uit een jaar informatiebeheer",
        "Een jaar lang hielp ik collega's hun documenten op orde te brengen. Dit leerde ik.",
        ("informatiemanagement", "archief"),
        3,
    ),
    BlogPostSpec(
        "open-data-begint-bij-goede-afspraken",
        "Open data begint bij goede afspraken",
        "Gegevens openbaar maken is makkelijk. Ze bruikbaar maken vraagt om afspraken.",
        ("data", "openbaarheid"),
        12,
    ),
)
# The Reuringcafé on digitalisation names both whitepapers; other articles use their tags.
RELATED = {
    "reuringcafe-wat-vraagt-digitalisering-van-bestuurders": ("safe-in-cyberspace", "smart-city")
}
