"""Mockloop's test harness for Python + numpy, run inside the sandbox.

Runs the candidate's solution.py as a module, then calls the entry function once per test with
the arguments from /src/args.json, and writes one JSON line per call to file descriptor 3: the
value the call returned ({"i", "ms", "value"}) or its error ({"i", "ms", "error"}). Nothing
here decides pass or fail: the server compares the values with the expected ones, which never
enter the sandbox. Whatever the code prints goes to stdout and stderr, never to descriptor 3.
"""

import json
import math
import os
import sys
import time
import traceback

SOURCE = "solution.py"


def where(error: BaseException) -> str:
    """The editor line of the innermost frame in the candidate's file, as " (line N)"."""
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == SOURCE:
            line = frame.lineno
    return f" (line {line})" if line else ""


def plain(value, depth=0):
    """The value as plain JSON data: numpy scalars and arrays, tuples and pandas objects included."""
    if depth > 64:
        raise ValueError("the result is nested too deeply")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a JSON number")
        return value
    if isinstance(value, dict):
        return {str(k): plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in value]
    module = type(value).__module__ or ""
    if module.startswith("numpy"):
        if hasattr(value, "tolist"):
            return plain(value.tolist(), depth + 1)
        if hasattr(value, "item"):
            return plain(value.item(), depth + 1)
    if module.startswith("pandas") and hasattr(value, "tolist"):
        return plain(value.tolist(), depth + 1)
    if hasattr(value, "__iter__") and not isinstance(value, (bytes, bytearray)):
        return [plain(v, depth + 1) for v in value]
    raise TypeError(f"a {type(value).__name__} cannot be turned into JSON")


def main() -> None:
    out = os.fdopen(3, "w", encoding="utf-8", buffering=1)
    with open("/src/args.json", encoding="utf-8") as f:
        calls = json.load(f)
    entry_name = sys.argv[1]
    with open(SOURCE, encoding="utf-8") as f:
        source = f.read()
    module = {"__name__": "solution", "__file__": SOURCE, "__builtins__": __builtins__}
    try:
        exec(compile(source, SOURCE, "exec"), module)
    except BaseException as error:  # noqa: BLE001 - the candidate's own traceback, lines as the editor's
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == SOURCE]
        text = traceback.format_list(frames) + traceback.format_exception_only(type(error), error)
        sys.stderr.write("Traceback (most recent call last):\n" + "".join(text))
        sys.exit(1)
    entry = module.get(entry_name)
    if not callable(entry):
        print(f"Define a function named {entry_name} to run the tests.", file=sys.stderr)
        sys.exit(1)
    for index, args in enumerate(calls):
        started = time.perf_counter()
        try:
            value = plain(entry(*args))
            line = {"i": index, "ms": (time.perf_counter() - started) * 1000, "value": value}
        except Exception as error:  # noqa: BLE001 - each test reports its own failure
            message = f"{type(error).__name__}: {error}{where(error)}"
            line = {"i": index, "ms": (time.perf_counter() - started) * 1000, "error": message}
        out.write(json.dumps(line, allow_nan=False, separators=(",", ":")) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
