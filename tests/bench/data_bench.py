"""`make bench`, owning the data: a full export and import of 10k notes, the Markdown folder,
and the automatic backup with its record and restore drill, on a store of that size.

Run alone with `python -m tests.bench.data_bench` (UPWARDPREP_BENCH_DATA_N sets the size).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from tests.bench.store_bench import (
    PASSPHRASE,
    PRIORITY_TITLES,
    SEED,
    Row,
    TextMaker,
    format_table,
    make_outcomes,
    progress,
    short_count,
)
from upwardprep.export.markdown_folder import write_markdown_folder
from upwardprep.services.vault import Vault

DEFAULT_N = 10_000


def _timed(action: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    return time.perf_counter() - started, result


def bench_data(n: int | None = None) -> list[Row]:
    n = n or int(os.environ.get("UPWARDPREP_BENCH_DATA_N", "") or DEFAULT_N)
    folder = Path(tempfile.mkdtemp(prefix="upwardprep-bench-data-"))
    rows: list[Row] = []
    try:
        vault = Vault(folder / "source.upwardprep", backup_folder=folder / "backups")
        services = vault.create(PASSPHRASE)
        try:
            maker = TextMaker(random.Random(SEED))
            priority_ids = [services.priorities.create(t).id for t in PRIORITY_TITLES]
            progress(f"data: {n:,} outcome notes …")
            services.outcomes.bulk_import(make_outcomes(maker, n, priority_ids))
            count = short_count(n)

            seconds, written = _timed(lambda: services.transfer.write_json(folder / "all.json"))
            size = Path(str(written)).stat().st_size
            rows.append(
                Row(f"export all (JSON), {count} notes", f"{seconds:.1f} s, {size / 1e6:.1f} MB")
            )
            document = services.transfer.export_document()
            seconds, result = _timed(lambda: write_markdown_folder(document, folder / "md"))
            rows.append(
                Row(
                    f"export all (Markdown folder), {count} notes",
                    f"{seconds:.1f} s, {getattr(result, 'files', 0):,} files",
                )
            )
            seconds, info = _timed(lambda: vault.automatic_backup(services))
            rows.append(Row(f"automatic backup with its record, {count} notes", f"{seconds:.2f} s"))
            seconds, _none = _timed(lambda: vault.automatic_backup(services, on_close=True))
            rows.append(
                Row(f"on lock: 'changed since the backup?' (no), {count} notes", f"{seconds:.2f} s")
            )
            seconds, report = _timed(lambda: vault.drill(services))
            assert getattr(report, "last_verified", None) is not None
            rows.append(
                Row(f"restore drill of the newest backup, {count} notes", f"{seconds:.2f} s")
            )
            assert info is not None
        finally:
            vault.close(services)

        target = Vault(folder / "target.upwardprep")
        fresh = target.create(PASSPHRASE)
        try:
            progress(f"data: import all of {n:,} notes into a new store …")
            seconds, report = _timed(lambda: fresh.transfer.import_json(folder / "all.json"))
            rows.append(
                Row(
                    f"import all (JSON) into a new store, {count} notes",
                    f"{seconds:.1f} s ({getattr(report, 'added', 0):,} records)",
                )
            )
            seconds, _again = _timed(lambda: fresh.transfer.import_json(folder / "all.json"))
            rows.append(Row(f"import all again (all skipped), {count} notes", f"{seconds:.1f} s"))
            exported = json.loads((folder / "all.json").read_text(encoding="utf-8"))
            again = fresh.transfer.export_document()
            exported.pop("exported_at")
            again.pop("exported_at")
            same = json.loads(json.dumps(again)) == exported
            rows.append(Row(f"round trip identical, {count} notes", "yes" if same else "NO"))
        finally:
            target.close(fresh)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


if __name__ == "__main__":
    print(format_table(bench_data()))
