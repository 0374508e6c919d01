#!/usr/bin/env python3
"""Checks figures.json files against Sources/NoticeWatchReport/figures.schema.json with the reference validator.

    Scripts/check-figures.py FIGURES.json [...]

Uses the `jsonschema` package (pip install jsonschema), Draft 2020-12. Exit status: 0 when every file conforms,
1 when one does not (each error printed as `file: path: message`), 3 when `jsonschema` is not installed, so that
the test suite, which runs this beside its own validator when it can, skips it instead of failing.
"""
import json
import pathlib
import sys

SCHEMA = pathlib.Path(__file__).resolve().parent.parent / "Sources" / "NoticeWatchReport" / "figures.schema.json"


def main(paths):
    try:
        import jsonschema
    except ImportError:
        print("check-figures: the jsonschema package is not installed", file=sys.stderr)
        return 3
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for path in paths:
        document = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            failed = True
            where = "/".join(str(part) for part in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
