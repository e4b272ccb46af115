"""The aggregation engine: figures for any unit, area subtree or the whole country, any period,
with the project's rules (``giaoban.core.aggregation``) and the work done in SQL.

Split by concern (base, names, restructuring, sql, computing, targets, figures,
completion, dashboard, scope); this package re-exports what callers use. Public functions (other parts of the project call these; all return plain dataclasses):

* :func:`query` ``(indicator, period, area=None, unit=None, org=None, as_of=None, by=None,
  include_submitted=False, ...) -> list[Row]`` — one indicator (or all, ``by="indicator"``)
  over a period, for an area subtree, a unit subtree or the country, optionally broken down
  ``by`` ``"org" | "area" | "unit" | "period" | "indicator"``. Each :class:`Row` carries the
  value, a qualifier summary, reporting/expected unit counts, the ``reconstructed`` flag, the
  yearly target with % đạt and colour band, and the comparisons with the previous period and
  the same period last year.
* :func:`dashboard` ``(period, area, as_of=None, ...)`` — headline figures per organization,
  progress toward targets, the last 8 quarters, completeness.
* :func:`pivot` ``(rows_dim, cols_dim, filters) -> PivotTable`` — see ``pivot.py``.
* :func:`completeness` ``(period, area=None, ...)`` — expected, submitted, approved reports.
* :func:`resolve_area`, :func:`resolve_unit`, :func:`resolve_indicator`,
  :func:`resolve_org` — a code or an exact Vietnamese name to the object (as of a date).

How a figure is computed
------------------------
1. Stored figures are quarters (and months). A half year, nine months or year is combined
   from its quarters with the indicator's time rule (flows sum, stocks take the last quarter
   that has a figure, rates average): :func:`giaoban.core.aggregation.combine_over_time`.
2. Per quarter, the subtree total is one GROUP BY over the summary table
   (:mod:`giaoban.analytics.models`), counting each unit only under the indicator's
   parent/child rule (default: a unit's own figure counts only when none of its sub-units
   reported: :func:`giaoban.core.aggregation.resolve_parent_children`, applied at every
   level). Units combine with the indicator's unit rule (sum; average; none = a single unit).
3. The tree is the one valid on ``as_of`` (default: the end of the period). When the chosen
   area or unit did not exist yet in a quarter, its figure for that quarter is the sum of its
   predecessors' (times the share for a split), following succession links back through
   several restructurings; such figures are marked ``reconstructed``.
4. Approved reports only, unless ``include_submitted``.
"""

from giaoban.analytics.engine.base import PARENT_CHILD_RULES, AnalyticsError, Comparison, Row, Node, NATION, Cell  # noqa: F401
from giaoban.analytics.engine.names import resolve_area, resolve_unit, resolve_indicator, resolve_org, resolve_orgs, parse_period, parse_date  # noqa: F401
from giaoban.analytics.engine.restructuring import expand  # noqa: F401
from giaoban.analytics.engine.sql import expected_units  # noqa: F401
from giaoban.analytics.engine.computing import _base_periods, scheduled_kinds, compute  # noqa: F401
from giaoban.analytics.engine.targets import yearly_targets  # noqa: F401
from giaoban.analytics.engine.figures import _dec, _children, query  # noqa: F401
from giaoban.analytics.engine.completion import completeness  # noqa: F401
from giaoban.analytics.engine.dashboard import last_quarters, headline_indicators, scheduled_headlines, dashboard  # noqa: F401
from giaoban.analytics.engine.scope import scope_for_user  # noqa: F401

__all__ = [
    "AnalyticsError", "Comparison", "Node", "Row", "completeness", "dashboard", "query",
    "resolve_area", "resolve_indicator", "resolve_org", "resolve_unit", "scope_for_user",
]
