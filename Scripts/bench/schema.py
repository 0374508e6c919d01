"""The shape of a bench bundle, as `noticewatch generate --bench` writes it, in one place.

Every peer reads the same files through these names, so a change of the generator's layout is a change here
only. A bundle has one of two profiles (Sources/NoticeWatchGenerator/BenchProfile.swift), and each has its
Layout below: the column and element names, the date format of each file and the complaints file's encoding,
given to every peer explicitly, as a careful analyst who had looked at the files would.

- clean: ISO dates (yyyy/MM/dd in the NDJSON), UTF-8, category names as labels, a sources.yml per folder.
- realistic: dd/MM/yyyy notice dates in all three formats, a Windows-1252 complaints file with CRLF line ends
  and dd.MM.yyyy dates, quoted free text (charges, remarks, decision_detail) with commas, doubled quotes and
  line breaks, French and English labels, and about 2% of requesting countries that are no member.

The vocabularies (outcome and status labels to categories) are the generator's: the peers must put every raw
label in the same category as NoticeWatch does, or the figures will not agree. The clean bundle writes the
category names themselves (`active`, `partially-overturned`, …) and maps each to itself in its sources.yml;
the realistic one writes labels of NoticeWatch's built-in vocabulary (BenchText.swift) and a few labels no
vocabulary maps; the wider vocabulary below also covers the sample bundle's (SampleLabels.swift).

Countries: a requesting country counts under its alpha-2 code when it is one of Interpol's 196 members
(MEMBERS, as Datasets/COUNTRIES.md lists them), else under "" (NoticeWatch's one "unrecognized / not a member"
row): non-members (XK, TW, KP, Kosovo, Taiwan, Western Sahara), and a country not given. The bundles write
members by their alpha-2 code only, so the peers need no table of names.
"""

import os
from dataclasses import dataclass, field

AS_OF = "2025-06-30"

# The files of one format's folder: the notices file differs per format, complaints are always CSV.
NOTICES_FILE = {"csv": "notices.csv", "ndjson": "notices.ndjson", "xml": "notices.xml"}
COMPLAINTS_FILE = "complaints.csv"

# notices.csv: header names of the fields the analyses use.
CSV_NOTICE = {
    "id": "id",
    "country": "country",
    "issue_date": "issue_date",
    "status": "status",
    "cancellation_date": "cancellation_date",
    "kind": "kind",
    "cancellation_reason": "cancellation_reason",
}
CSV_DATE_FORMAT = "%Y-%m-%d"

# complaints.csv (all three formats).
CSV_COMPLAINT = {
    "id": "id",
    "notice_id": "notice_id",
    "country": "country",
    "filed_date": "filed_date",
    "decision_date": "decision_date",
    "outcome": "outcome",
}

# notices.ndjson: one Interpol-API-shaped object per line. The requesting country is the first arrest
# warrant's issuing country; the cancellation is an object {"date": …, "reason": …} or null.
JSON_NOTICE = {
    "id": "entity_id",
    "warrants": "arrest_warrants",
    "warrant_country": "issuing_country_id",
    "issue_date": "date_of_issue",
    "status": "status",
    "cancellation": "cancellation",
    "cancellation_date": "date",
    "cancellation_reason": "reason",
    "kind": "kind",
    "charge": "charge",
}
JSON_DATE_FORMAT = "%Y/%m/%d"

# notices.xml: <notices><notice><id/><kind/><country/><issued/><status/>[<cancelled/><reason/>]</notice>…
# one child element per field, no namespace; <cancelled> only on ended notices.
XML_RECORD = "notice"
XML_NOTICE = {
    "id": "id",
    "country": "country",
    "issue_date": "issued",
    "status": "status",
    "cancellation_date": "cancelled",
    "kind": "kind",
    "cancellation_reason": "reason",
}
XML_DATE_FORMAT = "%Y-%m-%d"

PROFILES = ("realistic", "clean")


@dataclass(frozen=True)
class Layout:
    """Where one profile keeps each field, and how its files are written."""

    profile: str
    csv_notice: dict
    csv_date_format: str
    json_date_format: str
    xml_notice: dict
    xml_date_format: str
    complaint: dict
    complaint_date_format: str
    complaint_encoding: str  # a Python codec name
    json_notice: dict = field(default_factory=lambda: dict(JSON_NOTICE))
    xml_record: str = "notice"


# Raw outcome label (trimmed, lower case) -> category. Only overturned, upheld and partially-overturned
# enter the overturn rate; every other label (inadmissible, withdrawn, pending) is outside its denominator.
OUTCOME_CATEGORY = {
    "not compliant": "overturned",
    "non-compliant": "overturned",
    "non compliant": "overturned",
    "data deleted": "overturned",
    "non conforme": "overturned",
    "non-conforme": "overturned",
    "données effacées": "overturned",
    "overturned": "overturned",
    "compliant": "upheld",
    "conforme": "upheld",
    "conforme sous réserve de mises à jour": "partially-overturned",
    "upheld": "upheld",
    "compliant subject to updates": "partially-overturned",
    "updated": "partially-overturned",
    "partially overturned": "partially-overturned",
    "partially-overturned": "partially-overturned",
    "inadmissible": "inadmissible",
    "not admissible": "inadmissible",
    "irrecevable": "inadmissible",
    "withdrawn": "withdrawn",
    "deleted before decision": "withdrawn",
    "deleted by the ncb before decision": "withdrawn",
    "effacé par le bcn avant décision": "withdrawn",
    "effacé par le bcn": "withdrawn",
    "pending": "pending",
    "under examination": "pending",
    "precautionary blocking": "pending",
    "en cours d’examen": "pending",
    "en cours d'examen": "pending",
    "": "pending",
}

