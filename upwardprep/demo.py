"""Realistic sample data for a new store: `upwardprep init --demo` and the app's `--demo`.

One manager (Dana) with five ranked priorities, the team goals aligned to them, a skip-level, two
reports, a peer and a stakeholder; six months of outcome notes of every kind; ten weeks of weekly
1:1s with carried-over action items and the next agenda drafted; a self-review cycle; the shipped
agenda templates.

Everything goes through the service layer, so the sample gets the same validation, history and
search indexing as a user's own data. Dates are relative to `today` and every choice comes from
`random.Random(seed)`, so the same seed and day always give the same store.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from upwardprep.clock import local_moment, local_today
from upwardprep.services import Services, ValidationError
from upwardprep.services.outcomes import NewOutcome, OutcomeFilter

# -- time helpers ----------------------------------------------------------------------------


class _Clocked(Protocol):
    clock: Callable[[], datetime]


@contextmanager
def _clock_at(service: _Clocked, when: datetime) -> Iterator[None]:
    """Let a service believe it is `when` (for confirmations, history, held and done times)."""
    original = service.clock
    service.clock = lambda: when
    try:
        yield
    finally:
        service.clock = original


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """`day` at a local wall-clock time, as an aware UTC datetime."""
    return local_moment(day, time(hour, minute))


def _month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def _weekday(day: date) -> date:
    """The same day, or the Friday before it when it falls on a weekend."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


# -- people ----------------------------------------------------------------------------------

DANA_PREFERENCES = """\
## How Dana likes to work

- **Numbers first**, then the story: one line per priority, the metric before the adjectives.
- Prefers *written pre-reads* the day before; she reads them, so the 1:1 is for decisions.
- Bring risks early, with **two options and a recommendation**, never just the problem.
- Quick questions on chat; anything that needs a decision goes in the 1:1 doc.
- Protects Friday afternoons: no asks then.

> "If it isn't in the pre-read, I can't defend it in staff meeting." — Dana
"""

USER_NAME = "Alex Ørsted"  # the demo's user: Dana's report, Zoë's and Rafael's manager

PEOPLE: dict[str, dict[str, Any]] = {
    "dana": {
        "name": "Dana Whitfield",
        "role": "manager",
        "title": "VP Engineering",
        "email": "dana.whitfield@example.com",
        "cadence_days": 7,
        "preferences": DANA_PREFERENCES,
        "notes": "Reports to Priya. Owns the engineering budget and the Atlas programme.",
    },
    "priya": {
        "name": "Priya Raman",
        "role": "skip-level",
        "title": "Chief Technology Officer",
        "email": "priya.raman@example.com",
        "cadence_days": 42,
        "preferences": (
            "- Wants the *one risk that could surprise her*, not a status report.\n"
            "- Likes customer stories with a number attached."
        ),
    },
    "zoe": {
        "name": "Zoë Ångström",
        "role": "report",
        "title": "Engineering Manager, Retention",
        "email": "zoe.angstrom@example.com",
        "cadence_days": 7,
        "preferences": "Prefers to set the agenda herself; brings customer context, not status.",
    },
    "rafael": {
        "name": "Rafael Núñez",
        "role": "report",
        "title": "Staff Engineer, Platform",
        "email": "rafael.nunez@example.com",
        "cadence_days": 7,
        "preferences": "Likes written feedback he can reread; **direct** is fine, vague is not.",
    },
    "nikolai": {
        "name": "Nikolai Петров",
        "role": "peer",
        "title": "Director of Product, Growth",
        "email": "nikolai.petrov@example.com",
        "cadence_days": 14,
    },
    "aiko": {
        "name": "Aiko Tanaka (田中 愛子)",
        "role": "stakeholder",
        "title": "Head of Customer Success",
        "email": "aiko.tanaka@example.com",
        "cadence_days": 28,
    },
}

# -- priorities ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Priority:
    key: str
    title: str
    owner: str | None  # a PEOPLE key; None is the user
    parent: str | None = None
    description: str = ""
    measure: str = ""
    unit: str = ""
    start: tuple[float | None, float | None] = (None, None)  # (target, current) at creation
    status: str = "active"
    # (fraction of the half, field, value): what changed over the half, in order
    changes: tuple[tuple[float, str, Any], ...] = ()
    confirmed_at: tuple[int, ...] = ()  # indexes of the past 1:1s in which it was confirmed


MANAGER_PRIORITIES = (
    _Priority(
        "churn",
        "Reduce churn: keep 120 at-risk customers this half",
        "dana",
        description=(
            "310 customers were flagged **at risk** in the health review. Each one kept is "
            "roughly €18k ARR.\n\n- Save offers in the cancellation flow\n"
            "- Early-warning score for Customer Success\n- Fix the SSO gaps churned accounts hit"
        ),
        measure="At least 120 at-risk customers renew or expand; cohort churn below 1.8 % a month.",
        unit="customers",
        start=(100, 0),
        changes=(
            (0.35, "metric_current", 37),
            (0.45, "metric_target", 120),
            (0.6, "metric_current", 58),
            (0.8, "metric_current", 84),
        ),
        confirmed_at=(0, 4, 7),
    ),
    _Priority(
        "migration",
        "Move every production service onto the Atlas platform",
        "dana",
        description=(
            "Retire the hand-built VM fleet. Five waves; the ledger waits for the *EU "
            "data-residency* review. Plan: [wave table](https://example.com/docs/atlas-waves)."
        ),
        measure="42 of 42 production services on Atlas with no customer-visible downtime.",
        unit="services",
        start=(42, 0),
        changes=(
            (0.2, "metric_current", 8),
            (0.55, "metric_current", 24),
            (0.72, "status", "at-risk"),
            (0.88, "metric_current", 31),
        ),
        confirmed_at=(0, 2),
    ),
    _Priority(
        "hiring",
        "Hire six engineers for Payments and Platform",
        "dana",
        description="Four senior backend, two platform. Keep the bar: two *strong hire* votes.",
        measure="Six signed offers, start dates inside the half.",
        unit="hires",
        start=(6, 0),
        changes=(
            (0.1, "metric_current", 2),
            (0.3, "metric_current", 3),
            (0.62, "metric_current", 4),
        ),
        confirmed_at=(1, 6),
    ),
    _Priority(
        "reliability",
        "Halve customer-facing Sev-1 and Sev-2 incidents",
        "dana",
        description="Nine Sev-1/Sev-2 incidents last half, six of them in checkout.",
        measure="Four or fewer Sev-1/Sev-2 incidents; checkout availability at least 99.95 %.",
        unit="% availability",
        start=(99.95, 99.88),
        changes=(
            (0.3, "metric_current", 99.91),
            (0.7, "metric_current", 99.93),
            (0.9, "metric_current", 99.94),
        ),
        confirmed_at=(0, 3),
    ),
    _Priority(
        "cost",
        "Cut annualised cloud spend by $400k",
        "dana",
        description="Finance baseline: $3.1M a year. Savings count once they show on the bill.",
        measure="$400k a year off the cloud bill, confirmed by Finance.",
        unit="k$ a year",
        start=(350, 0),
        changes=(
            (0.25, "metric_current", 112),
            (0.45, "metric_current", 276),
            (0.58, "metric_target", 400),
            (0.78, "metric_current", 436),
            (0.78, "status", "done"),
        ),
        confirmed_at=(0, 4),
    ),
)

