"""`make bench`: run every benchmark and print one table against ARCHITECTURE.md's budget.

`make bench BENCH="startup"` (or `python -m tests.bench startup documents`) runs only the named
groups: store (with the outcomes list), startup, documents, data.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from tests.bench import data_bench, documents_bench, gui_bench, store_bench
from tests.bench.store_bench import Row, format_table

GROUPS: dict[str, Callable[[], list[Row]]] = {
    "store": lambda: store_bench.run(then=gui_bench.bench_outcomes_list),
    "startup": gui_bench.bench_startup,
    "documents": documents_bench.bench_documents,
    "data": data_bench.bench_data,
}


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in GROUPS]
    if unknown:
        print(f"unknown benchmark group(s): {', '.join(unknown)}; known: {', '.join(GROUPS)}")
        return 2
    rows: list[Row] = []
    for name in names or GROUPS:
        rows += GROUPS[name]()
    print(format_table(rows))
    return 0  # the budget is advisory: the table reports, it does not fail the build


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
