"""The store rows of ARCHITECTURE.md's performance budget.

Builds one encrypted store of N outcome notes (100k, or `UPWARDPREP_BENCH_N`) in a temporary
folder and measures, on it: bulk import, full-text search through the service against the same
FTS5 query on a bare `sqlcipher3` connection, a service write against a bare insert, the file
size and the time to open the store (KDF included). `run()` returns the table rows; later
benchmarks add their own rows next to these.

Everything is generated from `random.Random(1)`, so two runs search the same text with the same
queries. Progress goes to stderr; set `UPWARDPREP_BENCH_VERBOSE=1` for per-query figures and
`UPWARDPREP_BENCH_DIR` to build the store somewhere else than the system's temporary folder
(the write figures depend on the disk's fsync).
"""

from __future__ import annotations

import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from upwardprep.services import Services
from upwardprep.services.outcomes import NewOutcome
from upwardprep.services.search import RANK_WINDOW
from upwardprep.store.engine import Store
from upwardprep.store.keys import derive_key, new_salt
from upwardprep.store.search import build_query

PASSPHRASE = "bench: correct horse battery staple"
DEFAULT_N = 100_000
SEED = 1

SEARCH_BUDGET_P95_MS = 30.0
SEARCH_BUDGET_RATIO = 2.0
WRITE_BUDGET_RATIO = 2.0
SEARCH_LIMIT = 50
SEARCH_REPEATS = 5  # timed runs per query, after one warm-up
WRITES = 200  # timed creates of each kind, after a few warm-ups
WRITE_WARMUP = 5
OPENS = 3

RAW_SEARCH_SQL = (
    "SELECT o.id, o.title, snippet(outcomes_fts, -1, '\ue000', '\ue001', '…', 12), "
    "outcomes_fts.rank, o.occurred_on, o.kind "
    "FROM outcomes_fts JOIN outcomes o ON o.pk = outcomes_fts.rowid "
    "WHERE outcomes_fts MATCH ? AND o.deleted_at IS NULL "
    "ORDER BY outcomes_fts.rank LIMIT 50"
)
# The service ranks only the RANK_WINDOW most recently written matches of a broad query (see
# SearchService.outcomes); the raw side does exactly the same two statements, so the ratio
# measures the service layer, and the unbounded query is reported beside it.
RAW_WINDOW_FLOOR_SQL = (
    "SELECT rowid FROM outcomes_fts WHERE outcomes_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
)
RAW_BOUNDED_SEARCH_SQL = RAW_SEARCH_SQL.replace(
    "AND o.deleted_at IS NULL", "AND o.deleted_at IS NULL AND outcomes_fts.rowid >= ?"
)
RAW_INSERT_OUTCOME = (
    "INSERT INTO outcomes (id, title, kind, occurred_on, body, impact, metric_delta, "
    "evidence_url, ask, resolved_on, person_id, meeting_id, private, created_at, updated_at, "
    "deleted_at) VALUES (?, ?, 'win', ?, ?, '', '', '', '', NULL, NULL, NULL, 0, ?, ?, NULL)"
)
RAW_INSERT_LINK = "INSERT INTO outcome_priorities (outcome_id, priority_id) VALUES (?, ?)"


