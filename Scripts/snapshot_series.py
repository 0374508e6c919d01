#!/usr/bin/env python3
"""Writes a series of nightly captures of Interpol's public notices list, as a nightly scraper keeps them.

    python3 Scripts/snapshot_series.py --out DIR [--notices 7000] [--nights 365] [--seed 20261101]
    python3 Scripts/snapshot_series.py --check REPORT_DIR --out DIR    # the report against DIR/EXPECT.txt

Each night is a folder snapshots/YYYY-MM-DD/ of list pages shaped like the service's own answer to
GET /notices/v1/red?page=P&resultPerPage=160: {"total", "query", "_embedded": {"notices": [...]}, "_links"}, each
entry with only entity_id, forename, name, date_of_birth, nationalities and _links. From one night to the next a
few notices leave the list, a few are added, and now and then one is corrected (a nationality added or dropped). One night
(planted) is a crawl that stopped after its first pages: its pages still carry the service's full total. Every
name is invented; the same seed writes the same bytes. EXPECT.txt beside the snapshots holds what a correct run
reports: the captures, the partial night with its notices seen and service total, and the sums of the changes
over the series (added, left the public list, reappeared, modified).

Standard library only, so that the benchmark needs no virtual environment for it.
"""
import argparse
import csv
import datetime
import json
import os
import random
import shutil
import sys

SERVICE = "https://ws-public.interpol.int/notices/v1/red"
# Nationalities with rough weights: the public list is dominated by a few requesting countries' nationals.
NATIONALITIES = [("RU", 40), ("IN", 6), ("PK", 5), ("AR", 4), ("SV", 4), ("GT", 3), ("HN", 3), ("TR", 3),
                 ("UA", 3), ("KZ", 3), ("TJ", 3), ("AZ", 2), ("BY", 2), ("UZ", 2), ("CN", 2), ("BR", 2),
                 ("CO", 2), ("MX", 2), ("EG", 1), ("IR", 1), ("AE", 1), ("GB", 1), ("DE", 1), ("FR", 1),
                 ("ES", 1), ("VE", 1), ("IL", 1), ("AM", 1), ("GE", 1), ("KG", 1)]
FORENAMES = ["ALEXEI", "ЮЛИЯ", "MARÍA JOSÉ", "محمد", "AYŞE", "ΝΙΚΟΛΑΟΣ", "伟", "RAHUL", "ZHANNA", "JOÃO",
             "OKSANA", "KARIM", "ЛЕВ", "SEVDA", "ÁLVARO", "אורי", "TIGRAN", "NINO", "DILSHOD", "FARRUKH"]
NAMES = ["PETROV", "СИДОРОВА", "GARCÍA", "AL-RASHID", "YILMAZ", "PAPADOPOULOS", "CHEN", "SHARMA", "ABENOV",
         "SILVA", "KOVALENKO", "HADDAD", "ИВАНОВ", "ALIYEVA", "HERNÁNDEZ", "כהן", "SARGSYAN", "BERIDZE",
         "KARIMOV", "RAHIMOV"]


class Notice:
    """One notice on the list: its entry's JSON text is made once and again only when the entry changes."""

    def __init__(self, rnd, year, number):
        self.id = f"{year}/{number}"
        self.forename = rnd.choice(FORENAMES)
        self.name = rnd.choice(NAMES) + str(rnd.randrange(1, 1000))
        self.birth = f"{rnd.randrange(1950, 2005)}/{rnd.randrange(1, 13):02d}/{rnd.randrange(1, 29):02d}"
        first = weighted(rnd)
        self.nationalities = [first] if rnd.random() < 0.9 else [first, weighted(rnd)]
        if len(self.nationalities) == 2 and self.nationalities[0] == self.nationalities[1]:
            self.nationalities.pop()
        self.render()

    def render(self):
        url = f"{SERVICE}/{self.id.replace('/', '-')}"
        entry = {"forename": self.forename, "date_of_birth": self.birth, "entity_id": self.id,
                 "nationalities": self.nationalities, "name": self.name,
                 "_links": {"self": {"href": url}, "images": {"href": url + "/images"},
                            "thumbnail": {"href": url + "/images/1"}}}
        self.text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def weighted(rnd):
    total = sum(w for _, w in NATIONALITIES)
    pick = rnd.randrange(total)
    for code, weight in NATIONALITIES:
        if pick < weight:
            return code
        pick -= weight
    return NATIONALITIES[-1][0]


def page_text(entries, total, page, per_page):
    link = f"{SERVICE}?page={page}&resultPerPage={per_page}"
    return ('{"total":%d,"query":{"page":%d,"resultPerPage":%d},"_embedded":{"notices":[%s]},'
            '"_links":{"self":{"href":"%s"}}}' % (total, page, per_page, ",".join(e.text for e in entries), link))


