"""The realistic data set the benchmarks run against, loaded into the bench database.

Run by bench.stack with the bench settings:

    python -m bench.data content          # demo content, stories, a room with history, ...
    python -m bench.data signals 1000000  # grow the concern signals to this many rows
    python -m bench.data events 100       # past events with closed rooms, reports, commitments

`content` prints one JSON object with what the benchmarks need (URLs, slugs, ids). Pages are
made through Wagtail as an editor would (revisions, publishing); rows that only need to
exist in bulk (chat history, concern signals) go in with bulk inserts or plain SQL.
"""

import json
import os
import random
import sys
from datetime import timedelta

import django

# Concern addresses the submissions use: each phase has its own, equally shaped, so the
# phases differ only in how many other signals the table holds.
HOT_ADDRESSES_PER_PHASE = 150
# Digests of the hot addresses' signals start with this (real digests are hex only).
HOT_PREFIX = "hot"
STORIES = 300
# Made through Wagtail as an editor would (about a second each here); the rest are copies.
STORIES_THROUGH_WAGTAIL = 30
HISTORY_MESSAGES = 2_000
REGISTRATION_SEATS = 20

PARAGRAPHS = [
    "Jarenlang zei ik tegen mezelf dat het wel meeviel. Er werd niet geslagen, dus wat had ik "
    "te klagen? Maar ik liep op mijn tenen, elke dag, en ik wist niet meer wie ik was.",
    "Een vriendin vroeg op een dag of het goed met me ging. Niet terloops, maar echt. Ik "
    "begon te huilen in de supermarkt, tussen de pakken melk, en kon niet meer stoppen.",
    "Die avond belde ik Veilig Thuis. Ik had mijn verhaal op een briefje geschreven, want ik "
    "was bang dat ik zou dichtklappen. De vrouw aan de telefoon liet me uitpraten.",
    "Het duurde nog maanden voordat ik echt weg kon. Er was geen moment waarop alles "
    "ineens goed was, maar er waren steeds meer dagen waarop ik weer adem kon halen.",
    "Mijn kinderen hebben meer gezien dan ik dacht. We praten er nu over, met hulp van een "
    "therapeut, en soms lachen we weer samen aan de keukentafel.",
    "Aan iedereen die dit leest en twijfelt: je hoeft het niet alleen te doen. Bellen kan "
    "anoniem, en je beslist zelf wat er daarna gebeurt.",
    "De buren hadden het gehoord, vertelde de wijkagent later. Niemand had iets gezegd, "
    "omdat iedereen dacht dat een ander het al had gedaan.",
    "Nu woon ik in een klein appartement met een balkon vol bloemen. Mijn zus komt elke "
    "zondag koffie drinken, en we praten over gewone dingen.",
]


def story_html(rng, size=3000):
    """About `size` characters of story HTML in the small subset stories allow."""
    parts, length = [], 0
    while length < size:
        text = rng.choice(PARAGRAPHS)
        if rng.random() < 0.3:
            text = text.replace(", ", ", <em>", 1) + "</em>" if ", " in text else text
        parts.append(f"<p>{text}</p>")
        length += len(parts[-1])
    return "".join(parts)


