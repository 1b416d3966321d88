"""`make bench`: run every benchmark and print one table against ARCHITECTURE.md's budget."""

from __future__ import annotations

import sys

from tests.bench import data_bench, documents_bench, gui_bench, store_bench
from tests.bench.store_bench import Row, format_table


def main() -> int:
    rows: list[Row] = []
    rows += store_bench.run(then=gui_bench.bench_outcomes_list)
    rows += gui_bench.bench_startup()
    rows += documents_bench.bench_documents()
    rows += data_bench.bench_data()
    print(format_table(rows))
    return 0  # the budget is advisory: the table reports, it does not fail the build


if __name__ == "__main__":
    sys.exit(main())
