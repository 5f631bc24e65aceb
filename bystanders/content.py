"""The guide's starting content, written from Veilig Thuis' public advice for bystanders.

Kept apart from demo.py so that tests build the same guide that a new site starts with.
"""

from typing import Any

INTRO = (
    "Je hoorde of zag iets bij iemand in je buurt, familie, vriendenkring of op je werk, en je "
    "twijfelt: is dit ernstig genoeg, en wat kan ik doen? Deze gids helpt je in vijf korte "
    "stappen van wat je merkte naar een volgende stap, met woorden om het gesprek te beginnen."
)

RELATIONS = [
    {
        "kind": "neighbour",
        "label": "Een buur",
        "hint": "Je woont naast, boven of in de straat van de persoon.",
        "when_to_talk": (
            "Kies een gewoon moment waarop de persoon alleen is: bij de voordeur, in het "
            "trappenhuis, bij de brievenbus. Niet vlak na een ruzie en niet als de ander thuis is."
        ),
        "openers": [
            "Ik hoorde gisteravond harde geluiden bij jullie. Gaat het goed met je?",
            "Ik wil me niet bemoeien, maar ik maak me een beetje zorgen om je.",
            "Als je ooit even wilt praten of ergens heen moet: je mag altijd bij mij aanbellen.",
        ],
    },
    {
        "kind": "family",
        "label": "Familie",
        "hint": "Je bent ouder, kind, broer, zus, tante, oom of schoonfamilie.",
        "when_to_talk": (
            "Zoek een rustig moment onder vier ogen, bijvoorbeeld tijdens een wandeling of in de "
            "auto. Houd rekening met de familiebanden: de persoon kan bang zijn de familie kwijt "
            "te raken."
        ),
        "openers": [
            "Ik zie dat je de laatste tijd stiller bent. Ik ben er voor je, wat er ook is.",
            "Ik schrok van die blauwe plek. Wil je vertellen wat er gebeurd is?",
            "Je hoeft niets uit te leggen. Ik wil alleen dat je weet dat je bij mij terecht kunt.",
        ],
    },
    {
        "kind": "friend",
        "label": "Een vriend of vriendin",
        "hint": "",
        "when_to_talk": (
            "Spreek af op een plek waar jullie niet gestoord worden en niemand meeluistert. Stuur "
            "geen berichten over je zorgen: de telefoon wordt misschien meegelezen."
        ),
        "openers": [
            "Ik mis je. We zien elkaar bijna niet meer, en ik vraag me af hoe het echt met je "
            "gaat.",
            "Je lijkt bang als hij of zij belt. Klopt dat?",
            "Wat je ook vertelt, ik oordeel niet en ik doe niets zonder het met jou te bespreken.",
        ],
    },
    {
        "kind": "colleague",
        "label": "Een collega",
        "hint": "",
        "when_to_talk": (
            "Vraag of jullie even samen koffie gaan halen of een wandeling maken in de pauze. "
            "Niet waar andere collega's bij zijn. Je kunt ook je leidinggevende of de "
            "vertrouwenspersoon op je werk om raad vragen."
        ),
        "openers": [
            "Ik merk dat je de laatste tijd gespannen bent. Gaat het goed thuis?",
            "Je hoeft het mij niet te vertellen, maar als je wilt praten, ben ik er.",
            "Ik zag dat je vaak gebeld wordt en dan schrikt. Is er iets waar ik mee kan helpen?",
        ],
    },
    {
        "kind": "professional",
        "label": "Ik werk met kinderen of gezinnen",
        "hint": "Bijvoorbeeld in het onderwijs, de kinderopvang, de zorg of het sociaal werk.",
        "when_to_talk": (
            "Het gesprek met de ouder, het kind of de cliënt is stap 3 van de meldcode. Bereid het "
            "voor met een collega of aandachtsfunctionaris, en bespreek je zorgen open en zonder "
            "oordeel."
        ),
        "openers": [
            "Ik zie een aantal dingen bij uw kind die me zorgen maken, en die wil ik met u "
            "bespreken.",
            "Ik merk dat je de laatste tijd moe bent en niet graag naar huis gaat. Hoe komt dat?",
            "Ik maak me zorgen om je, en ik wil samen kijken wie ons kan helpen.",
        ],
    },
    {
        "kind": "other",
        "label": "Iets anders",
        "hint": "Bijvoorbeeld een ouder van een klasgenoot, een sportmaatje of een kennis.",
        "when_to_talk": (
            "Zoek een moment waarop de persoon alleen is en jullie rustig kunnen praten, op een "
            "plek die voor jullie allebei gewoon is."
        ),
        "openers": [
            "Ik ken je niet zo goed, maar ik maak me zorgen om je. Gaat het goed?",
            "Als je ooit hulp nodig hebt: ik wil graag iets voor je doen.",
        ],
    },
]

