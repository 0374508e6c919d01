"""Runs every engine on every format of a bench bundle, checks that they agree, and writes the table.

    python run.py --bundle DIR --n N --complaints M --noticewatch BIN [--profile realistic] [--reps 3] [--warmup 1]

Each measurement is its own process, started with subprocess and reaped with os.wait4, whose rusage gives
that process's own peak resident set (ru_maxrss), so no two measurements share a peak. Wall time is taken
around the process (start to exit) with a monotonic clock. Exit status: 0 when every engine ran and all
figures agree, 1 otherwise (the differing values printed). Missed performance targets never fail the run.
"""

import argparse
import csv
import datetime
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import expected  # noqa: E402
import figures  # noqa: E402
import noticewatch_figures  # noqa: E402
import schema  # noqa: E402
import worker  # noqa: E402

FORMATS = ("csv", "ndjson", "xml")
# engine -> formats it has a reader for; DuckDB and polars have no XML reader.
DEFAULT_PLAN = [
    ("noticewatch", "csv"),
    ("noticewatch-figures", "csv"),
    ("duckdb", "csv"),
    ("duckdb-file", "csv"),
    ("polars", "csv"),
    ("pandas", "csv"),
    ("noticewatch", "ndjson"),
    ("noticewatch-figures", "ndjson"),
    ("duckdb", "ndjson"),
    ("duckdb-file", "ndjson"),
    ("polars", "ndjson"),
    ("pandas", "ndjson"),
    ("noticewatch", "xml"),
    ("noticewatch-figures", "xml"),
    ("lxml", "xml"),
]
# NoticeWatch runs twice per format: the whole report ("noticewatch"), and the figures alone without
# records.sqlite ("noticewatch-figures", `--no-records-database`), which is what the peers compute. Its whole
# run's counterpart is "duckdb-file": DuckDB writing every normalized record into a database file, then the figures.
NOTICEWATCH = ("noticewatch", "noticewatch-figures")
# Available with ENGINES=…: pandas.read_xml's iterparse mode is slow (about 30 s per million notices).
OPTIONAL_PLAN = [("pandas", "xml")]
NO_READER = {
    ("duckdb", "xml"): "DuckDB has no XML reader",
    ("duckdb-file", "xml"): "DuckDB has no XML reader",
    ("polars", "xml"): "polars has no XML reader",
}
# What each profile's files look like, for the results (schema.py has the details).
PROFILE_TEXT = {
    "realistic": "realistic (read with no sources file: quoted multilingual free text with commas, doubled quotes "
                 "and line breaks in about 40% of CSV rows, a Windows-1252 complaints file, day-first dates to "
                 "detect, about 2% non-member countries, labels no vocabulary maps)",
    "clean": "clean (ISO dates, UTF-8, category names as labels, every choice set in a sources.yml)",
}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bundle", required=True, help="the folder with csv/, ndjson/ and xml/")
    p.add_argument("--n", type=int, required=True, help="notices in the bundle")
    p.add_argument("--complaints", type=int, required=True, help="complaints in the bundle")
    p.add_argument("--noticewatch", required=True, help="the release noticewatch executable")
    p.add_argument("--reps", type=int, default=3, help="measured runs per engine and format (median reported)")
    p.add_argument("--warmup", type=int, default=1, help="unmeasured runs first")
    p.add_argument("--reports", default="Reports/bench", help="where results.md and results.csv go")
    p.add_argument("--work", required=True, help="scratch folder for NoticeWatch's report folders and figures")
    p.add_argument("--engines", default="", help="engine:format pairs, comma separated (default: all but pandas:xml)")
    p.add_argument("--command", default="make bench", help="the command line to print in the results")
    p.add_argument("--seed", default="20250630")
    p.add_argument("--profile", default="realistic", choices=schema.PROFILES,
                   help="the bundle's profile (how its files are written; default realistic)")
    return p.parse_args(argv)


