#!/usr/bin/python3
"""Prints 'valid' or 'invalid' for each tour file given, judged by the JSON Schema alone.

Usage: schema_verdict.py SCHEMA FILE...
A file that is not JSON is invalid. Uses Debian's python3-jsonschema (draft 2020-12).
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
            errors = list(validator.iter_errors(document))
        except (ValueError, OSError):
            errors = ["not JSON"]
        print(("invalid " if errors else "valid ") + path)


if __name__ == "__main__":
    main()
