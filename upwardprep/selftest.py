"""`upwardprep self-test`: a headless end-to-end check for users and packagers.

It exercises the installed program the way the app does (an encrypted store in a temporary
folder, notes written and found through the services, a verified backup, the integrity checks)
so a wheel, a frozen bundle or a distribution package can be checked on a machine without a
display and without touching the user's own store. Everything it makes is removed at the end.
Each step prints one line, "ok", "skipped: why" or "FAILED: reason"; the exit code is 0 only
when no step failed.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from upwardprep import __version__

APP_ICON = ("icons", "upwardprep.svg")
SEARCH_WORD = "renewal"  # only in the note that must be found


class StepFailed(Exception):
    """A check did not hold; the message is the reason printed after FAILED."""


class Skip(Exception):
    """The step cannot run here (a feature not built yet, an earlier step failed)."""


@dataclass
class Run:
    out: TextIO
    failed: int = 0
    skipped: int = 0
    passed: int = 0
    width: int = 50
    state: dict[str, Any] = field(default_factory=dict)

    def step(self, title: str, action: Callable[[], str | None], *, needs: str = "") -> None:
        label = f"  {title} ".ljust(self.width, ".")
        if needs and needs not in self.state:
            self.skipped += 1
            print(f"{label} skipped: an earlier step failed", file=self.out, flush=True)
            return
        started = time.perf_counter()
        try:
            detail = action()
        except Skip as reason:
            self.skipped += 1
            print(f"{label} skipped: {reason}", file=self.out, flush=True)
            return
        except StepFailed as reason:
            self._fail(label, str(reason))
            return
        except Exception as error:  # report any failure as a line, never as a traceback
            self._fail(label, f"{type(error).__name__}: {error}")
            return
        self.passed += 1
        took = f" ({time.perf_counter() - started:.2f} s)"
        print(f"{label} ok{f' — {detail}' if detail else ''}{took}", file=self.out, flush=True)

    def _fail(self, label: str, reason: str) -> None:
        self.failed += 1
        reason = " ".join(reason.split()) or "no reason given"
        print(f"{label} FAILED: {reason}", file=self.out, flush=True)


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise StepFailed(reason)


@contextlib.contextmanager
def _workspace() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="upwardprep-selftest-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(out: TextIO | None = None) -> int:
    """Run every step, print one line each and a verdict; 0 if nothing failed, else 1."""
    from upwardprep.services import Services
    from upwardprep.services.vault import Vault

    out = out or sys.stdout
    report = Run(out)
    passphrase = secrets.token_urlsafe(24)  # a fresh one each run, never shown or kept
    print(f"UpwardPrep {__version__} self-test", file=out, flush=True)
    with _workspace() as folder:
        vault = Vault(folder / "selftest.upwardprep", backup_folder=folder / "backups")
        state = report.state

        def resources() -> str:
            from upwardprep.assets import resource, resources_dir

            where = resources_dir()
            icon = resource(*APP_ICON)
            _check(icon.is_file(), f"the app icon {icon} is missing")
            count = sum(1 for p in where.rglob("*") if p.is_file())
            from upwardprep.services.templates import parse_template, shipped_templates

            templates = shipped_templates()
            empty = [t.name for t in templates if not parse_template(t.body)]
            _check(bool(templates), "the shipped agenda templates are missing")
            _check(not empty, f"agenda templates without items: {', '.join(empty)}")
            return f"{count} files in {where}, {len(templates)} agenda templates"

        def create() -> str:
            state["store"] = vault.create(passphrase).store
            return "SQLCipher 4, AES-256"

        def write() -> str:
            services = Services(state["store"])
            manager = services.people.create("Self-test Manager", role="manager", cadence_days=7)
            priority = services.priorities.create(
                "Reduce churn", owner_id=manager.id, metric_target=50, metric_unit="customers"
            )
            target = services.outcomes.create(
                "Won back twelve accounts",
                kind="win",
                body=f"The **{SEARCH_WORD}** campaign won back twelve accounts.",
                priority_ids=[priority.id],
                person_id=manager.id,
                tags=["selftest"],
            )
            services.outcomes.create(
                "Onboarding checklist drafted", kind="progress", body="A first draft."
            )
            when = services.clock() + timedelta(days=1)
            services.meetings.create(when, person_id=manager.id, title="Weekly 1:1")
            state["outcome_id"] = target.id
            return "1 person, 1 priority, 2 outcomes, 1 meeting"

        def reopen() -> str:
            state.pop("store").close()
            state["store"] = vault.unlock(passphrase).store
            count = Services(state["store"]).outcomes.count()
            _check(count == 2, f"expected 2 outcomes after reopening, found {count}")
            return "the passphrase opens it, the notes are there"

        def search() -> str:
            hits = Services(state["store"]).search.outcomes(SEARCH_WORD)
            _check(bool(hits), f"no match for {SEARCH_WORD!r}")
            _check(hits[0].id == state["outcome_id"], "the best match is the wrong note")
            _check(len(hits) == 1, f"{len(hits)} matches, expected 1")
            _check(SEARCH_WORD in hits[0].snippet_text(), "the snippet misses the word")
            return "1 match, with its snippet"

        def backup() -> str:
            info = vault.backup(Services(state["store"]), keep=2)
            with Vault(info.path).session(passphrase) as copy:
                count = copy.outcomes.count()
                findings = Vault.check(copy)
            _check(count == 2, f"the backup holds {count} outcomes, expected 2")
            _check(not findings, f"the backup failed its checks: {'; '.join(findings[:3])}")
            return f"{info.size:,} bytes, opened and checked"

        def integrity() -> str:
            findings = state["store"].check()
            _check(not findings, "; ".join(findings[:5]))
            return "integrity, encryption, links, search index"

        def brief_pdf() -> str:
            from upwardprep.export.brief import meeting_for_person
            from upwardprep.export.documents import build_brief

            services = Services(state["store"])
            manager = services.people.find("Self-test Manager")
            meeting = meeting_for_person(services, manager.id)
            result = build_brief(services, meeting.id, folder / "brief.pdf", author="self-test")
            data = result.path.read_bytes()
            result.path.unlink()  # an export made here is not left for the plaintext check
            _check(data.startswith(b"%PDF-"), "the brief is not a PDF")
            _check(result.pages in (1, 2), f"the brief has {result.pages} pages")
            _check(b"/FontFile2" in data and b"NotoSans" in data, "the fonts are not embedded")
            return f"{result.pages} page, fonts embedded, {len(data):,} bytes"

        def plaintext() -> str:
            """No note text anywhere on disk: the store and the backup are encrypted."""
            state.pop("store").close()
            files = [p for p in folder.rglob("*") if p.is_file()]
            leaking = [p.name for p in files if SEARCH_WORD.encode() in p.read_bytes()]
            _check(not leaking, f"note text readable in {', '.join(leaking)}")
            return f"{len(files)} files checked"

        report.step("shipped resources (icons, fonts, templates)", resources)
        report.step("create an encrypted store", create)
        report.step("write notes through the services", write, needs="store")
        report.step("close and reopen the store", reopen, needs="outcome_id")
        report.step("full-text search", search, needs="store")
        report.step("backup, verified and reopened", backup, needs="store")
        report.step("integrity checks", integrity, needs="store")
        report.step("meeting brief PDF", brief_pdf, needs="store")
        report.step("no plaintext on disk", plaintext, needs="store")
        if "store" in state:  # a failure above left it open
            with contextlib.suppress(Exception):
                state.pop("store").close()

    def cleanup() -> str:
        _check(not folder.exists(), f"{folder} is still there")
        return "temporary folder removed"

    report.step("remove everything it made", cleanup)
    verdict = "FAILED" if report.failed else "passed"
    print(
        f"self-test {verdict}: {report.passed} ok, {report.failed} failed, "
        f"{report.skipped} skipped",
        file=out,
        flush=True,
    )
    return 1 if report.failed else 0