TEAM_GOALS = (
    _Priority(
        "save",
        "Launch in-product save offers for cancelling accounts",
        None,
        parent="churn",
        measure="60 customers kept by a save offer.",
        unit="customers",
        start=(60, 41),
        confirmed_at=(7,),
    ),
    _Priority(
        "early",
        "Churn early-warning score for every account over €20k ARR",
        "zoe",
        parent="churn",
        measure="Every qualifying account scored weekly; CSMs act on red scores within 48 h.",
        unit="accounts scored",
        start=(450, 390),
        confirmed_at=(7,),
    ),
    _Priority(
        "checkout-migration",
        "Checkout and ledger on Atlas with no customer-visible downtime",
        None,
        parent="migration",
        measure="Nine checkout-path services migrated; zero minutes of checkout downtime.",
        unit="services",
        start=(9, 6),
        confirmed_at=(6,),
    ),
    _Priority(
        "ci",
        "CI pipeline under 12 minutes for every platform repository",
        "rafael",
        parent="checkout-migration",
        measure="Median pipeline under 12 minutes, p90 under 20.",
        confirmed_at=(6,),
    ),
    _Priority(
        "oncall",
        "Runbooks and tuned alerts for the 15 noisiest pages",
        "rafael",
        parent="reliability",
        measure="Each of the 15 noisiest alerts has a runbook or is deleted.",
        unit="runbooks",
        start=(15, 11),
        confirmed_at=(6,),
    ),
    _Priority(
        "interviewers",
        "Train four new interviewers for the system-design loop",
        "zoe",
        parent="hiring",
        measure="Four trained interviewers, each with two shadowed loops.",
        unit="interviewers",
        start=(4, 3),
        confirmed_at=(7,),
    ),
    _Priority(
        "ladder",
        "Publish a staff-engineer track in the career ladder",
        None,
        measure="Track published; every senior engineer has a growth plan against it.",
        changes=((0.97, "status", "done"),),
        confirmed_at=(4,),
    ),
)

# -- outcome notes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Note:
    kind: str
    title: str
    links: tuple[str, ...] = ()
    body: str = ""
    impact: str = ""
    delta: str = ""
    evidence: str = ""
    tags: tuple[str, ...] = ()
    person: str | None = None
    ask: str = ""
    resolved_after: int | None = None  # days until a risk was resolved; None: still open
    private: bool = False


WAVES_BODY = """\
## Atlas migration waves

| Wave | Services | Notes |
| --- | --- | --- |
| 1 | 8 internal tools | dry run for the runbook |
| 2 | 7 read-only APIs | canary per service |
| 3 | 9 checkout-path | freeze window agreed with Payments |
| 4 | 7 billing and ledger | after the *EU residency* review |
| 5 | 11 edge and batch | needs the new load balancer |

Each wave has a named owner and a **rollback plan**. Full plan:
[atlas-waves](https://example.com/docs/atlas-waves).
"""

LATENCY_BODY = """\
### What changed
- Moved price calculation out of the request path into a **precomputed cache**.
- Replaced three sequential inventory calls with one batched call.

| metric | before | after |
| --- | --- | --- |
| p50 | 210 ms | 95 ms |
| p95 | 840 ms | 310 ms |
| error rate | 0.4 % | 0.1 % |

Conversion on mobile checkout rose *1.8 points* in the two weeks after.
"""

SSO_LEARNING_BODY = """\
## Finding

Of the 57 accounts that churned last half, **40 (70 %) never enabled SSO**. Accounts with SSO
renewed at 94 %.

1. SSO setup needs an admin on the customer side; small accounts often have none.
2. The setup page links to docs that were out of date.

Next: show this to Nikolai and Customer Success; see
[the analysis](https://example.com/analysis/churn-sso).
"""

ONCALL_RISK_BODY = """\
Platform on-call took **31 pages a week** against a company average of 10. Two engineers have
asked to leave the rotation.

- Quick fix: delete or tune the five noisiest alerts.
- Real fix: a second rotation staffed from Payments for checkout services.
"""

HEALTH_SCORE_BODY = """\
### Health score v1
- Inputs: logins, seats used, SSO enabled, open tickets, invoice status.
- Weekly email to each CSM with their *red* accounts.

Of the **14 accounts** flagged red in the first month, Customer Success kept 11.
"""

