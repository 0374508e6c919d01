"""Reference values for the analysis tests, computed with lifelines, statsmodels, scipy and numpy.

Reads the fixtures in Tests/NoticeWatchAnalysisTests/Fixtures/ and writes, into the same folder:
  km-reference.json      Kaplan-Meier per case (lifelines KaplanMeierFitter)
  wilson-reference.json  Wilson score intervals (statsmodels proportion_confint, method="wilson")
  normal-reference.json  standard normal quantiles (scipy.stats.norm.ppf)

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
import statsmodels
from lifelines import KaplanMeierFitter
from lifelines.utils import median_survival_times, qth_survival_times
from scipy.stats import norm
from statsmodels.stats.proportion import proportion_confint

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "NoticeWatchAnalysisTests" / "Fixtures"
LEVEL = 0.95
AT_RISK_DAYS = [365, 730, 1826, 3652]


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
        "at_risk_on_day": {str(day): int((np.asarray(durations) >= day).sum()) for day in AT_RISK_DAYS},
        "observed_quantiles": [
            finite(np.quantile(events_only, p)) if len(events_only) else None for p in (0.25, 0.5, 0.75, 0.9)
        ],
    }


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

    versions = {"lifelines": lifelines.__version__, "numpy": np.__version__, "pandas": pd.__version__,
                "python": sys.version.split()[0], "scipy": scipy.__version__,
                "statsmodels": statsmodels.__version__}
    outputs = {"km-reference.json": {"versions": versions, "confidence": LEVEL, "cases": km},
               "wilson-reference.json": {"versions": versions, "intervals": wilson},
               "normal-reference.json": {"versions": versions, "quantiles": normal}}
    for name, value in outputs.items():
        with open(FIXTURES / name, "w") as handle:
            json.dump(value, handle, indent=1, sort_keys=True)
            handle.write("\n")
        print("wrote", FIXTURES / name)


if __name__ == "__main__":
    main()