SIGN_GROUPS = [
    {
        "kind": "hear",
        "heading": "Wat je hoort",
        "signs": [
            {"label": "Schreeuwen, gillen of ruzie", "urgent": False},
            {"label": "Harde klappen, bonken of dingen die kapotgaan", "urgent": False},
            {"label": "Kinderen die lang of vaak huilen", "urgent": False},
            {"label": "Iemand die dreigt of bang om hulp roept", "urgent": True},
        ],
    },
    {
        "kind": "adult",
        "heading": "Wat je ziet bij een volwassene",
        "signs": [
            {"label": "Blauwe plekken of andere verwondingen", "urgent": True},
            {"label": "Verwondingen met een vreemde of steeds andere uitleg", "urgent": False},
            {"label": "Kleding die steeds alles bedekt, ook als het warm is", "urgent": False},
            {"label": "Plekken of striemen in de hals", "urgent": True},
        ],
    },
    {
        "kind": "child",
        "heading": "Wat je ziet bij een kind",
        "signs": [
            {"label": "Verwondingen die niet bij spelen passen", "urgent": True},
            {
                "label": "Een kind dat er verwaarloosd uitziet: vies, honger, verkeerde kleding",
                "urgent": False,
            },
            {"label": "Een kind dat bang is om naar huis te gaan", "urgent": False},
            {"label": "Een kind dat vaak alleen thuis is of laat op straat", "urgent": False},
        ],
    },
    {
        "kind": "behaviour",
        "heading": "Gedrag",
        "signs": [
            {"label": "Iemand is bang of gespannen als de partner erbij is", "urgent": False},
            {
                "label": (
                    "Iemand mag niet alleen weg, geen vrienden zien of zelf over geld beslissen"
                ),
                "urgent": False,
            },
            {"label": "De partner controleert de telefoon of berichten", "urgent": False},
            {
                "label": "Iemand trekt zich terug, zegt afspraken af of is veranderd",
                "urgent": False,
            },
        ],
    },
]

