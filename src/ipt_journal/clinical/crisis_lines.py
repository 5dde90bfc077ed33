"""The one table of crisis numbers in the code: talk lines, text lines and emergency numbers.

Every row is cited to its primary source in docs/safety.md and pinned by
tests/test_country_table.py; nothing else in the code spells a number out. Apps have shipped
dead numbers: only numbers checked against an official source belong here. A country with no
row still gets "call your local emergency number" and findahelpline.com.
"""

from typing import NamedTuple


class CrisisLines(NamedTuple):
    country: str  # ISO 3166-1 alpha-2
    name: str
    lines: tuple[str, ...]  # someone to talk to, by phone
    emergency: str  # as said after "In an emergency, call"
    texts: tuple[str, ...] = ()  # someone to text
    eu_eea: bool = False  # 112 is the EU/EEA's emergency number there

    @property
    def talk_line(self) -> bool:
        return bool(self.lines)


def _eu(code: str, name: str, *lines: str, emergency: str = "112") -> CrisisLines:
    return CrisisLines(code, name, tuple(lines), emergency, eu_eea=True)


NO_NATIONAL_NUMBER = "there is no emergency number that works across the whole country"


def _row(code: str, name: str, emergency: str, *lines: str, texts: tuple[str, ...] = ()) -> CrisisLines:
    return CrisisLines(code, name, tuple(lines), emergency, texts)


