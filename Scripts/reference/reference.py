"""Reference values for the analysis tests, computed with lifelines, statsmodels, scipy and numpy.

Reads the fixtures in Tests/NoticeWatchAnalysisTests/Fixtures/ and writes, into the same folder:
  km-reference.json      Kaplan-Meier per case (lifelines KaplanMeierFitter)
  wilson-reference.json  Wilson score intervals (statsmodels proportion_confint, method="wilson")
  normal-reference.json  standard normal quantiles (scipy.stats.norm.ppf)
  fisher-reference.json  each country against all others: Fisher's exact test (scipy.stats.fisher_exact),
                         Holm-adjusted over the countries tested (statsmodels multipletests(method="holm"))
  review-delays-reference.json  review delays of review-delays/decisions.csv: Kaplan-Meier from admissibility
                         (or filing) to decision (lifelines), and the shares over the limits of the CCF Statute,
                         Art. 40, with dateutil's calendar months and statsmodels' Wilson intervals
  newcombe-reference.json  differences of two proportions with Newcombe's hybrid score interval
                         (statsmodels confint_proportions_2indep, method="newcomb")

See README.md in this folder for how to run it. Output is deterministic: keys sorted, floats written with
repr (shortest round-trip form).
"""

import csv
import json
import math
import pathlib
import sys

import lifelines
import numpy as np
import pandas as pd
import scipy
from dateutil.relativedelta import relativedelta
from datetime import date
import statsmodels
from lifelines import KaplanMeierFitter
from lifelines.utils import median_survival_times, qth_survival_times
from scipy.stats import norm
from scipy.stats import fisher_exact
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "NoticeWatchAnalysisTests" / "Fixtures"
LEVEL = 0.95
AT_RISK_DAYS = [365, 730, 1826, 3652]
MINIMUM_DECISIONS = 10
R_TOLERANCE = math.sqrt(np.finfo(float).eps)


def r_findq(times, survival, p, tol=R_TOLERANCE, midpoint=True):
    """R survival's quantile.survfit (findq) on one curve: x = c(0, time), y = c(0, 1 - surv).

    The first time 1 - S reaches p, except where the curve sits exactly on p (within tol) over an interval:
    then the midpoint of that interval, to the next jump or, at the end of the curve, to the last time. A NaN
    band value (S = 0) counts as a band at 0, as lifelines prints it.
    """
    x = [0.0] + [float(t) for t in times]
    y = [0.0] + [1.0 - (0.0 if math.isnan(v) else float(v)) for v in survival]
    if max(y) < p:
        return None
    xmax = x[-1]
    kept_x, kept_y, seen = [], [], set()
    for xi, yi in zip(x, y):
        if yi in seen:
            continue
        seen.add(yi)
        kept_x.append(xi)
        kept_y.append(yi)

    def constant_right(levels, value):
        # approx(levels, 1:n, value, method="constant", f=1), 0-based; None outside [min, max].
        if value < levels[0] or value > levels[-1]:
            return None
        for index, level in enumerate(levels):
            if level >= value:
                return index
        return None

    first = constant_right([v + tol for v in kept_y], p)
    if not midpoint:
        return None if first is None else kept_x[first]
    second = constant_right([v - tol for v in kept_y], p)
    if first is not None and abs(p - kept_y[-1]) < tol:
        return (kept_x[first] + xmax) / 2
    if first is None or second is None:
        return None
    return (kept_x[first] + kept_x[second]) / 2


def r_quantiles(times, survival, lower, upper, midpoint=True):
    """The three quartiles with their band limits under R's rule, or (midpoint=False) the first time at or
    below the level within R's tolerance: the "first" rule, which lifelines follows except on exact flats,
    where its exp(sum(log)) product lands a rounding error above the level."""
    return [{
        "probability": share_ended,
        "estimate": r_findq(times, survival, share_ended, midpoint=midpoint),
        "lower": r_findq(times, lower, share_ended, midpoint=midpoint),
        "upper": r_findq(times, upper, share_ended, midpoint=midpoint),
    } for share_ended in (0.25, 0.5, 0.75)]


def finite(value):
    """A float, or None for infinity and NaN ("not reached" / undefined)."""
    value = float(value)
    return value if math.isfinite(value) else None


def crossing(q, column):
    """lifelines' qth_survival_time on one column, None when not reached."""
    return finite(qth_survival_times(q, column.to_frame()))