NOTES = (
    _Note(
        "progress",
        "Atlas migration plan agreed: 42 services sequenced into five waves",
        ("migration",),
        WAVES_BODY,
        "Every team knows its slot; migration asks stop arriving ad hoc.",
        "",
        "https://example.com/docs/atlas-waves",
        ("atlas", "planning"),
    ),
    _Note(
        "decision",
        "Froze new features on the ledger until it runs on Atlas",
        ("migration", "checkout-migration"),
        "Agreed with Payments: bug fixes only on the "
        "ledger until cut-over. *Revisit if the residency review slips.*",
        "Removes the moving target that stalled the last two migration attempts.",
        tags=("atlas", "payments"),
    ),
    _Note(
        "win",
        "Closed two senior backend hires for Payments (2 of 2 offers accepted)",
        ("hiring",),
        "Both came through the referral programme; both start within six weeks.",
        "Payments roadmap for the half is staffed.",
        "+2 hires",
        tags=("hiring",),
    ),
    _Note(
        "risk",
        "Risk: EU data-residency review could block the ledger migration wave",
        ("migration",),
        "Legal has not reviewed Atlas's storage regions. Without sign-off the ledger cannot move.",
        "Ledger wave at risk of slipping a full quarter.",
        tags=("atlas", "compliance"),
        ask="Dana to get 30 minutes with Legal this month.",
        resolved_after=18,
    ),
    _Note(
        "feedback-received",
        "Dana: lead status updates with the number and the ask",
        (),
        "> Your updates are thorough, but I need the number and the ask in the first "
        "line.\n\nChanged my pre-read template the same week.",
        tags=("communication",),
    ),
    _Note(
        "learning",
        "Learned that 70 % of churned accounts never enabled SSO",
        ("churn",),
        SSO_LEARNING_BODY,
        "Gives the retention work a concrete first lever.",
        evidence="https://example.com/analysis/churn-sso",
        tags=("churn", "data"),
    ),
    _Note(
        "win",
        "Cut p95 checkout latency from 840 ms to 310 ms",
        ("reliability",),
        LATENCY_BODY,
        "Fewer timeouts at checkout; mobile conversion up.",
        "−530 ms p95",
        "https://example.com/dashboards/checkout-latency",
        ("checkout", "performance"),
    ),
    _Note(
        "feedback-given",
        "Told Rafael his Atlas RFC should put the rollback plan first",
        ("migration",),
        "Reviewers kept asking *what if it fails?*; answering it on page one shortens the review.",
        tags=("coaching",),
        person="rafael",
    ),
    _Note(
        "progress",
        "Save-offer experiment live on 25 % of cancellation flows; 9 kept",
        ("churn", "save"),
        "Offer: two months at half price or a downgrade path.",
        "First evidence that an offer moves the number.",
        "+9 customers",
        "https://example.com/experiments/save-offer",
        ("churn", "experiment"),
    ),
    _Note(
        "decision",
        "Retired the in-house feature-flag service for the platform one",
        ("cost",),
        "Migration took four days; the old service had one maintainer.",
        "One less system to run.",
        "−$38k/yr",
        tags=("cost", "simplification"),
    ),
    _Note(
        "win",
        "Rightsized the analytics cluster: $112k a year saved, no slower queries",
        ("cost",),
        "Moved from 24 to 14 nodes after a month of usage data.",
        "First big item of the cost programme.",
        "−$112k/yr",
        "https://example.com/finance/cloud-bill-analytics",
        ("cost", "infrastructure"),
    ),
    _Note(
        "risk",
        "Risk: on-call load on Platform is three times the company average",
        ("reliability", "oncall"),
        ONCALL_RISK_BODY,
        "Burn-out risk on the team that owns Atlas.",
        tags=("on-call", "wellbeing"),
        person="rafael",
        ask="Agree to pause two low-value projects and staff a second rotation from Payments.",
        resolved_after=12,
    ),
    _Note(
        "progress",
        "Atlas wave 1 done: eight internal services migrated",
        ("migration",),
        "No incidents; the runbook needed three fixes, all merged.",
        "Runbook proven before customer-facing waves.",
        "+8 services",
        tags=("atlas",),
    ),
    _Note(
        "feedback-given",
        "Recognised Zoë for running the churn post-mortem with Success",
        ("churn",),
        "Said it in the team channel and to Aiko: the post-mortem produced the "
        "**three fixes** we are now shipping.",
        tags=("recognition",),
        person="zoe",
    ),
    _Note(
        "win",
        "Zoë's early-warning score flagged 14 accounts; Success kept 11",
        ("churn", "early"),
        HEALTH_SCORE_BODY,
        "Turns churn from a surprise into a to-do list.",
        "+11 customers",
        "https://example.com/dashboards/health-score",
        ("churn",),
        person="zoe",
    ),
    _Note(
        "learning",
        "Incident follow-ups with a named owner close at 92 %, without one 40 %",
        ("reliability",),
        "Looked at the last 60 incident reviews. Now every follow-up gets "
        "an owner before the review ends.",
        tags=("incidents", "process"),
    ),
    _Note(
        "feedback-received",
        "Priya: bring migration risks to her before they land",
        ("migration",),
        "She heard about the residency issue from Legal first. *Fair.*",
        tags=("communication", "skip-level"),
        person="priya",
    ),
    _Note(
        "win",
        "Signed the senior platform engineer we had chased for three months",
        ("hiring",),
        "Competing offer was higher; the Atlas scope won it.",
        "",
        "+1 hire",
        tags=("hiring",),
    ),
    _Note(
        "decision",
        "Agreed with Nikolai Петров to put churn fixes before the pricing page",
        ("churn",),
        "Pricing redesign moves one sprint; SSO setup fixes go first.",
        "Product and engineering pull the same way on retention.",
        tags=("product", "prioritisation"),
        person="nikolai",
    ),
    _Note(
        "progress",
        "Checkout availability at 99.91 % for the month (target 99.95 %)",
        ("reliability",),
        "Two Sev-2s, both in payment-provider timeouts.",
        "",
        "+0.03 pp",
        "https://example.com/dashboards/availability",
        ("reliability", "checkout"),
    ),
    _Note(
        "risk",
        "Risk: two Atlas migrations slipped behind the shared Postgres upgrade",
        ("migration", "checkout-migration"),
        "Nobody owns the Postgres 16 upgrade; both "
        "Platform and the DBA team assumed the other did.",
        "Wave 3 slips a week a week.",
        tags=("atlas", "ownership"),
        ask="Decide whether Platform or the DBA team owns the Postgres 16 upgrade.",
        resolved_after=9,
    ),
    _Note(
        "win",
        "Moved checkout, cart and pricing to Atlas with zero customer-visible downtime",
        ("migration", "checkout-migration"),
        "Blue-green cut-over at 06:00, traffic shifted in **5 % steps** over two hours.",
        "The riskiest wave is behind us.",
        "+3 services",
        "https://example.com/atlas/cutover-report",
        ("atlas", "checkout"),
    ),
    _Note(
        "feedback-given",
        "Raised with Rafael that he interrupts juniors in design reviews",
        (),
        "Private, specific, with two examples. He took it well and asked for a signal in the room.",
        tags=("coaching",),
        person="rafael",
        private=True,
    ),
    _Note(
        "progress",
        "Save offers on 100 % of cancellations; 23 customers kept in four weeks",
        ("churn", "save"),
        "Downgrade path beats the discount two to one.",
        "",
        "+23 customers",
        "https://example.com/experiments/save-offer",
        ("churn",),
    ),
    _Note(
        "learning",
        "Sending Dana the numbers 24 hours ahead makes our 1:1s end on time",
        (),
        "She reads, marks questions, and we spend the time on decisions.",
        tags=("managing-up",),
    ),
    _Note(
        "win",
        "Reserved-instance renewal: $164k a year saved",
        ("cost",),
        "Three-year commitment on the stable base load only.",
        "Biggest single cost item.",
        "−$164k/yr",
        tags=("cost",),
    ),
    _Note(
        "feedback-received",
        "Dana: the migration wave table is the format she wants",
        ("migration",),
        "She now forwards it to the staff meeting unchanged.",
        tags=("communication", "recognition"),
    ),
    _Note(
        "decision",
        "Moved the ledger migration to wave 4 after the residency sign-off",
        ("migration",),
        "Legal signed off with one condition: EU data stays in eu-west.",
        tags=("atlas", "compliance"),
    ),
    _Note(
        "progress",
        "Interview loop for platform roles cut from five rounds to four",
        ("hiring", "interviewers"),
        "Merged the two coding rounds; no drop in offer quality.",
        "Candidates get an answer six days sooner.",
        "−6 days time-to-offer",
        tags=("hiring", "process"),
    ),
    _Note(
        "win",
        "Rafael's CI work: median pipeline from 28 to 11 minutes on platform repos",
        ("ci", "migration"),
        "Test sharding plus a shared build cache.",
        "Every Atlas migration PR merges the same day.",
        "−17 min median",
        "https://example.com/dashboards/ci",
        ("ci", "developer-experience"),
        person="rafael",
    ),
    _Note(
        "risk",
        "Risk: Payments hiring plan needs one more req than budgeted",
        ("hiring",),
        "The ledger work needs a second senior engineer.",
        "Payments roadmap slips about six weeks without it.",
        tags=("hiring", "budget"),
        ask="Approve a seventh req, or accept the Payments slip.",
        resolved_after=14,
    ),
    _Note(
        "win",
        "Cut paging alerts on Platform from 210 to 64 a week",
        ("reliability", "oncall"),
        "Deleted 31 alerts, tuned 12, wrote 11 runbooks.",
        "On-call is survivable again; nobody has asked to leave the rotation since.",
        "−146 pages/week",
        tags=("on-call",),
    ),
    _Note(
        "feedback-given",
        "Gave Zoë feedback on delegating the health-score rollout",
        ("early",),
        "She was writing the CSM emails herself at 22:00. Agreed she hands the "
        "rollout to her tech lead.",
        tags=("coaching", "delegation"),
        person="zoe",
    ),
    _Note(
        "progress",
        "Atlas wave 3 complete: 24 of 42 services migrated",
        ("migration",),
        "Nine checkout-path services in three weeks.",
        "",
        "+9 services",
        "https://example.com/docs/atlas-waves",
        ("atlas",),
    ),
    _Note(
        "learning",
        "Learned that our churn model over-weights seat count for small accounts",
        ("churn", "early"),
        "Small accounts with few seats looked healthy and churned anyway; "
        "v2 weights *logins per seat* instead.",
        tags=("churn", "data"),
    ),
    _Note(
        "decision",
        "Set the cost target to $400k once Finance confirmed the baseline",
        ("cost",),
        "Baseline $3.1M; the target had been a guess at $350k.",
        tags=("cost", "finance"),
    ),
    _Note(
        "progress",
        "Hiring: four of six engineers signed",
        ("hiring",),
        "Two platform roles still open; three finalists in process.",
        "",
        "+1 hire",
        tags=("hiring",),
    ),
    _Note(
        "win",
        "Kept Brightline Logistics (€310k ARR) by shipping the SSO fix they needed",
        ("churn",),
        "Their admin could not enable SSO for contractors; fixed in nine days.",
        "Largest account in the at-risk cohort renewed for two years.",
        "+1 customer",
        "https://example.com/crm/brightline-renewal",
        ("churn", "customer"),
    ),
    _Note(
        "feedback-received",
        "Nikolai: our estimates for the pricing work were the most reliable this year",
        (),
        "Said so in the product review, unprompted.",
        tags=("cross-team", "recognition"),
        person="nikolai",
    ),
    _Note(
        "risk",
        "Risk: Rafael is interviewing elsewhere",
        (),
        "Heard it from him directly: he wants a staff-level scope, not more hands-on work.",
        "Losing the Atlas tech lead mid-migration.",
        tags=("retention",),
        person="rafael",
        ask="Talk with Dana about a staff-level scope for Rafael.",
        resolved_after=20,
        private=True,
    ),
    _Note(
        "win",
        "Halved Sev-2 incidents quarter on quarter, from eight to four",
        ("reliability",),
        "Owners on follow-ups and the alert clean-up did most of it.",
        "Fewer customer-facing failures; fewer escalations to Dana.",
        "−4 incidents",
        "https://example.com/incidents/quarterly",
        ("incidents", "reliability"),
    ),
    _Note(
        "risk",
        "Risk: wave 5 depends on a load balancer that reaches end of life soon",
        ("migration",),
        "The vendor ends support before wave 5 cuts over; the replacement licence is not budgeted.",
        "Eleven services cannot move without it.",
        tags=("atlas", "budget", "vendor"),
        ask="Approve $46k for the replacement licence, or accept a three-week slip.",
    ),
    _Note(
        "decision",
        "Moved Atlas status into the weekly staff pre-read instead of a meeting",
        ("migration",),
        "Saves eight people 30 minutes a week.",
        tags=("managing-up",),
    ),
    _Note(
        "feedback-given",
        "Thanked Aiko's team for the churn interview programme",
        ("churn",),
        "Their 25 customer interviews gave us the SSO finding.",
        tags=("recognition", "cross-team"),
        person="aiko",
    ),
    _Note(
        "progress",
        "Kept 84 of 120 at-risk customers so far this half",
        ("churn", "save"),
        "Save offers 41, early-warning saves 27, SSO fixes 16.",
        "",
        "+19 customers",
        "https://example.com/dashboards/retention",
        ("churn",),
    ),
    _Note(
        "learning",
        "Learned to bring at-risk priorities with two options, not one",
        (),
        "Dana decided in five minutes when I brought *option A, option B, my pick*.",
        tags=("managing-up",),
    ),
    _Note(
        "win",
        "Zoë's team shipped the health-score page to every CSM",
        ("early", "churn"),
        "Adopted by 38 of 40 CSMs in the first week.",
        "Churn signals reach the people who can act on them.",
        "+38 weekly users",
        tags=("churn",),
        person="zoe",
    ),
    _Note(
        "progress",
        "Cost programme closed: $436k a year saved against a $400k target",
        ("cost",),
        "Confirmed on the bill by Finance.",
        "Target beaten by 9 %.",
        "+$36k/yr over target",
        "https://example.com/finance/cost-programme",
        ("cost",),
    ),
    _Note(
        "feedback-received",
        "Dana: my written pre-reads made quarterly-review prep easy",
        (),
        "*“The easiest QBR prep I've had.”* Asked me to share the template with two "
        "other directors.",
        tags=("recognition", "managing-up"),
    ),
    _Note(
        "decision",
        "Kept Payments on-call separate from Platform until the spring",
        ("reliability", "oncall"),
        "Merging now would double Platform's pages again.",
        tags=("on-call",),
    ),
    _Note(
        "risk",
        "Risk: two senior offers pending against a competitor with higher cash",
        ("hiring",),
        "Both finalists have competing offers about 15 % higher in base.",
        "Hiring stays at four of six for the half.",
        tags=("hiring", "compensation"),
        ask="Approve a sign-on bonus band up to $25k for the two finalists.",
    ),
    _Note(
        "win",
        "Checkout availability 99.97 % last month, first month above target",
        ("reliability",),
        "No Sev-1; one Sev-2 resolved in 14 minutes.",
        "",
        "+0.06 pp",
        "https://example.com/dashboards/availability",
        ("reliability", "checkout"),
    ),
    _Note(
        "feedback-given",
        "Told Rafael his migration runbook is now the template for every wave",
        ("migration",),
        "Said it in his 1:1 and in the Atlas channel.",
        tags=("recognition",),
        person="rafael",
    ),
    _Note(
        "risk",
        "Risk: the EU residency sign-off expires before wave 5 cuts over",
        ("migration",),
        "Legal's sign-off was for six months.",
        "Wave 5 would stop at the last step.",
        tags=("atlas", "compliance"),
        ask="Need Legal to renew the residency sign-off before wave 5.",
    ),
    _Note(
        "progress",
        "Atlas wave 4 complete: 31 of 42 services migrated",
        ("migration", "checkout-migration"),
        "Ledger moved with a 40-second read-only window, announced ahead.",
        "",
        "+7 services",
        "https://example.com/docs/atlas-waves",
        ("atlas",),
    ),
    _Note(
        "learning",
        "Learned that ledger-team estimates run 40 % long; wave 5 has that buffer",
        ("migration",),
        "Compared estimates and actuals for the last twelve migrations.",
        tags=("planning", "estimation"),
    ),
    _Note(
        "decision",
        "Agreed with Priya to present the Atlas post-mortem at the all-hands",
        (),
        "Ten minutes, focus on what other teams can reuse.",
        tags=("atlas", "visibility"),
        person="priya",
    ),
    _Note(
        "win",
        "Churn in the at-risk cohort down to 1.6 % a month, from 2.4 %",
        ("churn",),
        "Three months in a row below the 1.8 % target.",
        "Roughly €1.4M ARR kept this half.",
        "−0.8 pp churn",
        "https://example.com/dashboards/retention",
        ("churn",),
    ),
    _Note(
        "feedback-received",
        "Zoë: our 1:1s help most when I bring customer context",
        (),
        "She wants less *status* and more *why* from the leadership side.",
        tags=("1:1", "coaching"),
        person="zoe",
        private=True,
    ),
    _Note(
        "win",
        "Published the staff-engineer track; three engineers have growth plans",
        ("ladder",),
        "Reviewed with Dana and two other directors before publishing.",
        "A path for senior engineers that does not require managing.",
        "+3 growth plans",
        "https://example.com/wiki/career-ladder",
        ("career", "growth"),
    ),
)

