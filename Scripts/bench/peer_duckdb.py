"""DuckDB: read the bundle with read_csv / read_json and compute the three analyses in SQL.

`run` works in an in-memory database (the figures alone); `run_file` (the `duckdb-file` engine, module
peer_duckdb_file) writes every normalized record into a database file first, the counterpart of NoticeWatch's
whole run with records.sqlite. DuckDB has no XML reader, so there is no DuckDB run for the XML bundle.
"""

import os
import shutil
import tempfile

import duckdb

import figures
import schema

FORMATS = ("csv", "ndjson")


def version() -> str:
    return duckdb.__version__


def _date(column_sql: str, fmt: str) -> str:
    if fmt == "%Y-%m-%d":
        return f"TRY_CAST({column_sql} AS DATE)"
    return f"CAST(try_strptime(CAST({column_sql} AS VARCHAR), '{fmt}') AS DATE)"


def _text(column_sql) -> str:
    return "NULL" if column_sql is None else f"nullif(trim(CAST({column_sql} AS VARCHAR)), '')"


def _quoted(name: str) -> str:
    """A column of the file being read, qualified so that no output column's name can shadow it."""
    return 'src."' + name.replace('"', '""') + '"'


def _utf8_copy(path: str, encoding: str, folder: str) -> str:
    """A UTF-8 copy of a file in another encoding, streamed. DuckDB's CSV reader decodes UTF-8, UTF-16 and
    (strict) Latin-1 itself; Windows-1252 needs its `encodings` extension, which is downloaded on first use,
    so the file is decoded here instead, as `iconv -f WINDOWS-1252` would, within the measured time."""
    target = os.path.join(folder, "complaints.utf8.csv")
    with open(path, encoding=encoding, newline="") as source, open(target, "w", encoding="utf-8", newline="") as out:
        shutil.copyfileobj(source, out, 1 << 20)
    return target


def _load(con, bundle: str, fmt: str, layout: schema.Layout, every_field: bool = False) -> None:
    """The notices and complaints tables: the fields the figures use, or with every_field each record's
    normalized fields (id, kind, cancellation reason, charge, notice id, filing and decision dates, the
    outcome's own label, the country as written beside its member code), as a database of the records holds
    them."""
    with tempfile.TemporaryDirectory(prefix="bench-duckdb-") as scratch:
        complaints = schema.complaints_path(bundle, fmt)
        if layout.complaint_encoding != "utf-8":
            complaints = _utf8_copy(complaints, layout.complaint_encoding, scratch)
        _load_files(con, schema.notices_path(bundle, fmt), complaints, fmt, layout, every_field)


def _load_files(con, notices: str, complaints: str, fmt: str, layout: schema.Layout, every_field: bool) -> None:
    notices = notices.replace("'", "''")
    complaints = complaints.replace("'", "''")
    if fmt == "csv":
        c = {k: _quoted(v) for k, v in layout.csv_notice.items()}
        country, issue, status = c["country"], c["issue_date"], c["status"]
        cancellation, date_format = c["cancellation_date"], layout.csv_date_format
        extra = (c["id"], c["kind"], c["cancellation_reason"], c.get("charges"))
        source = f"read_csv('{notices}', header = true, all_varchar = true, quote = '\"', escape = '\"')"
    else:
        j = layout.json_notice
        country = f"src.{j['warrants']}[1].{j['warrant_country']}"
        issue, status, date_format = f"src.{j['issue_date']}", f"src.{j['status']}", layout.json_date_format
        cancellation = f"src.{j['cancellation']}.{j['cancellation_date']}"
        extra = (f"src.{j['id']}", f"src.{j['kind']}", f"src.{j['cancellation']}.{j['cancellation_reason']}",
                 f"src.{j['warrants']}[1].{j['charge']}")
        # Every value read as text, so that no date is guessed: the formats are given below.
        source = f"read_json('{notices}', format = 'newline_delimited', dateformat = 'none', timestampformat = 'none')"
    columns = [
        f"{schema.sql_member(country)} AS country",
        f"{_date(issue, date_format)} AS issue_date",
        f"{schema.sql_case(status, schema.STATUS_CATEGORY)} AS status",
        f"{_date(cancellation, date_format)} AS cancellation_date",
    ]
    if every_field:
        columns = [f"{_text(extra[0])} AS id", f"{schema.sql_case(extra[1], schema.KIND_CATEGORY)} AS kind"] + columns
        columns += [
            f"{schema.sql_case(extra[2], schema.REASON_CATEGORY)} AS cancellation_reason",
            f"{_text(extra[3])} AS charge",
            f"{_text(country)} AS country_as_written",
        ]
    con.execute(f"CREATE TABLE notices AS SELECT {', '.join(columns)} FROM {source} AS src")
    k = {key: _quoted(v) for key, v in layout.complaint.items()}
    columns = [
        f"{schema.sql_member(k['country'])} AS country",
        f"{schema.sql_case(k['outcome'], schema.OUTCOME_CATEGORY)} AS outcome",
    ]
    if every_field:
        columns = [f"{_text(k['id'])} AS id", f"{_text(k['notice_id'])} AS notice_id"] + columns + [
            f"{_date(k['filed_date'], layout.complaint_date_format)} AS filed_date",
            f"{_date(k['decision_date'], layout.complaint_date_format)} AS decision_date",
            f"{_text(k['outcome'])} AS outcome_label",
            f"{_text(k['country'])} AS country_as_written",
        ]
    con.execute(
        f"""CREATE TABLE complaints AS SELECT {', '.join(columns)}
            FROM read_csv('{complaints}', header = true, all_varchar = true, quote = '"', escape = '"') AS src"""
    )