# Raw status label (trimmed, lower case) -> category. A notice has ended (an event for the survival
# analysis, and counted as cancelled) when its category is in ENDED_STATUSES.
STATUS_CATEGORY = {
    "active": "active",
    "valid": "active",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "withdrawn": "withdrawn",
    "expired": "expired",
}
ENDED_STATUSES = ("cancelled", "withdrawn", "expired")

OVERTURN_CATEGORIES = ("overturned", "upheld", "partially-overturned")

# Notice kind and cancellation reason labels (trimmed, lower case) -> category, for the file-backed DuckDB
# peer, which stores every normalized field; no figure of the benchmark depends on them.
KIND_CATEGORY = {"red-notice": "red-notice", "red notice": "red-notice", "diffusion": "diffusion"}
REASON_CATEGORY = {
    "ccf-decision": "ccf-decision",
    "ccf decision": "ccf-decision",
    "withdrawn-by-requesting-country": "withdrawn-by-requesting-country",
    "withdrawn by requesting country": "withdrawn-by-requesting-country",
    "general-secretariat-review": "general-secretariat-review",
    "general secretariat review": "general-secretariat-review",
    "subject-located": "subject-located",
    "subject located": "subject-located",
    "other": "other",
}

# Interpol's 196 member countries by ISO alpha-2 code (Datasets/COUNTRIES.md; selftest.py checks the count).
MEMBERS = frozenset("""
    AD AE AF AG AL AM AO AR AT AU AW AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL
    CM CN CO CR CU CV CW CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW
    GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KR KW KZ LA LB LC LI LK LR LS LT LU LV LY
    MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT
    PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SX SY SZ TD TG TH TJ TL TM TN TO TR TT
    TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW
""".split())


def member(code) -> str:
    """The alpha-2 code when `code` is a member's, else "" (unrecognized or not given)."""
    text = (code or "").strip().upper()
    return text if text in MEMBERS else ""


CLEAN = Layout(
    profile="clean",
    csv_notice=dict(CSV_NOTICE),
    csv_date_format=CSV_DATE_FORMAT,
    json_date_format=JSON_DATE_FORMAT,
    xml_notice=dict(XML_NOTICE),
    xml_date_format=XML_DATE_FORMAT,
    complaint=dict(CSV_COMPLAINT),
    complaint_date_format="%Y-%m-%d",
    complaint_encoding="utf-8",
)

# The realistic profile: the XML elements are named as the CSV columns, every notice date is day-first.
REALISTIC = Layout(
    profile="realistic",
    csv_notice=dict(CSV_NOTICE, charges="charges"),
    csv_date_format="%d/%m/%Y",
    json_date_format="%d/%m/%Y",
    # A case system's export: the notice's own `id` (with `entity_id`, NoticeWatch would read the records as the
    # public service's, whose issue date is the id's year).
    json_notice=dict(JSON_NOTICE, id="id"),
    xml_notice=dict(CSV_NOTICE, charges="charges"),
    xml_date_format="%d/%m/%Y",
    complaint=dict(CSV_COMPLAINT),
    complaint_date_format="%d.%m.%Y",
    complaint_encoding="cp1252",
)

LAYOUTS = {"clean": CLEAN, "realistic": REALISTIC}


def layout(profile: str) -> Layout:
    if profile not in LAYOUTS:
        raise ValueError(f"unknown profile {profile!r}; known: {', '.join(PROFILES)}")
    return LAYOUTS[profile]


def notices_path(bundle: str, fmt: str) -> str:
    """The notices file of one format's folder of a bundle."""
    return os.path.join(bundle, fmt, NOTICES_FILE[fmt])


def complaints_path(bundle: str, fmt: str) -> str:
    """The complaints file of one format's folder of a bundle."""
    return os.path.join(bundle, fmt, COMPLAINTS_FILE)


def input_bytes(bundle: str, fmt: str) -> int:
    """The bytes every engine reads for one format: the notices file plus the complaints file."""
    return os.path.getsize(notices_path(bundle, fmt)) + os.path.getsize(complaints_path(bundle, fmt))


def sql_member(column_sql: str) -> str:
    """SQL for member(): the upper-case code when it is a member's, else ''."""
    codes = ", ".join(f"'{c}'" for c in sorted(MEMBERS))
    return f"CASE WHEN upper(trim({column_sql})) IN ({codes}) THEN upper(trim({column_sql})) ELSE '' END"


def sql_case(column_sql: str, mapping: dict) -> str:
    """A SQL CASE mapping lower(trim(column)) through `mapping`; unknown labels give NULL."""
    arms = " ".join(
        "WHEN '{}' THEN '{}'".format(k.replace("'", "''"), v.replace("'", "''")) for k, v in sorted(mapping.items())
    )
    return "CASE lower(trim({})) {} END".format(column_sql, arms)
