#!/usr/bin/env bash
# NoticeWatch against DuckDB, polars, pandas and lxml on a large generated bundle (see Reports/bench/README.md).
#
#   make bench                 # 1,000,000 notices, 300,000 complaints, realistic profile, no sources file
#   make bench N=5000000       # the large run (complaints are 0.3 × N)
#   make bench PROFILE=clean   # the clean bundle: ISO dates, UTF-8, a sources.yml in each folder
#   make bench-series          # Scripts/bench.sh series: 7,000 public notices × 365 nightly list-page captures
#
# Settings (environment): N, PROFILE (realistic or clean, default realistic; see Reports/bench/README.md),
# REPS (measured runs, default 3), WARMUP (default 1), SEED (default 20250630),
# ENGINES (engine:format pairs, comma separated; default all but pandas:xml), BENCH_WORK (scratch folder,
# default .build/bench), PYTHON (the interpreter that makes the virtual environment, default python3),
# NOTICEWATCH (an executable to measure instead of building one), BUNDLE (an existing bundle folder with
# csv/, ndjson/ and xml/ to use instead of generating one; N must then say how many notices it has),
# REPORTS (where results.md and results.csv go, default Reports/bench).
# The series (`series` as the first argument) needs no peer: SERIES_NOTICES (default 7000), SERIES_NIGHTS
# (default 365) and SEED; it writes series.md to REPORTS.
# Exit status: non-zero when a step fails or the engines' figures differ; missed targets only print FAIL.
set -euo pipefail

cd "$(dirname "$0")/.."

N="${N:-1000000}"
PROFILE="${PROFILE:-realistic}"
COMPLAINTS=$((N * 3 / 10))
REPS="${REPS:-3}"
WARMUP="${WARMUP:-1}"
SEED="${SEED:-20250630}"
ENGINES="${ENGINES:-}"
WORK="${BENCH_WORK:-.build/bench}"
VENV=.build/bench-venv
PEERS=(duckdb polars pandas lxml pyarrow)

say() { printf 'bench: %s\n' "$*"; }
started=$(date +%s)

MODE="${1:-}"
case "$MODE" in '' | series) ;; *) say "unknown mode '$MODE' (expected nothing, or series)" >&2; exit 2 ;; esac
SERIES_NOTICES="${SERIES_NOTICES:-7000}"
SERIES_NIGHTS="${SERIES_NIGHTS:-365}"
case "$SERIES_NOTICES$SERIES_NIGHTS" in '' | *[!0-9]*)
    say "SERIES_NOTICES and SERIES_NIGHTS must be whole numbers" >&2; exit 2 ;; esac
case "$N" in '' | *[!0-9]*) say "N must be a whole number, not '$N'" >&2; exit 2 ;; esac
case "$PROFILE" in realistic | clean) ;; *) say "PROFILE must be realistic or clean, not '$PROFILE'" >&2; exit 2 ;; esac
case "$REPS" in '' | *[!0-9]* | 0) say "REPS must be a whole number ≥ 1, not '$REPS'" >&2; exit 2 ;; esac

if [ -n "${NOTICEWATCH:-}" ]; then
    BIN="$NOTICEWATCH"
    say "measuring $BIN (not built here)"
else
    say "building noticewatch (release)"
    build_started=$(date +%s)
    swift build -c release --product noticewatch
    BIN="$(swift build -c release --show-bin-path)/noticewatch"
    say "built in $(($(date +%s) - build_started)) s"
fi

# The snapshot series: nightly captures of the public list, read zero-config (no sources file, no option), timed
# with its peak memory, and its report checked against what the generator planted.
bench_series() {
    local dir="$WORK/series-${SERIES_NOTICES}x${SERIES_NIGHTS}" report="$WORK/series-report" stamp gen_started
    mkdir -p "$WORK"
    stamp="notices=$SERIES_NOTICES nights=$SERIES_NIGHTS seed=$SEED script=$(sha256sum Scripts/snapshot_series.py | cut -d' ' -f1)"
    if [ "$(cat "$dir.stamp" 2>/dev/null)" = "$stamp" ] && [ -f "$dir/EXPECT.txt" ]; then
        say "reusing $dir"
    else
        say "writing $SERIES_NIGHTS nightly captures of about $SERIES_NOTICES notices into $dir"
        gen_started=$(date +%s)
        "${PYTHON:-python3}" Scripts/snapshot_series.py --out "$dir" --notices "$SERIES_NOTICES" \
            --nights "$SERIES_NIGHTS" --seed "$SEED"
        printf '%s\n' "$stamp" >"$dir.stamp"
        say "written in $(($(date +%s) - gen_started)) s"
    fi
    local files size wall peak
    files=$(find "$dir/snapshots" -type f | wc -l)
    size=$(du -sm "$dir" | cut -f1)
    say "running noticewatch on $files list pages ($size MB)"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$WORK/series.time" "$BIN" run "$dir" --out "$report" >"$WORK/series.log" 2>&1 \
            || { cat "$WORK/series.log" >&2; say "the series run failed" >&2; return 1; }
        read -r wall peak <"$WORK/series.time"
        peak="$((peak / 1024)) MiB"
    else
        local run_started
        run_started=$(date +%s%N)
        "$BIN" run "$dir" --out "$report" >"$WORK/series.log" 2>&1 \
            || { cat "$WORK/series.log" >&2; say "the series run failed" >&2; return 1; }
        wall=$(awk -v n="$(($(date +%s%N) - run_started))" 'BEGIN { printf "%.2f", n / 1e9 }')
        peak="not measured (no /usr/bin/time)"
    fi
    "${PYTHON:-python3}" Scripts/snapshot_series.py --check "$report" --out "$dir" || return 1
    local results="${REPORTS:-Reports/bench}/series.md"
    mkdir -p "$(dirname "$results")"
    {
        printf '# Snapshot series: %s notices × %s nightly captures\n\n' "$SERIES_NOTICES" "$SERIES_NIGHTS"
        printf 'Command: `make bench-series SERIES_NOTICES=%s SERIES_NIGHTS=%s` (seed %s); ' \
            "$SERIES_NOTICES" "$SERIES_NIGHTS" "$SEED"
        printf '`noticewatch run` with no sources file and no option, one run.\n\n'
        printf '| List pages | Input | Wall | Peak RSS |\n|---|---|---|---|\n'
        printf '| %s | %s MB | %s s | %s |\n' "$files" "$size" "$wall" "$peak"
    } >"$results"
    say "series: $files list pages ($size MB) in $wall s, peak $peak; written to $results"
}