def plan_from(text):
    if not text.strip():
        return list(DEFAULT_PLAN)
    plan = []
    for item in text.split(","):
        engine, _, fmt = item.strip().partition(":")
        if (engine, fmt) not in DEFAULT_PLAN + OPTIONAL_PLAN:
            sys.exit(f"bench: unknown engine:format {item!r}; known: "
                     + ", ".join(f"{e}:{f}" for e, f in DEFAULT_PLAN + OPTIONAL_PLAN))
        plan.append((engine, fmt))
    return plan


TIME = "/usr/bin/time"


def measure(argv, log_path):
    """Runs one process; returns (wall seconds, peak RSS in bytes, exit status). Output goes to log_path.

    The peak comes from /usr/bin/time, which starts the process: a process forked from this Python (which has
    the peers imported, some 90 MB) would count this interpreter's pages in its own ru_maxrss until it execs, so
    small processes would all read about 90 MB. Without /usr/bin/time, wait4's figure is used as it is."""
    rss_path = log_path + ".rss"
    wrapped = [TIME, "-f", "%M", "-o", rss_path] + argv if os.access(TIME, os.X_OK) else argv
    with open(log_path, "wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen(wrapped, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * 1024
    if wrapped is not argv:
        try:
            with open(rss_path) as f:
                peak = int(f.read().strip().splitlines()[-1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
    return wall, peak, process.returncode


def command_for(engine, fmt, args, out_dir, result_path):
    if engine in NOTICEWATCH:
        return [args.noticewatch, "run", os.path.join(args.bundle, fmt), "--out", out_dir, "--as-of", schema.AS_OF,
                "--verbose"] + (["--no-records-database"] if engine == "noticewatch-figures" else [])
    return [sys.executable, os.path.join(HERE, "worker.py"), engine, fmt, args.bundle, result_path, args.profile]


def remove_database(result_path):
    """Removes the duckdb-file engine's database (and its write-ahead log) of a result, if any."""
    database = worker.database_path(result_path)
    for path in (database, database + ".wal"):
        if os.path.exists(path):
            os.remove(path)


PHASES = ("ingest", "analysis", "report")


def noticewatch_phases(log_path):
    """{phase: seconds} from NoticeWatch's --verbose lines (`noticewatch: ingest: … in 2.29s`); {} if absent."""
    found = {}
    try:
        with open(log_path, errors="replace") as f:
            for line in f:
                match = re.match(r"noticewatch: (ingest|analysis|report): .* in ([0-9.]+)s", line.strip())
                if match:
                    found[match.group(1)] = float(match.group(2))
    except OSError:
        pass
    return found


def run_one(engine, fmt, args):
    """Warm-up plus measured runs of one engine on one format; returns a result dict."""
    tag = f"{engine}-{fmt}"
    out_dir = os.path.join(args.work, "out-" + tag)
    result_path = os.path.join(args.work, tag + ".json")
    log_path = os.path.join(args.work, tag + ".log")
    walls, peaks, work, phases = [], [], [], []
    for index in range(args.warmup + args.reps):
        shutil.rmtree(out_dir, ignore_errors=True)
        if os.path.exists(result_path):
            os.remove(result_path)
        remove_database(result_path)
        wall, peak, status = measure(command_for(engine, fmt, args, out_dir, result_path), log_path)
        if status != 0:
            with open(log_path, errors="replace") as f:
                tail = f.read()[-3000:]
            return {"engine": engine, "format": fmt, "error": f"exit status {status}:\n{tail}"}
        measured = index >= args.warmup
        if measured:
            walls.append(wall)
            peaks.append(peak)
        if engine not in NOTICEWATCH:
            timing = figures.load(result_path).get("timing", {})
            if measured:
                work.append(timing.get("work_seconds"))
        elif measured:
            phases.append(noticewatch_phases(log_path))
        print(f"  {tag:<18} {'run' if measured else 'warm-up'} {index + 1 - (args.warmup if measured else 0)}: "
              f"{wall:7.2f} s  {peak / 2**20:8.1f} MiB", flush=True)
    database_bytes = None
    if os.path.exists(worker.database_path(result_path)):
        database_bytes = os.path.getsize(worker.database_path(result_path))
    remove_database(result_path)
    warnings = []
    try:
        if engine in NOTICEWATCH:
            got = noticewatch_figures.read(out_dir)
            warnings = noticewatch_figures.accounting_warnings(out_dir)
            for line in warnings:
                print(f"  {tag}: {line}", flush=True)
        else:
            got = figures.load(result_path)
            got.pop("timing", None)
    except (noticewatch_figures.OutputError, OSError, ValueError, KeyError) as error:
        return {"engine": engine, "format": fmt, "error": f"cannot read its figures: {error}"}
    size = schema.input_bytes(args.bundle, fmt)
    wall = statistics.median(walls)
    phase_medians = {}
    if phases and all(all(p in run for p in PHASES) for run in phases):
        phase_medians = {p: statistics.median(run[p] for run in phases) for p in PHASES}
        # NoticeWatch's counterpart of a peer's work: reading and the figures, without writing the report.
        work = [run["ingest"] + run["analysis"] for run in phases]
    return {
        "engine": engine,
        "format": fmt,
        "figures": got,
        "warnings": warnings,
        "wall": wall,
        "walls": walls,
        "peak": max(peaks),
        "work": statistics.median(work) if work else None,
        "phases": phase_medians,
        "bytes": size,
        "mbps": size / 1e6 / wall if wall > 0 else None,
        "database_bytes": database_bytes,
    }


def check(results, bundle):
    """Compares every engine's figures with the first one's, and every engine's counts with the generator's
    EXPECTED.md when the bundle has one; returns (printable difference lines, whether EXPECTED.md was used)."""
    done = [r for r in results if "figures" in r]
    if not done:
        return ["no engine produced figures"], False
    reference = done[0]
    lines = []
    for other in done[1:]:
        for path, want, got in figures.differences(reference["figures"], other["figures"]):
            lines.append(f"{other['engine']}/{other['format']} {path}: {got!r} but "
                         f"{reference['engine']}/{reference['format']} {want!r}")
    try:
        truth = expected.read(bundle)
    except (OSError, ValueError) as error:
        return lines + [f"cannot read the generator's {expected.NAME}: {error}"], False
    if truth is not None:
        for other in done:
            for path, want, got in figures.differences(truth, other["figures"], reference_keys_only=True):
                lines.append(f"{other['engine']}/{other['format']} {path}: {got!r} but {expected.NAME} {want!r}")
    return lines, truth is not None


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                    break
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "memory": memory, "cpu": model, "os": platform.platform()}


def versions(args, plan):
    out = {}
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        # Changes to the benchmark's own results (a run at another N just before) do not make the build modified.
        reports = os.path.relpath(args.reports)
        skip = [] if reports.startswith("..") else [":(exclude)" + reports]
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "."] + skip,
                               capture_output=True, text=True).stdout.strip()
        out["noticewatch"] = f"commit {commit.stdout.strip()}{' (modified)' if dirty else ''}, release build"
    except (OSError, subprocess.CalledProcessError):
        out["noticewatch"] = "release build"
    try:
        reported = subprocess.run([args.noticewatch, "--version"], capture_output=True, text=True, timeout=30)
        if reported.returncode == 0 and reported.stdout.strip():
            out["noticewatch"] = reported.stdout.strip().splitlines()[0] + " (" + out["noticewatch"] + ")"
    except (OSError, subprocess.TimeoutExpired):
        pass
    modules = dict(worker.ENGINES)
    for engine in sorted({e for e, _ in plan if e not in NOTICEWATCH and e != "duckdb-file"}):
        probe = f"import sys; sys.path.insert(0, {HERE!r}); import {modules[engine]} as m; print(m.version())"
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        out[engine] = done.stdout.strip() or "unknown"
    out["python"] = platform.python_version()
    return out


