"""The public page /toezeggingen/: the list, its status filter, a commitment's own page."""

import datetime

from django.utils import timezone

from commitments.models import CommitmentUpdate, Role, Status
from community.models import StandardPage
from community.page_cache import STATUS_HEADER

LIST = "/toezeggingen/"


def texts(response):
    return response.content.decode()


def test_the_list_shows_published_commitments_with_status_event_and_dated_updates(
    client, commitments_page, event, panels, make_commitment
):
    commitment = make_commitment(what="Een vast aanspreekpunt bij de gemeente.")
    CommitmentUpdate.objects.create(
        commitment=commitment, date=datetime.date(2026, 11, 20), text="Eerste gesprek gevoerd."
    )
    make_commitment(what="Nog niet openbaar.", published=False)

    response = client.get(LIST)

    html = texts(response)
    assert response.status_code == 200
    assert "Een vast aanspreekpunt bij de gemeente." in html
    assert "Nog niet openbaar." not in html
    assert "Eerste gesprek gevoerd." in html
    assert 'datetime="2026-11-20"' in html
    assert f'href="{event.url}#panel-{panels[0].pk}"' in html
    assert f'href="{event.url}"' in html
    assert "Raadslid, Gemeente Utrecht" in html


def test_a_commitment_past_its_due_date_and_not_done_shows_as_late(
    client, commitments_page, make_commitment
):
    make_commitment(days=-1, status=Status.IN_PROGRESS, what="Te laat.")
    make_commitment(days=-1, status=Status.DONE, what="Op tijd gedaan.")
    make_commitment(days=0, status=Status.OPEN, what="Vandaag nog.")

    late = texts(client.get(LIST, {"status": "te-laat"}))
    done = texts(client.get(LIST, {"status": "gedaan"}))
    open_ = texts(client.get(LIST, {"status": "open"}))

    assert "Te laat." in late and "Op tijd gedaan." not in late and "Vandaag nog." not in late
    assert "Op tijd gedaan." in done and "Te laat." not in done
    assert "Vandaag nog." in open_ and "Te laat." not in open_
    assert "commitment-status--te-laat" in late


def test_an_unknown_status_filter_shows_all_without_an_error(
    client, commitments_page, make_commitment
):
    make_commitment(what="Zichtbaar.")

    response = client.get(LIST, {"status": "<script>"})

    assert response.status_code == 200
    assert "Zichtbaar." in texts(response)


def test_a_name_is_shown_only_with_consent(client, commitments_page, make_commitment):
    make_commitment(person_name="Fatima de Vries", name_consent=True, organisation="Gemeente A")
    make_commitment(role=Role.ORGANISATION, organisation="Veilig Thuis Utrecht")

    html = texts(client.get(LIST))

    assert "Fatima de Vries (raadslid, Gemeente A)" in html
    # An organisation is named by itself, not as "organisation or agency, ...".
    assert "<dd>Veilig Thuis Utrecht</dd>" in html


def test_a_commitments_own_page_lists_its_updates_and_offers_to_follow(
    client, commitments_page, make_commitment
):
    commitment = make_commitment(what="Een vast aanspreekpunt.")
    CommitmentUpdate.objects.create(commitment=commitment, text="Wethouder stuurt een brief.")

    response = client.get(f"{LIST}{commitment.pk}/")

    html = texts(response)
    assert response.status_code == 200
    assert "Wethouder stuurt een brief." in html
    assert 'name="email"' in html
    assert "no-store" in response["Cache-Control"]


def test_an_unpublished_commitment_has_no_page(client, commitments_page, make_commitment):
    commitment = make_commitment(published=False)

    assert client.get(f"{LIST}{commitment.pk}/").status_code == 404


def test_the_report_link_appears_once_the_event_has_a_report(
    client, commitments_page, event, make_commitment
):
    make_commitment()
    assert "/verslag/" not in texts(client.get(LIST))

    report = event.add_child(instance=StandardPage(title="Verslag", slug="verslag"))
    report.save_revision().publish()

    assert f'href="{event.url}verslag/"' in texts(client.get(LIST))


def test_a_commitment_whose_panel_was_removed_keeps_its_event_and_panel_titles(
    client, commitments_page, event, panels, make_commitment
):
    make_commitment(what="Blijft staan.")
    panels[0].delete()

    html = texts(client.get(LIST))

    assert "Blijft staan." in html
    assert "Het Verdrag van Istanbul" in html and event.title in html


def test_the_list_is_cached_and_a_new_update_shows_at_once(
    client, commitments_page, make_commitment
):
    commitment = make_commitment()
    client.get(LIST)  # the first request of all makes the help settings
    client.get(LIST)
    assert client.get(LIST)[STATUS_HEADER] == "hit"

    CommitmentUpdate.objects.create(commitment=commitment, text="Nieuw nieuws.")

    response = client.get(LIST)
    assert response.get(STATUS_HEADER) != "hit"
    assert "Nieuw nieuws." in texts(response)


def test_a_stored_copy_is_not_served_once_a_commitment_turns_late(
    client, clock, commitments_page, make_commitment
):
    make_commitment(days=0, what="Vandaag de laatste dag.")
    client.get(LIST)  # the first request of all makes the help settings
    assert "commitment-status--te-laat" not in texts(client.get(LIST))
    assert client.get(LIST)[STATUS_HEADER] == "hit"

    clock.set(timezone.now() + datetime.timedelta(days=1))

    response = client.get(LIST)
    assert response.get(STATUS_HEADER) != "hit"
    assert "commitment-status--te-laat" in texts(response)


def test_the_page_is_english_for_english_readers(client, commitments_page, make_commitment):
    make_commitment(days=-2)

    html = texts(client.get(LIST, HTTP_ACCEPT_LANGUAGE="en"))

    assert ">late<" in html
