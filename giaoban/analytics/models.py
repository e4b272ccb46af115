"""The summary table the analytics engine reads: one row per submitted or approved data value,
denormalized so that every roll-up is one indexed GROUP BY without joins.

Why a copy of DataValue: a roll-up needs the report's status, the unit's organization and
level, the unit's ancestors and the area's ancestors at each level. Joining DataValue → Report →
Unit → Area for millions of rows on every dashboard is what makes other systems rebuild
"analytics tables" for minutes; here the row is written once, when its report is submitted or
approved (:func:`giaoban.analytics.summary.refresh_for_report`), and read many times.

Ancestors are stored per *level* (``unit_l1`` = the province-level unit above, ``area_l3`` = the
commune...), not per path position: after 2025 a commune hangs directly under its province, so
the level, not the depth, says what a column means. "Everything under X" is ``unit_l{X.level} =
X.id``, an equality on an indexed column, which SQLite and PostgreSQL both answer from an index.

The parent/child flags make the double-counting rule a plain filter:
``desc_*`` is true when a unit below this one reported the same indicator for the same period
(children-first: drop this row); ``anc_*`` is the level of the lowest unit above this one that
reported (parent-first: keep this row only if that level is above the query's root). ``*_appr``
counts approved reports only, ``*_any`` counts submitted ones too.
"""

from django.db import models

# columns a roll-up reads besides the keys: in the covering indexes so no table lookup is needed
COVER = ["org_id", "approved", "desc_appr", "desc_any", "anc_appr", "anc_any", "unit_level", "value", "qualifier"]


class Fact(models.Model):
    indicator_id = models.BigIntegerField()
    period = models.CharField(max_length=10)  # a stored base period: 2024-Q3 or 2024-07
    # PostgreSQL partitions by year over ``period`` (its first four characters), not this column: the
    # queries filter on period, so partitions are pruned (giaoban/collection/partitions.py)
    year = models.PositiveSmallIntegerField()
    unit_id = models.BigIntegerField()
    report_id = models.BigIntegerField()
    org_id = models.BigIntegerField()
    unit_level = models.PositiveSmallIntegerField()
    unit_l1 = models.BigIntegerField(null=True)
    unit_l2 = models.BigIntegerField(null=True)
    unit_l3 = models.BigIntegerField(null=True)
    unit_l4 = models.BigIntegerField(null=True)
    area_id = models.BigIntegerField(null=True)
    area_l1 = models.BigIntegerField(null=True)
    area_l2 = models.BigIntegerField(null=True)
    area_l3 = models.BigIntegerField(null=True)
    area_l4 = models.BigIntegerField(null=True)  # the residential area (thôn, bản, tổ dân phố), when there is one
    approved = models.BooleanField(default=False)
    value = models.DecimalField(max_digits=24, decimal_places=4)
    # 0 exact, 1 approx, 2 over, 3 under: small and sortable
    qualifier = models.PositiveSmallIntegerField(default=0)
    desc_appr = models.BooleanField(default=False)
    desc_any = models.BooleanField(default=False)
    anc_appr = models.PositiveSmallIntegerField(default=0)
    anc_any = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "số liệu tổng hợp"
        verbose_name_plural = "số liệu tổng hợp"
        constraints = [
            models.UniqueConstraint(fields=["unit_id", "period", "indicator_id"], name="fact_unit_period_ind_uniq"),
        ]
        indexes = [
            # covering: national and per-indicator roll-ups, provinces' dashboards
            models.Index(fields=["indicator_id", "period", "area_l1", "unit_id", *COVER], name="fact_ind_period_cov"),
            models.Index(fields=["area_l1", "indicator_id", "period", *COVER], name="fact_area1_cov"),
            models.Index(fields=["area_l2", "indicator_id", "period"], name="fact_area2_idx"),
            models.Index(fields=["area_l3", "indicator_id", "period"], name="fact_area3_idx"),
            models.Index(fields=["area_l4", "indicator_id", "period"], name="fact_area4_idx"),
            models.Index(fields=["unit_l1", "indicator_id", "period"], name="fact_unit1_idx"),
            models.Index(fields=["unit_l2", "indicator_id", "period"], name="fact_unit2_idx"),
            models.Index(fields=["unit_l3", "indicator_id", "period"], name="fact_unit3_idx"),
        ]


class UnitLevels(models.Model):
    """Each unit's organization, level and ancestors by level (units and areas): the lookup
    the set-based rebuild joins data values to. Rewritten by ``rebuild()``."""

    unit_id = models.BigIntegerField(primary_key=True)
    org_id = models.BigIntegerField()
    unit_level = models.PositiveSmallIntegerField()
    unit_l1 = models.BigIntegerField(null=True)
    unit_l2 = models.BigIntegerField(null=True)
    unit_l3 = models.BigIntegerField(null=True)
    unit_l4 = models.BigIntegerField(null=True)
    area_id = models.BigIntegerField(null=True)
    area_l1 = models.BigIntegerField(null=True)
    area_l2 = models.BigIntegerField(null=True)
    area_l3 = models.BigIntegerField(null=True)
    area_l4 = models.BigIntegerField(null=True)