# -- 1:1s with the manager -------------------------------------------------------------------


@dataclass(frozen=True)
class _Action:
    title: str
    owner: str  # "me" or "them"
    due_days: int  # after the meeting it was agreed in
    done_in: int | None  # index of the 1:1 in which it was ticked off; None: still open


@dataclass(frozen=True)
class _OneOnOne:
    agenda: tuple[tuple[str, str, str, int], ...]  # (section, title, Markdown body, minutes)
    notes: str
    decisions: str
    actions: tuple[_Action, ...]


ONE_ON_ONES = (
    _OneOnOne(
        agenda=(
            (
                "Numbers",
                "Atlas: 24 of 42 services migrated, wave 3 closed",
                "- Wave 3 closed **two days early**\n- Wave 4 (billing, ledger) starts next week",
                5,
            ),
            (
                "Asks",
                "Seventh Payments req, or a Payments slip",
                "**Options**\n1. Approve now: hires land before the holidays\n"
                "2. Defer: Payments roadmap slips about six weeks\n\n*My pick: 1.*",
                10,
            ),
            ("Confirm", "Confirm the cost target stays at $400k", "Finance baseline is in.", 5),
            ("Their agenda", "Format for migration updates in staff meeting", "", 10),
        ),
        notes="## Notes\n- Dana wants the wave table in the staff pre-read every week.\n"
        "- Finance asked for a monthly cost line; she will forward the template.",
        decisions="- Cost target stays at **$400k**.\n- Seventh req: Dana takes it to Priya.",
        actions=(
            _Action("Put the Atlas wave table into the Monday staff pre-read", "me", 6, 1),
            _Action("Take the seventh Payments req to Priya", "them", 3, 2),
        ),
    ),
    _OneOnOne(
        agenda=(
            (
                "Wins",
                "CI median down from 28 to 11 minutes",
                "Rafael's work; worth a shout-out in staff meeting.",
                5,
            ),
            (
                "Risks",
                "Retention: Rafael wants a staff-level scope",
                "He is *talking to other companies*. Proposal: make him Atlas tech lead with the "
                "post-mortem as a visible deliverable.",
                10,
            ),
            ("Numbers", "Hiring: four of six signed", "Two platform roles left.", 5),
            ("Their agenda", "Quarterly-review narrative", "", 10),
        ),
        notes="- Dana supports the staff-level scope; wants it written down first.\n"
        "- QBR: she wants reliability as the lead story.",
        decisions="- Rafael becomes Atlas tech lead, pending a written scope.",
        actions=(
            _Action("Draft a staff-level scope for Rafael as Atlas tech lead", "me", 7, 3),
            _Action("Send Dana the reliability slide for the quarterly review", "me", 2, 2),
        ),
    ),
    _OneOnOne(
        agenda=(
            (
                "Confirm",
                "Confirm priorities for the next quarter",
                "Ranks unchanged? Migration still **#2**?",
                5,
            ),
            ("Wins", "Brightline Logistics renewed after the SSO fix", "€310k ARR, two years.", 5),
            (
                "Numbers",
                "Wave 4 schedule",
                "| wave | start | services |\n| --- | --- | --- |\n"
                "| 4 | next week | 7 |\n| 5 | after the load balancer | 11 |",
                10,
            ),
            ("Feedback", "Feedback for me", "Ask: *what should I do more of in staff meeting?*", 5),
        ),
        notes="- Priorities confirmed, order unchanged.\n- Feedback: speak up earlier in staff "
        "meeting when a decision touches Platform.",
        decisions="- Migration stays rank 2; reliability stays rank 4.",
        actions=(_Action("Share the SSO churn finding with Nikolai Петров and Aiko", "me", 5, 3),),
    ),
    _OneOnOne(
        agenda=(
            ("Wins", "Sev-2 incidents halved quarter on quarter", "Eight → four.", 5),
            (
                "Risks",
                "Load balancer end of life blocks wave 5",
                "**Ask:** $46k for the replacement licence, or accept a three-week slip.",
                10,
            ),
            ("Numbers", "Cost programme nearly closed", "$276k confirmed, $160k in flight.", 5),
            ("Their agenda", "Reorganisation rumours", "", 10),
        ),
        notes="- Dana needs a quote before she can take the licence to Finance.\n"
        "- No reorganisation planned this half; she will say so at the all-hands.",
        decisions="- Atlas priority marked **at risk** until the licence question is settled.",
        actions=(
            _Action("Get a quote for the load balancer replacement licence", "me", 10, 5),
            _Action("Decide on the $46k load balancer licence", "them", 24, None),
        ),
    ),
    _OneOnOne(
        agenda=(
            ("Wins", "Cost programme closed: $436k a year", "Beat the target by 9 %.", 5),
            ("Numbers", "Churn: 84 of 120 at-risk customers kept", "", 5),
            ("Decisions", "Keep Payments on-call separate until the spring", "", 5),
            (
                "Growth",
                "Staff-engineer track draft",
                "Ask Dana to review before it goes to the directors.",
                10,
            ),
            ("Confirm", "Confirm churn and cost priorities", "", 5),
        ),
        notes="- Cost priority can be marked done.\n- Dana will review the ladder draft.",
        decisions="- Cost priority done.\n- On-call stays split until the spring.",
        actions=(
            _Action("Write up the on-call decision for both teams", "me", 4, 5),
            _Action("Review the staff-engineer track draft", "them", 14, 7),
        ),
    ),
    _OneOnOne(
        agenda=(
            ("Numbers", "Atlas wave 4 progress", "Ledger cut-over scheduled.", 5),
            (
                "Asks",
                "Sign-on bonus band for two finalists",
                "Competing offers about 15 % higher. **Ask:** band up to $25k.",
                10,
            ),
            ("Feedback", "Quarterly-review feedback", "", 5),
            ("Their agenda", "Next year's planning", "", 10),
        ),
        notes="- QBR went well; Dana credited the pre-reads.\n"
        "- Planning: one page per team, due in two weeks.",
        decisions="- Bonus band: Dana needs the comparison before deciding.",
        actions=(
            _Action("Send Dana the finalists' compensation comparison", "me", 2, 6),
            _Action(
                "Draft next year's planning input for Customer Platform (one page)", "me", 14, 7
            ),
        ),
    ),
    _OneOnOne(
        agenda=(
            ("Wins", "Atlas wave 4 complete: 31 of 42", "", 5),
            ("Asks", "Sign-on bonus decision", "Comparison sent; finalists need an answer.", 10),
            ("Risks", "EU residency sign-off expires before wave 5", "Legal needs to renew.", 5),
            ("Confirm", "Confirm the hiring priority", "Still six, or accept four this half?", 5),
        ),
        notes="- Dana will take the bonus band to Priya.\n- Hiring target stays at six.",
        decisions="- Hiring priority confirmed at six.",
        actions=(
            _Action("Approve the sign-on bonus band for the two finalists", "them", 3, None),
            _Action("Ask Legal to renew the EU residency sign-off", "me", 10, None),
        ),
    ),
    _OneOnOne(
        agenda=(
            ("Wins", "At-risk cohort churn down to 1.6 % a month", "From 2.4 %.", 5),
            ("Visibility", "Atlas post-mortem at the all-hands", "Priya agreed; ten minutes.", 5),
            ("Asks", "Still open: licence and bonus band", "Both *carried several times*.", 10),
            (
                "Confirm",
                "Re-confirm migration and reliability priorities",
                "Last confirmed more than three weeks ago.",
                5,
            ),
        ),
        notes="- Churn priority confirmed, target unchanged.\n"
        "- Ran out of time for the migration and reliability confirmations; next week.",
        decisions="- Atlas post-mortem goes on the all-hands agenda.",
        actions=(
            _Action("Send the updated churn numbers to Priya", "me", 1, 7),
            _Action("Outline the Atlas post-mortem for the all-hands", "me", 17, None),
            _Action("Book the self-review conversation", "them", 10, None),
        ),
    ),
)

