"""The sanitising benchmark: cleaning one 3 KB story with Kring's function and with bare nh3.

Kring's `community.text.clean_html` (nh3 plus Unicode normalisation and control-character
removal) against a bare `nh3.clean` call with the same tags and no attributes, on a story with
the markup a pasted text brings along (links, attributes, a script, comments): the difference
is what Kring's own steps cost.
"""

import random
import time

from bench.data import story_html

JUNK = (
    '<p style="color:red" onclick="x()">Kijk <a href="http://example.org/">hier</a> '
    "<script>alert(1)</script><!-- opmerking --><b>vet</b> en <i>schuin</i>.</p>"
)


def story(size=3000):
    rng = random.Random(3)
    text = story_html(rng, size - len(JUNK)) + JUNK
    return text


def _per_story_us(clean, text, seconds=2.0):
    clean(text)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        clean(text)
        count += 1
    return (time.perf_counter() - started) / count * 1e6, count


def run(seconds=2.0):
    import nh3

    from community.text import SAFE_TAGS, clean_html

    text = story()
    kring_us, kring_n = _per_story_us(clean_html, text, seconds)

    def with_nh3(value):
        return nh3.clean(
            value, tags=set(SAFE_TAGS), attributes={}, url_schemes=set(), link_rel=None
        )

    nh3_us, nh3_n = _per_story_us(with_nh3, text, seconds)
    return {
        "story_bytes": len(text.encode()),
        "kring_us": round(kring_us, 1),
        "kring_runs": kring_n,
        "nh3_us": round(nh3_us, 1),
        "nh3_runs": nh3_n,
        "kring_to_nh3": round(kring_us / nh3_us, 2),
    }
