"""The guide's screens as a visitor meets them: mistakes, going back, the summary, the links."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from bystanders import content
from bystanders.models import GuidePage
from tests.bystanders.walking import URL, ids, main, main_text, submit, walk_to_options


def test_forgetting_to_answer_says_what_to_do_on_the_same_step(client, guide_page):
    first = client.post(URL, {"step": "danger"})
    relation = client.post(URL, {"step": "relation", "danger": "no"})
    options = submit(client, walk_to_options(client, guide_page, relation="friend"))

    assert "Kies ja of nee." in main(first).select_one("[role=alert]").get_text()
    assert main(first).select_one("input[name=danger]")
    assert "Kies wie jij voor die persoon bent." in main_text(relation)
    assert main(relation).select_one("input[name=relation]")
    assert "Kies de stap die je wilt zetten." in main_text(options)
    assert main(options).select_one("input[name=option]")


def test_going_back_keeps_what_was_ticked(client, guide_page):
    signs = [
        content.SIGN_GROUPS[1]["signs"][0]["label"],
        content.SIGN_GROUPS[3]["signs"][2]["label"],
    ]
    options = walk_to_options(client, guide_page, relation="colleague", signs=signs)

    back = submit(client, options, go="back")

    ticked = [
        main(back).select_one(f"label[for={box['id']}]").get_text(strip=True)
        for box in main(back).select("input[name=sign][checked]")
    ]
    assert ticked == signs
    relation = submit(client, back, go="back")
    checked = main(relation).select_one("input[name=relation][checked]")
    assert checked["value"] == ids(guide_page)["relations"]["colleague"]


def test_summary_shows_the_chosen_step_the_words_and_the_numbers(client, guide_page):
    signs = [content.SIGN_GROUPS[0]["signs"][0]["label"]]
    options = walk_to_options(client, guide_page, relation="neighbour", signs=signs)
    talk = ids(guide_page)["options"]["Praat met de persoon om wie je je zorgen maakt"]

    summary = submit(client, options, pick={"option": talk})

    body = main(summary)
    assert body.select_one(".guide-chosen h2").get_text(strip=True) == (
        "Praat met de persoon om wie je je zorgen maakt"
    )
    text = main_text(summary)
    assert content.RELATIONS[0]["openers"][0] in text
    assert signs[0] in text
    assert body.select_one(".guide-numbers a[href='tel:112']")
    assert body.select_one(".guide-numbers a[href='tel:08002000']").get_text() == "0800-2000"
    assert "Masker 19" in text
    assert body.select_one("[data-guide-print]").has_attr("hidden")  # shown by the module
    assert b"bystanders/guide.css" in summary.content


def test_summary_of_advice_says_what_veilig_thuis_does(client, guide_page):
    options = walk_to_options(client, guide_page, relation="other")
    advice = ids(guide_page)["options"]["Vraag Veilig Thuis om advies"]
    report = ids(guide_page)["options"]["Doe een melding bij Veilig Thuis"]

    text = main_text(options)
    advice_summary = main_text(submit(client, options, pick={"option": advice}))
    report_summary = main_text(submit(client, options, pick={"option": report}))

    assert "Wat ze je vragen" in text and "Wat er na een melding gebeurt" in text
    assert "/bezorgd-om-je-buren/" in options.content.decode()
    assert "anoniem" in advice_summary and "0800-2000" in advice_summary
    assert "laten weten wat er met je melding is gedaan" in report_summary


def test_english_visitors_get_the_interface_in_english(guide_page):
    client = Client(headers={"accept-language": "en"})

    response = client.post(URL, {"step": "danger", "danger": "no"})

    assert main(response).select_one("h1").get_text(strip=True) == "Who are you to them?"
    assert "Step 2 of 5" in main_text(response)


def test_a_guide_without_an_option_for_everyone_cannot_be_published(guide_page):
    page = GuidePage.objects.get(pk=guide_page.pk)
    page.options = [("option", {**child.value, "urgent_only": True}) for child in page.options]

    with translation.override("nl"):
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        message = str(refused.value.message_dict["options"])

    assert "zonder voorwaarden" in message


def test_demo_content_links_the_guide_from_home_and_help(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    home = client.get("/")
    help_page = client.get("/hulp/")
    guide = client.get(URL)

    assert main(home).select_one(f"a[href='{URL}']")
    assert main(help_page).select_one(f"a[href='{URL}']")
    assert main(guide).select_one("h1").get_text(strip=True) == "Wat kun je doen?"
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert GuidePage.objects.count() == 1
    assert client.get("/hulp/").content.decode().count(f'href="{URL}"') >= 1


def test_the_guide_cannot_move_away_from_its_address(guide_page):
    page = GuidePage.objects.get(pk=guide_page.pk)
    page.slug = "gids"

    with translation.override("nl"):
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        message = str(refused.value.message_dict["slug"])

    assert "/wat-kun-je-doen/" in message