# -- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the `make bench` table. `verdict` is "ok", "MISS" or "info" (no budget)."""

    measure: str
    figure: str
    budget: str = "—"
    verdict: str = "info"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def format_table(rows: Sequence[Row]) -> str:
    header = Row("measure", "figure", "budget", "verdict")
    cells = [(r.measure, r.figure, r.budget, r.verdict) for r in (header, *rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(4)]
    lines = [
        " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in cells
    ]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def verbose() -> bool:
    return os.environ.get("UPWARDPREP_BENCH_VERBOSE", "") not in ("", "0")


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: the value at or below which `fraction` of the samples lie."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def short_count(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else f"{n:,}"


# -- realistic text --------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """The distinct words of `text`, in order."""
    return list(dict.fromkeys(text.split()))


# Words every English note is full of; they dilute the vocabulary like real prose does.
STOP_WORDS = tuple(
    _words(
        "the a an and or to of in on for with by from at as is was are were be been it this that "
        "we our us they their he she his her i my you your not no so but if then than into over "
        "after before about up out all more most some any each which who what when where how also "
        "will would can could should just now still"
    )
)

# ~300 work words, roughly most to least frequent (the order sets each word's share of the
# text); a few repeat in the list and keep their first place.
WORK_WORDS = tuple(
    _words(
        "team customer release project launch feature data review plan meeting work product "
        "issue process update support engineering design quality goal time week quarter metrics "
        "user service platform migration roadmap deadline stakeholder priority budget report "
        "performance latency incident hiring feedback onboarding security testing deployment "
        "pipeline dashboard infrastructure analytics revenue cost growth retention churn partner "
        "contract proposal strategy alignment decision risk dependency blocker escalation "
        "documentation api database backend frontend mobile client server cloud cluster "
        "monitoring alerting outage postmortem rollback hotfix bug regression coverage automation "
        "integration vendor procurement compliance audit privacy legal finance sales marketing "
        "support operations capacity scaling reliability availability throughput efficiency "
        "savings forecast headcount interview candidate offer promotion mentoring coaching "
        "presentation demo workshop training retrospective sprint backlog estimate scope "
        "requirement specification prototype experiment hypothesis survey research insight "
        "adoption engagement conversion funnel pricing billing invoice subscription account "
        "enterprise onboarding rollout pilot beta ga milestone checkpoint sync standup offsite "
        "planning okr kpi target baseline benchmark improvement reduction increase delivered "
        "shipped completed resolved unblocked negotiated migrated refactored automated reduced "
        "improved launched presented organized drafted reviewed approved escalated mitigated "
        "prioritized coordinated facilitated interviewed hired mentored documented analyzed "
        "measured tracked owner lead manager director executive peer stakeholders partners "
        "customers users engineers designers analysts contractors region europe asia americas "
        "kubernetes terraform kafka postgres redis elasticsearch graphql grpc python typescript "
        "java golang react android ios webhook sdk cli ci cd staging production sandbox "
        "latencies timeout cache queue worker scheduler cron batch stream schema index query "
        "storage backup restore encryption authentication authorization sso oauth permissions "
        "tenant quota throttling ratelimit observability tracing logging sla slo sli runbook "
        "oncall pager triage severity handoff handover transition reorg charter vision "
        "narrative memo writeup rfc adr okrs retro calibration appraisal compensation equity "
        "bonus leveling ladder competency expectations growth feedback recognition kudos "
        "accessibility localization translation internationalization ux copy onboarding "
        "checklist template playbook governance policy standard guideline exception waiver "
        "deprecation sunset decommission consolidation"
    )
)

# Phrases dropped into bodies now and then, so quoted-phrase queries find real matches.
PHRASES = (
    "on-call rotation",
    "release train",
    "customer escalation",
    "cost savings",
    "error budget",
    "design review",
    "hiring pipeline",
    "incident review",
    "quarterly planning",
    "data pipeline",
    "technical debt",
    "critical path",
)

HEADINGS = ("Context", "What happened", "Impact", "Next steps", "Notes", "Why it matters")
TITLE_STARTS = tuple(
    _words(
        "Shipped Delivered Reduced Improved Launched Migrated Fixed Unblocked Negotiated Hired "
        "Presented Drafted Agreed Decided Learned Flagged"
    )
)
KINDS = (
    ("win", 30),
    ("progress", 30),
    ("decision", 10),
    ("learning", 8),
    ("risk", 10),
    ("feedback-received", 6),
    ("feedback-given", 6),
)
TAG_NAMES = tuple(
    _words(
        "q1 q2 q3 q4 h1 h2 platform growth infra mobile web api hiring people process oncall "
        "security privacy cost perf reliability launch migration customer partner sales support "
        "docs design research data ml mentoring review promo okr tooling incident vendor legal"
    )
)
PRIORITY_TITLES = (
    "Cut p95 checkout latency below 300 ms",
    "Migrate billing to the new platform",
    "Grow enterprise retention to 95%",
    "Hire and onboard four backend engineers",
    "Ship the mobile offline mode",
    "Reduce cloud cost by 20%",
    "Raise test coverage of the payments service",
    "Launch the partner API in Europe",
    "Make on-call sustainable",
    "Improve onboarding conversion",
)
FIRST_DAY = date(2021, 11, 1)
DAYS = 5 * 365
SYLLABLES = tuple(
    _words(
        "ba be bi bo ka ke ki ko ra re ri ro ta te ti to na ne ni no la le li lo ma me mi mo "
        "sa se si so va ve vi vo za ze zi zo dra dre tri tro pla ple bri bro kra kre sta ste "
        "stri gna gno fen fal mor mar tek tax rix lon dor vel zan quor thal"
    )
)


class TextMaker:
    """Deterministic work-note text: Zipf-weighted real and made-up words, Markdown bodies."""

    def __init__(self, rng: random.Random, *, pseudo_words: int = 3000) -> None:
        self.rng = rng
        pseudo: list[str] = []
        seen = set(WORK_WORDS) | set(STOP_WORDS)
        while len(pseudo) < pseudo_words:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                pseudo.append(word)
        self.pseudo = pseudo
        # Mixture: 45% stop words (flat), 33% work words, 22% made-up jargon (project names,
        # systems); the last two Zipf-Mandelbrot-weighted, so the most common work word is in
        # about 70% of the notes, the 300th in about 1.5%, a rare made-up word in a few dozen.
        population: list[str] = []
        weights: list[float] = []
        for words, share, offset, exponent in (
            (STOP_WORDS, 0.45, 0, 0.0),
            (WORK_WORDS, 0.33, 10, 1.3),
            (pseudo, 0.22, 20, 1.2),
        ):
            raw = [1.0 / (rank + 1 + offset) ** exponent for rank in range(len(words))]
            total = sum(raw)
            population += words
            weights += [share * w / total for w in raw]
        self.population = population
        self.cum_weights = list(_accumulate(weights))

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.population, cum_weights=self.cum_weights, k=count)

    def sentence(self, count: int) -> str:
        words = self.words(count)
        rng = self.rng
        if rng.random() < 0.15:
            words.insert(rng.randrange(len(words) + 1), rng.choice(PHRASES))
        if rng.random() < 0.2:
            i = rng.randrange(len(words))
            words[i] = f"**{words[i]}**" if rng.random() < 0.6 else f"`{words[i]}`"
        if rng.random() < 0.1:
            words.append(f"({rng.randint(2, 95)}%)")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def title(self) -> str:
        rng = self.rng
        count = rng.randint(5, 12)
        words = self.words(count - 1)
        first = rng.choice(TITLE_STARTS) if rng.random() < 0.5 else None
        if first is None:
            words = self.words(1) + words
            words[0] = words[0].capitalize()
        else:
            words = [first, *words]
        return " ".join(words)

    def body(self) -> str:
        """30–120 words of Markdown: paragraphs, sometimes a heading, a list or a link."""
        rng = self.rng
        remaining = rng.randint(30, 120)
        blocks: list[str] = []
        while remaining > 0:
            roll = rng.random()
            if roll < 0.12 and blocks:
                blocks.append(f"## {rng.choice(HEADINGS)}")
            elif roll < 0.32 and remaining >= 8:
                items = []
                for _ in range(rng.randint(2, 4)):
                    n = min(remaining, rng.randint(3, 8))
                    items.append("- " + self.sentence(n).rstrip("."))
                    remaining -= n
                    if remaining <= 0:
                        break
                blocks.append("\n".join(items))
            else:
                sentences = []
                for _ in range(rng.randint(1, 4)):
                    n = min(remaining, rng.randint(6, 18))
                    sentences.append(self.sentence(n))
                    remaining -= n
                    if remaining <= 0:
                        break
                if rng.random() < 0.08:
                    slug = "-".join(self.words(2))
                    sentences.append(f"See [the doc](https://wiki.example.com/{slug}).")
                blocks.append(" ".join(sentences))
        return "\n\n".join(blocks)


