"""How long something waited, in words a moderator reads at a glance.

Django's timesince says "0 minutes" for anything under a minute ("wacht al 0 minuten"); these
filters say "just now" instead and otherwise leave the wording, and its rounding down to whole
minutes, hours and days (two units at most), to timesince.
"""

from datetime import datetime, timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

register = template.Library()

JUST_NOW = timedelta(minutes=1)


@register.filter
def just_now(moment: datetime | None) -> bool:
    """Whether `moment` is less than a minute ago (or, by a clock skew, in the future)."""
    return moment is not None and timezone.now() - moment < JUST_NOW


@register.filter
def waiting_for(moment: datetime | None) -> str:
    """ "for 5 minutes" ("al 5 minuten"), or "just now" ("zojuist") under a minute."""
    if moment is None:
        return ""
    if just_now(moment):
        return _("just now")
    return _("for %(time)s") % {"time": timesince(moment)}


@register.filter
def ago(moment: datetime | None) -> str:
    """ "5 minutes ago" ("5 minuten geleden"), or "just now" ("zojuist") under a minute."""
    if moment is None:
        return ""
    if just_now(moment):
        return _("just now")
    return _("%(time)s ago") % {"time": timesince(moment)}
