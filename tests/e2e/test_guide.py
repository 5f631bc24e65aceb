"""The bystanders' guide in a real Chromium, with and without JavaScript, on a phone and a desk."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from bystanders import content
from tests.bystanders.conftest import guide_page  # noqa: F401

# Every test here walks the guide as a new site starts with it (the demo content).
pytestmark = pytest.mark.usefixtures("guide_page")

URL = "/wat-kun-je-doen/"
WIDTHS = {"phone": 390, "desk": 1280}
SIGNS = [content.SIGN_GROUPS[0]["signs"][0]["label"], content.SIGN_GROUPS[3]["signs"][0]["label"]]
TALK = "Praat met de persoon om wie je je zorgen maakt"


@pytest.fixture
def open_guide(new_context, site_url):
    """A fresh browser at the guide's first step; every request it makes is recorded."""

    def open_page(*, javascript, width):
        context = new_context(
            java_script_enabled=javascript, viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        page.requests = []
        page.javascript = javascript
        page.on("request", lambda request: page.requests.append(request))
        page.goto(site_url + URL)
        return page

    return open_page


@pytest.fixture
def accessible(new_context, site_url):
    """Run axe on what the page shows now.

    axe is a script, and a page without JavaScript runs none: its markup is then checked as
    served, in a second browser that loads it at a spare address of the same site.
    """
    checker = None

    def check(page):
        nonlocal checker
        target = page
        if not page.javascript:
            if checker is None:
                checker = new_context(viewport=page.viewport_size).new_page()
                checker.route(
                    site_url + "/axe-check/",
                    lambda route: route.fulfill(
                        status=200, content_type="text/html", body=checker.served
                    ),
                )
            checker.served = page.content()
            checker.goto(site_url + "/axe-check/")
            target = checker
        results = Axe().run(target)
        assert results.violations_count == 0, results.generate_report()

    return check


def _only_this_site(page, site_url):
    origin = urlsplit(site_url).netloc
    assert [r.url for r in page.requests if urlsplit(r.url).netloc != origin] == []
    for request in page.requests:
        assert urlsplit(request.url).query == ""  # no answer ever travels in a URL


def _next(page, name, heading):
    page.get_by_role("button", name=name).click()
    expect(page.locator("main h1")).to_have_text(heading)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_walk_to_a_printable_summary(
    open_guide, accessible, site_url, javascript, width, screenshot
):
    page = open_guide(javascript=javascript, width=width)
    if javascript:
        page.evaluate("window.stillTheSamePage = true")
    expect(page.locator("main h1")).to_have_text("Wat kun je doen?")
    accessible(page)

    page.get_by_label("Nee, nu niet").check()
    _next(page, "Volgende", "Wie ben jij voor die persoon?")
    accessible(page)
    page.get_by_label("Een buur").check()
    _next(page, "Volgende", "Wat viel je op?")
    accessible(page)
    for sign in SIGNS:
        page.get_by_label(sign).check()
    _next(page, "Laat zien wat ik kan doen", "Wat je kunt doen")
    accessible(page)
    assert content.RELATIONS[0]["openers"][0] in page.locator("main").inner_text()
    page.get_by_role("radio", name=TALK, exact=True).check()
    _next(page, "Maak mijn overzicht", "Jouw volgende stap")
    accessible(page)
    screenshot(page, f"guide-summary-{'js' if javascript else 'nojs'}-{width}")

    summary = page.locator(".guide-summary")
    assert TALK in summary.inner_text()
    assert all(sign in summary.inner_text() for sign in SIGNS)
    assert summary.get_by_role("link", name="112").get_attribute("href") == "tel:112"
    assert summary.get_by_role("link", name="0800-2000").get_attribute("href") == "tel:08002000"
    assert page.get_by_role("button", name="Print dit overzicht").is_visible() == javascript
    assert page.url == site_url + URL
    assert page.context.cookies() == []
    _only_this_site(page, site_url)
    if javascript:
        assert page.evaluate("window.stillTheSamePage") is True  # moved without reloading
        assert page.evaluate("document.activeElement.tagName") == "H1"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_danger_now_shows_112_before_anything_else(open_guide, accessible, site_url, javascript):
    page = open_guide(javascript=javascript, width=WIDTHS["phone"])

    page.get_by_label("Ja, nu").check()
    _next(page, "Volgende", "Bel nu 112")

    main = page.locator("main")
    assert main.inner_text().strip().startswith("Bel nu 112")
    call = main.get_by_role("link", name="Bel 112")
    assert call.get_attribute("href") == "tel:112"
    assert call.is_visible()
    box = call.bounding_box()
    assert box["y"] + box["height"] <= 800  # on the first screen of a phone
    assert "Een buur" not in main.inner_text()
    accessible(page)
    _next(page, "Verder met de gids", "Wie ben jij voor die persoon?")
    _only_this_site(page, site_url)


def test_summary_prints_without_the_site_around_it(open_guide):
    page = open_guide(javascript=True, width=WIDTHS["desk"])
    page.get_by_label("Nee, nu niet").check()
    _next(page, "Volgende", "Wie ben jij voor die persoon?")
    page.get_by_label("Ik werk met kinderen of gezinnen").check()
    _next(page, "Volgende", "Wat viel je op?")
    _next(page, "Laat zien wat ik kan doen", "Wat je kunt doen")
    page.get_by_role("radio", name="Volg de meldcode van je organisatie").check()
    _next(page, "Maak mijn overzicht", "Jouw volgende stap")

    page.emulate_media(media="print")

    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".guide-form").is_visible()
    assert page.locator(".guide-meldcode").is_visible()
    assert page.locator(".guide-numbers").is_visible()


def test_the_module_breaks_no_csp(open_guide):
    page = open_guide(javascript=True, width=WIDTHS["desk"])
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.get_by_label("Nee, nu niet").check()
    _next(page, "Volgende", "Wie ben jij voor die persoon?")

    assert errors == []