if [ "$MODE" = series ]; then
    status=0
    bench_series || status=$?
    say "done in $(($(date +%s) - started)) s"
    exit "$status"
fi

# The peers live in their own virtual environment, made once and reused; the product never needs them.
if ! "$VENV/bin/python" -c "import $(IFS=,; echo "${PEERS[*]}")" 2>/dev/null; then
    say "installing ${PEERS[*]} into $VENV"
    rm -rf "$VENV"
    if ! "${PYTHON:-python3}" -m venv "$VENV"; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            say "installing python3-venv"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
            rm -rf "$VENV"
            "${PYTHON:-python3}" -m venv "$VENV"
        else
            say "cannot make a virtual environment; on Debian: sudo apt-get install -y python3-venv" >&2
            exit 1
        fi
    fi
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet "${PEERS[@]}"
fi

mkdir -p "$WORK"
# The peers must get hand-worked figures right on small bundles before their timings mean anything, and agree
# with NoticeWatch and the generator on a small generated bundle of each profile.
say "checking the peers on hand-made and small generated bundles"
"$VENV/bin/python" Scripts/bench/selftest.py --noticewatch "$BIN" >"$WORK/selftest.log" 2>&1 || {
    cat "$WORK/selftest.log" >&2
    say "the peers' self-test failed" >&2
    exit 1
}
tail -n 1 "$WORK/selftest.log"

# The bundle is made again only when N, the profile, the seed or the executable changed.
generate() {
    local stamp
    stamp="profile=$PROFILE n=$N complaints=$COMPLAINTS seed=$SEED noticewatch=$(sha256sum "$BIN" | cut -d' ' -f1)"
    if [ "$(cat "$BUNDLE/.stamp" 2>/dev/null)" = "$stamp" ]; then
        say "reusing $BUNDLE"
        return
    fi
    say "generating $N notices and $COMPLAINTS complaints ($PROFILE profile) into $BUNDLE"
    rm -rf "$BUNDLE"
    mkdir -p "$WORK"
    local gen_started
    gen_started=$(date +%s)
    "$BIN" generate --bench --profile "$PROFILE" --seed "$SEED" --notices "$N" --complaints "$COMPLAINTS" \
        --out "$BUNDLE"
    printf '%s\n' "$stamp" >"$BUNDLE/.stamp"
    say "generated in $(($(date +%s) - gen_started)) s"
}
if [ -n "${BUNDLE:-}" ]; then
    say "using the bundle $BUNDLE"
else
    BUNDLE="$WORK/bundle-$PROFILE-N$N"
    generate
fi
for fmt in csv ndjson xml; do
    [ -d "$BUNDLE/$fmt" ] || { say "the bundle has no $fmt/ folder: $BUNDLE" >&2; exit 1; }
done
du -sh "$BUNDLE"/csv "$BUNDLE"/ndjson "$BUNDLE"/xml

command="make bench N=$N"
[ "$PROFILE" = realistic ] || command="$command PROFILE=$PROFILE"
[ "$REPS" = 3 ] || command="$command REPS=$REPS"
[ "$WARMUP" = 1 ] || command="$command WARMUP=$WARMUP"
[ -z "$ENGINES" ] || command="$command ENGINES=$ENGINES"
status=0
"$VENV/bin/python" Scripts/bench/run.py \
    --bundle "$BUNDLE" --profile "$PROFILE" --n "$N" --complaints "$COMPLAINTS" --seed "$SEED" --noticewatch "$BIN" \
    --reps "$REPS" --warmup "$WARMUP" --engines "$ENGINES" --work "$WORK/runs" --reports "${REPORTS:-Reports/bench}" \
    --command "$command" || status=$?
say "done in $(($(date +%s) - started)) s (build, bundle and runs)"
exit "$status"
