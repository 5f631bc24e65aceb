"""Walking through the guide as a browser without JavaScript would: one form post per step."""

from bs4 import BeautifulSoup

from bystanders.walk import Guide

URL = "/wat-kun-je-doen/"


def main(response):
    return BeautifulSoup(response.content.decode(), "html.parser").select_one("main")


def main_text(response):
    return " ".join(main(response).get_text(" ").split())


def form_data(response, *, pick=None, go="next"):
    """What the browser would send from the screen's form: its hidden fields plus `pick`."""
    form = main(response).select_one("form[data-guide-form]")
    data = {}
    for field in form.select("input[type=hidden]"):
        data.setdefault(field["name"], []).append(field["value"])
    for name, values in (pick or {}).items():
        data[name] = values if isinstance(values, list) else [values]
    data["go"] = [go]
    return form["action"], data


def submit(client, response, *, pick=None, go="next"):
    action, data = form_data(response, pick=pick, go=go)
    return client.post(action, data)


def ids(page):
    """The ids the guide's forms send for each relation kind, sign and option title."""
    guide = Guide(page)
    return {
        "relations": {relation.kind: relation.id for relation in guide.relations},
        "signs": {sign.label: sign.id for group in guide.sign_groups for sign in group.signs},
        "options": {option.title: option.id for option in guide.options},
    }


def walk_to_options(client, page, *, relation, signs=()):
    """Danger: no; the relation of this kind; these sign labels. Returns the options screen."""
    known = ids(page)
    response = client.get(URL)
    response = submit(client, response, pick={"danger": "no"})
    response = submit(client, response, pick={"relation": known["relations"][relation]})
    return submit(client, response, pick={"sign": [known["signs"][label] for label in signs]})
