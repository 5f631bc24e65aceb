"""The hints moderators get about details that could identify someone."""

import pytest

from community.identifying import find_identifying_details, segments

pytestmark = pytest.mark.smoke


def found(text):
    return [(finding.kind, finding.text) for finding in find_identifying_details(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail me op merel.jansen@gmail.com.", [("email", "merel.jansen@gmail.com")]),
        ("Kijk op www.facebook.com/mark.devries", [("url", "www.facebook.com/mark.devries")]),
        ("Zie https://example.nl/pagina?id=3, toen", [("url", "https://example.nl/pagina?id=3")]),
        ("Hij staat op insta als @markdv_88", [("handle", "@markdv_88")]),
        ("Bel 06-12345678 of 06 1234 5678", [("phone", "06-12345678"), ("phone", "06 1234 5678")]),
        ("Bel +31 (0)20 123 45 67 gerust", [("phone", "+31 (0)20 123 45 67")]),
        ("Postcode 8011 AB en 3512jc", [("postcode", "8011 AB"), ("postcode", "3512jc")]),
        ("We woonden aan de Kerkstraat 12a.", [("street", "Kerkstraat 12a")]),
        ("Op de Burgemeester Visserlaan stond ons huis", [("street", "Burgemeester Visserlaan")]),
        (
            "Ze woont op nummer 7 en hij op nr. 15b",
            [("house_number", "nummer 7"), ("house_number", "nr. 15b")],
        ),
        ("Later vertelde ik het aan Sanne en Daan.", [("name", "Sanne"), ("name", "Daan")]),
        ("Ik woonde met Jan de Vries samen.", [("name", "Jan de Vries")]),
        ("Mevrouw van den Berg hielp me.", [("name", "van den Berg")]),
        ("Juf Bakker zag het als eerste.", [("name", "Bakker")]),
        ("J. Bakker wist ervan.", [("name", "J. Bakker")]),
        (
            "Een vrouw van 34 jaar uit Amersfoort.",
            [("age_place", "34 jaar"), ("age_place", "Amersfoort")],
        ),
        ("De 41-jarige uit Zwolle zweeg.", [("age_place", "41-jarige"), ("age_place", "Zwolle")]),
    ],
)
def test_identifying_details_are_recognised(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bel Veilig Thuis op 0800-2000 of in nood 112.",
        "In 2019 is het begonnen. Onderweg naar huis was ik bang.",
        "Mark je woorden, zei mijn moeder. Roos is mijn lievelingsbloem.",
        "Ik was 34 jaar toen ik wegging.",
        "De supermarkt en het ziekenhuis waren dichtbij.",
        "5 * 3 = 15, zei ik tegen mezelf.",
    ],
)
def test_ordinary_sentences_raise_no_hints(text):
    assert found(text) == []


def test_each_detail_is_hinted_once_with_the_strongest_kind():
    findings = find_identifying_details("Mail mark@voorbeeld.nl of bel 0612345678.")

    assert [(f.kind, f.text) for f in findings] == [
        ("email", "mark@voorbeeld.nl"),
        ("phone", "0612345678"),
    ]
    assert str(findings[0].label) == "e-mailadres"


def test_segments_cut_the_text_around_the_hints_and_keep_all_of_it():
    text = "Ik woonde met Sanne aan de Kerkstraat 4 <script>."

    parts = segments(text)

    assert "".join(part for part, _ in parts) == text
    assert [(part, finding.kind) for part, finding in parts if finding] == [
        ("Sanne", "name"),
        ("Kerkstraat 4", "street"),
    ]
