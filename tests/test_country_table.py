"""The crisis table, country by country (issue 20, point 7): each row's lines and emergency
number pinned, 112 offered only in the EU/EEA, text lines where they exist, "someone to talk
to" promised only where a talk line is listed, and a code that is not ISO 3166 refused."""

import json

import pytest

from ipt_journal.clinical import countries, crisis_lines, safety
from support import assert_user_error, flat

EU_EEA = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split()
# (code, talk lines, text lines, emergency), as checked against the sources in docs/safety.md.
TALK = {
    "US": ["Call or text 988 (Suicide & Crisis Lifeline)."],
    "CA": ["Call or text 988 (Suicide Crisis Helpline)."],
    "GB": ["Call Samaritans on 116 123, free, day or night."],
    "IE": ["Call Samaritans on 116 123, free, day or night."],
    "AU": ["Call Lifeline on 13 11 14, day or night."],
    "NZ": ["Call or text 1737, free, any time."],
    "AT": ["Call TelefonSeelsorge on 142, free, day or night."],
    "BE": [
        "Call the Zelfmoordlijn on 1813 (in Dutch) or the Centre de Prévention du Suicide on "
        "0800 32 123 (in French), free, day or night."
    ],
    "DK": ["Call Livslinien on 70 201 201."],
    "FI": ["Call the MIELI Crisis Helpline on 09 2525 0111, day or night."],
    "FR": ["Call 3114 (the national suicide prevention line), free, day or night."],
    "DE": ["Call TelefonSeelsorge on 0800 111 0 111 or 0800 111 0 222, free, day or night."],
    "NL": ["Call 113 or 0800-0113 (113 Zelfmoordpreventie), free, day or night."],
    "ES": ["Call 024 (the suicide-prevention line), free, day or night."],
    "SE": ["Call Mind's Självmordslinjen on 90101."],
    "NO": ["Call Mental Helse's helpline on 116 123, day or night."],
    "IN": ["Call Tele-MANAS on 14416 or 1-800-891-4416, free, day or night."],
    "BR": ["Call CVV on 188, free, day or night."],
    "CH": ["Call Die Dargebotene Hand / La Main Tendue on 143."],
}
TEXT = {
    "US": ["Text HOME to 741741 (Crisis Text Line), free, day or night."],
    "GB": ["Text SHOUT to 85258 (Shout), free, day or night."],
    "IE": ["Text 50808 (a free text service), day or night."],
}
EMERGENCY = {
    "US": "911", "CA": "911", "GB": "999", "IE": "112 or 999", "AU": "000", "NZ": "111",
    **{code: "112" for code in EU_EEA if code != "IE"},
    "IN": "112",
    "CN": "120 (ambulance) or 110 (police)",
    "ID": "112 where it runs, or 110 (police) or 118 (ambulance)",
    "PK": "15 (police) or 1122 (Rescue 1122)",
    "NG": "112",
    "BR": "192 (ambulance, SAMU) or 190 (police)",
    "BD": "999",
    "RU": "112 or 103 (ambulance)",
    "MX": "911",
    "JP": "119 (ambulance) or 110 (police)",
    "EG": "123 (ambulance) or 122 (police)",
    "PH": "911",
    "VN": "115 (ambulance) or 113 (police)",
    "IR": "115 (ambulance) or 110 (police)",
    "TR": "112",
    "TH": "1669 (medical emergencies) or 191 (police)",
    "ZA": "10177 (ambulance), 10111 (police), or 112 from a mobile",
    "KE": "999 or 112",
    "CO": "123",
    "KR": "119 (ambulance) or 112 (police)",
    "UG": "999 or 112",
    "DZ": "14 (civil protection) or 17 (police)",
    "AR": "107 (ambulance) or 911 (police)",
    "UA": "112 or 103 (ambulance)",
    "MA": "15 (ambulance) or 19 (police)",
    "MY": "999",
    "SA": "997 (ambulance) or 999 (police)",
    "PE": "106 (ambulance, SAMU) or 105 (police)",
    "CL": "131 (ambulance) or 133 (police)",
    "TW": "119 (ambulance) or 110 (police)",
    "LK": "1990 (ambulance) or 119 (police)",
    "GH": "112",
    "CH": "144 (ambulance) or 112",
    "ET": "991 (police)",
    "TZ": "112 (police)",
    "MM": "192 (ambulance) or 199 (police), in the major cities",
    "IQ": "911",
    "YE": "199 (police)",
    "CD": "the local police, or go to the nearest hospital (there is no emergency number that works "
    "across the whole country)",
    "SD": "999 (police) in Khartoum; elsewhere go to the nearest hospital (there is no emergency number "
    "that works across the whole country)",
    "AF": "the local police, or go to the nearest hospital (there is no emergency number that works "
    "across the whole country)",
    "AO": "the local police, or go to the nearest hospital (there is no emergency number that works "
    "across the whole country)",
}  # fmt: skip


