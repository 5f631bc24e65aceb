from eventreports.models.pages import EventReportPage
from eventreports.models.questions import AnswerRequest, ReportQuestion

__all__ = ["AnswerRequest", "EventReportPage", "ReportQuestion"]
