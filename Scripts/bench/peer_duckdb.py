"""DuckDB: read the bundle with read_csv / read_json and compute the three analyses in SQL.

DuckDB has no XML reader, so there is no DuckDB run for the XML bundle.
"""

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


def _load(con, bundle: str, fmt: str) -> None:
    notices = schema.notices_path(bundle, fmt).replace("'", "''")
    complaints = schema.complaints_path(bundle, fmt).replace("'", "''")
    if fmt == "csv":
        c = schema.CSV_NOTICE
        con.execute(
            f"""CREATE TABLE notices AS SELECT
                  upper(trim({c['country']})) AS country,
                  {_date(c['issue_date'], schema.CSV_DATE_FORMAT)} AS issue_date,
                  {schema.sql_case(c['status'], schema.STATUS_CATEGORY)} AS status,
                  {_date(c['cancellation_date'], schema.CSV_DATE_FORMAT)} AS cancellation_date
                FROM read_csv('{notices}', header = true, all_varchar = true)"""
        )
    else:
        j = schema.JSON_NOTICE
        con.execute(
            f"""CREATE TABLE notices AS SELECT
                  upper(trim({j['warrants']}[1].{j['warrant_country']})) AS country,
                  {_date(j['issue_date'], schema.JSON_DATE_FORMAT)} AS issue_date,
                  {schema.sql_case(j['status'], schema.STATUS_CATEGORY)} AS status,
                  {_date(j['cancellation'] + '.' + j['cancellation_date'], schema.JSON_DATE_FORMAT)} AS cancellation_date
                FROM read_json('{notices}', format = 'newline_delimited')"""
        )
    k = schema.CSV_COMPLAINT
    con.execute(
        f"""CREATE TABLE complaints AS SELECT
              upper(trim({k['country']})) AS country,
              {schema.sql_case(k['outcome'], schema.OUTCOME_CATEGORY)} AS outcome
            FROM read_csv('{complaints}', header = true, all_varchar = true)"""
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


def run(bundle: str, fmt: str) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"duckdb has no reader for {fmt}")
    con = duckdb.connect(":memory:")
    _load(con, bundle, fmt)
    return _analyses(con)