def fmt_num(value, digits):
    return "" if value is None else f"{value:.{digits}f}"


def table_rows(results):
    """One row per engine and format, with NoticeWatch's ratios on the peers' rows."""
    nw = {r["format"]: r for r in results if r["engine"] == "noticewatch" and "wall" in r}
    nf = {r["format"]: r for r in results if r["engine"] == "noticewatch-figures" and "wall" in r}
    rows = []
    for r in results:
        row = {"engine": r["engine"], "format": r["format"]}
        if "wall" not in r:
            row["note"] = r.get("note") or "failed"
            rows.append(row)
            continue
        row.update({
            "wall_s": fmt_num(r["wall"], 3),
            "mb_per_s": fmt_num(r["mbps"], 1),
            "peak_rss_mib": fmt_num(r["peak"] / 2**20, 1),
            "work_s": fmt_num(r["work"], 3),
            "input_mb": fmt_num(r["bytes"] / 1e6, 1),
            "runs_s": " ".join(fmt_num(w, 3) for w in r["walls"]),
        })
        if r.get("phases"):
            row["note"] = "phases: " + ", ".join(f"{p} {r['phases'][p]:.2f} s" for p in PHASES)
        if r.get("database_bytes"):
            row["note"] = f"database file {r['database_bytes'] / 1e6:.1f} MB; compare with NoticeWatch's whole run"
        mine, figures_only = nw.get(r["format"]), nf.get(r["format"])
        if mine and r["engine"] not in NOTICEWATCH:
            row["nw_wall_ratio"] = fmt_num(mine["wall"] / r["wall"], 2)
            row["nw_rss_ratio"] = fmt_num(mine["peak"] / r["peak"], 2)
        if figures_only and r["engine"] not in NOTICEWATCH:
            row["nf_wall_ratio"] = fmt_num(figures_only["wall"] / r["wall"], 2)
            row["nf_rss_ratio"] = fmt_num(figures_only["peak"] / r["peak"], 2)
        rows.append(row)
    return rows


