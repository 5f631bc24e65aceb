"""Experience questions with a story: which organisations, heard / informed / referred on.

The answers are optional, given after the text, and live in their own rows linked to the story
page, so they go when the story goes (withdrawal deletes the page, the cascade deletes these).
They are never shown next to the story; they only count, through ``figures.aggregation``, once
the story is published.
"""

from __future__ import annotations

from typing import TypedDict

from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Organisation(models.TextChoices):
    VEILIG_THUIS = "veilig-thuis", _("Veilig Thuis")
    POLICE = "politie", _("the police")
    MUNICIPALITY = "wijkteam", _("neighbourhood team or municipality")
    GP = "huisarts", _("GP")
    YOUTH_CARE = "jeugdzorg", _("youth care or certified institution")
    CHILD_PROTECTION = "raad", _("Child Protection Board")
    COURT = "rechtbank", _("court or lawyer")
    VICTIM_SUPPORT = "slachtofferhulp", _("Victim Support")
    SHELTER = "vrouwenopvang", _("women's shelter")
    OTHER = "anders", _("another organisation")


class Answer(models.TextChoices):
    YES = "ja", pgettext_lazy("experience answer", "yes")
    PARTLY = "deels", pgettext_lazy("experience answer", "partly")
    NO = "nee", pgettext_lazy("experience answer", "no")


class Question(models.TextChoices):
    HEARD = "heard", _("Did you feel heard?")
    INFORMED = "informed", _("Were you well informed?")
    REFERRED = "referred", _("Were you referred on where needed?")


class Period(models.TextChoices):
    BEFORE_2015 = "voor-2015", _("before 2015")
    FROM_2015 = "2015-2019", _("2015–2019")
    FROM_2020 = "vanaf-2020", _("2020 or later")


class Region(models.TextChoices):
    """The Veilig Thuis regions (one organisation per safety region), and "rather not say"."""

    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    IJSSELLAND = "ijsselland", "IJsselland"
    TWENTE = "twente", "Twente"
    NOORD_OOST_GELDERLAND = "noord-oost-gelderland", "Noord- en Oost-Gelderland"
    GELDERLAND_MIDDEN = "gelderland-midden", "Gelderland-Midden"
    GELDERLAND_ZUID = "gelderland-zuid", "Gelderland-Zuid"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND_NOORD = "noord-holland-noord", "Noord-Holland Noord"
    ZAANSTREEK_WATERLAND = "zaanstreek-waterland", "Zaanstreek-Waterland"
    KENNEMERLAND = "kennemerland", "Kennemerland"
    AMSTERDAM_AMSTELLAND = "amsterdam-amstelland", "Amsterdam-Amstelland"
    GOOI_VECHTSTREEK = "gooi-vechtstreek", "Gooi en Vechtstreek"
    HAAGLANDEN = "haaglanden", "Haaglanden"
    HOLLANDS_MIDDEN = "hollands-midden", "Hollands Midden"
    ROTTERDAM_RIJNMOND = "rotterdam-rijnmond", "Rotterdam-Rijnmond"
    ZUID_HOLLAND_ZUID = "zuid-holland-zuid", "Zuid-Holland Zuid"
    ZEELAND = "zeeland", "Zeeland"
    MIDDEN_WEST_BRABANT = "midden-west-brabant", "Midden- en West-Brabant"
    BRABANT_NOORDOOST = "brabant-noordoost", "Brabant-Noord"
    BRABANT_ZUIDOOST = "brabant-zuidoost", "Brabant Zuid-Oost"
    LIMBURG_NOORD = "limburg-noord", "Limburg-Noord"
    ZUID_LIMBURG = "zuid-limburg", "Zuid-Limburg"
    FLEVOLAND = "flevoland", "Flevoland"
    RATHER_NOT_SAY = "liever-niet", _("I would rather not say")


class OrganisationAnswers(TypedDict):
    heard: str
    informed: str
    referred: str


class Answers(TypedDict):
    """One author's answers; empty strings where a question was skipped."""

    period: str
    region: str
    organisations: dict[str, OrganisationAnswers]


EMPTY_ANSWERS: Answers = {"period": "", "region": "", "organisations": {}}


class StoryExperience(models.Model):
    """The answers that came with one story. ``version`` goes up with every change."""

    page = models.OneToOneField(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="experience"
    )
    period = models.CharField(_("period"), max_length=12, choices=Period.choices, blank=True)
    region = models.CharField(
        _("Veilig Thuis region"), max_length=24, choices=Region.choices, blank=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("experience answers")
        verbose_name_plural = _("experience answers")

    def __str__(self) -> str:
        return str(self.page_id)

    def answers(self) -> Answers:
        return {
            "period": self.period,
            "region": self.region,
            "organisations": {
                row.organisation: {
                    "heard": row.heard,
                    "informed": row.informed,
                    "referred": row.referred,
                }
                for row in self.organisations.all()
            },
        }


class OrganisationExperience(models.Model):
    """One organisation the author dealt with, and how that went."""

    experience = models.ForeignKey(
        StoryExperience, on_delete=models.CASCADE, related_name="organisations"
    )
    organisation = models.CharField(_("organisation"), max_length=20, choices=Organisation.choices)
    heard = models.CharField(_("heard"), max_length=5, choices=Answer.choices, blank=True)
    informed = models.CharField(_("informed"), max_length=5, choices=Answer.choices, blank=True)
    referred = models.CharField(_("referred on"), max_length=5, choices=Answer.choices, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["experience", "organisation"], name="one_answer_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.get_organisation_display()


def is_empty(answers: Answers) -> bool:
    return not (answers["period"] or answers["region"] or answers["organisations"])


def answers_of(story: models.Model) -> Answers:
    experience = StoryExperience.objects.filter(page_id=story.pk).first()
    return experience.answers() if experience else EMPTY_ANSWERS


@transaction.atomic
def do_save_experience(story: models.Model, answers: Answers) -> StoryExperience | None:
    """Store (or replace) a story's answers; empty answers remove them.

    Used by the public form and by a moderator's correction alike. Every change bumps the
    version, which the figures use to count corrected stories as changed.
    """
    existing = StoryExperience.objects.select_for_update().filter(page_id=story.pk).first()
    if is_empty(answers):
        if existing is not None:
            existing.delete()
        return None
    if existing is not None and existing.answers() == answers:
        return existing
    if existing is None:
        experience = StoryExperience.objects.create(
            page_id=story.pk, period=answers["period"], region=answers["region"]
        )
    else:
        experience = existing
        StoryExperience.objects.filter(pk=existing.pk).update(
            period=answers["period"], region=answers["region"], version=F("version") + 1
        )
        experience.organisations.all().delete()
    OrganisationExperience.objects.bulk_create(
        OrganisationExperience(experience=experience, organisation=organisation, **replies)
        for organisation, replies in answers["organisations"].items()
    )
    experience.refresh_from_db()
    return experience
