"""One measured process: one peer engine on one format of a bundle, its figures written as JSON.

    python worker.py ENGINE FORMAT BUNDLE RESULT.json

Only the engine's own module is imported, so each process pays for its engine alone. The JSON also holds
`work_seconds`: the time from the start of the work (after the imports) to the figures, for readers who want
the engine's time without the interpreter's start-up.
"""

import importlib
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

ENGINES = {"duckdb": "peer_duckdb", "polars": "peer_polars", "pandas": "peer_pandas", "lxml": "peer_lxml"}


def main(argv) -> int:
    if len(argv) != 5 or argv[1] not in ENGINES:
        print(f"usage: {argv[0]} {{{','.join(ENGINES)}}} FORMAT BUNDLE RESULT.json", file=sys.stderr)
        return 2
    engine, fmt, bundle, result = argv[1:]
    started = time.perf_counter()
    module = importlib.import_module(ENGINES[engine])
    imported = time.perf_counter()
    figures_dict = module.run(bundle, fmt)
    finished = time.perf_counter()
    import figures

    figures_dict["timing"] = {"import_seconds": imported - started, "work_seconds": finished - imported}
    figures.dump(figures_dict, result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