OPTIONS = [
    {
        "kind": "talk",
        "title": "Praat met de persoon om wie je je zorgen maakt",
        "body": (
            "<p>Een gesprek kan veel betekenen: iemand merkt dat het opvalt en dat er iemand is "
            "die om hem of haar geeft. Je hoeft niets op te lossen.</p>"
            "<ul><li>Kies een moment waarop de persoon alleen is en het veilig is.</li>"
            "<li>Vertel wat je zag of hoorde en dat je je zorgen maakt. Oordeel niet.</li>"
            "<li>Luister, en dring niet aan. Het kan lang duren voordat iemand iets vertelt.</li>"
            "<li>Noem Veilig Thuis (0800-2000, gratis en anoniem) en het codewoord Masker 19 "
            "bij de apotheek.</li></ul>"
            "<p><b>Wat je beter niet doet</b></p>"
            "<ul><li>Spreek nooit degene aan die het geweld pleegt: dat kan het gevaarlijker "
            "maken, voor de ander en voor jou.</li>"
            "<li>Beloof geen geheimhouding die je misschien niet kunt waarmaken. Zeg liever: "
            "“Ik doe niets zonder het eerst met jou te bespreken.”</li>"
            "<li>Zeg niet wat iemand moet doen, zoals “Je moet bij hem weg”.</li></ul>"
        ),
        "summary": (
            "Zoek een rustig moment waarop de persoon alleen is. Vertel wat je merkte en dat je "
            "je zorgen maakt, luister en dring niet aan. Spreek nooit degene aan die het geweld "
            "pleegt, en beloof geen geheimhouding die je niet kunt waarmaken."
        ),
        "for_relations": [],
        "for_sign_groups": [],
        "urgent_only": False,
    },
    {
        "kind": "talk",
        "title": "Praat met het kind",
        "body": (
            "<p>Kinderen vertellen zelden uit zichzelf wat er thuis gebeurt. Laat merken dat het "
            "kind bij jou terechtkan.</p>"
            "<ul><li>Stel open vragen, zoals “Hoe gaat het thuis?”, en geen vragen die het "
            "antwoord al geven.</li><li>Zeg dat het niet de schuld van het kind is.</li>"
            "<li>Beloof niet dat je het aan niemand vertelt. Zeg wel dat je samen kijkt wie kan "
            "helpen.</li></ul>"
        ),
        "summary": (
            "Laat het kind merken dat het bij jou terechtkan, stel open vragen en zeg dat het "
            "niet zijn of haar schuld is. Beloof geen geheimhouding."
        ),
        "for_relations": [],
        "for_sign_groups": ["child"],
        "urgent_only": False,
    },
    {
        "kind": "others",
        "title": "Praat met anderen die het ook merkten",
        "body": (
            "<p>Je staat er vaak niet alleen voor: andere buren, familieleden of collega's "
            "hebben misschien hetzelfde gezien of gehoord. Samen is het makkelijker om een stap "
            "te zetten, en samen weet je meer.</p>"
            "<p>Praat met hen op een plek waar de betrokkenen het niet horen, en verspreid geen "
            "geruchten. Ben je bezorgd om een huishouden in je buurt? Met "
            '<a href="/bezorgd-om-je-buren/">Bezorgd om je buren</a> geef je dat anoniem aan en '
            "zie je of anderen zich ook zorgen maken.</p>"
        ),
        "summary": (
            "Vraag voorzichtig aan anderen die de persoon kennen of zij ook iets merkten, zonder "
            "geruchten te verspreiden. Buren kunnen hun zorg anoniem aangeven op "
            "Kring, bij “Bezorgd om je buren”."
        ),
        "for_relations": [],
        "for_sign_groups": [],
        "urgent_only": False,
    },
    {
        "kind": "advice",
        "title": "Vraag Veilig Thuis om advies",
        "body": (
            "<p>Twijfel je of het ernstig genoeg is? Juist dan kun je Veilig Thuis bellen: "
            '<a href="tel:08002000">0800-2000</a>. Bellen is gratis, kan dag en nacht, en je '
            "mag anoniem blijven. Je hoeft niet zeker te zijn en je hebt geen bewijs nodig.</p>"
            "<p><b>Wat ze je vragen</b></p>"
            "<ul><li>Wat heb je gezien of gehoord, en sinds wanneer?</li>"
            "<li>Om wie gaat het, en zijn er kinderen bij betrokken?</li>"
            "<li>Hoe ken je de persoon, en heb je er al met iemand over gepraat?</li></ul>"
            "<p><b>Wat er daarna gebeurt</b></p>"
            "<p>Samen bekijk je wat jij zelf kunt doen, bijvoorbeeld een gesprek voorbereiden. Jij "
            "beslist of het bij advies blijft. Je kunt later altijd terugbellen, ook als er iets "
            "nieuws gebeurt.</p>"
        ),
        "summary": (
            "Bel Veilig Thuis: 0800-2000. Gratis, dag en nacht, en anoniem als je dat wilt. Vertel "
            "wat je zag of hoorde en sinds wanneer. Samen bekijk je wat jij kunt doen; jij "
            "beslist of het bij advies blijft."
        ),
        "for_relations": [],
        "for_sign_groups": [],
        "urgent_only": False,
    },
    {
        "kind": "report",
        "title": "Doe een melding bij Veilig Thuis",
        "body": (
            "<p>Maak je je ernstige zorgen, of blijft het gebeuren? Dan kun je een melding doen "
            'bij Veilig Thuis: <a href="tel:08002000">0800-2000</a>. Een melding betekent dat '
            "Veilig Thuis zelf in actie komt.</p>"
            "<p><b>Wat er na een melding gebeurt</b></p>"
            "<ul><li>Veilig Thuis beoordeelt binnen enkele dagen hoe veilig de mensen in het "
            "huishouden zijn.</li><li>Daarna praten ze met het gezin en zo nodig met anderen, "
            "zoals de huisarts of school, en zorgen ze dat er passende hulp komt.</li>"
            "<li>Veilig Thuis vraagt je naam, maar vertelt het gezin niet wie de melding deed als "
            "je dat niet wilt.</li><li>Je kunt vragen of Veilig Thuis je laat weten wat er met je "
            "melding is gedaan. Details over het gezin mogen ze niet delen, maar je hoort wel "
            "welke stap ze hebben gezet.</li></ul>"
        ),
        "summary": (
            "Bel Veilig Thuis (0800-2000) en zeg dat je een melding wilt doen. Vraag of ze je "
            "naam buiten het gesprek met het gezin houden, en vraag of ze je laten weten wat er "
            "met je melding is gedaan."
        ),
        "for_relations": [],
        "for_sign_groups": [],
        "urgent_only": False,
    },
    {
        "kind": "report",
        "title": "Bel vandaag nog Veilig Thuis",
        "body": (
            "<p>Wat je aanvinkte kan wijzen op ernstig geweld, zoals verwondingen, bedreiging of "
            "geweld tegen de hals. Wacht daarom niet af: bel vandaag nog Veilig Thuis, "
            '<a href="tel:08002000">0800-2000</a>. Is er op dit moment gevaar, bel dan '
            '<a href="tel:112">112</a>.</p>'
        ),
        "summary": (
            "Wat je merkte kan wijzen op ernstig geweld. Bel vandaag nog Veilig Thuis "
            "(0800-2000), en 112 als er nu gevaar is."
        ),
        "for_relations": [],
        "for_sign_groups": [],
        "urgent_only": True,
    },
    {
        "kind": "report",
        "title": "Volg de meldcode van je organisatie",
        "body": (
            "<p>Werk je in het onderwijs, de kinderopvang, de gezondheidszorg, de jeugdhulp, de "
            "maatschappelijke ondersteuning of justitie? Dan volg je bij zorgen de meldcode "
            "huiselijk geweld en kindermishandeling van je organisatie, met het afwegingskader "
            "van je beroepsgroep. Vraag je aandachtsfunctionaris om hulp. Je kunt in elke stap "
            "Veilig Thuis om advies vragen.</p>"
        ),
        "summary": (
            "Volg de vijf stappen van de meldcode, met je aandachtsfunctionaris. Bij acute of "
            "structurele onveiligheid meld je altijd bij Veilig Thuis."
        ),
        "for_relations": ["professional"],
        "for_sign_groups": [],
        "urgent_only": False,
    },
    {
        "kind": "self_care",
        "title": "Zorg ook goed voor jezelf",
        "body": (
            "<p>Zorgen om iemand anders kunnen zwaar zijn. Het is normaal dat je twijfelt, boos "
            "bent of er wakker van ligt.</p>"
            "<ul><li>Praat erover met iemand die je vertrouwt, zonder namen te noemen.</li>"
            "<li>Je bent niet verantwoordelijk voor wat de ander beslist. Jij hoeft het niet op "
            "te lossen.</li><li>Ook jij kunt Veilig Thuis bellen voor steun en advies over wat "
            "je meemaakte.</li></ul>"
        ),
        "summary": (
            "Zorg ook voor jezelf: praat met iemand die je vertrouwt, en onthoud dat jij niet "
            "verantwoordelijk bent voor wat de ander beslist."
        ),
        "for_relations": [],
        "for_sign_groups": [],
        "urgent_only": False,
    },
]

