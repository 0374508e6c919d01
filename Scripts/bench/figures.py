"""The figures every engine reports, in one canonical shape, and the check that they agree.

An engine computes its figures itself; this module only packs them into the same JSON shape and compares
two such shapes. Counts must agree exactly; the Kaplan–Meier median must agree exactly in days; rates are
compared to 1e-9 (they are quotients of the same integers).

Definitions (all engines, NoticeWatch included):
- complaints per requesting country: every complaint row, grouped by its requesting country's alpha-2 code
  when that is a member's, else under "" (not recognized or not a member: NoticeWatch's one such row).
- overturn rate: overturned / (overturned + upheld + partially overturned), per country (with "" as above)
  and overall; the raw outcome labels are put in categories with schema.OUTCOME_CATEGORY, and a label it does
  not know (not understood) is in no tally.
- time to cancellation: days from issue to cancellation for ended notices (events: status cancelled,
  withdrawn or expired, with a cancellation date), from issue to the as-of date for active ones (censored:
  status active, no cancellation date). Left out, as NoticeWatch does: no issue date, other statuses, an
  active notice with a cancellation date, an ended one without, cancellation before issue, issue or
  cancellation after the as-of date. The Kaplan–Meier median is the smallest time t with S(t) <= 0.5 (within
  1e-12, so that a curve landing on one half by rounding has reached it); None when S never gets there.
  Because a bundle where few notices end never reaches one half, the check also compares S(d) at the days
  of CHECK_DAYS (the curve's value after the last time <= d, 1 before the first), at 4 decimals as
  NoticeWatch prints it, and the subjects still at risk at those days (duration >= d), exactly.
"""

import decimal
import json

# A curve that lands on the level up to rounding has reached it (NoticeWatch uses the same tolerance).
CROSSING_TOLERANCE = 1e-12
# How the country "" (not recognized or not a member, NoticeWatch's one such row) is printed.
UNRECOGNIZED = "unrecognized"
# The days at which survival and at-risk numbers are compared (those of NoticeWatch's survival_summary.csv).
CHECK_DAYS = (365, 730, 1826, 3652)


def proportion(value: float) -> str:
    """4 decimals, half away from zero on the binary value, as NoticeWatch prints proportions."""
    return str(decimal.Decimal(value).quantize(decimal.Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP))


def tally(overturned: int, upheld: int, partial: int) -> dict:
    """One row of overturn counts with its rate (None when nothing was decided)."""
    decided = overturned + upheld + partial
    return {
        "overturned": int(overturned),
        "upheld": int(upheld),
        "partially_overturned": int(partial),
        "decided": int(decided),
        "rate": (overturned / decided) if decided else None,
    }


def make(volumes, tallies, notices_total, cancelled, active, subjects, events, median_days, survival_at,
         at_risk) -> dict:
    """Packs one engine's results.

    volumes: {country code: complaints}; tallies: {country code: (overturned, upheld, partial)};
    the notice counts; the survival subjects and events; the KM median in days or None;
    survival_at: {day: S(day) as a float}; at_risk: {day: subjects with duration >= day}, for CHECK_DAYS.
    """
    volumes = {str(k).strip().upper(): int(v) for k, v in volumes.items() if int(v) > 0}
    by_country = {str(k).strip().upper(): tally(*v) for k, v in tallies.items()}
    overall = [sum(v[i] for v in tallies.values()) for i in range(3)]
    return {
        "complaints": {"total": sum(volumes.values()), "by_country": dict(sorted(volumes.items()))},
        "overturn": {"overall": tally(*overall), "by_country": dict(sorted(by_country.items()))},
        "notices": {"total": int(notices_total), "cancelled": int(cancelled), "active": int(active)},
        "survival": {
            "subjects": int(subjects),
            "events": int(events),
            "censored": int(subjects) - int(events),
            "median_days": None if median_days is None else int(median_days),
            "survival_at": {str(d): proportion(float(survival_at[d])) for d in CHECK_DAYS},
            "at_risk": {str(d): int(at_risk[d]) for d in CHECK_DAYS},
        },
    }


def flatten(figures: dict, prefix: str = "") -> dict:
    """{"a.b.c": leaf} for every leaf of a figures dict."""
    out = {}
    for key, value in figures.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, path + "."))
        else:
            out[path] = value
    return out


def differences(reference: dict, other: dict, reference_keys_only: bool = False) -> list:
    """[(figure path, reference value, other value)] where two figures dicts disagree, sorted by path.

    With reference_keys_only, figures that the reference does not have are not compared (for a partial
    reference such as the generator's EXPECTED.md).
    """
    a, b = flatten(reference), flatten(other)
    out = []
    for path in sorted(set(a) if reference_keys_only else set(a) | set(b)):
        x, y = a.get(path, "<missing>"), b.get(path, "<missing>")
        if path.endswith(".rate") and isinstance(x, float) and isinstance(y, float):
            if abs(x - y) <= 1e-9:
                continue
        elif x == y:
            continue
        out.append((path, x, y))
    return out


def summary(figures: dict) -> str:
    """One line with the headline figures, for the log and the results."""
    o = figures["overturn"]["overall"]
    s = figures["survival"]
    n = figures["notices"]
    top = sorted(figures["complaints"]["by_country"].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    rate = "n/a" if o["rate"] is None else f"{o['rate']:.4f}"
    median = "not reached" if s["median_days"] is None else f"{s['median_days']} days"
    return (
        f"{figures['complaints']['total']:,} complaints (most: {', '.join(f'{c or UNRECOGNIZED} {v:,}' for c, v in top)}); "
        f"overturned {o['overturned']:,} of {o['decided']:,} decided = {rate}; "
        f"{n['total']:,} notices, {n['cancelled']:,} cancelled, {n['active']:,} active; "
        f"Kaplan–Meier: {s['subjects']:,} subjects, {s['events']:,} events, median {median}, "
        f"S({'/'.join(str(d) for d in CHECK_DAYS)} days) = {'/'.join(s['survival_at'][str(d)] for d in CHECK_DAYS)}"
    )


def dump(figures: dict, path: str) -> None:
    with open(path, "w") as f:
        json.dump(figures, f, indent=1, sort_keys=True)


def load(path: str) -> dict:
    with open(path) as f:
        return json.load(f)
