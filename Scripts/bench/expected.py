"""The generator's own account of a bench bundle (EXPECTED.md), as a partial figures dict.

`noticewatch generate --bench` writes EXPECTED.md beside csv/, ndjson/ and xml/: per country and in total,
the notices, cancelled notices, complaints and outcome counts it drew. Every engine's counts are compared
with it too, so agreeing engines that all misread the files would still be caught. It holds no survival
figures: those are only compared between engines.

The row `Unrecognized` (realistic profile: requesting countries that are no member) is the figures' country
"" (NoticeWatch's "unrecognized / not a member" row); complaints whose outcome is `Not understood` count in
Complaints and in no overturn tally.
"""

import os

import figures

NAME = "EXPECTED.md"


def read(bundle: str):
    """The expected counts of the bundle, or None when it has no EXPECTED.md (a bundle made elsewhere)."""
    path = os.path.join(bundle, NAME)
    if not os.path.exists(path):
        return None
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("|") or line.startswith("|---"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if header is None:
                header = cells
            else:
                rows.append(dict(zip(header, cells)))
    needed = ["Country", "Notices", "Cancelled", "Complaints", "Overturned", "Upheld", "Partially", "Decided"]
    if header is None or any(c not in header for c in needed):
        raise ValueError(f"{path}: no table with the columns {', '.join(needed)}")
    countries = [r for r in rows if r["Country"] != "All"]
    for r in countries:
        if r["Country"] == "Unrecognized":
            r["Country"] = ""
    total = [r for r in rows if r["Country"] == "All"]
    if len(total) != 1:
        raise ValueError(f"{path}: no single All row")
    total = total[0]
    volumes = {r["Country"]: int(r["Complaints"]) for r in countries}
    tallies = {
        r["Country"]: (int(r["Overturned"]), int(r["Upheld"]), int(r["Partially"]))
        for r in countries
        if int(r["Complaints"]) > 0
    }
    notices, cancelled = int(total["Notices"]), int(total["Cancelled"])
    complete = figures.make(volumes, tallies, notices, cancelled, notices - cancelled, 0, 0, None,
                            {d: 1.0 for d in figures.CHECK_DAYS}, {d: 0 for d in figures.CHECK_DAYS})
    complete.pop("survival")
    if complete["complaints"]["total"] != int(total["Complaints"]):
        raise ValueError(f"{path}: the countries' complaints do not add up to the All row")
    return complete