def kaplan_meier(durations, observed):
    kmf = KaplanMeierFitter(alpha=1 - LEVEL)
    kmf.fit(durations, event_observed=observed)
    survival = kmf.survival_function_.iloc[:, 0]
    band = kmf.confidence_interval_
    lower = band.iloc[:, 0]
    upper = band.iloc[:, 1]
    greenwood = np.asarray(kmf._cumulative_sq_, dtype=float)
    z = norm.ppf(1 - (1 - LEVEL) / 2)
    # R survfit's conf.type="log" from lifelines' own Greenwood sum: exp(log S -/+ z*sqrt(V)), upper capped at 1.
    with np.errstate(divide="ignore", invalid="ignore"):
        log_s = np.log(survival.values)
        log_lower = np.exp(log_s - z * np.sqrt(greenwood))
        log_upper = np.minimum(1.0, np.exp(log_s + z * np.sqrt(greenwood)))
    table = kmf.event_table
    median_band = median_survival_times(band)
    quantiles = []
    for share_ended in (0.25, 0.5, 0.75):
        q = 1 - share_ended
        quantiles.append({
            "probability": share_ended,
            "estimate": finite(qth_survival_times(q, kmf.survival_function_)),
            "lower": crossing(q, lower),
            "upper": crossing(q, upper),
        })
    log_band = pd.DataFrame({"lower": log_lower, "upper": log_upper}, index=survival.index)
    log_quantiles = []
    for share_ended in (0.25, 0.5, 0.75):
        q = 1 - share_ended
        log_quantiles.append({
            "probability": share_ended,
            "estimate": finite(qth_survival_times(q, kmf.survival_function_)),
            "lower": crossing(q, log_band["lower"]),
            "upper": crossing(q, log_band["upper"]),
        })
    # R's rule on the curve without lifelines' leading 0, with the log(-log) band and with R's default log band.
    times = list(survival.index)[1:] if survival.index[0] == 0 and table["observed"].iloc[0] == 0 \
        and table["censored"].iloc[0] == 0 else list(survival.index)
    offset = len(survival.index) - len(times)
    r_loglog = r_quantiles(times, survival.values[offset:], lower.values[offset:], upper.values[offset:])
    r_log = r_quantiles(times, survival.values[offset:], log_lower[offset:], log_upper[offset:])
    first = r_quantiles(times, survival.values[offset:], lower.values[offset:], upper.values[offset:], False)
    events_only = np.sort(np.asarray(durations)[np.asarray(observed) == 1])
    return {
        "times": [int(t) for t in survival.index],
        "survival": [float(s) for s in survival.values],
        "greenwood": [float(v) for v in greenwood],
        "loglog_lower": [float(v) for v in lower.values],
        "loglog_upper": [float(v) for v in upper.values],
        "log_lower": [finite(v) for v in log_lower],
        "log_upper": [finite(v) for v in log_upper],
        "at_risk": [int(v) for v in table["at_risk"].values],
        "observed": [int(v) for v in table["observed"].values],
        "censored": [int(v) for v in table["censored"].values],
        "median": finite(kmf.median_survival_time_),
        "median_lower": finite(median_band.iloc[0, 0]),
        "median_upper": finite(median_band.iloc[0, 1]),
        "quantiles": quantiles,
        "log_quantiles": log_quantiles,
        "r_quantiles": r_loglog,
        "r_log_quantiles": r_log,
        "first_quantiles": first,
        "at_risk_on_day": {str(day): int((np.asarray(durations) >= day).sum()) for day in AT_RISK_DAYS},
        "observed_quantiles": [
            finite(np.quantile(events_only, p)) if len(events_only) else None for p in (0.25, 0.5, 0.75, 0.9)
        ],
    }


def country_against_others(rows):
    """Each country with at least MINIMUM_DECISIONS decisions against all the others, Holm-adjusted."""
    total_overturned = sum(a for _, a, _ in rows)
    total_decided = sum(n for _, _, n in rows)
    tested = [(c, a, n) for c, a, n in rows if n >= MINIMUM_DECISIONS and total_decided > n]
    p_values = []
    for _, a, n in tested:
        others_a, others_n = total_overturned - a, total_decided - n
        p_values.append(float(fisher_exact([[a, n - a], [others_a, others_n - others_a]],
                                           alternative="two-sided")[1]))
    adjusted = [float(v) for v in multipletests(p_values, method="holm")[1]] if p_values else []
    result = []
    for (country, a, n), p, q in zip(tested, p_values, adjusted):
        others_a, others_n = total_overturned - a, total_decided - n
        result.append({"country": country, "p_value": p, "p_value_holm": q, "others_rate": others_a / others_n,
                       "persistent": q < 1 - LEVEL and a / n > others_a / others_n})
    return result


REVIEW_AS_OF = date(2024, 6, 30)
# The fixture's labels, as the CCF's decisions and registers word them.
REQUEST_TYPES = {"access request": "access", "demande d'accès": "access", "request for deletion": "deletion",
                 "rectification": "correction", "revision": "revision"}