COLUMNS = ["engine", "format", "wall_s", "mb_per_s", "peak_rss_mib", "work_s", "input_mb", "nw_wall_ratio",
           "nw_rss_ratio", "nf_wall_ratio", "nf_rss_ratio", "note"]
HEADINGS = ["engine", "format", "wall s (median)", "MB/s", "peak RSS MiB", "work s", "input MB",
            "NoticeWatch wall ÷ peer", "NoticeWatch RSS ÷ peer", "figures-only wall ÷ peer",
            "figures-only RSS ÷ peer", "note"]


def targets(results, reports, n, profile):
    """(name, PASS/FAIL/SKIP/INFO, detail) for each target.

    The speed targets compare the work the peers do: NoticeWatch's figures (`--no-records-database`, every
    figure, table, chart and report.md). The whole report also writes records.sqlite, every record in SQLite,
    which no peer does: its times are listed as INFO beside the peers'. The memory targets hold for both.
    """
    get = {(r["engine"], r["format"]): r for r in results if "wall" in r}
    out = []
    small, large = read_kept(reports, profile, 1_000_000), read_kept(reports, profile, 5_000_000)
    if n == 1_000_000:
        small = {(r["engine"], r["format"]): r["peak_rss_mib"] for r in table_rows(results) if "peak_rss_mib" in r}
    if n == 5_000_000:
        large = {(r["engine"], r["format"]): r["peak_rss_mib"] for r in table_rows(results) if "peak_rss_mib" in r}
    for fmt in ("csv", "ndjson"):
        # The whole default run against DuckDB doing the same work: the figures and a database of every record.
        a, b = get.get(("noticewatch", fmt)), get.get(("duckdb-file", fmt))
        name = f"{fmt.upper()} whole run ≤ DuckDB with a database file"
        if not a or not b:
            out.append((name, "SKIP", f"no result for noticewatch/{fmt} or duckdb-file/{fmt}"))
        else:
            out.append((name, "PASS" if a["wall"] <= b["wall"] else "FAIL",
                        f"{a['wall']:.3f} s vs {b['wall']:.3f} s"))
    for mine in NOTICEWATCH:
        label = "" if mine == "noticewatch" else " (figures only)"

        def pair(name, engine, fmt, test, detail, speed=True):
            a, b = get.get((mine, fmt)), get.get((engine, fmt))
            if not a or not b:
                out.append((name + label, "SKIP", f"no result for {mine}/{fmt} or {engine}/{fmt}"))
            elif speed and mine == "noticewatch":
                out.append((name + label, "INFO", detail(a, b) + " (not a target: adds records.sqlite; see the "
                            "database-file rows)"))
            else:
                out.append((name + label, "PASS" if test(a, b) else "FAIL", detail(a, b)))

        pair("CSV wall ≤ DuckDB", "duckdb", "csv", lambda a, b: a["wall"] <= b["wall"],
             lambda a, b: f"{a['wall']:.3f} s vs {b['wall']:.3f} s")
        pair("CSV peak RSS ≤ ½ DuckDB", "duckdb", "csv", lambda a, b: a["peak"] <= b["peak"] / 2,
             lambda a, b: f"{a['peak'] / 2**20:.1f} MiB vs {b['peak'] / 2**20:.1f} MiB", speed=False)
        pair("NDJSON wall ≤ DuckDB", "duckdb", "ndjson", lambda a, b: a["wall"] <= b["wall"],
             lambda a, b: f"{a['wall']:.3f} s vs {b['wall']:.3f} s")
        pair("XML wall ≤ ⅕ lxml iterparse", "lxml", "xml", lambda a, b: a["wall"] <= b["wall"] / 5,
             lambda a, b: f"{a['wall']:.3f} s vs {b['wall']:.3f} s / 5 = {b['wall'] / 5:.3f} s")
        a = get.get((mine, "xml"))
        if a and mine == "noticewatch":
            out.append(("XML ≥ 100 MB/s" + label, "INFO", f"{a['mbps']:.1f} MB/s (not a target: adds records.sqlite)"))
        elif a:
            out.append(("XML ≥ 100 MB/s" + label, "PASS" if a["mbps"] >= 100 else "FAIL", f"{a['mbps']:.1f} MB/s"))
        else:
            out.append(("XML ≥ 100 MB/s" + label, "SKIP", f"no result for {mine}/xml"))
        for fmt in FORMATS:
            name = f"{fmt.upper()} peak RSS at 5M ≤ 1.5 × at 1M" + label
            s, l = small.get((mine, fmt)), large.get((mine, fmt))
            if not s or not l:
                out.append((name, "SKIP", f"needs {profile} results for both N=1000000 and N=5000000 in " + reports))
            else:
                s, l = float(s), float(l)
                out.append((name, "PASS" if l <= 1.5 * s else "FAIL", f"{l:.1f} MiB vs 1.5 × {s:.1f} MiB"))
    return out


