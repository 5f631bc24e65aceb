from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from eventreports import answers
from eventreports.admin_views import ReportQuestionViewSet

LOG_ACTIONS = [
    (answers.ANSWER_ACTION, _("Answer a question"), _("Question answered in writing")),
    (answers.CHANGE_ACTION, _("Change an answer"), _("Written answer or due date changed")),
]


@hooks.register("register_admin_viewset")
def register_report_questions() -> ReportQuestionViewSet:
    return ReportQuestionViewSet("report_questions")


@hooks.register("register_log_actions")
def register_answer_log_actions(actions: Any) -> None:
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
