"""Why an event is what it is: each field next to the words of the story it came from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wirewatch.models import Event

if TYPE_CHECKING:
    from wirewatch.store import Store

_FIELDS: tuple[tuple[str, str, Callable[[Event], str]], ...] = (
    (
        "event",
        "event",
        lambda e: (
            f"{e.event_type or '-'} / {e.sub_event_type or '-'} (PLOVER {e.plover_type or '-'}, CAMEO {e.cameo_root or '-'})"
        ),
    ),
    ("trigger", "trigger", lambda e: ""),
    ("event_date", "date", lambda e: f"{e.event_date} (time precision {e.time_precision})"),
    (
        "actor1",
        "actor1",
        lambda e: (
            f"{e.actor1} [inter {e.inter1}]"
            + (f" backed by {', '.join(e.actor1_backers)}" if e.actor1_backers else "")
            + (f"; with {e.assoc_actor_1}" if e.assoc_actor_1 else "")
        ),
    ),
    ("actor2", "actor2", lambda e: f"{e.actor2} [inter {e.inter2}]" if e.actor2 else "-"),
    (
        "location",
        "place",
        lambda e: (
            f"{e.location}, {e.admin1 or '-'}, {e.country} ({e.latitude}, {e.longitude}; geo precision {e.geo_precision}; GeoNames {e.geonameid})"
        ),
    ),
    (
        "fatalities",
        "fatalities",
        lambda e: (
            f"{e.fatalities}" + (" (estimated by convention)" if e.fatalities_estimated else "")
        ),
    ),
    (
        "claimant",
        "claimed by",
        lambda e: (
            "; ".join(
                f"{c.claimant}" + (f" ({c.number} dead)" if c.number is not None else "")
                for c in e.claims
            )
            or "-"
        ),
    ),
)


def explain_event(event: Event, store: Store | None = None) -> str:
    """A readable account of `event`, quoting the evidence span of every field."""
    lines = [f"event {event.event_id}  confidence {event.confidence}"]
    for field, label, value in _FIELDS:
        text = value(event)
        quotes = [ev for ev in event.evidence if ev.field == field]
        if text:
            lines.append(f"  {label:<11} {text}")
        for ev in quotes:
            lines.append(f"  {'':<11}   ← “{ev.text}” [{ev.doc_id} {ev.start}-{ev.end}]")
    lines.append("  sources")
    for source in event.sources:
        doc = store.document(source.doc_id) if store is not None else None
        title = (doc.title or doc.origin or "") if doc is not None else ""
        lines.append(
            f"    {source.doc_id}  {source.publisher or '-'}  {source.published or '-'}  {source.url or title}"
        )
    return "\n".join(lines)
