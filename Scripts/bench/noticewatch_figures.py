"""NoticeWatch's figures, read back from the CSV tables of its report folder into the canonical shape.

Tables read (see Sources/NoticeWatchReport/OUTPUTS.md):
- complaint_volumes.csv: country_code, complaints (one row per member country, zeros included, and one row with
  an empty code for countries that are not recognized: the figures' country "")
- overturn_rates.csv: rows with scope `overall`, `country` and `unrecognized` (country ""): overturned, upheld,
  partially_overturned, rate
- notice_cancellations.csv: the `overall` row: notices, cancelled
- survival_summary.csv: analysis `notices`, group `all`: subjects, events, censored, km_quantile 0.50, at_risk
- survival_notices.csv: group `all`: the curve (time, survival), for S at figures.CHECK_DAYS

"Active" notices are notices minus cancelled: the bench bundle's statuses are active or ended.
accounting.csv is read for warnings only: a bench bundle (either profile) has nothing quarantined or merged.
"""

import csv
import os

import figures


class OutputError(Exception):
    """A table or column that the benchmark needs is missing from NoticeWatch's report folder."""


def _rows(folder: str, name: str, needed: list) -> list:
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        raise OutputError(f"NoticeWatch wrote no {name} in {folder}")
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in needed if c not in (reader.fieldnames or [])]
        if missing:
            raise OutputError(f"{path}: no column {', '.join(missing)} (header: {reader.fieldnames})")
        return list(reader)


def _check_rate(printed: str, overturned: int, decided: int, where: str) -> None:
    """The printed rate must be overturned / decided rounded to the printed number of decimals."""
    if decided == 0:
        if printed.strip() not in ("", "n/a", "NA", "nan"):
            raise OutputError(f"{where}: rate {printed!r} with nothing decided")
        return
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    if abs(float(printed) - overturned / decided) > 0.5 * 10 ** (-decimals) + 1e-12:
        raise OutputError(f"{where}: printed rate {printed} is not {overturned}/{decided}")


def read(folder: str) -> dict:
    volumes = {
        r["country_code"]: int(r["complaints"])
        for r in _rows(folder, "complaint_volumes.csv", ["country_code", "complaints"])
    }
    tallies, overall = {}, None
    columns = ["scope", "country_code", "overturned", "upheld", "partially_overturned", "decided", "rate"]
    for r in _rows(folder, "overturn_rates.csv", columns):
        counts = (int(r["overturned"]), int(r["upheld"]), int(r["partially_overturned"]))
        if int(r["decided"]) != sum(counts):
            raise OutputError(f"overturn_rates.csv: decided {r['decided']} is not the sum of {counts}")
        if r["scope"] in ("overall", "country", "unrecognized"):
            _check_rate(r["rate"], counts[0], sum(counts), f"overturn_rates.csv {r['scope']} {r['country_code']}")
        if r["scope"] == "overall":
            overall = counts
        elif r["scope"] == "country":
            tallies[r["country_code"]] = counts
        elif r["scope"] == "unrecognized":
            tallies[""] = counts
    if overall is None:
        raise OutputError("overturn_rates.csv has no overall row")
    overall_sum = tuple(sum(v[i] for v in tallies.values()) for i in range(3))
    if overall_sum != overall:
        raise OutputError(f"overturn_rates.csv: overall {overall} is not the sum of its countries {overall_sum}")
    cancellations = [
        r for r in _rows(folder, "notice_cancellations.csv", ["scope", "notices", "cancelled"]) if r["scope"] == "overall"
    ]
    if len(cancellations) != 1:
        raise OutputError("notice_cancellations.csv has no single overall row")
    notices, cancelled = int(cancellations[0]["notices"]), int(cancellations[0]["cancelled"])
    survival = {}
    for r in _rows(folder, "survival_summary.csv", ["analysis", "group", "measure", "parameter", "value"]):
        if r["analysis"] == "notices" and r["group"] == "all":
            key = r["measure"] if not r["parameter"] else r["measure"] + "_" + r["parameter"]
            survival[key] = r["value"]
    for key in ("subjects", "events", "censored", "km_quantile_0.50"):
        if key not in survival:
            raise OutputError(f"survival_summary.csv: no {key} for notices/all")
    median = survival["km_quantile_0.50"].strip()
    at_risk = {}
    for day in figures.CHECK_DAYS:
        if f"at_risk_{day}" not in survival:
            raise OutputError(f"survival_summary.csv: no at_risk {day} for notices/all")
        at_risk[day] = int(survival[f"at_risk_{day}"])
    survival_at = {day: 1.0 for day in figures.CHECK_DAYS}
    last_time = -1
    for r in _rows(folder, "survival_notices.csv", ["group", "time", "survival"]):
        if r["group"] != "all":
            continue
        time = int(r["time"])
        if time < last_time:
            raise OutputError(f"survival_notices.csv: time {time} after {last_time}")
        last_time = time
        for day in figures.CHECK_DAYS:
            if time <= day:
                survival_at[day] = float(r["survival"])
    return figures.make(
        volumes,
        tallies,
        notices,
        cancelled,
        notices - cancelled,
        int(survival["subjects"]),
        int(survival["events"]),
        int(median) if median else None,
        survival_at,
        at_risk,
    )


def accounting_warnings(folder: str) -> list:
    """Lines about rows NoticeWatch did not keep (quarantined or merged), from accounting.csv; [] when clean."""
    try:
        rows = _rows(folder, "accounting.csv", ["source", "record_kind", "read", "kept", "merged", "quarantined"])
    except OutputError as error:
        return [str(error)]
    lines = []
    for r in rows:
        if int(r["quarantined"]) or int(r["merged"]):
            lines.append(
                f"source {r['source']} ({r['record_kind']}): read {r['read']}, kept {r['kept']}, merged {r['merged']}, "
                f"quarantined {r['quarantined']} (see {os.path.join(folder, 'quarantine.csv')})"
            )
    return lines
