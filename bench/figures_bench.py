"""The public pages of the second round with a realistic data set, next to the bare view.

`python -m bench.figures_bench load 10000` (run by `run()` in the stack's environment) grows
the bench data set to that many published stories by row copies (bench.data.copy_stories),
gives every story experience answers and dates them two weeks back, so this week's frozen
release counts them all; `python -m bench.data events 100` adds 100 past events, each with
closed rooms, voted statements, questions, commitments and a published report. The first
request after that makes the release (timed on its own: the once-a-week cost); the measured
requests read the stored release, as readers do. Measured: the patterns and figures pages,
the last event's report and the commitments page.
"""

import json
import os
import random
import sys
import time
import urllib.request

from bench import http, stack

STORIES = 10_000
EVENTS = 100
PAGES = {"patterns": "/verhalen/patronen/", "figures": "/cijfers/"}


def load(total):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from bench.data import copy_stories
    from stories.experience import Answer, Organisation, OrganisationExperience, StoryExperience
    from stories.models import StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get()
    copy_stories(index, total - StoryPage.objects.child_of(index).live().count())
    rng = random.Random(17)
    organisations, answers = list(Organisation), [*Answer, ""]
    with transaction.atomic():
        StoryPage.objects.child_of(index).update(
            first_published_at=timezone.now() - timedelta(days=14)
        )
        missing = StoryPage.objects.child_of(index).live().filter(experience__isnull=True)
        experiences = StoryExperience.objects.bulk_create(
            StoryExperience(page_id=pk, period=rng.choice(["vanaf-2020", "2015-2019", ""]))
            for pk in missing.values_list("pk", flat=True)
        )
        OrganisationExperience.objects.bulk_create(
            OrganisationExperience(
                experience=experience,
                organisation=organisation,
                heard=rng.choice(answers),
                informed=rng.choice(answers),
                referred=rng.choice(answers),
            )
            for experience in experiences
            for organisation in rng.sample(organisations, k=rng.randint(1, 3))
        )
    print(json.dumps({"stories": StoryPage.objects.child_of(index).live().count()}))


def run(stack_, server, seconds):
    argv = [sys.executable, "-m", "bench.figures_bench", "load", str(STORIES)]
    loaded = json.loads(stack.run(argv, stack_.env, 900, True).strip().splitlines()[-1])
    argv = [sys.executable, "-m", "bench.data", "events", str(EVENTS)]
    events = json.loads(stack.run(argv, stack_.env, 900, True).strip().splitlines()[-1])
    started = time.monotonic()
    request = urllib.request.Request(
        server.base + PAGES["patterns"], headers={"X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
    freeze_ms = round((time.monotonic() - started) * 1000)
    pages = {
        **PAGES,
        "event_report": events["event_report"],
        "commitments": "/toezeggingen/",
    }
    results = http.run(server, pages, seconds)
    return {
        "stories": loaded["stories"],
        "events": events["events"],
        "commitments_shown": events["commitments"],
        "first_request_with_freeze_ms": freeze_ms,
        **results,
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["load"] and len(sys.argv) == 3:
        load(int(sys.argv[2]))
    else:
        sys.exit("usage: python -m bench.figures_bench load N")
