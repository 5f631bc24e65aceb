"""Discreet e-mail: neutral subject and sender, a plain and an HTML part, no remote content.

Mails go out through django-tasks, so a slow mail server never holds up a request.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks.signals import task_finished

logger = logging.getLogger(__name__)


def render_mail(template_prefix, context):
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` into their parts."""
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    subject = " ".join(subject.split())
    text = render_to_string(f"{template_prefix}.txt", context)
    html = render_to_string(f"{template_prefix}.html", context)
    return subject, text, html


@task()
def send_mail(template_prefix, recipient, context, language=None, attachments=()):
    """Send one mail. `context` and `attachments` (name, content, mimetype) must be JSON-safe."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject, text, html = render_mail(template_prefix, context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        # Trying again will not help, and a failed task would keep the address in its row.
        log_refused(template_prefix, error)


def log_refused(template_prefix: str, error: smtplib.SMTPRecipientsRefused) -> None:
    """Log a mail the server refused for its recipient: which mail and the SMTP code, no address.

    The exception's text and its traceback name the recipient, so neither is logged.
    """
    codes = sorted({str(code) for code, _reply in error.recipients.values()})
    logger.warning(
        "mail %s not sent: the mail server refused the recipient (SMTP %s)",
        template_prefix,
        ", ".join(codes) or "?",
    )


def queue_mail(template_prefix, recipient, context, attachments=()):
    """Queue a mail in the current language.

    Call it from transaction.on_commit where a change in the database triggers the mail.
    """
    return send_mail.enqueue(
        template_prefix, recipient, context, translation.get_language(), list(attachments)
    )


@receiver(task_finished)
def forget_sent_mail(sender, task_result, **kwargs):
    """A queued mail's row holds the address and any private link: delete it once it is sent.

    Only the database task backend keeps such rows; failed mails stay for the worker's own
    pruning (`prune_db_task_results --failed-min-age-days 7`, run daily).
    """
    if task_result.status != TaskResultStatus.SUCCESSFUL:
        return
    if task_result.task.module_path != send_mail.module_path:
        return
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    # Other backends (immediate in development and tests) keep no row to delete.
    if not isinstance(task_backends[task_result.backend], DatabaseBackend):
        return
    try:
        DBTaskResult.objects.filter(id=task_result.id).delete()
    except Exception:
        logger.exception("could not delete a sent mail's task row")