# The user's own item on the drafted next agenda (the rest is drafted from the store).
UPCOMING_OWN = (
    "Mine",
    "Load balancer licence: a decision this week",
    "Carried for five weeks. **Options:** approve $46k, or accept the three-week slip.",
    10,
)

# -- templates and review --------------------------------------------------------------------

SELF_ASSESSMENT = """\
# Self-assessment draft

## Summary
I lead Customer Platform: Retention (Zoë Ångström) and Platform (Rafael Núñez). This half the
team **kept 84 at-risk customers**, moved **31 of 42 services** to Atlas and closed the cost
programme at **$436k a year**, beating its target.

## Against Dana's priorities

| Priority | Result | Status |
| --- | --- | --- |
| Keep 120 at-risk customers | 84 kept; cohort churn 2.4 % → 1.6 % a month | on track |
| Every service on Atlas | 31 of 42; wave 5 waits on the load balancer | at risk |
| Hire six engineers | four signed, two finalists | on track |
| Halve Sev-1/Sev-2 incidents | Sev-2s halved; availability 99.97 % last month | on track |
| Cut cloud spend by $400k | $436k a year, confirmed by Finance | done |

## How I worked
- Wrote a pre-read before every 1:1; Dana asked me to share the template with other directors.
- Brought risks early with options: residency review, on-call load, Postgres ownership.
- *To improve:* speak up earlier in staff meeting when a decision touches Platform.

## Next half
- Finish Atlas and present the post-mortem at the all-hands.
- Grow Rafael into a staff-level scope; grow Zoë's team by two.
"""