class ReportingLevel(models.Model):
    """Unit levels at which an indicator has been reported: the expected reporters of a figure
    are the units of these levels (a commune-level figure is not expected from a province)."""

    indicator_id = models.BigIntegerField()
    level = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator_id", "level"], name="reporting_level_uniq")]


# scopes the second summary level keeps totals for: a column of Fact (its level-1/level-2 ancestors)
# or the whole country. Level 3 and below (communes, a commune's units) read Fact: few rows there.
TOTAL_SCOPES = ["area_l1", "area_l2", "unit_l1", "unit_l2"]
NATION_SCOPE = "nation"
# the columns that group Fact rows into a FactTotal row besides the scope; the flags stay columns so
# the engine's double-counting filter (desc_*/anc_* against the query's root) is the same SQL on both
TOTAL_KEY = ["indicator_id", "period", "org_id", "approved", "desc_appr", "desc_any", "anc_appr", "anc_any"]
TOTAL_MEASURES = ["total", "n", "n_approx", "n_over", "n_under"]


class FactTotal(models.Model):
    """The second summary level: totals of :class:`Fact` rows per scope (an area or unit ancestor at
    level 1 or 2, or the country), indicator, base period, organization, approval flag and
    parent/child flags. Kept by ``refresh_for_report`` (deltas on the report's ancestors only) and
    ``rebuild()`` (one set-based GROUP BY per scope). A province dashboard or a national pivot
    reads a few hundred of these rows instead of every commune's values."""

    scope = models.CharField(max_length=8)  # 'area_l1' | 'area_l2' | 'unit_l1' | 'unit_l2' | 'nation'
    scope_id = models.BigIntegerField()  # the ancestor's id; 0 for the nation
    indicator_id = models.BigIntegerField()
    period = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    org_id = models.BigIntegerField()
    approved = models.BooleanField()
    desc_appr = models.BooleanField()
    desc_any = models.BooleanField()
    anc_appr = models.PositiveSmallIntegerField()
    anc_any = models.PositiveSmallIntegerField()
    total = models.DecimalField(max_digits=28, decimal_places=4)
    n = models.IntegerField()  # Fact rows summed (reporting units)
    n_approx = models.IntegerField(default=0)
    n_over = models.IntegerField(default=0)
    n_under = models.IntegerField(default=0)

    class Meta:
        verbose_name = "tổng hợp theo cấp"
        verbose_name_plural = "tổng hợp theo cấp"
        constraints = [
            # the key of the refresh's upserts (ON CONFLICT); reads use fact_total_read below
            models.UniqueConstraint(fields=["scope", "scope_id", *TOTAL_KEY], name="fact_total_key_uniq"),
        ]
        indexes = [
            # covering: the unique key and the measures, so that a national pivot or a dashboard
            # reads its rows from this index alone, in order, with no lookup of each table row
            # (engine.sql._fetch_sql; issue 21). The unique key above stays the refresh's conflict
            # target; an approval changes a few rows of both.
            models.Index(fields=["scope", "scope_id", *TOTAL_KEY, *TOTAL_MEASURES], name="fact_total_read"),
        ]


# the columns that group FactTotal rows into a FactPacked row besides the scope: its key without the
# period, and the year (a row holds one year's periods)
PACKED_KEY = ["indicator_id", "org_id", "year", "approved", "desc_appr", "desc_any", "anc_appr", "anc_any"]


class FactPacked(models.Model):
    """The third summary level: the FactTotal rows of one scope, indicator, organization, year and
    flags in one row, their periods' totals and counts packed as text (``periods``, ``totals``,
    ``ns``: comma-separated, in the same order; a total as ``str`` of the engine's Decimal). The
    national pivot reads 612 of these instead of 2,448 FactTotal rows (issue 21: most of its time
    was reading rows through the driver). ``quals``: some period has qualifier counts (the engine
    then reads FactTotal). Kept from FactTotal by summary.repack() wherever FactTotal changes."""

    scope = models.CharField(max_length=8)
    scope_id = models.BigIntegerField()
    indicator_id = models.BigIntegerField()
    org_id = models.BigIntegerField()
    year = models.PositiveSmallIntegerField()
    approved = models.BooleanField()
    desc_appr = models.BooleanField()
    desc_any = models.BooleanField()
    anc_appr = models.PositiveSmallIntegerField()
    anc_any = models.PositiveSmallIntegerField()
    periods = models.TextField()
    totals = models.TextField()
    ns = models.TextField()
    quals = models.BooleanField()

    class Meta:
        verbose_name = "tổng hợp theo năm"
        verbose_name_plural = "tổng hợp theo năm"
        constraints = [
            models.UniqueConstraint(fields=["scope", "scope_id", *PACKED_KEY], name="fact_packed_key_uniq"),
        ]
