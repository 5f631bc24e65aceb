"""Every path through the guide: danger first, then the options that fit the answers."""

from itertools import combinations

import pytest

from bystanders import content
from bystanders.blocks import RelationKind, SignGroupKind
from tests.bystanders.walking import URL, ids, main, main_text, submit, walk_to_options

GROUPS = [group["kind"] for group in content.SIGN_GROUPS]
MELDCODE_TITLES = [title for title, _text in content.MELDCODE_STEPS]


def _first_sign(group_kind, *, urgent):
    group = next(g for g in content.SIGN_GROUPS if g["kind"] == group_kind)
    return next(sign["label"] for sign in group["signs"] if sign["urgent"] == urgent)


def _expected_titles(relation, ticked_groups, urgent):
    """The demo content's options whose conditions hold, as an editor reads the conditions."""
    return {
        option["title"]
        for option in content.OPTIONS
        if (not option["for_relations"] or relation in option["for_relations"])
        and (not option["for_sign_groups"] or set(option["for_sign_groups"]) & set(ticked_groups))
        and (urgent or not option["urgent_only"])
    }


def _shown_titles(response):
    return {article.h3.get_text(strip=True) for article in main(response).select(".guide-option")}


def _choosable_titles(response):
    return {label.get_text(strip=True) for label in main(response).select(".guide-choose label")}


def test_first_step_asks_about_danger_before_anything_else(client, guide_page):
    response = client.get(URL)

    assert response.status_code == 200
    legend = main(response).select_one("form legend").get_text(strip=True)
    assert legend == "Is iemand op dit moment in gevaar?"
    assert main(response).select("input[name=danger]")


@pytest.mark.parametrize(
    "also_sent",
    [
        {},
        {"relation": "professional"},
        {"relation": "neighbour", "signs": True},
        {"relation": "family", "signs": True, "option": True},
    ],
    ids=["alone", "with-relation", "with-signs", "with-everything"],
)
def test_danger_now_shows_112_first_and_alone(client, guide_page, also_sent):
    known = ids(guide_page)
    data = {"step": "danger", "danger": "yes"}
    if "relation" in also_sent:
        data["relation"] = known["relations"][also_sent["relation"]]
    if also_sent.get("signs"):
        data["sign"] = list(known["signs"].values())
    if also_sent.get("option"):
        data["option"] = next(iter(known["options"].values()))

    response = client.post(URL, data)

    body = main(response)
    first = body.find(lambda tag: tag.name and tag.get_text(strip=True) and not tag.find_all())
    assert first.name == "h1" and first.get_text(strip=True) == "Bel nu 112"
    assert main_text(response).startswith("Bel nu 112 Bel 112")
    assert body.select_one("a[href='tel:112']").get_text(strip=True) == "Bel 112"
    text = main_text(response)
    for label in [*content.SIGN_GROUPS[0]["signs"], *content.RELATIONS]:
        assert label["label"] not in text
    for option in content.OPTIONS:
        assert option["title"] not in text
    assert "Meldcode" not in text and "0800-2000" not in text


def test_after_112_the_guide_goes_on_once_the_danger_is_over(client, guide_page):
    emergency = client.post(URL, {"step": "danger", "danger": "yes"})

    response = submit(client, emergency)

    assert main(response).select_one("h1").get_text(strip=True) == "Wie ben jij voor die persoon?"
    options = walk_to_options(client, guide_page, relation="friend")
    assert "Bel dan eerst 112" not in main_text(options)  # only said again if danger was yes


@pytest.mark.parametrize("relation", RelationKind.values)
def test_each_relation_gets_its_options_and_its_own_words(client, guide_page, relation):
    response = walk_to_options(client, guide_page, relation=relation)

    expected = _expected_titles(relation, [], urgent=False)
    assert _shown_titles(response) == expected
    assert _choosable_titles(response) == expected
    own = next(r for r in content.RELATIONS if r["kind"] == relation)
    text = main_text(response)
    for opener in own["openers"]:
        assert opener in text
    assert own["when_to_talk"] in text
    for other in content.RELATIONS:
        if other["kind"] != relation:
            assert all(opener not in text for opener in other["openers"])
    assert "Spreek nooit degene aan die het geweld pleegt" in text
    assert "Beloof geen geheimhouding" in text


URGENT_GROUPS = {g["kind"] for g in content.SIGN_GROUPS if any(s["urgent"] for s in g["signs"])}
SUBSETS = [set(combo) for size in range(len(GROUPS) + 1) for combo in combinations(GROUPS, size)]
# Every set of groups with ordinary signs, and every set that can hold a serious sign with one.
SIGN_CASES = [(groups, False) for groups in SUBSETS] + [
    (groups, True) for groups in SUBSETS if groups & URGENT_GROUPS
]


@pytest.mark.parametrize(
    ("groups", "urgent"),
    SIGN_CASES,
    ids=[("+".join(sorted(g)) or "none") + ("-serious" if u else "") for g, u in SIGN_CASES],
)
def test_each_set_of_signs_gets_its_options(client, guide_page, groups, urgent):
    signs = [_first_sign(kind, urgent=False) for kind in sorted(groups)]
    if urgent:
        signs.append(_first_sign(sorted(groups & URGENT_GROUPS)[0], urgent=True))

    response = walk_to_options(client, guide_page, relation="neighbour", signs=signs)

    assert _shown_titles(response) == _expected_titles("neighbour", groups, urgent)
    assert ("Is iemand nu in gevaar? Bel dan eerst 112." in main_text(response)) == urgent


def test_every_sign_group_is_shown_as_veilig_thuis_groups_them(client, guide_page):
    response = submit(client, client.get(URL), pick={"danger": "no"})
    known = ids(guide_page)
    signs = submit(client, response, pick={"relation": known["relations"]["friend"]})

    legends = [legend.get_text(strip=True) for legend in main(signs).select("fieldset legend")]
    assert legends == [group["heading"] for group in content.SIGN_GROUPS]
    assert {kind for kind in SignGroupKind.values} == set(GROUPS)
    assert not main(signs).select("textarea, input[type=text]")  # ticked, never typed


def test_professional_path_shows_the_meldcode_steps_on_screen_and_in_the_summary(
    client, guide_page
):
    response = walk_to_options(client, guide_page, relation="professional")

    steps = [li.strong.get_text(strip=True) for li in main(response).select(".guide-meldcode li")]
    assert steps == MELDCODE_TITLES
    assert "wettelijk verplicht" in main_text(response)
    option = ids(guide_page)["options"]["Volg de meldcode van je organisatie"]
    summary = submit(client, response, pick={"option": option})
    steps = [li.strong.get_text(strip=True) for li in main(summary).select(".guide-meldcode li")]
    assert steps == MELDCODE_TITLES


@pytest.mark.parametrize("relation", [k for k in RelationKind.values if k != "professional"])
def test_other_relations_see_no_meldcode(client, guide_page, relation):
    response = walk_to_options(client, guide_page, relation=relation)

    assert not main(response).select(".guide-meldcode")
    assert MELDCODE_TITLES[0] not in main_text(response)