def _accumulate(values: Iterable[float]) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


def make_outcomes(maker: TextMaker, n: int, priority_ids: Sequence[str]) -> list[NewOutcome]:
    rng = maker.rng
    kinds = [kind for kind, _ in KINDS]
    kind_weights = [weight for _, weight in KINDS]
    items = []
    for _ in range(n):
        kind = rng.choices(kinds, weights=kind_weights)[0]
        tag_count = rng.choices((0, 1, 2, 3), weights=(40, 35, 18, 7))[0]
        items.append(
            NewOutcome(
                title=maker.title(),
                occurred_on=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                kind=kind,
                body=maker.body(),
                impact=maker.sentence(rng.randint(8, 25)) if rng.random() < 0.4 else "",
                metric_delta=(
                    f"{rng.choice(WORK_WORDS[:60])} {rng.choice('+-')}{rng.randint(1, 60)}%"
                    if rng.random() < 0.2
                    else ""
                ),
                evidence_url=(
                    f"https://tracker.example.com/{rng.choice(maker.pseudo)}/{rng.randint(1, 9999)}"
                    if rng.random() < 0.1
                    else ""
                ),
                ask=maker.sentence(rng.randint(8, 20)) if kind == "risk" else "",
                private=rng.random() < 0.05,
                priority_ids=[rng.choice(priority_ids)] if rng.random() < 0.7 else [],
                tags=rng.sample(TAG_NAMES, tag_count),
            )
        )
    return items


