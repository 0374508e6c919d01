"""lxml: the XML bundle streamed with lxml.etree.iterparse, the analyses in plain Python.

Elements are cleared as soon as their record is read, so memory stays flat whatever the file size. The
complaints file of the XML bundle is CSV and is read with the csv module.
"""

import csv
import datetime

from lxml import etree

import figures
import schema

FORMATS = ("xml",)


def version() -> str:
    return ".".join(str(p) for p in etree.LXML_VERSION) + " (libxml2 " + ".".join(
        str(p) for p in etree.LIBXML_VERSION
    ) + ")"


def _day(text, fmt: str):
    if not text:
        return None
    text = text.strip()
    try:
        if fmt == "%Y-%m-%d":
            return datetime.date.fromisoformat(text).toordinal()
        if fmt in ("%d/%m/%Y", "%d.%m.%Y"):
            day, month, year = text.split(fmt[2])
            if len(day) != 2 or len(month) != 2 or len(year) != 4:
                return None
            return datetime.date(int(year), int(month), int(day)).toordinal()
        return datetime.datetime.strptime(text, fmt).date().toordinal()
    except ValueError:
        return None


def _complaints(bundle: str, fmt: str, layout: schema.Layout):
    k = layout.complaint
    volumes, tallies = {}, {}
    slot = {"overturned": 0, "upheld": 1, "partially-overturned": 2}
    with open(schema.complaints_path(bundle, fmt), newline="", encoding=layout.complaint_encoding) as f:
        reader = csv.reader(f)
        header = next(reader)
        ci, oi = header.index(k["country"]), header.index(k["outcome"])
        for row in reader:
            country = schema.member(row[ci])
            volumes[country] = volumes.get(country, 0) + 1
            tally = tallies.get(country)
            if tally is None:
                tally = tallies[country] = [0, 0, 0]
            category = schema.OUTCOME_CATEGORY.get(row[oi].strip().lower())
            position = slot.get(category)
            if position is not None:
                tally[position] += 1
    return volumes, tallies


def _notices(bundle: str, layout: schema.Layout):
    x = layout.xml_notice
    fields = {x["issue_date"]: "issue", x["status"]: "status", x["cancellation_date"]: "cancel"}
    as_of = datetime.date.fromisoformat(schema.AS_OF).toordinal()
    ended_statuses = set(schema.ENDED_STATUSES)
    total = cancelled = active = 0
    durations = {}  # t -> [events, count]
    for _, record in etree.iterparse(schema.notices_path(bundle, "xml"), events=("end",), tag=layout.xml_record):
        values = {}
        for child in record:
            name = fields.get(child.tag)
            if name is not None:
                values[name] = child.text
        record.clear(keep_tail=False)
        while record.getprevious() is not None:
            del record.getparent()[0]
        total += 1
        status = schema.STATUS_CATEGORY.get((values.get("status") or "").strip().lower())
        ended = status in ended_statuses
        if ended:
            cancelled += 1
        elif status == "active":
            active += 1
        issue = _day(values.get("issue"), layout.xml_date_format)
        if issue is None or issue > as_of:
            continue
        end = _day(values.get("cancel"), layout.xml_date_format)
        if ended:
            if end is None or end > as_of:
                continue
        elif status == "active" and end is None:
            end = as_of
        else:
            continue
        t = end - issue
        if t < 0:
            continue
        cell = durations.get(t)
        if cell is None:
            cell = durations[t] = [0, 0]
        cell[0] += 1 if ended else 0
        cell[1] += 1
    return total, cancelled, active, durations


def _kaplan_meier(durations: dict):
    """Subjects, events, the median, S at the check days and the subjects at risk there."""
    n = sum(c for _, c in durations.values())
    subjects, events = n, sum(d for d, _ in durations.values())
    s, median = 1.0, None
    survival_at = {day: 1.0 for day in figures.CHECK_DAYS}
    at_risk = {day: 0 for day in figures.CHECK_DAYS}
    for t in sorted(durations):
        d, c = durations[t]
        for day in figures.CHECK_DAYS:
            if t >= day:
                at_risk[day] += c
        if d:
            s *= 1.0 - d / n
            if median is None and s <= 0.5 + figures.CROSSING_TOLERANCE:
                median = t
        for day in figures.CHECK_DAYS:
            if t <= day:
                survival_at[day] = s
        n -= c
    return subjects, events, median, survival_at, at_risk


def run(bundle: str, fmt: str, layout: schema.Layout = schema.CLEAN) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"lxml reads only xml, not {fmt}")
    volumes, tallies = _complaints(bundle, fmt, layout)
    total, cancelled, active, durations = _notices(bundle, layout)
    subjects, events, median, survival_at, at_risk = _kaplan_meier(durations)
    return figures.make(
        volumes, {k: tuple(v) for k, v in tallies.items()}, total, cancelled, active, subjects, events, median,
        survival_at, at_risk,
    )