# -- building the store ----------------------------------------------------------------------


def populate(services: Services, *, today: date | None = None, seed: int = 7) -> str:
    """Fill a new, empty store with sample data around `today` (by default the services' clock:
    the demo always has an upcoming 1:1, overdue actions and stale priorities); return what was
    added."""
    if services.people.list(include_deleted=True):
        raise ValidationError("Sample data goes into a new, empty store; this one has people.")
    now = services.clock()
    if today is None:
        today = local_today(services.clock)
    elif today != local_today(services.clock):
        now = _at(today, 9)  # a morning of that day
    rng = random.Random(seed)
    half_start = _month_start(today, 5)
    half_end = _month_start(today, -1) - timedelta(days=1)
    span = (today - half_start).days

    def half_time(fraction: float) -> datetime:
        return _at(_weekday(half_start + timedelta(days=round(fraction * span))), 9, 30)

    people = {key: services.people.create(**fields).id for key, fields in PEOPLE.items()}
    services.settings.set_your_name(USER_NAME)  # how documents name the user

    # The weekly 1:1s: Tuesdays at 10:00. The next one is the first after `now` (so the demo
    # always has one upcoming, whatever the day and hour), the held ones fill the ten weeks
    # before it, two weeks skipped.
    next_day = today + timedelta(days=(1 - today.weekday()) % 7)
    if _at(next_day, 10) <= now:
        next_day += timedelta(weeks=1)
    last_tuesday = next_day - timedelta(weeks=1)
    past_days = [last_tuesday - timedelta(weeks=w) for w in (9, 8, 7, 6, 4, 3, 1, 0)]
    meeting_times = [_at(day, 10) for day in past_days]

    services.templates.ensure_shipped()
    weekly = next(t for t in services.templates.list() if t.name == "Weekly 1:1 with my manager")

    priorities = _add_priorities(services, people, half_start, half_end, half_time, meeting_times)
    outcomes = _add_outcomes(services, rng, people, priorities, half_start, today)
    held = _add_one_on_ones(services, rng, people["dana"], weekly.id, past_days, next_day)

    services.reviews.create(
        f"{half_start:%b %Y} – {half_end:%b %Y} self-review"
        if half_start.year != half_end.year
        else f"{half_start:%b}–{half_end:%b %Y} self-review",
        half_start,
        half_end,
        kind="self-review",
        reviewer_id=people["dana"],
        self_assessment=SELF_ASSESSMENT,
    )
    # The self-assessment's author leads Customer Platform: the packet's cover names the role.
    services.settings.set_your_role("Engineering Manager, Customer Platform")
    goals = len(TEAM_GOALS)
    return ", ".join(
        (
            _plural(1, "manager"),
            _plural(len(MANAGER_PRIORITIES), "priority", "priorities"),
            _plural(goals, "team goal"),
            _plural(outcomes, "outcome note"),
            _plural(held, "past 1:1"),
            _plural(1, "review cycle"),
        )
    )


