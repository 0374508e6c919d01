"""Checks the peers on small hand-made bundles before anyone trusts their timings.

    .build/bench-venv/bin/python Scripts/bench/selftest.py

Writes four tiny bundles (CSV, NDJSON and XML notices, a complaints CSV) into a temporary folder, runs every
peer on every format it reads (DuckDB also with a database file), and compares each result with figures worked
out here by hand and by a deliberately naive Kaplan–Meier. The bundles hold what the large generated one does
not: rows the survival analysis must leave out, labels in mixed case and French, an unknown label, a curve that
lands exactly on one half, and a curve that falls to zero. The fourth is written as the realistic profile writes
its files (schema.REALISTIC): day-first dates, quoted free text with commas, doubled quotes and line breaks in
Cyrillic, Arabic and French, a Windows-1252 complaints file with CRLF line ends, requesting countries that are no
member, and decision details no vocabulary maps. Also checks that schema.MEMBERS is the product's member table.

    .build/bench-venv/bin/python Scripts/bench/selftest.py --noticewatch .build/release/noticewatch

With --noticewatch, also generates a small bundle of each profile with that executable (`generate --bench`,
3,000 notices and 900 complaints), runs it on each format, and checks that every peer, NoticeWatch and the
generator's EXPECTED.md agree on it, as run.py does on the large bundle. Prints one line per check and exits 1
on any difference.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import expected  # noqa: E402
import figures  # noqa: E402
import noticewatch_figures  # noqa: E402
import schema  # noqa: E402

PEERS = ("peer_duckdb", "peer_duckdb_file", "peer_polars", "peer_pandas", "peer_lxml")
MEMBER_TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "NoticeWatchModel",
                            "CountryTable+Members.swift")

# id, country, issue date, status, cancellation date: the rows the survival analysis leaves out come first.
EDGE_NOTICES = [
    ("X1", "RU", "2020-01-01", "unknown", ""),  # status unknown
    ("X2", "TR", "2020-01-01", "active", "2021-01-01"),  # active with a cancellation date
    ("X3", "TR", "2020-01-01", "cancelled", ""),  # ended without a cancellation date
    ("X4", "TR", "2020-01-01", "cancelled", "2019-01-01"),  # cancellation before issue
    ("X5", "CN", "2026-01-01", "active", ""),  # issued after the as-of date
    ("X6", "CN", "2020-01-01", "expired", "2026-01-01"),  # cancelled after the as-of date
    ("X7", "CN", "", "active", ""),  # no issue date
    ("K1", "FR", "2020-01-01", "withdrawn", "2020-01-01"),  # an event at day 0
    ("K2", "FR", "2024-06-30", "Cancelled", "2025-06-30"),  # mixed case, cancelled on the as-of date
    ("K3", "FR", "2019-02-03", "ACTIVE", ""),
]
EDGE_LEFT_OUT = 7


def edge_rows():
    rows = list(EDGE_NOTICES)
    state = 12345
    for i in range(400):  # a fixed pseudo-random spread of events and censorings
        state = (state * 1103515245 + 12345) % 2**31
        day = 733000 + state % 5000
        state = (state * 1103515245 + 12345) % 2**31
        issue = _iso(day)
        if state % 10 < 7:
            end = day + 1 + (state >> 8) % 900
            status = ("cancelled", "withdrawn", "expired")[state % 3]
            rows.append((f"R{i}", ("RU", "TR")[i % 2], issue, status, _iso(end) if _iso(end) <= schema.AS_OF else ""))
        else:
            rows.append((f"R{i}", "RU", issue, "active", ""))
    return rows


def _iso(ordinal):
    import datetime

    return datetime.date.fromordinal(ordinal).isoformat()


# Four notices, two ending at day 10: S(10) = 1/2 exactly, so the median is 10 (the tolerance at work).
HALF_NOTICES = [
    ("H1", "RU", "2020-01-01", "cancelled", "2020-01-11"),
    ("H2", "RU", "2020-01-01", "cancelled", "2020-01-11"),
    ("H3", "RU", "2020-01-01", "active", ""),
    ("H4", "RU", "2020-01-01", "active", ""),
]
# Everyone ends: S falls to 0 at the last time (d = n there, no log of zero may be taken).
ZERO_NOTICES = [
    ("Z1", "TR", "2020-01-01", "cancelled", "2020-01-06"),
    ("Z2", "TR", "2020-01-01", "expired", "2020-01-21"),
    ("Z3", "TR", "2020-01-01", "withdrawn", "2020-02-20"),
]

# Outcome labels, each filed once per country of COMPLAINT_COUNTRIES; the last one is in no vocabulary.
LABELS = ["overturned", "Not compliant", " Non conforme ", "upheld", "CONFORME", "partially-overturned",
          "Compliant subject to updates", "pending", "", "inadmissible", "withdrawn", "Referred to plenary session"]
COMPLAINT_COUNTRIES = ["RU", "TR", "cn"]


# The realistic case: decision labels as the realistic profile writes them (the same tallies, 3, 2 and 2, per
# country), one in no vocabulary; countries that are no member count under "".
REALISTIC_LABELS = ["Non conforme", "Données effacées", "Non-conforme", "Conforme", "Compliant",
                    "Conforme sous réserve de mises à jour", "Compliant subject to updates", "En cours d'examen", "",
                    "Irrecevable", "Effacé par le BCN", "Renvoyé en session plénière"]
REALISTIC_COUNTRIES = ["RU", "TR", "cn", "XK", " Kosovo "]
NON_MEMBERS = ("XK", "Kosovo", "KP", "Taiwan")
CHARGES = ["Fraud", "Мошенничество, ч. 4 ст. 159 УК РФ", 'Participation in an "illegal armed formation", art. 208',
           "Estafa agravada, art. 250 CP\nBlanqueo de capitales", "تمويل الإرهاب، غسل الأموال, المادة 3"]
DETAILS = ["Conforme, mise à jour demandée", 'Révision: "irrecevable"\nnouvelle requête', "Art. 83 RPD", ""]
REMARKS = ["Coût estimé 1 200 €, frais de traduction", "L’avocat a écrit – deux fois", 'Suivi: "à relancer"\nBCN', ""]


def _csv_field(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text


def _day_first(iso, separator):
    return f"{iso[8:10]}{separator}{iso[5:7]}{separator}{iso[0:4]}" if iso else ""


def realistic_rows():
    """The edge notices with some requesting countries that are no member (notice counts are not by country)."""
    return [(i, NON_MEMBERS[n % len(NON_MEMBERS)] if n % 7 == 3 else c, d, s, e)
            for n, (i, c, d, s, e) in enumerate(edge_rows())]


def write_realistic_bundle(folder, notices):
    """Files as the realistic profile writes them (see schema.REALISTIC and BenchBundle+Realistic.swift)."""
    for fmt in ("csv", "ndjson", "xml"):
        os.makedirs(os.path.join(folder, fmt), exist_ok=True)
    layout = schema.REALISTIC
    c = layout.csv_notice
    with open(schema.notices_path(folder, "csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join([c["id"], c["kind"], c["country"], c["issue_date"], c["status"], c["cancellation_date"],
                          c["cancellation_reason"], c["charges"], "remarks"]) + "\n")
        for n, (id_, country, issue, status, end) in enumerate(notices):
            fields = [id_, "Red Notice", country, _day_first(issue, "/"), status, _day_first(end, "/"),
                      "CCF decision" if end else "", CHARGES[n % len(CHARGES)], REMARKS[n % len(REMARKS)]]
            f.write(",".join(_csv_field(v) for v in fields) + "\n")
    j = layout.json_notice
    with open(schema.notices_path(folder, "ndjson"), "w", encoding="utf-8") as f:
        for n, (id_, country, issue, status, end) in enumerate(notices):
            record = {
                j["id"]: id_,
                "nationalities": [country],
                j["warrants"]: [{j["warrant_country"]: country, j["charge"]: CHARGES[n % len(CHARGES)]}],
                j["kind"]: "Diffusion",
                j["status"]: status,
                j["issue_date"]: _day_first(issue, "/") or None,
                j["cancellation"]: {j["cancellation_date"]: _day_first(end, "/"), "reason": None} if end else None,
                "remarks": REMARKS[n % len(REMARKS)] or None,
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    x = layout.xml_notice
    with open(schema.notices_path(folder, "xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<notices>\n')
        for n, (id_, country, issue, status, end) in enumerate(notices):
            charge = CHARGES[n % len(CHARGES)].replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            f.write(f"<{layout.xml_record}><{x['id']}>{id_}</{x['id']}><{x['country']}>{country}</{x['country']}>")
            if issue:
                f.write(f"<{x['issue_date']}>{_day_first(issue, '/')}</{x['issue_date']}>")
            f.write(f"<{x['status']}>{status}</{x['status']}>")
            if end:
                f.write(f"<{x['cancellation_date']}>{_day_first(end, '/')}</{x['cancellation_date']}>")
            f.write(f"<{x['charges']}>{charge}</{x['charges']}><remarks><![CDATA[{REMARKS[n % len(REMARKS)]}]]></remarks>")
            f.write(f"</{layout.xml_record}>\n")
        f.write("</notices>\n")
    k = layout.complaint
    with open(schema.complaints_path(folder, "csv"), "w", encoding=layout.complaint_encoding, newline="") as f:
        f.write(",".join([k["id"], k["notice_id"], k["country"], k["filed_date"], k["decision_date"], k["outcome"],
                          "decision_detail", "remarks"]) + "\r\n")
        n = 0
        for country in REALISTIC_COUNTRIES:
            for label in REALISTIC_LABELS:
                n += 1
                fields = [f"C{n}", "", country, "01.01.2020", "15.06.2021" if label else "", label,
                          DETAILS[n % len(DETAILS)], REMARKS[n % len(REMARKS)]]
                f.write(",".join(_csv_field(v) for v in fields) + "\r\n")
    for fmt in ("ndjson", "xml"):
        shutil.copy(schema.complaints_path(folder, "csv"), schema.complaints_path(folder, fmt))


def write_bundle(folder, notices):
    for fmt in ("csv", "ndjson", "xml"):
        os.makedirs(os.path.join(folder, fmt), exist_ok=True)
    c, j, x = schema.CSV_NOTICE, schema.JSON_NOTICE, schema.XML_NOTICE
    with open(schema.notices_path(folder, "csv"), "w", encoding="utf-8") as f:
        f.write(f"{c['id']},{c['kind']},{c['country']},{c['issue_date']},{c['status']},{c['cancellation_date']},"
                f"{c['cancellation_reason']}\n")
        for id_, country, issue, status, end in notices:
            f.write(f"{id_},red-notice,{country},{issue},{status},{end},{'other' if end else ''}\n")
    slash = lambda d: d.replace("-", "/")  # noqa: E731
    with open(schema.notices_path(folder, "ndjson"), "w", encoding="utf-8") as f:
        for id_, country, issue, status, end in notices:
            record = {
                j["id"]: id_,
                j["kind"]: "red-notice",
                j["warrants"]: [{j["warrant_country"]: country, j["charge"]: "Fraud"}],
                j["issue_date"]: slash(issue) if issue else None,
                j["status"]: status,
                j["cancellation"]: {j["cancellation_date"]: slash(end), "reason": None} if end else None,
            }
            f.write(json.dumps(record) + "\n")
    with open(schema.notices_path(folder, "xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<notices>\n')
        for id_, country, issue, status, end in notices:
            f.write(f"<{schema.XML_RECORD}><{x['id']}>{id_}</{x['id']}><{x['country']}>{country}</{x['country']}>")
            if issue:
                f.write(f"<{x['issue_date']}>{issue}</{x['issue_date']}>")
            f.write(f"<{x['status']}>{status}</{x['status']}>")
            if end:
                f.write(f"<{x['cancellation_date']}>{end}</{x['cancellation_date']}>")
            f.write(f"</{schema.XML_RECORD}>\n")
        f.write("</notices>\n")
    k = schema.CSV_COMPLAINT
    with open(schema.complaints_path(folder, "csv"), "w", encoding="utf-8") as f:
        f.write(f"{k['id']},notice_id,{k['country']},filed_date,decision_date,{k['outcome']}\n")
        n = 0
        for country in COMPLAINT_COUNTRIES:
            for label in LABELS:
                n += 1
                f.write(f'C{n},,{country},2020-01-01,,"{label}"\n')
    for fmt in ("ndjson", "xml"):
        shutil.copy(schema.complaints_path(folder, "csv"), schema.complaints_path(folder, fmt))


def naive_expected(notices, complaint_countries=COMPLAINT_COUNTRIES, labels=LABELS):
    """The figures worked out the slow, obvious way."""
    import datetime

    as_of = datetime.date.fromisoformat(schema.AS_OF)
    durations = []
    for _, _, issue, status, end in notices:
        status = status.strip().lower()
        if not issue or datetime.date.fromisoformat(issue) > as_of:
            continue
        start = datetime.date.fromisoformat(issue)
        if status in schema.ENDED_STATUSES and end and datetime.date.fromisoformat(end) <= as_of:
            t = (datetime.date.fromisoformat(end) - start).days
            if t >= 0:
                durations.append((t, 1))
        elif status == "active" and not end:
            durations.append(((as_of - start).days, 0))
    s, median, curve = 1.0, None, []
    for t in sorted({t for t, e in durations if e}):
        n = sum(1 for u, _ in durations if u >= t)
        d = sum(1 for u, e in durations if u == t and e)
        s *= 1 - d / n
        curve.append((t, s))
        if median is None and s <= 0.5 + figures.CROSSING_TOLERANCE:
            median = t
    survival_at = {day: ([1.0] + [v for t, v in curve if t <= day])[-1] for day in figures.CHECK_DAYS}
    at_risk = {day: sum(1 for u, _ in durations if u >= day) for day in figures.CHECK_DAYS}
    statuses = [n[3].strip().lower() for n in notices]
    volumes, tallies = {}, {}
    for country in complaint_countries:
        # A member's code, upper case; any other country is NoticeWatch's one "unrecognized" row, "".
        key = country.strip().upper() if len(country.strip()) == 2 and country.strip().upper() != "XK" else ""
        volumes[key] = volumes.get(key, 0) + len(labels)
        # overturned: overturned, Not compliant, Non conforme; upheld: upheld, CONFORME; partial: two labels.
        tallies[key] = tuple(a + b for a, b in zip(tallies.get(key, (0, 0, 0)), (3, 2, 2)))
    return figures.make(
        volumes, tallies, len(notices), sum(s in schema.ENDED_STATUSES for s in statuses),
        statuses.count("active"), len(durations), sum(e for _, e in durations), median, survival_at, at_risk,
    )


def check_members():
    """schema.MEMBERS must be the product's member table, code for code."""
    try:
        with open(MEMBER_TABLE, encoding="utf-8") as f:
            table = set(re.findall(r"^ +([A-Z]{2})\|[A-Z]{3}\|", f.read(), re.MULTILINE))
    except OSError:
        print(f"skip members: no {MEMBER_TABLE}")
        return 0
    if table != schema.MEMBERS or len(table) != 196:
        print(f"FAIL members: schema.MEMBERS has {len(schema.MEMBERS)} codes, the product's table {len(table)}; "
              f"only in schema: {sorted(schema.MEMBERS - table)}, only in the table: {sorted(table - schema.MEMBERS)}")
        return 1
    print("ok   members: schema.MEMBERS is the product's table of 196 members")
    return 0


