"""Run the benchmarks (``make bench``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import benchmarks


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    known = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.endswith("_bench"))
    names = [n for n in known if not wanted or any(n.startswith(w) for w in wanted)]
    if not names:
        print(f"no benchmark matches {wanted}; have: {', '.join(known) or 'none'}")
        return 2
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        sys.argv = [f"benchmarks.{name}"]  # a benchmark that reads its own options sees none of ours
        try:
            importlib.import_module(f"benchmarks.{name}").main()
        except Exception as e:  # one broken benchmark must not hide the others' figures
            failed += 1
            print(f"!! {name} failed: {type(e).__name__}: {e}")
        print(f"   ({time.perf_counter() - started:.1f} s)\n", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