PENDING = {"Under examination", "Precautionary blocking"}
LIMIT_MONTHS = {"access": 4, "correction": 9, "deletion": 9}


def review_delays():
    """Durations from admissibility (or filing) to decision, censored at the as-of date, and the limit shares."""
    durations, observed, starts_from_filing = [], [], 0
    statuses = {"access-4-months": {}, "correction-deletion-9-months": {}}
    with open(FIXTURES / "review-delays" / "decisions.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Decision"] == "Inadmissible":
                continue
            start = date.fromisoformat(row["Admissible on"] or row["Date of receipt"])
            starts_from_filing += 0 if row["Admissible on"] else 1
            pending = row["Decision"] in PENDING
            end = REVIEW_AS_OF if pending else date.fromisoformat(row["Decision date"])
            durations.append((end - start).days)
            observed.append(0 if pending else 1)
            kind = REQUEST_TYPES[row["Type of request"].lower()]
            if kind in LIMIT_MONTHS:
                limit = start + relativedelta(months=LIMIT_MONTHS[kind])
                name = "access-4-months" if kind == "access" else "correction-deletion-9-months"
                if pending:
                    status = "pending_past" if REVIEW_AS_OF > limit else "pending_within"
                else:
                    status = "decided_after" if end > limit else "decided_within"
                statuses[name][status] = statuses[name].get(status, 0) + 1
    shares = {}
    for name, counts in statuses.items():
        over = counts.get("decided_after", 0) + counts.get("pending_past", 0)
        counted = over + counts.get("decided_within", 0)
        low, high = proportion_confint(over, counted, alpha=1 - LEVEL, method="wilson")
        shares[name] = {"counts": counts, "over": over, "counted": counted, "share": over / counted,
                        "lower": float(low), "upper": float(high)}
    return {"as_of": REVIEW_AS_OF.isoformat(), "from_filing": starts_from_filing,
            "km": kaplan_meier(durations, observed), "limits": shares}


def newcombe_differences():
    """The difference of two proportions with Newcombe's hybrid score interval, per row of newcombe-counts.csv."""
    result = []
    with open(FIXTURES / "newcombe-counts.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            a, n, b, m = (int(row[key]) for key in ("count1", "nobs1", "count2", "nobs2"))
            low, high = confint_proportions_2indep(a, n, b, m, method="newcomb", compare="diff", alpha=1 - LEVEL)
            result.append({"count1": a, "nobs1": n, "count2": b, "nobs2": m, "difference": a / n - b / m,
                           "lower": float(low), "upper": float(high)})
    return result


def main():
    cases = {}
    with open(FIXTURES / "km-durations.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            case = cases.setdefault(row["case"], ([], []))
            case[0].append(int(row["duration"]))
            case[1].append(int(row["observed"]))
    km = {name: kaplan_meier(*cases[name]) for name in sorted(cases)}

    wilson = []
    with open(FIXTURES / "wilson-counts.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            successes, trials, level = int(row["successes"]), int(row["trials"]), float(row["confidence"])
            low, high = proportion_confint(successes, trials, alpha=1 - level, method="wilson")
            wilson.append({"successes": successes, "trials": trials, "confidence": level,
                           "lower": float(low), "upper": float(high)})

    normal = []
    with open(FIXTURES / "normal-probabilities.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            normal.append({"p": float(row["p"]), "quantile": float(norm.ppf(float(row["p"])))})

    families = {}
    with open(FIXTURES / "fisher-counts.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            families.setdefault(row["family"], []).append(
                (row["country"], int(row["overturned"]), int(row["decided"])))
    fisher = {name: country_against_others(rows) for name, rows in sorted(families.items())}

    versions = {"lifelines": lifelines.__version__, "numpy": np.__version__, "pandas": pd.__version__,
                "python": sys.version.split()[0], "scipy": scipy.__version__,
                "statsmodels": statsmodels.__version__}
    outputs = {"km-reference.json": {"versions": versions, "confidence": LEVEL, "cases": km},
               "wilson-reference.json": {"versions": versions, "intervals": wilson},
               "normal-reference.json": {"versions": versions, "quantiles": normal},
               "fisher-reference.json": {"versions": versions, "minimum_decisions": MINIMUM_DECISIONS,
                                         "alpha": 1 - LEVEL, "families": fisher},
               "review-delays-reference.json": {"versions": versions, "confidence": LEVEL, **review_delays()},
               "newcombe-reference.json": {"versions": versions, "confidence": LEVEL,
                                           "differences": newcombe_differences()}}
    for name, value in outputs.items():
        with open(FIXTURES / name, "w") as handle:
            json.dump(value, handle, indent=1, sort_keys=True)
            handle.write("\n")
        print("wrote", FIXTURES / name)


if __name__ == "__main__":
    main()