def run_peer(module, folder, fmt, layout, scratch):
    if module.__name__ == "peer_duckdb_file":
        database = os.path.join(scratch, f"{os.path.basename(folder)}-{fmt}.duckdb")
        return module.run(folder, fmt, layout, database)
    return module.run(folder, fmt, layout)


def check_generated(noticewatch, root):
    """Every peer and NoticeWatch on a small generated bundle of each profile, against each other and EXPECTED.md."""
    import importlib

    failures = 0
    for profile in schema.PROFILES:
        bundle = os.path.join(root, f"generated-{profile}")
        subprocess.run([noticewatch, "generate", "--bench", "--profile", profile, "--notices", "3000",
                        "--complaints", "900", "--out", bundle], check=True, capture_output=True)
        truth = expected.read(bundle)
        results = {}
        for fmt in ("csv", "ndjson", "xml"):
            out = os.path.join(root, f"report-{profile}-{fmt}")
            done = subprocess.run([noticewatch, "run", os.path.join(bundle, fmt), "--out", out, "--as-of",
                                   schema.AS_OF, "--no-records-database", "--quiet"], capture_output=True, text=True)
            if done.returncode != 0:
                print(f"FAIL generated {profile} noticewatch/{fmt}: exit {done.returncode}: {done.stderr[-500:]}")
                failures += 1
                continue
            results[f"noticewatch/{fmt}"] = noticewatch_figures.read(out)
        for module_name in PEERS:
            module = importlib.import_module(module_name)
            for fmt in module.FORMATS:
                engine = module_name.removeprefix("peer_").replace("_", "-")
                results[f"{engine}/{fmt}"] = run_peer(module, bundle, fmt, schema.layout(profile), root)
        if not results:
            continue
        reference_name, reference = next(iter(results.items()))
        for name, got in results.items():
            diff = figures.differences(reference, got) + figures.differences(truth, got, reference_keys_only=True)
            if diff:
                failures += 1
                print(f"FAIL generated {profile} {name} (against {reference_name} and EXPECTED.md):")
                for path, a, b in diff[:10]:
                    print(f"    {path}: {b!r}, expected {a!r}")
            else:
                print(f"ok   generated {profile} {name}: {figures.summary(got)}")
    return failures


