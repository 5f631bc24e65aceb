"""Discreet e-mail: neutral subject and sender, a plain and an HTML part, no remote content.

Mails go out through django-tasks, so a slow mail server never holds up a request.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import TaskResult, TaskResultStatus, task, task_backends
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.signals import task_finished

logger = logging.getLogger(__name__)

# (file name, content, MIME type)
Attachment = tuple[str, str, str]


def render_mail(template_prefix: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` into their parts."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    text = render_to_string(f"{template_prefix}.txt", context)
    html = render_to_string(f"{template_prefix}.html", context)
    return subject, text, html


@task()
def send_mail(
    template_prefix: str,
    recipient: str,
    context: dict[str, Any],
    language: str | None = None,
    attachments: Sequence[Attachment] = (),
) -> None:
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


def queue_mail(
    template_prefix: str,
    recipient: str,
    context: dict[str, Any],
    attachments: Iterable[Attachment] = (),
) -> TaskResult[None]:
    """Queue a mail in the current language.

    Call it from transaction.on_commit where a change in the database triggers the mail.
    """
    return send_mail.enqueue(
        template_prefix, recipient, context, translation.get_language(), list(attachments)
    )


@receiver(task_finished)
def forget_sent_mail(
    sender: type[BaseTaskBackend], task_result: TaskResult[Any], **kwargs: Any
) -> None:
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