def kept_path(reports, profile, n, extension="csv"):
    """The results kept for the last run of one profile and N: results-realistic-N1000000.csv …"""
    return os.path.join(reports, f"results-{profile}-N{n}.{extension}")


def read_kept(reports, profile, n):
    path = kept_path(reports, profile, n)
    if not os.path.exists(path):
        return {}
    with open(path, newline="") as f:
        return {(r["engine"], r["format"]): r.get("peak_rss_mib") for r in csv.DictReader(f) if r.get("engine")}


def markdown(rows, info, target_lines, check_lines):
    out = io.StringIO()
    w = out.write
    w("# NoticeWatch benchmark results\n\n")
    w(f"- Date: {info['date']}\n- Command: `{info['command']}`\n")
    w(f"- Profile: {PROFILE_TEXT[info['profile']]}\n")
    w(f"- Bundle: {info['n']:,} notices, {info['complaints']:,} complaints (seed {info['seed']}), "
      f"as of {schema.AS_OF}\n")
    w(f"- Runs: {info['warmup']} warm-up then {info['reps']} measured per engine and format; each one process\n")
    m = info["machine"]
    w(f"- Machine: {m['nproc']} CPUs, {m['memory']} memory, {m['cpu']}, {m['os']}\n")
    w("- Versions: " + "; ".join(f"{k} {v}" for k, v in info["versions"].items()) + "\n")
    against = " and with the generator's EXPECTED.md" if info["expected"] else ""
    w(f"- Figures agree across engines{against}: {'yes' if not check_lines else 'NO'}\n")
    if info.get("figures"):
        w(f"- Figures: {info['figures']}\n")
    w("\n")
    w("| " + " | ".join(HEADINGS) + " |\n")
    w("|" + "|".join("---" if c in ("engine", "format", "note") else "---:" for c in COLUMNS) + "|\n")
    for row in rows:
        w("| " + " | ".join(str(row.get(c, "")) for c in COLUMNS) + " |\n")
    w("\n## Targets\n\n| target | result | detail |\n|---|---|---|\n")
    for name, verdict, detail in target_lines:
        w(f"| {name} | {verdict} | {detail} |\n")
    w("\nSee README.md beside this file for what each column means.\n")
    return out.getvalue()