def test_the_table_holds_exactly_the_checked_rows():
    table = crisis_lines.CRISIS_LINES
    assert set(table) == set(EMERGENCY)
    for code, row in table.items():
        assert (list(row.lines), list(row.texts), row.emergency) == (
            TALK.get(code, []),
            TEXT.get(code, []),
            EMERGENCY[code],
        ), code
        assert row.eu_eea == (code in EU_EEA), code
        assert countries.is_country_code(code), code


def test_the_table_covers_every_eu_eea_country_and_more_than_40_others():
    assert set(EU_EEA) <= set(crisis_lines.CRISIS_LINES)
    assert len(set(crisis_lines.CRISIS_LINES) - set(EU_EEA)) >= 35
    assert len(crisis_lines.CRISIS_LINES) >= 60


@pytest.mark.parametrize("code", sorted(EMERGENCY))
def test_each_country_reads_its_own_lines_then_its_emergency_number(code):
    shown = safety.resources(code, after_item9=True)
    assert shown[: len(TALK.get(code, [])) + len(TEXT.get(code, []))] == TALK.get(code, []) + TEXT.get(
        code, []
    )
    assert f"In an emergency, or if you might act on these thoughts, call {EMERGENCY[code]}." in shown
    # 112 only where it is the country's own number: never an EU hint outside the EU/EEA.
    assert ("112" in " ".join(shown)) == ("112" in EMERGENCY[code])


@pytest.mark.parametrize(("code", "talk"), [("DE", True), ("IN", True), ("JP", False), ("IT", False)])
def test_someone_to_talk_to_is_promised_only_where_a_talk_line_is_listed(ipt, code, talk):
    ipt.ok("config", "set", "country", code)
    out = flat(ipt.ok("crisis").stdout)
    assert ("Someone is there to talk to" in out) is talk
    assert out.startswith(safety.CRISIS_OPENING if talk else safety.CRISIS_OPENING_NO_LINE)
    data = json.loads(ipt.ok("crisis", "--json").stdout)
    assert data["message"] == (safety.CRISIS_OPENING if talk else safety.CRISIS_OPENING_NO_LINE)


def test_germany_and_india_read_their_talk_lines_in_crisis(ipt):
    ipt.ok("config", "set", "country", "Germany")
    out = flat(ipt.ok("crisis").stdout)
    assert "TelefonSeelsorge on 0800 111 0 111 or 0800 111 0 222" in out and "call 112." in out
    ipt.ok("config", "set", "country", "india")
    out = flat(ipt.ok("crisis").stdout)
    assert "Tele-MANAS on 14416" in out and "call 112." in out and "EU" not in out


def test_the_eu_hint_is_only_for_eu_and_eea_countries(ipt):
    ipt.ok("config", "set", "country", "JP")
    out = flat(ipt.ok("crisis").stdout)
    assert "119 (ambulance) or 110 (police)" in out and "112" not in out and "EU" not in out
    ipt.ok("config", "set", "country", "PT")
    assert "In an emergency, call 112." in flat(ipt.ok("crisis").stdout)


def test_an_emergency_only_country_is_named_when_set(ipt):
    out = flat(ipt.ok("config", "set", "country", "Japan").stdout)
    assert "country is now JP" in out and "ipt lists the emergency number for Japan but no helpline" in out


@pytest.mark.parametrize("typed", ["XX", "EU", "ZZ", "U5", "Atlantis"])
def test_a_code_that_is_not_iso_3166_is_refused_and_nothing_is_saved(ipt, typed):
    result = ipt("config", "set", "country", typed)
    shaped = len(typed) == 2 and typed.isalpha()
    assert_user_error(
        result,
        f"{typed!r} is not a country code ipt knows (ISO 3166-1)."
        if shaped
        else f"The country must be a two-letter code (ISO 3166-1) such as US, GB or AU, got {typed!r}.",
    )
    assert not (ipt.path.parent.parent / "config" / "config.json").exists()
    assert_user_error(ipt("start", "--weeks", "12", "--country", typed), "ISO 3166-1")
    assert ipt.count("courses") == 0


def test_the_iso_list_is_complete_data():
    assert len(countries.ISO_3166_ALPHA2) == 249
    assert {"GB", "US", "DE", "IN", "SS", "BQ"} <= countries.ISO_3166_ALPHA2
    assert "UK" not in countries.ISO_3166_ALPHA2 and "EU" not in countries.ISO_3166_ALPHA2
    assert safety.country_code("uk") == "GB" and safety.country_code("bq") == "BQ"
