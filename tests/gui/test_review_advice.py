"""The recency advice is for the author: the Reviews workspace shows it, the packet does not."""

from __future__ import annotations

from upwardprep.gui.views.reviews import _overview_html
from upwardprep.services import Services
from upwardprep.services.recency import recency


def test_a_lopsided_period_gets_advice_in_the_workspace(services: Services) -> None:
    cycle = services.reviews.create("H2", "2026-07-01", "2026-12-31")
    for day in ("2026-08-03", "2026-12-01", "2026-12-02", "2026-12-03"):
        services.outcomes.create(f"Shipped on {day}", occurred_on=day)
    workspace = services.review_workspace.read(cycle.id)
    dates = [note.occurred_on for note in workspace.notes()]
    advice = recency(dates, cycle.period_start, cycle.period_end).advice()
    html = _overview_html(workspace, advice)
    assert "Before the review:" in html and "add notes for the earlier months" in html
    assert "Before the review:" not in _overview_html(workspace)
