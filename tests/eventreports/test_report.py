"""The report page: figures protected, the same in CSV and JSON, answers from the admin."""

import csv
import io
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from eventreports.models import EventReportPage, ReportQuestion
from live.models import Question, Statement
from tests.eventreports.conftest import ask
from tests.helpers import make_staff, staff_login

pytestmark = pytest.mark.django_db

REPORT = "/evenementen/9-december/verslag/"


@pytest.fixture
def voted(room):
    room.status = room.Status.CLOSED
    room.closed_at = timezone.now()
    room.save()
    return Statement.objects.create(
        room=room,
        text="Eén vast contactpersoon helpt.",
        status=Statement.Status.CLOSED,
        agree_count=31,
        disagree_count=4,
        neutral_count=7,
    )


def test_statement_figures_are_protected_and_match_csv_and_json(report_page, voted):
    page = Client().get(REPORT).content.decode()
    rows = list(csv.reader(io.StringIO(Client().get(REPORT + "csv/").content.decode())))
    data = Client().get(REPORT + "json/").json()

    statement_rows = {row[3]: row[4] for row in rows if row[1] == "stelling"}
    votes = {key: value for key, value in statement_rows.items() if ":" not in key}
    # No vote here carries a role (the counts were set directly): every role too few.
    by_role = {key: value for key, value in statement_rows.items() if ":" in key}
    assert by_role and set(by_role.values()) == {"te weinig stemmen"}
    # 31 agree rounds to 30; 4 is under 5; 7 would give 4 back from the total: hidden too.
    assert votes == {
        "eens": "30",
        "eens (%)": "75",
        "oneens": "minder dan 5",
        "neutraal": "minder dan 5",
        "stemmen": "40",
    }
    statement = data["panels"][0]["statements"][0]
    assert statement["total"] == "40"
    assert statement["votes"]["agree"] == {"count": "30", "share": 75}
    assert statement["votes"]["neutral"]["count"] == "minder dan 5"
    for shown in ("30", "75 %", "minder dan 5", "40"):
        assert f">{shown}<" in page
    for row in rows[1:]:
        if row[1] == "moderatie":
            assert row[4] in page


def test_declined_question_text_is_never_published(report_page, asker, room):
    kept = ask(asker, room, "Gepubliceerde vraag")
    removed = ask(asker, room, "Verwijderde vraag met een naam erin")
    removed.status = Question.Status.REMOVED
    removed.save()

    for url in (REPORT, REPORT + "csv/", REPORT + "json/"):
        body = Client().get(url).content.decode()
        assert kept.text in body
        assert removed.text not in body
        assert "Merel" not in body  # the asker's pseudonym


def test_overdue_question_says_so_with_its_date(report_page, asker, room):
    question = ask(asker, room, "Komt er een vast aanspreekpunt?")
    entry = ReportQuestion.objects.get(question=question)
    entry.due_on = timezone.localdate() - timedelta(days=1)
    entry.save()

    page = Client().get(REPORT).content.decode()

    assert "Nog niet beantwoord, beloofd voor" in page


