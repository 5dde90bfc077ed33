"""The per-person link on hand-built journals (issue 23, point 5): a trend shared by mood
and how it went gives no link once it is removed; someone it always went well with gets
mood with and without, never a correlation; a real link from week to week is still
found; the words follow the figure's sign; every figure is the same in the terminal,
--json, Markdown and HTML."""

import datetime as dt
import json
import math
import re

from ipt_journal.insight.relationships import Link, MoodWhen, PersonMood
from ipt_journal.text.links import link_cell, link_sentence
from support import flat

FIRST = dt.date(2025, 1, 6)  # a Monday, long past: the window is fixed, whatever today is

# Both climb over twenty weeks (recovery), each with its own small wiggles: a raw rank
# correlation of 0.92, nothing once each time is set against the previous three.
TREND_QUALITY = [-2, -2, -1, -2, -1, -1, 0, -1, 0, 0, 1, 0, 1, 1, 1, 2, 1, 2, 2, 2]
TREND_MOOD = [2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6, 5, 6, 7, 6, 7, 8, 7, 8, 8]

# How it went moves around from one time to the next and mood moves with it, on top of a
# slow climb: the link that matters, which detrending must keep.
LINK_QUALITY = [0, 1, -1, 0, 2, -1, 1, 0, -2, 1, 0, 2, -1, 0, 1, -2, 0, 1, -1, 2]
LINK_MOOD = [3, 4, 2, 4, 6, 3, 5, 4, 3, 6, 5, 7, 4, 6, 7, 4, 6, 7, 6, 9]


def detrended_r(qualities, moods, k=3):
    """A plain reference: Pearson's r of each value less the mean of the previous k."""
    dq = [qualities[i] - sum(qualities[i - k : i]) / k for i in range(k, len(qualities))]
    dm = [moods[i] - sum(moods[i - k : i]) / k for i in range(k, len(moods))]
    mq, mm = sum(dq) / len(dq), sum(dm) / len(dm)
    cov = sum((a - mq) * (b - mm) for a, b in zip(dq, dm, strict=True))
    return cov / math.sqrt(sum((a - mq) ** 2 for a in dq) * sum((b - mm) ** 2 for b in dm))


