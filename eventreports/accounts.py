"""A member who deletes her account takes her questions off the reports, and her addresses."""

from eventreports.models import AnswerRequest, ReportQuestion


def forget_member(sender, instance, **kwargs) -> None:
    """Before an account is deleted: its participants (and questions) still exist here."""
    AnswerRequest.objects.filter(question__participant__user=instance).delete()
    ReportQuestion.objects.filter(question__participant__user=instance).delete()