def load_content():
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from community.demo import get_home
    from concerns.models import ConcernPage
    from live.models import LiveRoom, Message, Participant
    from stories.models import StoryIndexPage, StoryPage, Theme
    from workshops.models import EventPage, Session, WorkshopIndexPage, WorkshopPage

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    rng = random.Random(8)
    now = timezone.now()

    index = StoryIndexPage.objects.get()
    themes = list(Theme.objects.sources())
    have = StoryPage.objects.child_of(index).live().count()
    for number in range(have, STORIES_THROUGH_WAGTAIL):
        with transaction.atomic():
            story = StoryPage(
                title=f"Verhaal {number + 1}: {rng.choice(PARAGRAPHS)[:40].strip()}",
                slug=f"bench-verhaal-{number + 1}",
                pseudonym=rng.choice(["Lotus", "Zonnebloem", "Merel", "", "Eik", "Noor"]),
                body=story_html(rng),
                is_fictional=True,
            )
            story.themes.set(rng.sample(themes, k=min(2, len(themes))))
            index.add_child(instance=story)
            story.save_revision().publish()
    copy_stories(index, STORIES - StoryPage.objects.child_of(index).live().count())
    for number, pk in enumerate(
        StoryPage.objects.child_of(index).order_by("-path").values_list("pk", flat=True)
    ):
        published = now - timedelta(hours=number)
        StoryPage.objects.filter(pk=pk).update(
            first_published_at=published, last_published_at=published
        )
    story = StoryPage.objects.child_of(index).live().order_by("-first_published_at").first()

    # A workshop whose one session the registration benchmark fills.
    workshops = WorkshopIndexPage.objects.get()
    bench_page = WorkshopPage.objects.filter(slug="bench-aanmelden").first()
    if bench_page is None:
        bench_page = WorkshopPage(
            title="Aanmelden onder druk",
            slug="bench-aanmelden",
            intro="Een workshop met twintig plaatsen voor de registratie-benchmark.",
            sessions=[
                Session(
                    title="Eén avond",
                    starts_at=now + timedelta(days=30),
                    ends_at=now + timedelta(days=30, hours=2),
                    seats=REGISTRATION_SEATS,
                    join_url="https://vergaderen.kring.example/bench",
                )
            ],
        )
        workshops.add_child(instance=bench_page)
        bench_page.save_revision().publish()
    session = Session.objects.get(page=bench_page)
    workshop = WorkshopPage.objects.get(slug="samen-staan-we-sterker")
    event = EventPage.objects.get(slug="9-december")

    # The first demo room, open, with a long chat history by many participants.
    room = LiveRoom.objects.order_by("pk").first()
    LiveRoom.objects.filter(pk=room.pk).update(status=LiveRoom.Status.OPEN, slow_mode_seconds=0)
    if not Message.objects.filter(room=room).exists():
        people = Participant.objects.bulk_create(
            Participant(room=room, guest_key=f"{number:064x}", name=f"Deelnemer {number}")
            for number in range(1, 121)
        )
        Message.objects.bulk_create(
            Message(
                room=room,
                participant=rng.choice(people),
                text=rng.choice(PARAGRAPHS)[: rng.randint(20, 160)],
                status=Message.Status.VISIBLE,
            )
            for _ in range(HISTORY_MESSAGES)
        )

    concern = ConcernPage.objects.live().get()
    home = get_home()
    print(
        json.dumps(
            {
                "home": home.url,
                "story_index": index.url,
                "story": story.url,
                "stories": StoryPage.objects.child_of(index).live().count(),
                "workshop": workshop.url,
                "event": event.url,
                "registration_page": bench_page.url,
                "registration_session": session.pk,
                "seats": session.seats,
                "room": room.slug,
                "room_history": Message.objects.filter(room=room).count(),
                "concern_page": concern.url,
                "hot_addresses": hot_addresses(),
            }
        )
    )


def copy_stories(index, count):
    """Add `count` published stories as row copies of the ones Wagtail made: same shape, fast.

    Wagtail needs a second or so per page (revisions, tree, search index, sanitising); the
    copies get their own tree path, slug, URL and translation key, and share the original's
    text and themes.
    """
    import uuid

    from django.db import connection, transaction
    from wagtail.models import Page

    from stories.models import StoryPage

    if count <= 0:
        return
    originals = list(StoryPage.objects.child_of(index).live().order_by("path"))
    last = index.get_last_child().path
    step = Page._str2int(last[-Page.steplen :])
    page_columns = [f.column for f in Page._meta.local_concrete_fields if f.column != "id"]
    story_columns = [f.column for f in StoryPage._meta.local_concrete_fields]
    themes = StoryPage.themes.through
    with transaction.atomic(), connection.cursor() as cursor:
        for number in range(count):
            original = originals[number % len(originals)]
            step += 1
            slug = f"bench-kopie-{number + 1}"
            page_row = {
                f.column: f.get_db_prep_value(getattr(original, f.attname), connection)
                for f in Page._meta.local_concrete_fields
                if f.column != "id"
            }
            page_row.update(
                path=Page._get_path(index.path, index.depth + 1, step),
                numchild=0,
                slug=slug,
                url_path=f"{index.url_path}{slug}/",
                translation_key=uuid.uuid4(),
                live_revision_id=None,
                latest_revision_id=None,
            )
            cursor.execute(
                f"INSERT INTO {Page._meta.db_table} ({', '.join(page_columns)}) "
                f"VALUES ({', '.join(['%s'] * len(page_columns))}) RETURNING id",
                [page_row[column] for column in page_columns],
            )
            pk = cursor.fetchone()[0]
            story_row = {
                f.column: f.get_db_prep_value(getattr(original, f.attname), connection)
                for f in StoryPage._meta.local_concrete_fields
            }
            story_row["page_ptr_id"] = pk
            cursor.execute(
                f"INSERT INTO {StoryPage._meta.db_table} ({', '.join(story_columns)}) "
                f"VALUES ({', '.join(['%s'] * len(story_columns))})",
                [story_row[column] for column in story_columns],
            )
            themes.objects.bulk_create(
                themes(storypage_id=pk, theme_id=theme_id)
                for theme_id in original.themes.values_list("pk", flat=True)
            )
        children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        Page.objects.filter(pk=index.pk).update(numchild=children.count())