def spearman(xs, ys):
    def ranks(values):
        order = sorted(values)
        return [order.index(v) + (order.count(v) - 1) / 2 + 1 for v in values]

    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    return cov / (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5


def record(ipt, name, qualities, moods, days_apart=7):
    ipt.ok("inventory", "add", "--name", name, "--relationship", "friend", "--closeness", "1")
    for n, (quality, mood) in enumerate(zip(qualities, moods, strict=True)):
        day = FIRST + dt.timedelta(days=n * days_apart)
        ipt.ok("checkin", "--date", day.isoformat(), "--mood", str(mood), "--with", f"{name}:{quality:+d}")
    return ipt


def outputs(ipt):
    """The terminal report, its JSON, and the Markdown and HTML documents, for one window."""
    since = ("--since", FIRST.isoformat())
    return (
        flat(ipt.ok("report", *since).stdout),
        json.loads(ipt.ok("report", *since, "--json").stdout),
        flat(ipt.ok("report", *since, "--format", "markdown").stdout),
        flat(re.sub(r"<[^>]+>", " ", ipt.ok("report", *since, "--format", "html").stdout)),
    )


def mood_of(data, name):
    return next(m for m in data["insight"]["moods"] if m["name"] == name)


def test_a_trend_shared_by_mood_and_how_it_went_gives_no_link(ipt):
    assert spearman(TREND_QUALITY, TREND_MOOD) > 0.9  # what the old figure would have said
    terminal, data, md, html = outputs(record(ipt, "Carla", TREND_QUALITY, TREND_MOOD))
    carla = mood_of(data, "Carla")
    assert carla["compared"] == 17 and carla["link_status"] == "shown"
    expected = detrended_r(TREND_QUALITY, TREND_MOOD)
    assert abs(expected) < 0.1 and carla["link"]["r"] == round(expected, 2) == 0.01
    assert carla["link"]["strength"] == "none" and carla["link"]["clear"] is False
    said = "Carla: no link between how it went and mood (r +0.01 once the shared trend is removed, from 17"
    for text in (terminal, md, html):
        assert said in text
        assert "Carla: when time together went better" not in text
    # What is stored is what was typed: the figures are read, never written back.
    assert ipt.rows("SELECT count(*), sum(quality) FROM interactions") == [(20, sum(TREND_QUALITY))]


def test_someone_it_always_went_well_with_gets_mood_with_and_without_and_no_r(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Carla", "--relationship", "friend", "--closeness", "2")
    carla_moods = [7, 6, 7, 6, 6, 7]  # with Carla, always +2 or +1: 6.5
    other_moods = [4, 5, 4, 5, 4, 5]  # the other days, Sam only: 4.5
    for n in range(12):
        day = (FIRST + dt.timedelta(days=n * 3)).isoformat()
        if n % 2 == 0:
            mood = carla_moods[n // 2]
            ipt.ok(
                "checkin", "--date", day, "--mood", str(mood), "--with", f"Carla:{'+2' if n % 4 else '+1'}"
            )
        else:
            ipt.ok("checkin", "--date", day, "--mood", str(other_moods[n // 2]), "--with", "Sam:0")
    terminal, data, md, html = outputs(ipt)
    carla = mood_of(data, "Carla")
    assert (carla["link_status"], carla["always"], carla["link"]) == ("one-way", "well", None)
    assert (carla["well"]["mean_mood"], carla["mood_without"]) == (6.5, 4.5)
    sentence = "Time with Carla went well every time; mood on those days averaged 6.5, 4.5 on others."
    for text in (terminal, md, html):
        assert sentence in text
        assert not re.search(r"Carla[^.|]*(\br [+-]|link\b|goes with)", text)
    assert "Carla – – 6.5 (6) well every time" in terminal
    assert "| Carla | – | – | 6.5 (6) | well every time |" in md
    shown = flat(ipt.ok("inventory", "show", "Carla").stdout)
    assert "link: well every time" in shown and sentence in shown


def test_a_real_link_within_weeks_is_still_found_the_same_everywhere(ipt):
    # Twice a week (Monday and Thursday), so the link lives inside weeks, on a climbing mood.
    ipt.ok("inventory", "add", "--name", "Carla", "--relationship", "friend", "--closeness", "1")
    for n, (quality, mood) in enumerate(zip(LINK_QUALITY, LINK_MOOD, strict=True)):
        day = FIRST + dt.timedelta(weeks=n // 2, days=3 * (n % 2))
        ipt.ok("checkin", "--date", day.isoformat(), "--mood", str(mood), "--with", f"Carla:{quality:+d}")
    terminal, data, md, html = outputs(ipt)
    link = mood_of(data, "Carla")["link"]
    assert link["r"] == round(detrended_r(LINK_QUALITY, LINK_MOOD), 2) == 0.96
    assert link["strength"] == "strong" and link["clear"] is True and link["checkins"] == 17
    assert link["low"] is not None and link["low"] > 0.5
    r, low, high = (f"{link[key]:+.2f}" for key in ("r", "low", "high"))
    said = (
        "Carla: when time together went better than lately, mood was higher than lately: a strong link "
        f"(r {r} once the shared trend is removed, from 17 check-ins; likely range {low} to {high})."
    )
    for text in (terminal, md, html):
        assert said in text
    # By hand: badly 4, 2, 3, 3, 4, 6 -> 3.7; neither 3, 4, 5, 6, 6, 4 -> 4.7; well (8) -> 6.4.
    assert f"Carla 3.7 (6) 4.7 (6) 6.4 (8) strong {r}" in terminal
    assert f"| Carla | 3.7 (6) | 4.7 (6) | 6.4 (8) | strong {r} |" in md


def test_a_link_the_other_way_is_said_without_contradiction(ipt):
    opposite = [max(0, min(10, 6 - q)) for q in LINK_QUALITY]
    terminal, data, md, _ = outputs(record(ipt, "Carla", LINK_QUALITY, opposite))
    assert mood_of(data, "Carla")["link"]["r"] == -1.0
    for text in (terminal, md):
        assert "when time together went better than lately, mood was lower than lately" in text
        assert "in the opposite direction" in text
        assert "goes with how it went" not in text and "mood was higher" not in text


def test_too_few_for_the_link_counts_the_checkins_that_can_be_compared(ipt):
    terminal, data, _, _ = outputs(record(ipt, "Carla", TREND_QUALITY[:12], TREND_MOOD[:12]))
    carla = mood_of(data, "Carla")
    assert (carla["link_status"], carla["compared"], carla["link"]) == ("too-few", 9, None)
    assert "too few (9 of 10)" in terminal and "Carla: no link" not in terminal


def person(link, **given):
    fields = dict(
        name="Carla",
        closeness=1,
        interactions=20,
        window_checkins=30,
        badly=MoodWhen(5, 3.0),
        neither=MoodWhen(7, 5.0),
        well=MoodWhen(8, 6.0),
        link=link,
        link_status="shown",
        nearly_always=False,
        mood_without=5.0,
        compared=17,
    )
    return PersonMood(**{**fields, **given})


def test_without_an_honest_interval_the_sentence_says_what_it_rests_on():
    thin = Link(r=0.42, low=None, high=None, strength="moderate", clear=False, checkins=17, effective=6.4)
    said = link_sentence(person(thin))
    assert said == (
        "Carla: when time together went better than lately, mood was higher than lately: a moderate link "
        "(r +0.42 once the shared trend is removed, from 17 check-ins, worth about 6 independent ones: "
        "too few for a likely range)."
    )
    assert "likely range +" not in said and "could be chance" not in said
    assert link_cell(person(thin)) == "moderate +0.42"


def test_nearly_always_with_someone_it_always_went_well_with_says_there_is_nothing_to_compare():
    always = person(None, link_status="one-way", always="well", nearly_always=True, badly=MoodWhen(0, None))
    assert link_sentence(always) == (
        "Time with Carla went well every time; mood on those days averaged 6.0 "
        "(too few check-ins without Carla to compare)."
    )
