"""pandas: read_csv and read_json(lines=True) (pyarrow engines), read_xml(iterparse=…), then the three analyses.

The XML run uses pandas' own read_xml with its lxml iterparse mode (the whole-tree mode would hold the entire
document in memory); the plain lxml iterparse peer is peer_lxml.
"""

import pandas as pd

import figures
import schema

FORMATS = ("csv", "ndjson", "xml")


def version() -> str:
    return pd.__version__


def _category(series: pd.Series, mapping: dict) -> pd.Series:
    return series.astype("string").str.strip().str.lower().map(mapping)


def _date(series: pd.Series, fmt: str) -> pd.Series:
    return pd.to_datetime(series.astype("string"), format=fmt, errors="coerce")


def _member(series: pd.Series) -> pd.Series:
    code = series.astype("string").str.strip().str.upper()
    return code.where(code.isin(schema.MEMBERS), "").astype("string")


def _read_csv(path: str, fields: list, layout: schema.Layout, encoding: str = "utf-8") -> pd.DataFrame:
    """The pyarrow engine for clean files; the C engine where values hold line breaks (the realistic profile):
    the pyarrow engine cuts blocks at line ends and reads no quoted line break across them."""
    if layout.profile == "clean":
        return pd.read_csv(path, usecols=fields, dtype=str, engine="pyarrow", encoding=encoding)
    return pd.read_csv(path, usecols=fields, dtype=str, engine="c", encoding=encoding)


def _notices(bundle: str, fmt: str, layout: schema.Layout) -> pd.DataFrame:
    path = schema.notices_path(bundle, fmt)
    if fmt == "csv":
        c = layout.csv_notice
        fields = [c["country"], c["issue_date"], c["status"], c["cancellation_date"]]
        raw = _read_csv(path, fields, layout)
        country = raw[c["country"]]
        cancellation = raw[c["cancellation_date"]]
        date_format = layout.csv_date_format
    elif fmt == "ndjson":
        c = layout.json_notice
        # The pyarrow engine with Arrow-backed columns: the default (ujson into Python objects) takes about
        # 40 s and 4 GiB per million notices, and would not fit 5 million in memory.
        raw = pd.read_json(path, lines=True, engine="pyarrow", dtype_backend="pyarrow")
        country = raw[c["warrants"]].list[0].struct.field(c["warrant_country"])
        cancellation = raw[c["cancellation"]].struct.field(c["cancellation_date"])
        date_format = layout.json_date_format
    else:
        c = layout.xml_notice
        fields = [c["id"], c["country"], c["issue_date"], c["status"], c["cancellation_date"]]
        raw = pd.read_xml(path, parser="lxml", iterparse={layout.xml_record: fields}, dtype=str)
        country = raw[c["country"]]
        cancellation = raw[c["cancellation_date"]]
        date_format = layout.xml_date_format
    return pd.DataFrame(
        {
            "country": _member(country),
            "issue_date": _date(raw[c["issue_date"]], date_format),
            "status": _category(raw[c["status"]], schema.STATUS_CATEGORY),
            "cancellation_date": _date(cancellation, date_format),
        }
    )


def _complaints(bundle: str, fmt: str, layout: schema.Layout) -> pd.DataFrame:
    k = layout.complaint
    raw = _read_csv(schema.complaints_path(bundle, fmt), [k["country"], k["outcome"]], layout,
                    encoding=layout.complaint_encoding)
    return pd.DataFrame(
        {
            "country": _member(raw[k["country"]]),
            "outcome": _category(raw[k["outcome"]], schema.OUTCOME_CATEGORY),
        }
    )


def _survival(notices: pd.DataFrame):
    as_of = pd.Timestamp(schema.AS_OF)
    ended = notices["status"].isin(schema.ENDED_STATUSES).fillna(False).astype(bool)
    active = (notices["status"] == "active").fillna(False).astype(bool)
    issue, cancellation = notices["issue_date"], notices["cancellation_date"]
    keep = (
        issue.notna()
        & (issue <= as_of)
        & ((ended & cancellation.notna() & (cancellation <= as_of)) | (active & cancellation.isna()))
    )
    end = notices["cancellation_date"].where(ended, as_of)
    t = (end - issue)[keep].dt.days
    e = ended[keep].astype("int64")
    valid = t >= 0
    frame = pd.DataFrame({"t": t[valid].astype("int64"), "e": e[valid]})
    grouped = frame.groupby("t").agg(d=("e", "sum"), c=("e", "size")).sort_index()
    n = grouped["c"][::-1].cumsum()[::-1]
    s = (1.0 - grouped["d"] / n).cumprod()
    reached = s.index[s <= 0.5 + figures.CROSSING_TOLERANCE]
    median = int(reached.min()) if len(reached) else None
    survival_at, at_risk = {}, {}
    for d in figures.CHECK_DAYS:
        before = s[s.index <= d]
        survival_at[d] = float(before.iloc[-1]) if len(before) else 1.0
        at_risk[d] = int(grouped["c"][grouped.index >= d].sum())
    return len(frame), int(frame["e"].sum()), median, survival_at, at_risk


def run(bundle: str, fmt: str, layout: schema.Layout = schema.CLEAN) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"pandas has no reader for {fmt}")
    complaints = _complaints(bundle, fmt, layout)
    volumes = complaints.groupby("country").size().to_dict()
    outcome = complaints["outcome"]
    counts = (
        pd.DataFrame(
            {
                "country": complaints["country"],
                "o": (outcome == "overturned").fillna(False).astype("int64"),
                "u": (outcome == "upheld").fillna(False).astype("int64"),
                "p": (outcome == "partially-overturned").fillna(False).astype("int64"),
            }
        )
        .groupby("country")
        .sum()
    )
    tallies = {country: (row.o, row.u, row.p) for country, row in counts.iterrows()}
    notices = _notices(bundle, fmt, layout)
    status = notices["status"]
    cancelled = int(status.isin(schema.ENDED_STATUSES).sum())
    active = int((status == "active").fillna(False).sum())
    subjects, events, median, survival_at, at_risk = _survival(notices)
    return figures.make(
        volumes, tallies, len(notices), cancelled, active, subjects, events, median, survival_at, at_risk
    )
