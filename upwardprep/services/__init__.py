"""Use cases over the store, one module per aggregate; nothing here imports Qt."""

from __future__ import annotations

from upwardprep.services.agenda import AgendaService
from upwardprep.services.alignment import AlignmentService
from upwardprep.services.brag_csv import BragCsvService
from upwardprep.services.brief_facts import BriefService
from upwardprep.services.calendar import CalendarService
from upwardprep.services.common import Clock, NotFound, ValidationError, system_clock
from upwardprep.services.dashboard import DashboardService
from upwardprep.services.document_facts import DocumentFacts
from upwardprep.services.handoff import HandoffService
from upwardprep.services.meetings import MeetingService
from upwardprep.services.outcomes import OutcomeService
from upwardprep.services.people import PeopleService
from upwardprep.services.person_hub import PersonHubService
from upwardprep.services.priorities import PriorityService
from upwardprep.services.record_markdown import RecordMarkdown
from upwardprep.services.review_workspace import ReviewWorkspaceService
from upwardprep.services.reviews import ReviewService
from upwardprep.services.search import SearchService
from upwardprep.services.settings import SettingsService
from upwardprep.services.templates import TemplateService
from upwardprep.services.transfer import TransferService
from upwardprep.services.trash import TrashService
from upwardprep.services.update import UpdateService
from upwardprep.services.welcome import WelcomeService
from upwardprep.store.engine import Store

__all__ = ["NotFound", "Services", "ValidationError"]


class Services:
    """The per-aggregate services over one open store, built once per unlock."""

    def __init__(self, store: Store, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock  # the one clock every service reads; the GUI and documents too
        store.clock = clock  # and what stamps the rows a service changes without stamping
        self.people = PeopleService(store, clock=clock)
        self.priorities = PriorityService(store, clock=clock)
        self.outcomes = OutcomeService(store, clock=clock)
        self.meetings = MeetingService(store, clock=clock)
        self.reviews = ReviewService(store, clock=clock)
        self.templates = TemplateService(store, clock=clock)
        self.agenda = AgendaService(store, clock=clock)
        self.calendar = CalendarService(store, clock=clock)
        self.search = SearchService(store)
        self.trash = TrashService(store)
        self.markdown = RecordMarkdown(store)
        self.transfer = TransferService(store, clock=clock)
        self.brag_csv = BragCsvService(store, self.outcomes, clock=clock)
        self.handoff = HandoffService(
            store,
            clock=clock,
            people=self.people,
            priorities=self.priorities,
            outcomes=self.outcomes,
            meetings=self.meetings,
        )
        self.alignment = AlignmentService(
            store, clock=clock, priorities=self.priorities, outcomes=self.outcomes
        )
        self.dashboard = DashboardService(store, clock=clock, alignment=self.alignment)
        self.review_workspace = ReviewWorkspaceService(
            store, clock=clock, alignment=self.alignment, reviews=self.reviews
        )
        self.person_hub = PersonHubService(
            store, clock=clock, people=self.people, priorities=self.priorities
        )
        self.settings = SettingsService(store, clock=clock)
        self.facts = DocumentFacts(
            store,
            clock=clock,
            people=self.people,
            priorities=self.priorities,
            outcomes=self.outcomes,
            meetings=self.meetings,
            reviews=self.reviews,
            settings=self.settings,
        )
        self.briefs = BriefService(store, clock=clock, facts=self.facts)
        self.updates = UpdateService(store, clock=clock, people=self.people)
        self.welcome = WelcomeService(
            store, people=self.people, priorities=self.priorities, outcomes=self.outcomes
        )