def check(report, dataset):
    """Compares a report's public list tables with the series' EXPECT.txt; returns the differences."""
    expect = {}
    partial = []
    with open(os.path.join(dataset, "EXPECT.txt"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.strip().partition(" ")
            if key == "partial":
                partial.append(value.split(" ")[0])
            else:
                expect[key] = int(value)
    problems = []
    with open(os.path.join(report, "public_list_captures.csv"), encoding="utf-8", newline="") as f:
        captures = list(csv.DictReader(f))
    if len(captures) != expect["captures"]:
        problems.append(f"captures: {len(captures)}, expected {expect['captures']}")
    flagged = [row["capture_date"] for row in captures if row["partial"] == "true"]
    if flagged != partial:
        problems.append(f"partial captures: {flagged}, expected {partial}")
    if sum(int(row["notices_seen"]) for row in captures) != expect["entries"]:
        problems.append(f"notices seen over all captures differ from the {expect['entries']} written")
    with open(os.path.join(report, "public_list_changes.csv"), encoding="utf-8", newline="") as f:
        pairs = [row for row in csv.DictReader(f) if row["country_code"] == ""]
    for key in ("added", "left_public_list", "reappeared", "modified"):
        found = sum(int(row[key]) for row in pairs)
        if found != expect[key]:
            problems.append(f"{key}: {found}, expected {expect[key]}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="the dataset folder to write (replaced if it holds a series)")
    parser.add_argument("--notices", type=int, default=7000, help="notices on the list each night (about)")
    parser.add_argument("--nights", type=int, default=365, help="nightly captures")
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument("--per-page", type=int, default=160, help="entries per list page (the service's cap)")
    parser.add_argument("--churn", type=int, default=5, help="notices added and removed per night, on average")
    parser.add_argument("--first-night", default="2025-11-01")
    parser.add_argument("--check", metavar="REPORT_DIR", help="check a report of --out instead of writing")
    args = parser.parse_args()
    if args.check:
        problems = check(args.check, args.out)
        for problem in problems:
            print(f"snapshot_series: {problem}", file=sys.stderr)
        if problems:
            sys.exit(1)
        print("snapshot_series: the report's captures, partial night and changes match EXPECT.txt")
        return
    if args.notices < 1 or args.nights < 2 or args.per_page < 1 or args.churn < 0:
        sys.exit("snapshot_series: --notices ≥ 1, --nights ≥ 2, --per-page ≥ 1 and --churn ≥ 0")

    rnd = random.Random(args.seed)
    used = set()

    def fresh(year):
        while True:
            number = rnd.randrange(1000, 100000)
            if (year, number) not in used:
                used.add((year, number))
                return Notice(rnd, year, number)

    first = datetime.date.fromisoformat(args.first_night)
    listed = [fresh(rnd.randrange(2005, first.year + 1)) for _ in range(args.notices)]
    # The planted partial night: a crawl that stopped after a third of its pages (well below the 90% check).
    partial_night = args.nights // 2 if args.nights > 2 else None

    if os.path.isdir(args.out):
        if not os.path.isfile(os.path.join(args.out, "EXPECT.txt")):
            sys.exit(f"snapshot_series: {args.out} exists and is not a series this script wrote; not replacing it")
        shutil.rmtree(args.out)
    nights = []
    previous_seen = None
    sums = {"added": 0, "left_public_list": 0, "reappeared": 0, "modified": 0}
    ever_seen = set()
    last_text = {}
    for night in range(args.nights):
        day = first + datetime.timedelta(days=night)
        if night > 0:
            for _ in range(min(len(listed) - 1, rnd.randrange(0, 2 * args.churn + 1))):
                listed.pop(rnd.randrange(len(listed)))
            for _ in range(rnd.randrange(0, 2 * args.churn + 1)):
                listed.append(fresh(day.year))
            if listed and rnd.random() < 0.3:
                # A correction the report sees: a second nationality added, or the second one dropped.
                corrected = rnd.choice(listed)
                if len(corrected.nationalities) == 2:
                    corrected.nationalities.pop()
                else:
                    other = weighted(rnd)
                    first_code = corrected.nationalities[0]
                    corrected.nationalities.append(other if other != first_code else ("IL" if first_code != "IL" else "GE"))
                corrected.render()
        total = len(listed)
        pages = [listed[i:i + args.per_page] for i in range(0, total, args.per_page)]
        crawled = pages[:max(1, len(pages) // 3)] if night == partial_night else pages
        folder = os.path.join(args.out, "snapshots", day.isoformat())
        os.makedirs(folder)
        for number, entries in enumerate(crawled, start=1):
            with open(os.path.join(folder, f"red-p{number:03d}.json"), "w", encoding="utf-8") as f:
                f.write(page_text(entries, total, number, args.per_page))
        seen = {n.id: n.text for page in crawled for n in page}
        if previous_seen is not None:
            sums["added"] += sum(1 for i in seen if i not in ever_seen)
            sums["left_public_list"] += sum(1 for i in previous_seen if i not in seen)
            sums["reappeared"] += sum(1 for i in seen if i in ever_seen and i not in previous_seen)
        # Modified: a field differs from the last capture the notice was seen in (the night before, or earlier).
        sums["modified"] += sum(1 for i, t in seen.items() if i in last_text and last_text[i] != t)
        last_text.update(seen)
        ever_seen.update(seen)
        previous_seen = seen
        nights.append({"date": day.isoformat(), "seen": len(seen), "service_total": total,
                       "partial": night == partial_night})
    # What a correct run reports, one "key value" a line (a .txt file, which a run does not read as data).
    lines = [f"seed {args.seed}", f"captures {args.nights}", f"distinct_notices {len(ever_seen)}",
             f"entries {sum(n['seen'] for n in nights)}"]
    lines += [f"partial {n['date']} seen {n['seen']} of {n['service_total']}" for n in nights if n["partial"]]
    lines += [f"{key} {value}" for key, value in sums.items()]
    with open(os.path.join(args.out, "EXPECT.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"snapshot_series: {args.nights} nights, {len(ever_seen)} distinct notices, "
          f"{sum(n['seen'] for n in nights)} entries in {args.out}")


if __name__ == "__main__":
    main()
