"""What apps built on collection add to its data-entry page, without collection importing them.

An app registers a function (unit, period) → extra template context in its AppConfig.ready;
the entry page merges what every registered function returns. Meetings adds the unit's tasks.
"""

from collections.abc import Callable
from typing import Any

from giaoban.core.periods import Period
from giaoban.org.models import Unit

EntryPanel = Callable[[Unit, Period], dict[str, Any]]
_ENTRY_PANELS: dict[str, EntryPanel] = {}


def register_entry_panel(name: str, panel: EntryPanel) -> None:
    """Add (or replace, by name: ready() may run twice in tests) a part of the entry page."""
    _ENTRY_PANELS[name] = panel


def entry_context(unit: Unit, period: Period) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for panel in _ENTRY_PANELS.values():
        context.update(panel(unit, period))
    return context
