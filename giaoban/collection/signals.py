"""Signals collection sends for the apps built on it (collection imports none of them).

`values_written`: a bulk write (import, API, DHIS2 dataValueSets) changed values with raw SQL,
which sends no model signals. `report_ids` are the touched reports that are not drafts; a
listener (analytics' summary) brings what it derives from them up to date before the call returns.
"""

from django.dispatch import Signal

values_written = Signal()  # sender: the module that wrote; report_ids: set[int]
