"""Every public page on a phone, a tablet and a desktop, in Dutch and English.

On the demo content (`seed_demo`, plus an open statement with votes in a live room), at six
widths, each page must: not scroll sideways, show the quick-exit button whole, let no
interactive element cover another (the element under each one's centre is that element), and
pass axe. One browser context per language walks all pages at all widths, so the run stays
around a minute or two; axe runs at a phone and a desktop width (390 and 1280 px), where the
header differs, and once more with the site's scripts refused.
"""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.utils import timezone

from live.models import LiveRoom, Participant, Statement, StatementVote
from stories.models import StoryPage
from tests.live.servers import threaded_server

WIDTHS = [360, 390, 768, 1024, 1280, 1440]
AXE_WIDTHS = {390, 1280}
SCREENSHOT_WIDTHS = {390, 1280}

# Runs in the page: what a visitor at this width would trip over, as readable sentences.
LAYOUT_PROBLEMS = """
() => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  const height = window.innerHeight;
  if (root.scrollWidth > width) {
    problems.push(`scrolls sideways: ${root.scrollWidth}px on ${width}px`);
  }

  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}> "${text.slice(0, 40)}"`;
  };
  const exitOnScreen = (where) => {
    const box = document.querySelector("[data-quick-exit]").getBoundingClientRect();
    if (box.left < 0 || box.top < 0 || box.right > width || box.bottom > height) {
      problems.push(`quick exit not fully on screen ${where}: ${JSON.stringify(box)}`);
    }
  };
  window.scrollTo(0, 0);
  exitOnScreen("at the top");

  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    + "[tabindex]:not([tabindex='-1'])";
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest("[aria-hidden='true']")) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    el.scrollIntoView({ block: "center", inline: "nearest" });
    // A link that wraps onto two lines: its first line is where people aim.
    const box = el.getClientRects()[0];
    if (!box || box.width < 2 || box.height < 2) continue;
    if (box.right <= 0 || box.left >= width) continue;  // moved off screen on purpose (skip link)
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    const label = hit && hit.closest("label");
    const ok = hit && (hit === el || el.contains(hit) || (label && label.control === el));
    if (!ok) problems.push(`${describe(el)} is covered by ${hit ? describe(hit) : "nothing"}`);
  }
  window.scrollTo(0, document.body.scrollHeight);
  exitOnScreen("at the bottom");
  window.scrollTo(0, 0);
  return problems;
}
"""


@pytest.fixture
def server():
    with threaded_server() as running:
        yield running


@pytest.fixture
def demo():
    """Kring's demo content, with a statement open in a live room and a few votes on it."""
    call_command("seed_demo", stdout=StringIO())
    room = LiveRoom.objects.filter(status=LiveRoom.Status.OPEN).order_by("pk").first()
    statement = room.statements.order_by("pk").first()
    Statement.objects.filter(pk=statement.pk).update(
        status=Statement.Status.OPEN, opened_at=timezone.now()
    )
    choices = [StatementVote.Choice.AGREE, StatementVote.Choice.DISAGREE]
    for number, participant in enumerate(Participant.objects.filter(room=room)):
        StatementVote.objects.create(
            statement=statement, participant=participant, choice=choices[number % 2]
        )
    story = StoryPage.objects.live().order_by("pk").first()
    return [
        "/",
        "/verhalen/",
        story.url,
        "/verhalen/delen/",
        f"/melden/verhaal/{story.pk}/",
        "/hulp/",
        "/veilig-gebruiken/",
        "/bezorgd-om-je-buren/",
        "/wat-kun-je-doen/",
        "/verhalen/patronen/",
        "/cijfers/",
        "/workshops/",
        "/workshops/samen-staan-we-sterker/",
        "/evenementen/",
        "/evenementen/9-december/",
        "/evenementen/9-december/verslag/",
        "/evenementen/rondetafel-najaar/verslag/",
        room.get_absolute_url(),
    ]


def walk(context, base, paths, language, screenshot):
    page = context.new_page()
    if language == "en":
        page.goto(base + "/taal/en/?next=/")
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800 if width < 700 else 900})
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("load")
            found = page.evaluate(LAYOUT_PROBLEMS)
            problems += [f"{language} {width}px {path}: {problem}" for problem in found]
            if width in AXE_WIDTHS:
                results = Axe().run(page)
                if results.violations_count:
                    problems.append(f"{language} {width}px {path}: {results.generate_report()}")
            if width in SCREENSHOT_WIDTHS:
                name = path.strip("/").replace("/", "-") or "home"
                screenshot(page, f"layout-{language}-{width}-{name}")
    return problems


@pytest.mark.parametrize("language", ["nl", "en"])
def test_public_pages_fit_every_width_and_nothing_covers_anything(
    new_context, server, demo, language, screenshot
):
    problems = walk(new_context(), server.url, demo, language, screenshot)

    assert problems == []


def test_public_pages_pass_axe_without_their_scripts(new_context, server, demo):
    # The site's own scripts are all files (the CSP allows no inline script), so refusing them
    # shows each page as a browser without JavaScript would. Playwright's switch for JavaScript
    # would also stop axe itself.
    page = new_context(viewport={"width": 390, "height": 800}).new_page()
    page.route("**/*.js", lambda route: route.abort())
    reports = []
    for path in demo:
        page.goto(server.url + path)
        assert page.evaluate("document.querySelector('[data-quick-exit]') !== null")
        results = Axe().run(page)
        if results.violations_count:
            reports.append(f"{path}: {results.generate_report()}")

    assert reports == []
