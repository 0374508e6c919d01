"""polars: lazy scan_csv / scan_ndjson and the three analyses as lazy queries, collected together.

polars has no XML reader, so there is no polars run for the XML bundle.
"""

import datetime

import polars as pl

import figures
import schema

FORMATS = ("csv", "ndjson")


def version() -> str:
    return pl.__version__


def _category(expr: pl.Expr, mapping: dict) -> pl.Expr:
    return expr.cast(pl.Utf8).str.strip_chars().str.to_lowercase().replace_strict(mapping, default=None)


def _date(expr: pl.Expr, fmt: str) -> pl.Expr:
    return expr.cast(pl.Utf8).str.strptime(pl.Date, fmt, strict=False)


def _member(expr: pl.Expr) -> pl.Expr:
    code = expr.cast(pl.Utf8).str.strip_chars().str.to_uppercase()
    return pl.when(code.is_in(sorted(schema.MEMBERS))).then(code).otherwise(pl.lit(""))


def _notices(bundle: str, fmt: str, layout: schema.Layout) -> pl.LazyFrame:
    path = schema.notices_path(bundle, fmt)
    if fmt == "csv":
        c = layout.csv_notice
        frame = pl.scan_csv(path, infer_schema=False)
        country = pl.col(c["country"])
        cancellation = pl.col(c["cancellation_date"])
        date_format = layout.csv_date_format
    else:
        c = layout.json_notice
        frame = pl.scan_ndjson(path)
        country = pl.col(c["warrants"]).list.first().struct.field(c["warrant_country"])
        cancellation = pl.col(c["cancellation"]).struct.field(c["cancellation_date"])
        date_format = layout.json_date_format
    return frame.select(
        _member(country).alias("country"),
        _date(pl.col(c["issue_date"]), date_format).alias("issue_date"),
        _category(pl.col(c["status"]), schema.STATUS_CATEGORY).alias("status"),
        _date(cancellation, date_format).alias("cancellation_date"),
    )


def _complaints(bundle: str, fmt: str, layout: schema.Layout) -> pl.LazyFrame:
    k = layout.complaint
    path = schema.complaints_path(bundle, fmt)
    if layout.complaint_encoding == "utf-8":
        frame = pl.scan_csv(path, infer_schema=False)
    else:
        # scan_csv reads UTF-8 only; read_csv decodes another encoding in memory first.
        frame = pl.read_csv(path, infer_schema=False, encoding=layout.complaint_encoding).lazy()
    return frame.select(
        _member(pl.col(k["country"])).alias("country"),
        _category(pl.col(k["outcome"]), schema.OUTCOME_CATEGORY).alias("outcome"),
    )


def _survival(notices: pl.LazyFrame) -> pl.LazyFrame:
    as_of = datetime.date.fromisoformat(schema.AS_OF)
    ended = pl.col("status").is_in(list(schema.ENDED_STATUSES)).fill_null(False)
    active = (pl.col("status") == "active").fill_null(False)
    cancellation = pl.col("cancellation_date")
    durations = (
        notices.with_columns(ended.alias("ended"))
        .filter(
            pl.col("issue_date").is_not_null()
            & (pl.col("issue_date") <= as_of)
            & (
                (pl.col("ended") & cancellation.is_not_null() & (cancellation <= as_of))
                | (active & cancellation.is_null())
            )
        )
        .select(
            pl.when(pl.col("ended"))
            .then(pl.col("cancellation_date") - pl.col("issue_date"))
            .otherwise(pl.lit(as_of) - pl.col("issue_date"))
            .dt.total_days()
            .alias("t"),
            pl.col("ended").cast(pl.Int64).alias("e"),
        )
        .filter(pl.col("t") >= 0)
    )
    grouped = durations.group_by("t").agg(pl.col("e").sum().alias("d"), pl.len().alias("c")).sort("t")
    curve = grouped.with_columns(pl.col("c").cum_sum(reverse=True).alias("n")).with_columns(
        (1.0 - pl.col("d") / pl.col("n")).cum_prod().alias("s")
    )
    checks = []
    for d in figures.CHECK_DAYS:
        checks.append(pl.col("s").filter(pl.col("t") <= d).last().fill_null(1.0).alias(f"s{d}"))
        checks.append(pl.col("c").filter(pl.col("t") >= d).sum().alias(f"n{d}"))
    return curve.select(
        pl.col("c").sum().alias("subjects"),
        pl.col("d").sum().alias("events"),
        pl.col("t").filter(pl.col("s") <= 0.5 + figures.CROSSING_TOLERANCE).min().alias("median"),
        *checks,
    )


def run(bundle: str, fmt: str, layout: schema.Layout = schema.CLEAN) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"polars has no reader for {fmt}")
    notices = _notices(bundle, fmt, layout)
    complaints = _complaints(bundle, fmt, layout)
    per_country = complaints.group_by("country").agg(
        pl.len().alias("complaints"),
        (pl.col("outcome") == "overturned").sum().alias("o"),
        (pl.col("outcome") == "upheld").sum().alias("u"),
        (pl.col("outcome") == "partially-overturned").sum().alias("p"),
    )
    counts = notices.select(
        pl.len().alias("total"),
        pl.col("status").is_in(list(schema.ENDED_STATUSES)).sum().alias("cancelled"),
        (pl.col("status") == "active").sum().alias("active"),
    )
    per_country, counts, survival = pl.collect_all([per_country, counts, _survival(notices)])
    volumes = dict(zip(per_country["country"], per_country["complaints"]))
    tallies = {r[0]: (r[1], r[2], r[3]) for r in per_country.select("country", "o", "u", "p").iter_rows()}
    c = counts.row(0, named=True)
    s = survival.row(0, named=True)
    return figures.make(
        volumes, tallies, c["total"], c["cancelled"], c["active"], s["subjects"] or 0, s["events"] or 0,
        s["median"], {d: s[f"s{d}"] for d in figures.CHECK_DAYS}, {d: s[f"n{d}"] for d in figures.CHECK_DAYS},
    )