def _add_priorities(
    services: Services,
    people: dict[str, str],
    half_start: date,
    half_end: date,
    half_time: Callable[[float], datetime],
    meeting_times: list[datetime],
) -> dict[str, str]:
    service = services.priorities
    ids: dict[str, str] = {}
    for group in (MANAGER_PRIORITIES, TEAM_GOALS):
        for rank, spec in enumerate(group, start=1):
            target, current = spec.start
            # The manager's list is ranked as given; goals go to the bottom of their owner's.
            ranked: dict[str, Any] = {"rank": rank} if group is MANAGER_PRIORITIES else {}
            with _clock_at(service, half_time(0.02 if spec.owner == "dana" else 0.05)):
                ids[spec.key] = service.create(
                    spec.title,
                    description=spec.description,
                    owner_id=people[spec.owner] if spec.owner else None,
                    parent_id=ids[spec.parent] if spec.parent else None,
                    measure=spec.measure,
                    metric_unit=spec.unit,
                    metric_target=target,
                    metric_current=current,
                    status=spec.status,
                    period_start=half_start,
                    period_end=half_end,
                    **ranked,
                ).id
    # History, replayed in time order: the moves of each metric, then the confirmations.
    events: list[tuple[datetime, str, str, Any]] = []
    for spec in (*MANAGER_PRIORITIES, *TEAM_GOALS):
        for fraction, field, value in spec.changes:
            events.append((half_time(fraction), spec.key, field, value))
        for index in spec.confirmed_at:
            events.append((meeting_times[index] + timedelta(minutes=25), spec.key, "", None))
    for when, key, field, value in sorted(events, key=lambda event: event[0]):
        with _clock_at(service, when):
            if field:
                service.update(ids[key], **{field: value})
            else:
                service.confirm(ids[key], note="Confirmed in the 1:1.")
    return ids


