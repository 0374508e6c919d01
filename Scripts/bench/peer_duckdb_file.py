"""DuckDB with a database file: every normalized record written with CREATE TABLE … AS into a file opened with
duckdb.connect(path), then the three analyses on the stored tables (see peer_duckdb.run_file).

This is the counterpart of NoticeWatch's whole default run, which writes records.sqlite beside the figures.
"""

import peer_duckdb
import schema

FORMATS = peer_duckdb.FORMATS


def version() -> str:
    return peer_duckdb.version()


def run(bundle: str, fmt: str, layout: schema.Layout, database: str) -> dict:
    return peer_duckdb.run_file(bundle, fmt, layout, database)
