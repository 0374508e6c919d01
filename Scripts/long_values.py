#!/usr/bin/env python3
"""One very long value of each kind, in ASCII and in Cyrillic, timed through a whole NoticeWatch run.

Every per-value operation of ingest (country keys, labels, dates, JSON keys, CSV header cells, XML text) must be
linear in the value's length whatever its bytes. Each case is a small dataset folder of ordinary complaints with
one value of MIB mebibytes in one place; the same folder is written twice, once with the value in ASCII letters
and once in Cyrillic (two bytes a letter, the same byte length). Both are run zero-config with the release binary
and their CPU times compared: the Cyrillic run must take at most BOUND times the ASCII run, and neither may crash
(a run killed by a signal, or one that takes longer than the timeout, fails the case).

    python3 Scripts/long_values.py --noticewatch .build/release/noticewatch [--mib 16] [--out FILE.md]

Standard library only; deterministic. Exit status 1 when a case misses the bound or a run crashes.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

# The documented multiple: Cyrillic against ASCII of the same byte length (README, "Reliability").
BOUND = 3.0
HEADER = ["id", "notice_id", "requesting_country", "filed_date", "decision_date", "outcome"]
COUNTRIES = ["Russia", "Türkiye", "China", "Egypt", "Tajikistan"]
OUTCOMES = ["Non-compliant", "Compliant", "Pending"]


def rows(count=60):
    """Ordinary complaints, enough for zero-config to map every column."""
    out = []
    for index in range(count):
        out.append({
            "id": f"CCF/{index:04d}/21",
            "notice_id": f"2019/{10000 + index}",
            "requesting_country": COUNTRIES[index % len(COUNTRIES)],
            "filed_date": f"2021-{1 + index % 12:02d}-{1 + index % 27:02d}",
            "decision_date": f"2022-{1 + index % 12:02d}-{1 + index % 27:02d}" if index % 3 != 2 else "",
            "outcome": OUTCOMES[index % len(OUTCOMES)],
        })
    return out


def long_value(mib, cyrillic):
    size = mib << 20
    return "Ж" * (size // 2) if cyrillic else "x" * size


def csv_cell(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def write_csv(folder, records, header=HEADER):
    with open(os.path.join(folder, "complaints.csv"), "w", encoding="utf-8", newline="") as out:
        out.write(",".join(csv_cell(name) for name in header) + "\n")
        for record in records:
            out.write(",".join(csv_cell(record.get(name, "")) for name in header) + "\n")


def write_ndjson(folder, records):
    with open(os.path.join(folder, "complaints.ndjson"), "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_xml(folder, records):
    def escape(text):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    with open(os.path.join(folder, "complaints.xml"), "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<complaints>\n')
        for record in records:
            out.write("  <complaint>" + "".join(
                f"<{name}>{escape(value)}</{name}>" for name, value in record.items()) + "</complaint>\n")
        out.write("</complaints>\n")


def with_value(field, value):
    records = rows()
    records[len(records) // 2] = dict(records[len(records) // 2], **{field: value})
    return records


CASES = [
    ("CSV requesting country", lambda folder, value: write_csv(folder, with_value("requesting_country", value))),
    ("CSV outcome label", lambda folder, value: write_csv(folder, with_value("outcome", value))),
    ("CSV filing date", lambda folder, value: write_csv(folder, with_value("filed_date", value))),
    ("CSV header cell", lambda folder, value: write_csv(folder, rows(), HEADER + [value])),
    ("NDJSON requesting country", lambda folder, value: write_ndjson(folder, with_value("requesting_country", value))),
    ("NDJSON key", lambda folder, value: write_ndjson(folder, [dict(r, **({value: "1"} if i == 30 else {}))
                                                              for i, r in enumerate(rows())])),
    ("NDJSON outcome label", lambda folder, value: write_ndjson(folder, with_value("outcome", value))),
    ("XML requesting country", lambda folder, value: write_xml(folder, with_value("requesting_country", value))),
    ("XML filing date", lambda folder, value: write_xml(folder, with_value("filed_date", value))),
]


def run(binary, folder, out, timeout):
    """CPU seconds (user + system) and exit status of one zero-config run; status None when it timed out.

    CPU time, not wall time: a busy machine stretches the wall time of both runs unevenly, not their CPU time."""
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        completed = subprocess.run(
            [binary, "run", folder, "--out", out, "--as-of", "2025-06-30", "--quiet", "--no-records-database"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        status, stderr = completed.returncode, completed.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        status, stderr = None, ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, status, stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--noticewatch", required=True)
    parser.add_argument("--mib", type=int, default=16)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--out")
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="noticewatch-long-")
    lines = [
        f"| One value of {arguments.mib} MiB, zero-config run (CPU seconds) | ASCII | Cyrillic | Cyrillic / ASCII | exit |",
        "|---|---|---|---|---|",
    ]
    failed = False
    try:
        for name, write in CASES:
            timings = []
            statuses = []
            for cyrillic in (False, True):
                folder = os.path.join(work, "data")
                shutil.rmtree(folder, ignore_errors=True)
                os.makedirs(folder)
                write(folder, long_value(arguments.mib, cyrillic))
                seconds, status, stderr = run(arguments.noticewatch, folder, os.path.join(work, "out"),
                                              arguments.timeout)
                timings.append(seconds)
                statuses.append(status)
                # A signal (negative status) or a timeout is a crash; any exit status NoticeWatch chose is not.
                if status is None or status < 0:
                    failed = True
                    print(f"long values: {name} ({'Cyrillic' if cyrillic else 'ASCII'}) crashed or timed out: "
                          f"{status} {stderr[-300:]}", file=sys.stderr)
            ratio = timings[1] / max(timings[0], 1e-9)
            # Runs under a tenth of a second are start-up: their ratio says nothing.
            missed = ratio > BOUND and timings[1] > 0.1
            failed = failed or missed
            lines.append(f"| {name} | {timings[0]:.2f} s | {timings[1]:.2f} s | {ratio:.2f}"
                         f"{' (over the bound)' if missed else ''} | {statuses[0]} / {statuses[1]} |")
            print(lines[-1], flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(lines) + f"\n\nBound: Cyrillic at most {BOUND:g} × ASCII of the same byte length.\n"
    if arguments.out:
        with open(arguments.out, "w", encoding="utf-8") as out:
            out.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