def write_csv(path, rows, info):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["profile", "n", "complaints", "reps"] + COLUMNS + ["runs_s"])
        for row in rows:
            cells = [row.get(c, "") for c in COLUMNS + ["runs_s"]]
            writer.writerow([info["profile"], info["n"], info["complaints"], info["reps"]] + cells)


def main(argv):
    args = parse_args(argv)
    plan = plan_from(args.engines)
    os.makedirs(args.work, exist_ok=True)
    print(f"bench: {args.profile} profile, {args.n:,} notices, {args.complaints:,} complaints; "
          f"{args.warmup} warm-up + {args.reps} runs each")
    results = []
    for engine, fmt in plan:
        results.append(run_one(engine, fmt, args))
    for engine, fmt in NO_READER:
        results.append({"engine": engine, "format": fmt, "note": NO_READER[(engine, fmt)]})
    order = {pair: i for i, pair in enumerate(DEFAULT_PLAN + OPTIONAL_PLAN + list(NO_READER))}
    results.sort(key=lambda r: (FORMATS.index(r["format"]), order.get((r["engine"], r["format"]), 99)))

    failures = [r for r in results if "error" in r]
    for r in failures:
        r["note"] = "FAILED"
    check_lines, used_expected = check(results, args.bundle)
    done = [r for r in results if "figures" in r]
    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": args.command, "profile": args.profile, "n": args.n, "complaints": args.complaints, "seed": args.seed,
        "reps": args.reps, "warmup": args.warmup, "expected": used_expected, "machine": machine(),
        "versions": versions(args, plan), "figures": figures.summary(done[0]["figures"]) if done else "",
    }
    rows = table_rows(results)
    target_lines = targets(results, args.reports, args.n, args.profile)
    text = markdown(rows, info, target_lines, check_lines)
    print()
    print(text)
    if check_lines or failures:
        for r in failures:
            print(f"bench: {r['engine']}/{r['format']} failed: {r['error']}", file=sys.stderr)
        print("bench: FAILED — the engines did not all run or their figures differ; results not written.",
              file=sys.stderr)
        for line in check_lines:
            print("  " + line, file=sys.stderr)
        for r in results:
            for line in r.get("warnings", []):
                print(f"  {r['engine']}/{r['format']}: {line}", file=sys.stderr)
        return 1
    os.makedirs(args.reports, exist_ok=True)
    with open(os.path.join(args.reports, "results.md"), "w") as f:
        f.write(text)
    write_csv(os.path.join(args.reports, "results.csv"), rows, info)
    write_csv(kept_path(args.reports, args.profile, args.n), rows, info)
    with open(kept_path(args.reports, args.profile, args.n, "md"), "w") as f:
        f.write(text)
    print(f"bench: all engines agree; written {args.reports}/results.md, results.csv and "
          f"results-{args.profile}-N{args.n}.*")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
