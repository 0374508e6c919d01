"""The shape of a bench bundle, as `noticewatch generate --bench` writes it, in one place.

Every peer reads the same files through these names, so a change of the generator's layout is a change here
only. The vocabularies (outcome and status labels to categories) are the generator's: the peers must put
every raw label in the same category as NoticeWatch does, or the figures will not agree. The bench bundle
(Sources/NoticeWatchGenerator/BenchBundle.swift) writes the category names themselves (`active`,
`partially-overturned`, …) and maps each to itself in its sources.yml; the wider vocabulary below is the
sample bundle's (SampleLabels.swift), so that other generated bundles read the same way.
"""

import os

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
}
CSV_DATE_FORMAT = "%Y-%m-%d"

# complaints.csv (all three formats).
CSV_COMPLAINT = {
    "id": "id",
    "country": "country",
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
}
XML_DATE_FORMAT = "%Y-%m-%d"

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
    "pending": "pending",
    "under examination": "pending",
    "precautionary blocking": "pending",
    "en cours d’examen": "pending",
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


def notices_path(bundle: str, fmt: str) -> str:
    """The notices file of one format's folder of a bundle."""
    return os.path.join(bundle, fmt, NOTICES_FILE[fmt])


def complaints_path(bundle: str, fmt: str) -> str:
    """The complaints file of one format's folder of a bundle."""
    return os.path.join(bundle, fmt, COMPLAINTS_FILE)


def input_bytes(bundle: str, fmt: str) -> int:
    """The bytes every engine reads for one format: the notices file plus the complaints file."""
    return os.path.getsize(notices_path(bundle, fmt)) + os.path.getsize(complaints_path(bundle, fmt))


def sql_case(column_sql: str, mapping: dict) -> str:
    """A SQL CASE mapping lower(trim(column)) through `mapping`; unknown labels give NULL."""
    arms = " ".join(
        "WHEN '{}' THEN '{}'".format(k.replace("'", "''"), v.replace("'", "''")) for k, v in sorted(mapping.items())
    )
    return "CASE lower(trim({})) {} END".format(column_sql, arms)
