"""One measured process: one peer engine on one format of a bundle, its figures written as JSON.

    python worker.py ENGINE FORMAT BUNDLE RESULT.json [PROFILE]

PROFILE is the bundle's profile (realistic or clean, default clean; see schema.py), which says how its files
are written. Only the engine's own module is imported, so each process pays for its engine alone. The
`duckdb-file` engine writes its database to RESULT.json's path with `.duckdb` in place of `.json` (it must
not exist). The JSON also holds `work_seconds`: the time from the start of the work (after the imports) to the
figures, for readers who want the engine's time without the interpreter's start-up.
"""

import importlib
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

ENGINES = {
    "duckdb": "peer_duckdb",
    "duckdb-file": "peer_duckdb_file",
    "polars": "peer_polars",
    "pandas": "peer_pandas",
    "lxml": "peer_lxml",
}


def database_path(result: str) -> str:
    """Where the duckdb-file engine writes its database for a result file."""
    return os.path.splitext(result)[0] + ".duckdb"


def main(argv) -> int:
    if len(argv) not in (5, 6) or argv[1] not in ENGINES:
        print(f"usage: {argv[0]} {{{','.join(ENGINES)}}} FORMAT BUNDLE RESULT.json [PROFILE]", file=sys.stderr)
        return 2
    engine, fmt, bundle, result = argv[1:5]
    started = time.perf_counter()
    import schema

    layout = schema.layout(argv[5] if len(argv) == 6 else "clean")
    module = importlib.import_module(ENGINES[engine])
    imported = time.perf_counter()
    if engine == "duckdb-file":
        figures_dict = module.run(bundle, fmt, layout, database_path(result))
    else:
        figures_dict = module.run(bundle, fmt, layout)
    finished = time.perf_counter()
    import figures

    figures_dict["timing"] = {"import_seconds": imported - started, "work_seconds": finished - imported}
    figures.dump(figures_dict, result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