def make_queries(maker: TextMaker) -> list[tuple[str, str]]:
    """(kind, text) pairs: what people type into a search box, awkward input included."""
    pseudo = maker.pseudo
    work = WORK_WORDS
    queries: list[tuple[str, str]] = []
    queries += [("common word", w) for w in (work[0], work[2], work[5], work[9], work[14])]
    queries += [("common word", w) for w in ("migration", "Customer")]
    queries += [("mid word", work[i]) for i in (45, 70, 110, 150, 190)]
    queries += [("rare word", work[i]) for i in (265, 280, 290, len(work) - 1)]
    queries += [("rare word", pseudo[i]) for i in (400, 1200, 2500)]
    queries += [("jargon word", pseudo[i]) for i in (0, 3, 12)]
    queries += [
        ("two words", f"{work[0]} {work[3]}"),
        ("two words", f"{work[1]} {work[7]}"),
        ("two words", "latency incident"),
        ("two words", "hiring pipeline"),
        ("two words", f"{work[2]} {work[200]}"),
        ("two words", f"{work[60]} {pseudo[5]}"),
        ("two words", f"{pseudo[40]} {pseudo[80]}"),
        ("three words", "migrated billing database"),
        ("three words", "customer escalation postmortem"),
    ]
    queries += [("phrase", f'"{phrase}"') for phrase in PHRASES[:6]]
    queries += [("phrase", '"the team shipped"')]
    queries += [("prefix", p) for p in ("migr", "dash", "infra", "cust", "perf", "re")]
    queries += [
        ("odd syntax", 'NEAR( "x'),
        ("odd syntax", "title:launch"),
        ("odd syntax", '"release train'),
        ("odd syntax", "launch -incident"),
        ("odd syntax", "latency OR throughput"),
        ("odd syntax", "AND OR NOT"),
        ("odd syntax", "C++ (beta) rollout?"),
        ("odd syntax", "roadmap/backlog*"),
        ("odd syntax", "café résumé"),
        ("odd syntax", "review "),
    ]
    return queries


# -- the benchmark ---------------------------------------------------------------------------


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def _with_progress(items: Sequence[NewOutcome], every: int) -> Iterator[NewOutcome]:
    start = time.perf_counter()
    for number, item in enumerate(items, start=1):
        yield item
        if number % every == 0:
            elapsed = time.perf_counter() - start
            progress(f"  … {number:,} cleaned and queued ({elapsed:.1f} s)")


def _store_size(path: Path) -> int:
    return sum(
        candidate.stat().st_size for candidate in (path, Path(f"{path}-wal")) if candidate.exists()
    )


