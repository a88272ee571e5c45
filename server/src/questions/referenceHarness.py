"""Test harness: runs one Python reference solution against JSON test cases.

Reads {"file": path, "entry": name, "cases": [[arg, ...], ...]} on stdin and writes one result per
case to stdout: {"ok": true, "result": value} or {"ok": false, "error": text}. Comparison happens
in the caller, so Python's `True == 1` can never make a wrong answer pass.
"""

import importlib.util
import json
import sys


def main() -> None:
    # Importing a solution must not leave __pycache__ folders inside the question bank.
    sys.dont_write_bytecode = True
    job = json.load(sys.stdin)
    spec = importlib.util.spec_from_file_location("reference_solution", job["file"])
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {job['file']}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    entry = getattr(module, job["entry"])

    results = []
    for args in job["cases"]:
        try:
            # Round-trip through JSON so tuples become lists and non-JSON results fail loudly.
            results.append({"ok": True, "result": json.loads(json.dumps(entry(*args)))})
        except Exception as error:  # noqa: BLE001 - every failure is reported, none is fatal
            results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
