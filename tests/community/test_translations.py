"""Every interface string reaches a Dutch reader in Dutch.

Kring's source strings are English (msgids); Dutch is the language most readers read, so every
Dutch catalogue must be complete, without fuzzy guesses, compiled, and cover every string the
code and templates mark for translation. Templates may show no words outside {% translate %}.
These tests read files only, so they need no gettext tools.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
APPS = ["community", "stories", "workshops", "concerns", "live", "moderation", "bystanders"]
APPS += ["figures", "config"]
CATALOGUES = sorted(
    [ROOT / "locale/nl/LC_MESSAGES/django.po"]
    + [ROOT / app / "locale/nl/LC_MESSAGES/django.po" for app in APPS]
)
CATALOGUES = [path for path in CATALOGUES if path.exists()]
TEMPLATES = sorted(
    path
    for folder in [ROOT / "templates", *(ROOT / app / "templates" for app in APPS)]
    for path in folder.rglob("*")
    if path.suffix in {".html", ".txt"}
)
PYTHON = sorted(
    path for app in APPS for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts
)
# Words a template may show as they are: names, and each language's own name in the switch.
AS_IS = {"Kring", "English", "Nederlands", "Veilig", "Thuis", "CSV", "JSON"}


def entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr(s) and flags (no obsolete ones)."""
    found, current, field = [], None, None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if line.startswith("#~"):
            continue
        if not line:
            if current is not None:
                found.append(current)
            current, field = None, None
            continue
        if current is None:
            current = {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            current["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, tuple):
                current["msgstr"][field[1]] += value
            else:
                current[field] += value
        else:
            keyword, value = line.split(" ", 1)
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            if match:
                field = ("msgstr", int(match.group(1)))
                current["msgstr"][field[1]] = ast.literal_eval(value)
            elif keyword == "msgstr":
                field = ("msgstr", 0)
                current["msgstr"][0] = ast.literal_eval(value)
            else:
                field = keyword
                current[field] = ast.literal_eval(value)
    return [entry for entry in found if entry.get("msgid")]


def name_of(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=name_of)
def test_every_dutch_catalogue_is_complete_and_has_no_fuzzy_entries(catalogue):
    untranslated = [e["msgid"] for e in entries(catalogue) if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries(catalogue) if "fuzzy" in e["flags"]]

    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=name_of)
def test_every_dutch_catalogue_is_compiled_as_it_reads(catalogue):
    with open(catalogue.with_suffix(".mo"), "rb") as compiled:
        built = gettext.GNUTranslations(compiled)._catalog

    for entry in entries(catalogue):
        key = (
            entry["msgid"] if "msgctxt" not in entry else f"{entry['msgctxt']}\x04{entry['msgid']}"
        )
        if "msgid_plural" in entry:
            assert built.get((key, 0)) == entry["msgstr"][0], entry["msgid"]
        else:
            assert built.get(key) == entry["msgstr"][0], entry["msgid"]


LITERAL = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
CALL = re.compile(rf"\b(gettext|_|pgettext|ngettext|npgettext)\(\s*((?:{LITERAL}\s*,?\s*)+)")
SINGLE = ("_", "gettext", "gettext_lazy", "gettext_noop")
WITH_CONTEXT = ("pgettext", "pgettext_lazy")
PLURAL = ("ngettext", "ngettext_lazy")
PLURAL_WITH_CONTEXT = ("npgettext", "npgettext_lazy")


def message_key(function: str, strings: list[str]):
    """The key a compiled catalogue holds for a marked string."""
    if function in SINGLE:
        return strings[0]
    if function in WITH_CONTEXT:
        return f"{strings[0]}\x04{strings[1]}"
    if function in PLURAL:
        return (strings[0], 0)
    return (f"{strings[0]}\x04{strings[1]}", 0)


def marked_in_template(path: Path):
    for match in CALL.finditer(templatize(path.read_text(encoding="utf-8"), origin=str(path))):
        strings = [ast.literal_eval(s) for s in re.findall(LITERAL, match.group(2))]
        yield message_key(match.group(1), strings)


def marked_in_python(path: Path):
    known = SINGLE + WITH_CONTEXT + PLURAL + PLURAL_WITH_CONTEXT
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        function = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        strings = [a.value for a in node.args if isinstance(a, ast.Constant)]
        needed = (
            2 if function in WITH_CONTEXT + PLURAL else 3 if function in PLURAL_WITH_CONTEXT else 1
        )
        if (
            function in known
            and len(strings) >= needed
            and all(isinstance(s, str) for s in strings[:needed])
        ):
            yield message_key(function, strings)


def test_every_string_marked_for_translation_has_a_dutch_translation():
    dutch = trans_real.translation("nl")._catalog
    marked = [
        (path, key)
        for path, find in [(p, marked_in_template) for p in TEMPLATES]
        + [(p, marked_in_python) for p in PYTHON]
        for key in find(path)
    ]
    missing = sorted(f"{name_of(path)}: {key!r}" for path, key in marked if key not in dutch)

    # The search finds strings in templates (blocktranslate included) and in Python.
    keys = {key for _path, key in marked}
    assert {
        "Leave this site quickly",
        "Another label in this language already has this slug.",
    } < keys
    assert any(isinstance(key, str) and "%(" in key for key in keys)
    assert missing == []


def shown_outside_translate(source: str) -> list[str]:
    """Words a template shows a reader that do not go through {% translate %}."""
    source = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", "", source, flags=re.S)
    source = re.sub(
        r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", "", source, flags=re.S
    )
    # Blocks that fill attributes or meta tags, not text.
    source = re.sub(
        r"{%\s*block\s+(body_class|robots)\s*%}.*?{%\s*endblock", "", source, flags=re.S
    )
    source = re.sub(r"{%.*?%}|{{.*?}}", "", source, flags=re.S)
    shown = [
        value
        for value in re.findall(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"', source)
        if re.search(r"[A-Za-z]{2,}", value)
    ]
    source = re.sub(r"<!--.*?-->|<(script|style)\b.*?</\1>|<[^>]*>", " ", source, flags=re.S)
    source = re.sub(r"&[a-z]+;|&#\d+;", " ", source)
    words = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]+", source)
    return shown + [word for word in words if word not in AS_IS]


@pytest.mark.parametrize("template", TEMPLATES, ids=name_of)
def test_a_template_shows_no_text_outside_translate(template):
    assert shown_outside_translate(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "<p>Snel weg</p>",
        '<a href="/" aria-label="Sluiten">{% translate "Close" %}</a>',
        "{% if x %}<span>Nieuw</span>{% endif %}",
    ],
)
def test_the_template_check_sees_text_a_reader_would_see(source):
    assert shown_outside_translate(source) != []


def test_the_template_check_lets_translated_text_pass():
    source = (
        '{% load i18n %}<a aria-label="{% translate "Close" %}">{% translate "Close" %}</a>'
        "{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}{% block robots %}noindex"
        "{% endblock %}<dt>Veilig Thuis</dt>"
    )
    assert shown_outside_translate(source) == []


def test_the_catalogue_check_sees_empty_and_fuzzy_entries(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hallo %(name)s"\n\n'
        'msgid "Leave"\nmsgstr ""\n\n'
        'msgid "one story"\nmsgid_plural "%(n)s stories"\nmsgstr[0] "een verhaal"\n'
        'msgstr[1] ""\n"%(n)s verhalen"\n',
        encoding="utf-8",
    )

    found = {entry["msgid"]: entry for entry in entries(catalogue)}

    assert "fuzzy" in found["Hello %(name)s"]["flags"]
    assert found["Leave"]["msgstr"] == {0: ""}
    assert found["one story"]["msgstr"] == {0: "een verhaal", 1: "%(n)s verhalen"}