def bench_import(services: Services, items: Sequence[NewOutcome], n: int) -> list[Row]:
    progress(f"bulk import of {n:,} outcomes through services.outcomes.bulk_import …")
    seconds, count = _timed(
        lambda: services.outcomes.bulk_import(_with_progress(items, max(1, n // 5)))
    )
    assert count == n, (count, n)
    progress(f"  imported in {seconds:.1f} s")
    return [
        Row(
            f"bulk import, {short_count(n)} outcomes (services.outcomes.bulk_import)",
            f"{seconds:.1f} s ({n / seconds:,.0f} rows/s)",
        )
    ]


def bench_open(path: Path, n: int) -> tuple[list[Row], Store]:
    """Best of a few: the KDF alone, then Store.open (which runs the KDF once) on the N store."""
    salt = new_salt()
    kdf = min(_timed(lambda: derive_key(PASSPHRASE, salt))[0] for _ in range(OPENS))
    times = []
    store: Store | None = None
    for attempt in range(OPENS):
        seconds, store = _timed(lambda: Store.open(path, PASSPHRASE))
        times.append(seconds)
        if attempt < OPENS - 1:
            store.close()
    assert store is not None
    opened = min(times)
    progress(f"Store.open: {opened * 1000:.0f} ms (KDF alone {kdf * 1000:.0f} ms), best of {OPENS}")
    rows = [
        Row(f"KDF (PBKDF2-HMAC-SHA512, 256k iterations), best of {OPENS}", f"{kdf * 1000:.0f} ms"),
        Row(
            f"Store.open, {short_count(n)} outcomes (KDF + key proof + revision check), "
            f"best of {OPENS}",
            f"{opened * 1000:.0f} ms (KDF + {max(0.0, opened - kdf) * 1000:.0f} ms)",
        ),
    ]
    return rows, store


def bench_search(store: Store, services: Services, maker: TextMaker, n: int) -> list[Row]:
    queries = make_queries(maker)
    progress(f"full-text search: {len(queries)} queries × {SEARCH_REPEATS} runs, service and raw")
    service_ms: list[float] = []
    raw_ms: list[float] = []
    unbounded_ms: list[float] = []
    details: list[tuple[float, float, int, str, str]] = []
    with store.raw() as conn:

        def raw(expression: str) -> list[Any]:
            floor = conn.execute(RAW_WINDOW_FLOOR_SQL, (expression, RANK_WINDOW - 1)).fetchone()
            if floor is None:
                return conn.execute(RAW_SEARCH_SQL, (expression,)).fetchall()
            return conn.execute(RAW_BOUNDED_SEARCH_SQL, (expression, floor[0])).fetchall()

        def unbounded(expression: str) -> list[Any]:
            return conn.execute(RAW_SEARCH_SQL, (expression,)).fetchall()

        def service(text: str) -> list[Any]:
            return services.search.outcomes(text, limit=SEARCH_LIMIT)

        for kind, text in queries:
            expression = build_query(text).expression
            if not expression:
                raise AssertionError(f"query {text!r} has no searchable words")
            hits = service(text)  # warm-up, and the check that both sides agree
            raw_rows = raw(expression)
            if [hit.id for hit in hits] != [row[0] for row in raw_rows]:
                progress(f"  ! service and raw disagree on {text!r}")
            mine: list[float] = []
            theirs: list[float] = []
            for _ in range(SEARCH_REPEATS):
                mine.append(_timed(lambda text=text: service(text))[0] * 1000)
                theirs.append(_timed(lambda e=expression: raw(e))[0] * 1000)
            service_ms += mine
            raw_ms += theirs
            unbounded_ms.append(_timed(lambda e=expression: unbounded(e))[0] * 1000)
            details.append(
                (statistics.median(mine), statistics.median(theirs), len(hits), kind, text)
            )
        if verbose():
            progress("  service ms | raw ms | hits (≤50) | matching rows | kind | query")
            for mine_ms, raw_median, hit_count, kind, text in details:
                expression = build_query(text).expression
                total = conn.execute(
                    "SELECT count(*) FROM outcomes_fts WHERE outcomes_fts MATCH ?", (expression,)
                ).fetchone()[0]
                progress(
                    f"  {mine_ms:8.2f} | {raw_median:7.2f} | {hit_count:3d} | {total:7,d} "
                    f"({total / n:6.1%}) | {kind} | {text}"
                )
    slowest = sorted(details, reverse=True)[:5]
    progress(
        "  slowest (service median ms): "
        + "; ".join(f"{text!r} {ms:.1f}" for ms, _, _, _, text in slowest)
    )
    p50, p95 = percentile(service_ms, 0.50), percentile(service_ms, 0.95)
    raw50, raw95 = percentile(raw_ms, 0.50), percentile(raw_ms, 0.95)
    label = f"{short_count(n)} outcomes, {len(queries)} queries × {SEARCH_REPEATS}"
    return [
        Row(
            f"full-text search p50, {label} (SearchService.outcomes)",
            f"{p50:.2f} ms",
        ),
        Row(
            f"full-text search p95, {label} (SearchService.outcomes)",
            f"{p95:.2f} ms",
            f"≤ {SEARCH_BUDGET_P95_MS:.0f} ms",
            verdict(p95 <= SEARCH_BUDGET_P95_MS),
        ),
        Row("  same FTS5 queries on a bare sqlcipher3 connection, p50", f"{raw50:.2f} ms"),
        Row("  same FTS5 queries on a bare sqlcipher3 connection, p95", f"{raw95:.2f} ms"),
        Row(
            f"  unbounded raw query (ranks every match, no {RANK_WINDOW:,} window), p95",
            f"{percentile(unbounded_ms, 0.95):.2f} ms",
        ),
        Row(
            "  search service / raw at p50",
            f"{p50 / raw50:.2f}×",
            f"≤ {SEARCH_BUDGET_RATIO:.0f}×",
            verdict(p50 / raw50 <= SEARCH_BUDGET_RATIO),
        ),
        Row(
            "  search service / raw at p95",
            f"{p95 / raw95:.2f}×",
            f"≤ {SEARCH_BUDGET_RATIO:.0f}×",
            verdict(p95 / raw95 <= SEARCH_BUDGET_RATIO),
        ),
    ]


def bench_write(
    store: Store, services: Services, maker: TextMaker, priority_ids: Sequence[str]
) -> list[Row]:
    rng = maker.rng
    progress(f"service write vs raw insert: {WRITES} each, one transaction per note")
    service_ms: list[float] = []
    raw_ms: list[float] = []
    with store.raw() as conn:

        def raw_create(title: str, body: str, priority_id: str) -> None:
            outcome_id = str(uuid.uuid4())
            now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
            today = date.today().isoformat()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(RAW_INSERT_OUTCOME, (outcome_id, title, today, body, now, now))
                conn.execute(RAW_INSERT_LINK, (outcome_id, priority_id))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

        for number in range(WRITE_WARMUP + WRITES):
            # Same kind of input for both sides; interleaved so disk noise hits both alike.
            title, body, pid = maker.title(), maker.body(), rng.choice(priority_ids)
            mine, _ = _timed(
                lambda title=title, body=body, pid=pid: services.outcomes.create(
                    title, body=body, priority_ids=[pid]
                )
            )
            title, body, pid = maker.title(), maker.body(), rng.choice(priority_ids)
            theirs, _ = _timed(lambda title=title, body=body, pid=pid: raw_create(title, body, pid))
            if number >= WRITE_WARMUP:
                service_ms.append(mine * 1000)
                raw_ms.append(theirs * 1000)
    mine_median, raw_median = statistics.median(service_ms), statistics.median(raw_ms)
    ratio = mine_median / raw_median
    progress(f"  service {mine_median:.2f} ms, raw {raw_median:.2f} ms (medians)")
    return [
        Row(
            f"service write: outcomes.create + 1 priority link, median of {WRITES}",
            f"{mine_median:.2f} ms",
        ),
        Row(
            "  raw sqlcipher3 insert + link row in BEGIN IMMEDIATE … COMMIT, median",
            f"{raw_median:.2f} ms",
        ),
        Row(
            "  service write / raw insert",
            f"{ratio:.2f}×",
            f"≤ {WRITE_BUDGET_RATIO:.0f}×",
            verdict(ratio <= WRITE_BUDGET_RATIO),
        ),
    ]


def bench_n() -> int:
    text = os.environ.get("UPWARDPREP_BENCH_N", "").replace("_", "").replace(",", "")
    return int(text) if text else DEFAULT_N


def run(
    n: int | None = None,
    *,
    then: Callable[[Services, Path, int], list[Row]] | None = None,
) -> list[Row]:
    """Build an N-outcome store in a temporary folder, measure it, remove it; return the rows.

    `then` measures more on the same store while it is still open (the GUI rows), so the
    expensive 100k build happens once per `make bench`.
    """
    n = bench_n() if n is None else n
    rng = random.Random(SEED)
    folder = Path(
        tempfile.mkdtemp(
            prefix="upwardprep-bench-", dir=os.environ.get("UPWARDPREP_BENCH_DIR") or None
        )
    )
    path = folder / "bench.upwardprep"
    store: Store | None = None
    rows: list[Row] = []
    try:
        started = time.perf_counter()
        progress(f"generating {n:,} outcome notes (random.Random({SEED})) …")
        maker = TextMaker(rng)
        store = Store.create(path, PASSPHRASE)
        services = Services(store)
        priority_ids = [
            services.priorities.create(title, description=maker.sentence(12)).id
            for title in PRIORITY_TITLES
        ]
        seconds, items = _timed(lambda: make_outcomes(maker, n, priority_ids))
        progress(f"  generated in {seconds:.1f} s in {folder}")

        rows += bench_import(services, items, n)
        del items
        store.close()  # checkpoints the WAL into the file
        size = _store_size(path)
        size_row = Row(
            f"store file size, {short_count(n)} outcomes",
            f"{size / 1e6:.1f} MB ({size / n / 1024:.2f} KiB per outcome)",
        )
        open_rows, store = bench_open(path, n)
        services = Services(store)
        rows += bench_search(store, services, maker, n)
        rows += bench_write(store, services, maker, priority_ids)
        rows += [size_row, *open_rows]
        progress(f"store benchmark done in {time.perf_counter() - started:.0f} s")
        if then is not None:
            rows += then(services, path, n)
    finally:
        if store is not None:
            store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return rows