MELDCODE_INTRO = (
    "<p>Werk je met kinderen of gezinnen, bijvoorbeeld in het onderwijs, de kinderopvang, de "
    "zorg of het sociaal werk? Dan ben je wettelijk verplicht om bij vermoedens van huiselijk "
    "geweld of kindermishandeling de meldcode van je organisatie te volgen. Bij acute of "
    "structurele onveiligheid meld je altijd bij Veilig Thuis.</p>"
)

MELDCODE_STEPS = [
    ("Breng signalen in kaart", "Schrijf op wat je ziet en hoort, feitelijk en met de datum."),
    (
        "Overleg met een collega",
        "Bespreek je zorgen met een collega of de aandachtsfunctionaris. Vraag zo nodig Veilig "
        "Thuis of een letselexpert om advies.",
    ),
    (
        "Ga in gesprek",
        "Praat met de ouder, het kind of de cliënt over je zorgen, tenzij dat de veiligheid in "
        "gevaar brengt.",
    ),
    (
        "Weeg het geweld of de kindermishandeling",
        "Gebruik het afwegingskader van je beroepsgroep: is er acute of structurele onveiligheid?",
    ),
    (
        "Beslis: melden en hulp",
        "Is melden bij Veilig Thuis nodig? En kun je zelf hulp bieden of organiseren? Bij acute "
        "of structurele onveiligheid meld je altijd.",
    ),
]


def page_fields() -> dict[str, Any]:
    """The content of a new guide page, in the shape its StreamFields take."""
    return {
        "intro": INTRO,
        "relations": [("relation", relation) for relation in RELATIONS],
        "sign_groups": [("group", group) for group in SIGN_GROUPS],
        "options": [("option", _option(option)) for option in OPTIONS],
        "meldcode_intro": MELDCODE_INTRO,
        "meldcode_steps": [("step", {"title": t, "text": text}) for t, text in MELDCODE_STEPS],
    }


def _option(option: dict[str, Any]) -> dict[str, Any]:
    from wagtail.rich_text import RichText

    return {**option, "body": RichText(option["body"])}
