"""The countries added to the crisis table from stored sources (issue 20, point 7): Ethiopia,
Tanzania, Myanmar, Iraq and Yemen. Each reads its own emergency number in `ipt crisis`, in
the terminal and in --json, with no EU hint and no promise of someone to talk to; the
countries still left out (DR Congo, Sudan, Afghanistan, Angola) get the local-number
fallback, never a number of ours. docs/safety.md cites each row."""

import json
from pathlib import Path

import pytest

from ipt_journal.clinical import safety
from support import flat

ADDED = {
    "ET": ("Ethiopia", "991 (police)"),
    "TZ": ("Tanzania", "112 (police)"),
    "MM": ("Myanmar", "192 (ambulance) or 199 (police), in the major cities"),
    "IQ": ("Iraq", "911"),
    "YE": ("Yemen", "199 (police)"),
}
LEFT_OUT = ["CD", "SD", "AF", "AO"]
SAFETY_DOC = Path(__file__).resolve().parent.parent / "docs" / "safety.md"


@pytest.mark.parametrize("code", sorted(ADDED))
def test_an_added_country_reads_its_number_in_crisis_in_the_terminal(ipt, code):
    name, number = ADDED[code]
    saved = flat(ipt.ok("config", "set", "country", code).stdout)
    assert f"country is now {code}" in saved
    assert f"ipt lists the emergency number for {name} but no helpline" in saved
    out = flat(ipt.ok("crisis").stdout)
    assert out.startswith(safety.CRISIS_OPENING_NO_LINE)
    assert f"In an emergency, call {number}." in out
    assert "Someone is there to talk to" not in out
    # 112 only where it is the country's own number (Tanzania); never the EU hint.
    assert "EU" not in out and ("112" in out) == (code == "TZ")
    # Crisis prints before it touches the journal: asking for help writes nothing there.
    assert not ipt.path.exists()


@pytest.mark.parametrize("code", sorted(ADDED))
def test_an_added_country_reads_its_number_in_crisis_json(ipt, code):
    name, number = ADDED[code]
    ipt.ok("config", "set", "country", name)  # by its English name too
    data = json.loads(ipt.ok("crisis", "--json").stdout)
    assert data["country"] == code and data["country_listed"] is True
    assert data["message"] == safety.CRISIS_OPENING_NO_LINE
    assert data["resources"][0] == f"In an emergency, call {number}."
    assert not any("EU" in line for line in data["resources"])
    assert "set_country" not in data


@pytest.mark.parametrize("code", LEFT_OUT)
def test_a_country_with_no_national_number_says_so_and_where_to_go(ipt, code):
    ipt.ok("config", "set", "country", code)
    data = json.loads(ipt.ok("crisis", "--json").stdout)
    assert data["country"] == code and data["country_listed"] is True
    emergency = data["resources"][0]
    assert "there is no emergency number that works across the whole country" in emergency
    assert "go to the nearest hospital" in emergency
    digits = [ch for ch in emergency if ch.isdigit()]
    assert digits == (["9", "9", "9"] if code == "SD" else [])  # Khartoum's pilot only
    assert "go to the nearest hospital" in flat(ipt.ok("crisis").stdout)


def test_the_eu_hint_stays_for_the_eu_and_not_for_the_added_countries(ipt):
    ipt.ok("config", "set", "country", "IQ")
    assert "In an emergency, call 911." in flat(ipt.ok("crisis").stdout)
    ipt.ok("config", "set", "country", "PT")
    assert "In an emergency, call 112." in flat(ipt.ok("crisis").stdout)
    ipt.ok("config", "unset", "country")
    assert "112 in the EU and EEA" in flat(ipt.ok("crisis").stdout)


def test_an_item9_answer_names_the_added_countrys_number(ipt):
    ipt.ok("config", "set", "country", "MM")
    shown = safety.resources("MM", after_item9=True)
    assert (
        "In an emergency, or if you might act on these thoughts, call 192 (ambulance) or 199 "
        "(police), in the major cities." in shown
    )


@pytest.mark.parametrize("code", sorted(ADDED))
def test_each_added_number_is_cited_in_the_safety_doc(code):
    name, number = ADDED[code]
    sources = SAFETY_DOC.read_text(encoding="utf-8").split("### Sources", 1)[1]
    cited = [line for line in sources.splitlines() if line.startswith(f"- {name} ")]
    assert cited, f"{name} has no source line in docs/safety.md"