def _analyses(con) -> dict:
    # (1) complaints per requesting country
    volumes = dict(con.execute("SELECT country, count(*) FROM complaints GROUP BY country").fetchall())
    # (2) overturn counts per country (the rate is overturned / decided, packed by figures.tally)
    rows = con.execute(
        """SELECT country,
                  count(*) FILTER (WHERE outcome = 'overturned'),
                  count(*) FILTER (WHERE outcome = 'upheld'),
                  count(*) FILTER (WHERE outcome = 'partially-overturned')
           FROM complaints GROUP BY country"""
    ).fetchall()
    tallies = {r[0]: (r[1], r[2], r[3]) for r in rows}
    # (3) notice counts and the Kaplan–Meier median of time to cancellation, censored at the as-of date
    ended = ", ".join(f"'{s}'" for s in schema.ENDED_STATUSES)
    total, cancelled, active = con.execute(
        f"""SELECT count(*), count(*) FILTER (WHERE status IN ({ended})),
                   count(*) FILTER (WHERE status = 'active') FROM notices"""
    ).fetchone()
    checks = ", ".join(
        f"coalesce((SELECT s FROM curve WHERE t <= {d} ORDER BY t DESC LIMIT 1), 1.0), "
        f"(SELECT count(*) FROM valid WHERE t >= {d})"
        for d in figures.CHECK_DAYS
    )
    row = con.execute(
        f"""WITH flagged AS (
              SELECT issue_date, cancellation_date, coalesce(status IN ({ended}), false) AS ended,
                     coalesce(status = 'active', false) AS active FROM notices),
            durations AS (
              SELECT CASE WHEN ended THEN cancellation_date - issue_date
                          ELSE DATE '{schema.AS_OF}' - issue_date END AS t,
                     CASE WHEN ended THEN 1 ELSE 0 END AS e
              FROM flagged
              WHERE issue_date IS NOT NULL AND issue_date <= DATE '{schema.AS_OF}'
                AND ((ended AND cancellation_date IS NOT NULL AND cancellation_date <= DATE '{schema.AS_OF}')
                     OR (active AND cancellation_date IS NULL))),
            valid AS (SELECT * FROM durations WHERE t >= 0),
            grouped AS (SELECT t, sum(e) AS d, count(*) AS c FROM valid GROUP BY t),
            risk AS (
              SELECT t, d, sum(c) OVER (ORDER BY t DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
              FROM grouped),
            curve AS (
              SELECT t,
                     CASE WHEN max(CASE WHEN d = n THEN 1 ELSE 0 END)
                               OVER (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) = 1 THEN 0.0
                          ELSE exp(sum(CASE WHEN d = n THEN 0.0 ELSE ln(1.0 - d / n) END)
                               OVER (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) END AS s
              FROM risk)
            SELECT (SELECT count(*) FROM valid), (SELECT coalesce(sum(e), 0) FROM valid),
                   (SELECT min(t) FROM curve WHERE s <= 0.5 + {figures.CROSSING_TOLERANCE}),
                   {checks}"""
    ).fetchone()
    subjects, events, median = row[:3]
    days = figures.CHECK_DAYS
    survival_at = {d: row[3 + 2 * i] for i, d in enumerate(days)}
    at_risk = {d: row[4 + 2 * i] for i, d in enumerate(days)}
    return figures.make(
        volumes, tallies, total, cancelled, active, subjects, events, median, survival_at, at_risk
    )


def run(bundle: str, fmt: str, layout: schema.Layout = schema.CLEAN) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"duckdb has no reader for {fmt}")
    con = duckdb.connect(":memory:")
    _load(con, bundle, fmt, layout)
    return _analyses(con)


def run_file(bundle: str, fmt: str, layout: schema.Layout, database: str) -> dict:
    """The whole run's counterpart: every normalized record written into the DuckDB database file `database`
    (created; it must not exist), and the figures computed from the stored tables."""
    if fmt not in FORMATS:
        raise ValueError(f"duckdb has no reader for {fmt}")
    if os.path.exists(database):
        raise ValueError(f"{database} exists; the file-backed peer writes a new database")
    con = duckdb.connect(database)
    _load(con, bundle, fmt, layout, every_field=True)
    con.execute("CHECKPOINT")
    result = _analyses(con)
    con.close()
    return result