def main(argv):
    import importlib

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--noticewatch", help="also check a small generated bundle of each profile with this executable")
    args = parser.parse_args(argv)

    cases = {"edge": edge_rows(), "half": HALF_NOTICES, "zero": ZERO_NOTICES, "realistic": realistic_rows()}
    failures = check_members()
    with tempfile.TemporaryDirectory() as root:
        for name, notices in cases.items():
            folder = os.path.join(root, name)
            if name == "realistic":
                layout = schema.REALISTIC
                write_realistic_bundle(folder, notices)
                want = naive_expected(notices, REALISTIC_COUNTRIES, REALISTIC_LABELS)
            else:
                layout = schema.CLEAN
                write_bundle(folder, notices)
                want = naive_expected(notices)
            checks = {"edge": lambda f: f["survival"]["subjects"] == len(notices) - EDGE_LEFT_OUT,
                      "realistic": lambda f: f["survival"]["subjects"] == len(notices) - EDGE_LEFT_OUT
                      and f["complaints"]["by_country"][""] == 2 * len(REALISTIC_LABELS)
                      and f["overturn"]["by_country"][""]["decided"] == 14,
                      "half": lambda f: f["survival"]["median_days"] == 10,
                      "zero": lambda f: f["survival"]["median_days"] == 20 and f["survival"]["survival_at"]["365"] == "0.0000"}
            if not checks[name](want):
                print(f"FAIL {name}: the hand-worked figures are not what this test says: {figures.summary(want)}")
                failures += 1
            for module_name in PEERS:
                module = importlib.import_module(module_name)
                for fmt in module.FORMATS:
                    got = run_peer(module, folder, fmt, layout, root)
                    diff = figures.differences(want, got)
                    engine = module_name.removeprefix("peer_").replace("_", "-")
                    if diff:
                        failures += 1
                        print(f"FAIL {name} {engine}/{fmt}:")
                        for path, a, b in diff:
                            print(f"    {path}: {b!r}, expected {a!r}")
                    else:
                        print(f"ok   {name} {engine}/{fmt}: {figures.summary(got)}")
        if args.noticewatch:
            failures += check_generated(args.noticewatch, root)
    print(f"{'selftest: all peers agree with the hand-worked figures' + (' and on the generated bundles' if args.noticewatch else '') if not failures else f'selftest: {failures} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