def test_panel_member_answers_in_the_admin_and_the_report_shows_it(report_page, asker, room):
    question = ask(asker, room, "Wat doet de gemeente hiermee?")
    entry = ReportQuestion.objects.get(question=question)
    member, secret = make_staff("Panelleden")
    client = Client()
    staff_login(client, member, secret)

    listing = client.get("/admin/report_questions/?q=gemeente")
    assert listing.status_code == 200
    assert "Wat doet de gemeente hiermee?" in listing.content.decode()
    response = client.post(
        f"/admin/report_questions/edit/{entry.pk}/",
        {
            "answer": "We starten in maart met een vast aanspreekpunt.",
            "answered_by": "beleidsadviseur, gemeente",
            "due_on": entry.due_on.isoformat(),
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert entry.status == ReportQuestion.Status.WRITTEN
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(
        action="eventreports.answer", user=member, object_id=str(entry.pk)
    ).exists()
    page = Client().get(REPORT).content.decode()
    assert "We starten in maart met een vast aanspreekpunt." in page
    assert "beleidsadviseur, gemeente" in page


def test_panel_members_cannot_moderate_rooms(room):
    member, secret = make_staff("Panelleden")
    client = Client()
    staff_login(client, member, secret)

    assert client.get("/admin/report_questions/").status_code == 200
    assert not member.has_perm("live.moderate_liveroom")
    assert client.get("/admin/live/rooms/").status_code in (302, 403, 404)
    assert (
        Group.objects.get(name="Panelleden")
        .permissions.filter(content_type__app_label="live")
        .count()
        == 0
    )


def test_a_report_lives_only_at_verslag(event):
    page = EventReportPage(title="Verslag", slug="samenvatting")
    with pytest.raises(ValidationError):
        page.full_clean()


def test_a_new_answer_makes_the_cached_report_stale(report_page, asker, room):
    question = ask(asker, room, "Wat doet de gemeente hiermee?")
    entry = ReportQuestion.objects.get(question=question)
    Client().get("/")  # the first page of a site makes its help settings
    first = Client().get(REPORT)
    assert first["X-Kring-Cache"] == "stored"
    assert Client().get(REPORT)["X-Kring-Cache"] == "hit"
    editor, _secret = make_staff("Redactie")
    from eventreports.answers import do_answer

    do_answer(
        editor, entry, answer="We starten in maart.", answered_by="gemeente", due_on=entry.due_on
    )

    assert "We starten in maart." in Client().get(REPORT).content.decode()


@dataclass(frozen=True)
class Share:
    """Shaped like live.voices.RoleShare: the report takes the split as voices gives it."""

    label: str
    voters: int | None
    agree: int | None
    disagree: int | None
    neutral: int | None

    @property
    def suppressed(self):
        return self.voters is None


@dataclass(frozen=True)
class Split:
    roles: tuple
    gap: int | None = 8
    is_bridge: bool = True
    bridge: str = "agree"

    def as_dict(self):
        return {"roles": [vars(row) for row in self.roles], "gap": self.gap}


def test_role_split_on_the_page_is_the_one_in_csv_and_json(report_page, voted, monkeypatch):
    split = Split(
        roles=(
            Share("Ervaringsdeskundige", 12, 88, 12, 0),
            Share("Beleidsmaker / bestuurder / raadslid", 10, 80, 20, 0),
            Share("Naaste of omstander", None, None, None, None),
        )
    )
    monkeypatch.setattr("eventreports.sources.statement_split", lambda statement: split)

    page = Client().get(REPORT).content.decode()
    rows = list(csv.reader(io.StringIO(Client().get(REPORT + "csv/").content.decode())))
    data = Client().get(REPORT + "json/").json()

    assert "brug: elke rol is het eens" in page
    assert "8 procentpunt" in page
    by_role = {row[3]: row[4] for row in rows if ": " in row[3]}
    assert by_role["Ervaringsdeskundige: eens (%)"] == "88"
    assert by_role["Naaste of omstander: stemmen"] == "te weinig stemmen"
    assert ">88 %<" in page and ">80 %<" in page and "te weinig stemmen" in page
    assert data["panels"][0]["statements"][0]["by_role"]["gap"] == 8


def test_panel_commitments_are_on_the_page_and_in_the_downloads(report_page, voted, monkeypatch):
    commitment = SimpleNamespace(
        what="Elke melder wordt binnen vijf werkdagen teruggebeld.",
        who="Veilig Thuis regio Utrecht",
        due_date=timezone.localdate() + timedelta(days=30),
        shown=SimpleNamespace(label="bezig"),
        late_from=lambda: None,
    )
    monkeypatch.setattr("eventreports.sources.panel_commitments", lambda panel: [commitment])

    page = Client().get(REPORT).content.decode()
    rows = list(csv.reader(io.StringIO(Client().get(REPORT + "csv/").content.decode())))
    data = Client().get(REPORT + "json/").json()

    assert commitment.what in page and "Veilig Thuis regio Utrecht" in page
    assert [commitment.what, commitment.who] in [row[2:4] for row in rows if row[1] == "toezegging"]
    assert data["panels"][0]["commitments"][0]["status"] == "bezig"


def test_a_published_commitment_of_the_panel_is_in_the_report_and_its_files(report_page, room):
    from commitments.models import Commitment

    Commitment.objects.create(
        panel=room.panel,
        role="organisatie",
        organisation="Veilig Thuis regio Utrecht",
        what="Elke melder wordt binnen vijf werkdagen teruggebeld.",
        due_date=timezone.localdate() + timedelta(days=30),
        published=True,
    )
    Commitment.objects.create(
        panel=room.panel,
        role="raadslid",
        organisation="Gemeenteraad",
        what="Een concept dat nog niet gepubliceerd is.",
        due_date=timezone.localdate() + timedelta(days=30),
        published=False,
    )

    page = Client().get(REPORT).content.decode()
    rows = list(csv.reader(io.StringIO(Client().get(REPORT + "csv/").content.decode())))
    data = Client().get(REPORT + "json/").json()

    assert "Elke melder wordt binnen vijf werkdagen teruggebeld." in page
    assert "nog niet gepubliceerd" not in page
    assert [row[2] for row in rows if row[1] == "toezegging"] == [
        "Elke melder wordt binnen vijf werkdagen teruggebeld."
    ]
    assert len(data["panels"][0]["commitments"]) == 1


@pytest.mark.django_db
def test_the_event_page_links_to_its_report_once_it_is_published(client, event, report_page):
    link = "Lees het verslag"
    report_page.unpublish()
    assert link not in client.get(event.url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    report_page.save_revision().publish()
    page = client.get(event.url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert link in page
    assert f'href="{report_page.url}"' in page
