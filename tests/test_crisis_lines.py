"""The crisis table, row by row, and how `ipt crisis` opens (issue 11: errors 2 and 5,
omission 9)."""

import json

import pytest

from ipt_journal.clinical import safety
from support import assert_user_error, flat

# The six rows shown with no country set: (setting, its own lines, emergency number). The
# whole table is pinned in test_country_table.py.
ROWS = [
    (
        "US",
        [
            "Call or text 988 (Suicide & Crisis Lifeline).",
            "Text HOME to 741741 (Crisis Text Line), free, day or night.",
        ],
        "911",
    ),
    ("CA", ["Call or text 988 (Suicide Crisis Helpline)."], "911"),
    (
        "GB",
        [
            "Call Samaritans on 116 123, free, day or night.",
            "Text SHOUT to 85258 (Shout), free, day or night.",
        ],
        "999",
    ),
    (
        "IE",
        [
            "Call Samaritans on 116 123, free, day or night.",
            "Text 50808 (a free text service), day or night.",
        ],
        "112 or 999",
    ),
    ("AU", ["Call Lifeline on 13 11 14, day or night."], "000"),
    ("NZ", ["Call or text 1737, free, any time."], "111"),
]


@pytest.mark.parametrize(("code", "lines", "emergency"), ROWS)
def test_a_listed_country_reads_only_its_own_lines(code, lines, emergency):
    shown = safety.resources(code.lower(), after_item9=True)
    assert shown == [
        *lines,
        f"In an emergency, or if you might act on these thoughts, call {emergency}.",
        safety.FIND_A_HELPLINE,
    ]
    plain = [*lines, f"In an emergency, call {emergency}.", safety.FIND_A_HELPLINE]
    assert safety.resources(code.lower()) == plain


def test_a_set_country_we_do_not_list_leads_with_the_local_emergency_number():
    assert safety.resources("BO")[0] == "In an emergency, call your local emergency number."
    shown = safety.resources("BO", after_item9=True)
    assert (
        shown[0]
        == "In an emergency, or if you might act on these thoughts, call your local emergency number."
    )
    assert "findahelpline.com" in shown[1]
    text = " ".join(shown)
    assert "988" not in text and "116 123" not in text and "112" not in text
    assert len(shown) == 2


def test_with_no_country_every_line_and_emergency_number_is_listed():
    text = " ".join(safety.resources(None))
    for fact in (
        "988",
        "741741",
        "116 123",
        "85258",
        "50808",
        "13 11 14",
        "1737",
        "911 (US, CA)",
        "999 (GB)",
        "112 or 999 (IE)",
        "000 (AU)",
        "111 (NZ)",
        "112 in the EU and EEA (it works from many mobiles elsewhere)",
        "findahelpline.com",
    ):
        assert fact in text
    assert "most of the world" not in text and "TelefonSeelsorge" not in text


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("uk", "GB"),
        ("United Kingdom", "GB"),
        ("  great   britain ", "GB"),
        ("usa", "US"),
        ("Australia", "AU"),
        ("new zealand", "NZ"),
        ("Ireland", "IE"),
        ("fr", "FR"),
    ],
)
def test_country_names_and_aliases_are_understood(ipt, typed, code):
    assert f"country is now {code}" in ipt.ok("config", "set", "country", typed).stdout


def test_a_country_name_ipt_does_not_know_is_refused(ipt):
    assert_user_error(ipt("config", "set", "country", "Narnia"), "two-letter code")
    assert not (ipt.path.parent.parent / "config" / "config.json").exists()


def test_crisis_opens_neutrally_in_text_and_json(ipt):
    out = flat(ipt.ok("crisis").stdout)
    assert "Thank you for answering" not in out and "You said" not in out
    assert out.startswith(safety.CRISIS_OPENING)
    data = json.loads(ipt.ok("crisis", "--json").stdout)
    assert data["message"] == safety.CRISIS_OPENING
    assert "You said" not in json.dumps(data)


def test_crisis_without_a_country_says_how_to_set_one(ipt):
    out = flat(ipt.ok("crisis").stdout)
    assert "ipt config set country" in out
    assert "ipt config set country" in json.loads(ipt.ok("crisis", "--json").stdout)["set_country"]
    ipt.ok("config", "set", "country", "Australia")
    out = flat(ipt.ok("crisis").stdout)
    assert "Lifeline on 13 11 14" in out and "call 000" in out and "988" not in out
    assert "ipt config set country" not in out


def test_an_unlisted_country_in_crisis_leads_with_the_local_number(ipt):
    ipt.ok("config", "set", "country", "BO")
    out = flat(ipt.ok("crisis").stdout)
    assert out.index("call your local emergency number") < out.index("findahelpline.com")
    assert "988" not in out


def test_item_9_message_keeps_its_own_opening_and_says_ipt_tells_nobody(ipt):
    result = ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    out = flat(result.stdout)
    assert "Thank you for answering honestly" in out
    assert "a common symptom of depression" in out
    assert out.endswith(
        "A safety plan, written while things are calmer, can help in the hard moments: "
        "`ipt safety-plan edit` walks you through one. "
        "ipt does not tell anyone; please let your therapist or doctor know, at your next session or sooner."
    )
    data = json.loads(ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--json").stdout)
    assert data["safety"]["message"] == safety.CALM_OPENING
    assert "ipt does not tell anyone" in data["safety"]["tell_clinician"]


def test_start_takes_the_country_as_a_flag_and_never_asks_outside_a_terminal(ipt):
    ipt.ok("start", "--weeks", "12", "--country", "New Zealand")
    out = flat(ipt.ok("crisis").stdout)
    assert "Call or text 1737" in out and "call 111" in out
    assert_user_error(ipt("start", "--revise", "--weeks", "12", "--country", "Narnia"), "two-letter code")