def hot_addresses():
    """Addresses for the concern submissions, two phases, with a few signals each."""
    rng = random.Random(12)
    phases = []
    for _phase in range(2):
        addresses = []
        while len(addresses) < HOT_ADDRESSES_PER_PHASE:
            letters = rng.choice("ABCEFGHJKLMNPRTVWXZ") + rng.choice("ABCEFGHJKLMNPRTVWXZ")
            addresses.append([f"{rng.randint(1000, 9999)}{letters}", str(rng.randint(1, 250))])
        phases.append(addresses)
    return phases


def load_signals(total):
    """Grow concern_signal to `total` rows: real keys for the hot addresses, the rest in SQL."""
    from django.db import connection, transaction
    from django.utils import timezone

    from concerns.addresses import Address, address_key
    from concerns.models import Signal

    table = Signal._meta.db_table
    today = timezone.localdate()
    with transaction.atomic():
        if not Signal.objects.filter(token_digest__startswith=HOT_PREFIX).exists():
            # Each hot address already has 0 to 3 signals counting now, spread over the year.
            rng = random.Random(4)
            rows = []
            for phase in hot_addresses():
                for postcode, number in phase:
                    key = address_key(Address(postcode=postcode, number=int(number)))
                    for _ in range(rng.randint(0, 3)):
                        rows.append(
                            Signal(
                                address_key=key,
                                counts_from=today - timedelta(days=rng.randint(1, 360)),
                                batch=rng.randint(1, 2**31 - 1),
                                token_digest=f"{HOT_PREFIX}{len(rows):061x}",
                            )
                        )
            Signal.objects.bulk_create(rows)
        have = Signal.objects.count()
        missing = total - have
        # About 0.7 distinct addresses per signal: some addresses have several.
        keys = max(int(total * 0.7), 1)
        if missing > 0:
            # Keys and digests shaped like the real ones (64 hex characters), a random day in
            # the past year, and a few future days as recent signals still waiting out their delay.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"""
                    INSERT INTO {table} (id, address_key, counts_from, batch, token_digest)
                    SELECT gen_random_uuid(),
                           md5('k' || mod(n, %s)) || md5('a' || mod(n, %s)),
                           CURRENT_DATE - (random() * 362)::int + 4,
                           1 + (random() * 2147483645)::int,
                           md5('t' || n || %s) || md5('d' || n || %s)
                    FROM generate_series(%s, %s) AS n
                    """,
                    [keys, keys, str(have), str(have), have + 1, have + missing],
                )
    with connection.cursor() as cursor:
        # A year's signals arrive over a year; loaded in one statement, they leave autovacuum
        # and a checkpoint (about 400 MB of dirty pages) to run during the timed phase. Do that
        # work now, so the phase measures a table of this size, not the aftermath of loading it.
        cursor.execute(f"VACUUM (ANALYZE) {table}")
        cursor.execute("CHECKPOINT")
    print(json.dumps({"signals": Signal.objects.count()}))


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    if argv[:1] == ["content"]:
        load_content()
    elif argv[:1] == ["signals"] and len(argv) == 2:
        load_signals(int(argv[1]))
    elif argv[:1] == ["events"] and len(argv) == 2:
        from bench.data_events import load_events

        load_events(int(argv[1]))
    else:
        sys.exit("usage: python -m bench.data content | signals N | events N")


if __name__ == "__main__":
    main(sys.argv[1:])
