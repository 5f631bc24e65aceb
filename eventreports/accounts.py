"""A member who deletes her account takes her questions off the reports, and her addresses."""

from typing import Any

from community.models import User
from eventreports.models import AnswerRequest, ReportQuestion


def forget_member(sender: type[User], instance: User, **kwargs: Any) -> None:
    """Before an account is deleted: its participants (and questions) still exist here."""
    AnswerRequest.objects.filter(question__participant__user=instance).delete()
    ReportQuestion.objects.filter(question__participant__user=instance).delete()