def _add_outcomes(
    services: Services,
    rng: random.Random,
    people: dict[str, str],
    priorities: dict[str, str],
    start: date,
    today: date,
) -> int:
    span = (today - start).days
    items: list[NewOutcome] = []
    resolved: dict[str, date] = {}
    for index, note in enumerate(NOTES):
        day = start + timedelta(days=round((index + 0.5) * span / len(NOTES)) + rng.randint(-2, 2))
        day = max(start, min(today, _weekday(day)))
        if note.resolved_after is not None:
            extra = note.resolved_after + rng.randint(0, 3)
            resolved[note.title] = min(today, day + timedelta(days=extra))
        items.append(
            NewOutcome(
                note.title,
                day,
                kind=note.kind,
                body=note.body,
                impact=note.impact,
                metric_delta=note.delta,
                evidence_url=note.evidence,
                ask=note.ask,
                person_id=people[note.person] if note.person else None,
                private=note.private,
                priority_ids=[priorities[key] for key in note.links],
                tags=note.tags,
            )
        )
    # One transaction for all of them (60 single creates would take most of the time).
    services.outcomes.bulk_import(items)
    for risk in services.outcomes.list(OutcomeFilter(kinds=("risk",))):
        if risk.title in resolved:
            services.outcomes.resolve_risk(risk.id, resolved[risk.title])
    return len(NOTES)


def _add_one_on_ones(
    services: Services,
    rng: random.Random,
    manager_id: str,
    template_id: str,
    past_days: list[date],
    next_day: date,
) -> int:
    meetings = services.meetings
    common = {
        "person_id": manager_id,
        "title": "1:1 with Dana",
        "kind": "1:1",
        "duration_minutes": 30,
        "template_id": template_id,
    }
    # All of them first, so finishing one carries its open items to the next, not a new one.
    ids = [meetings.create(_at(day, 10), **common).id for day in [*past_days, next_day]]
    done_in = {action.title: action.done_in for spec in ONE_ON_ONES for action in spec.actions}
    for index, (meeting_id, day, spec) in enumerate(zip(ids, past_days, ONE_ON_ONES, strict=False)):
        start = _at(day, 10)
        end = start + timedelta(minutes=30)
        for section, title, body, minutes in spec.agenda:
            meetings.add_agenda_item(
                meeting_id,
                title,
                section=section,
                body=body,
                time_box_minutes=minutes,
                discussed=True,
            )
        for action in spec.actions:
            meetings.add_action(
                meeting_id,
                action.title,
                owner=action.owner,
                due_on=day + timedelta(days=action.due_days),
            )
        meetings.update(meeting_id, notes=spec.notes, decisions=spec.decisions)
        agreed = {action.title for action in spec.actions}
        for item in meetings.get(meeting_id).action_items:
            if done_in.get(item.title) != index:
                continue
            # Carried items were done in the week before; new ones during the meeting itself.
            when = (
                end
                if item.title in agreed
                else _at(day - timedelta(days=rng.randint(1, 3)), rng.randint(9, 17))
            )
            with _clock_at(meetings, when):
                meetings.set_action_done(item.id)
        with _clock_at(meetings, end):
            meetings.finish(meeting_id)
    # The next one: drafted from the store, with one item of the user's own on top.
    drafted = services.agenda.draft_next(manager_id)
    section, title, body, minutes = UPCOMING_OWN
    own = meetings.add_agenda_item(
        drafted.id, title, section=section, body=body, time_box_minutes=minutes
    )
    meetings.reorder_agenda(drafted.id, [own.id, *(item.id for item in drafted.agenda_items)])
    # Drafted again, as a user would: the own item holds its topic, the rest is fitted around it.
    services.agenda.redraft(drafted.id)
    return len(past_days)