_ROWS = (
    # The English-speaking countries ipt first listed: shown when no country is set.
    _row(
        "US",
        "United States",
        "911",
        "Call or text 988 (Suicide & Crisis Lifeline).",
        texts=("Text HOME to 741741 (Crisis Text Line), free, day or night.",),
    ),
    _row("CA", "Canada", "911", "Call or text 988 (Suicide Crisis Helpline)."),
    _row(
        "GB",
        "United Kingdom",
        "999",
        "Call Samaritans on 116 123, free, day or night.",
        texts=("Text SHOUT to 85258 (Shout), free, day or night.",),
    ),
    CrisisLines(
        "IE",
        "Ireland",
        ("Call Samaritans on 116 123, free, day or night.",),
        "112 or 999",
        ("Text 50808 (a free text service), day or night.",),
        eu_eea=True,
    ),
    _row("AU", "Australia", "000", "Call Lifeline on 13 11 14, day or night."),
    _row("NZ", "New Zealand", "111", "Call or text 1737, free, any time."),
    # EU and EEA: 112 everywhere; a national talk line where one is checked.
    _eu("AT", "Austria", "Call TelefonSeelsorge on 142, free, day or night."),
    _eu(
        "BE",
        "Belgium",
        "Call the Zelfmoordlijn on 1813 (in Dutch) or the Centre de Prévention du Suicide on "
        "0800 32 123 (in French), free, day or night.",
    ),
    _eu("BG", "Bulgaria"),
    _eu("HR", "Croatia"),
    _eu("CY", "Cyprus"),
    _eu("CZ", "Czechia"),
    _eu("DK", "Denmark", "Call Livslinien on 70 201 201."),
    _eu("EE", "Estonia"),
    _eu("FI", "Finland", "Call the MIELI Crisis Helpline on 09 2525 0111, day or night."),
    _eu("FR", "France", "Call 3114 (the national suicide prevention line), free, day or night."),
    _eu(
        "DE",
        "Germany",
        "Call TelefonSeelsorge on 0800 111 0 111 or 0800 111 0 222, free, day or night.",
    ),
    _eu("GR", "Greece"),
    _eu("HU", "Hungary"),
    _eu("IT", "Italy"),
    _eu("LV", "Latvia"),
    _eu("LT", "Lithuania"),
    _eu("LU", "Luxembourg"),
    _eu("MT", "Malta"),
    _eu("NL", "Netherlands", "Call 113 or 0800-0113 (113 Zelfmoordpreventie), free, day or night."),
    _eu("PL", "Poland"),
    _eu("PT", "Portugal"),
    _eu("RO", "Romania"),
    _eu("SK", "Slovakia"),
    _eu("SI", "Slovenia"),
    _eu("ES", "Spain", "Call 024 (the suicide-prevention line), free, day or night."),
    _eu("SE", "Sweden", "Call Mind's Självmordslinjen on 90101."),
    _eu("IS", "Iceland"),
    _eu("LI", "Liechtenstein"),
    _eu("NO", "Norway", "Call Mental Helse's helpline on 116 123, day or night."),
    # The most populous countries elsewhere, and a few more.
    _row("IN", "India", "112", "Call Tele-MANAS on 14416 or 1-800-891-4416, free, day or night."),
    _row("CN", "China", "120 (ambulance) or 110 (police)"),
    # 112 answers in 141 cities and regencies so far (Komdigi, 2025); elsewhere the older
    # numbers are the ones that reach someone.
    _row("ID", "Indonesia", "112 where it runs, or 110 (police) or 118 (ambulance)"),
    _row("PK", "Pakistan", "15 (police) or 1122 (Rescue 1122)"),
    _row("NG", "Nigeria", "112"),
    _row("BR", "Brazil", "192 (ambulance, SAMU) or 190 (police)", "Call CVV on 188, free, day or night."),
    _row("BD", "Bangladesh", "999"),
    _row("RU", "Russia", "112 or 103 (ambulance)"),
    _row("MX", "Mexico", "911"),
    _row("JP", "Japan", "119 (ambulance) or 110 (police)"),
    _row("EG", "Egypt", "123 (ambulance) or 122 (police)"),
    _row("PH", "Philippines", "911"),
    _row("VN", "Viet Nam", "115 (ambulance) or 113 (police)"),
    _row("IR", "Iran", "115 (ambulance) or 110 (police)"),
    _row("TR", "Türkiye", "112"),
    _row("TH", "Thailand", "1669 (medical emergencies) or 191 (police)"),
    _row("ZA", "South Africa", "10177 (ambulance), 10111 (police), or 112 from a mobile"),
    _row("KE", "Kenya", "999 or 112"),
    _row("CO", "Colombia", "123"),
    _row("KR", "South Korea", "119 (ambulance) or 112 (police)"),
    _row("UG", "Uganda", "999 or 112"),
    _row("DZ", "Algeria", "14 (civil protection) or 17 (police)"),
    _row("AR", "Argentina", "107 (ambulance) or 911 (police)"),
    _row("UA", "Ukraine", "112 or 103 (ambulance)"),
    _row("MA", "Morocco", "15 (ambulance) or 19 (police)"),
    _row("MY", "Malaysia", "999"),
    _row("SA", "Saudi Arabia", "997 (ambulance) or 999 (police)"),
    _row("PE", "Peru", "106 (ambulance, SAMU) or 105 (police)"),
    _row("CL", "Chile", "131 (ambulance) or 133 (police)"),
    _row("TW", "Taiwan", "119 (ambulance) or 110 (police)"),
    _row("LK", "Sri Lanka", "1990 (ambulance) or 119 (police)"),
    _row("GH", "Ghana", "112"),
    _row("CH", "Switzerland", "144 (ambulance) or 112", "Call Die Dargebotene Hand / La Main Tendue on 143."),
    # Five of the nine most populous countries first left out, each from a stored source
    # (docs/safety.md). Still left out, for want of a number that works nationwide today:
    # DR Congo, Sudan, Afghanistan and Angola.
    _row("ET", "Ethiopia", "991 (police)"),
    _row("TZ", "Tanzania", "112 (police)"),
    # The U.S. Overseas Security Advisory Council (2024): these lines work only in Yangon,
    # Nay Pyi Taw and Mandalay; said so, not to promise what a call cannot deliver.
    _row("MM", "Myanmar", "192 (ambulance) or 199 (police), in the major cities"),
    _row("IQ", "Iraq", "911"),
    _row("YE", "Yemen", "199 (police)"),
    # Among the 40 most populous, four with no emergency number that works across the
    # country (docs/safety.md, "No national number"): said so, so nobody dials in vain, and
    # where to go instead. Khartoum's 999 is a pilot (2025); no number is given for the rest.
    _row("CD", "DR Congo", f"the local police, or go to the nearest hospital ({NO_NATIONAL_NUMBER})"),
    _row(
        "SD",
        "Sudan",
        f"999 (police) in Khartoum; elsewhere go to the nearest hospital ({NO_NATIONAL_NUMBER})",
    ),
    _row("AF", "Afghanistan", f"the local police, or go to the nearest hospital ({NO_NATIONAL_NUMBER})"),
    _row("AO", "Angola", f"the local police, or go to the nearest hospital ({NO_NATIONAL_NUMBER})"),
)

CRISIS_LINES: dict[str, CrisisLines] = {row.country: row for row in _ROWS}
# With no country set, these are listed in full (their talk lines and emergency numbers).
SHOWN_WITHOUT_COUNTRY = ("US", "CA", "GB", "IE", "AU", "NZ")
