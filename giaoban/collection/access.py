"""Who may do what for which unit. Every view, form post and API call asks here.

A membership (user, unit, role) grants:
- entry:   edit and submit the unit's own reports;
- approve: approve or return the reports of the unit's direct children (same organization),
           and view its subtree;
- view:    view the unit's subtree.
Any role also lets the user view their own unit's subtree. Superusers may do everything.
The province's MTTQ (a membership on a province-level mttq unit) may view every organization's
units in its area: the Front oversees the socio-political organizations.
"""

from django.db.models import Q, QuerySet

from giaoban.collection.models import Membership, Report
from giaoban.org import stamp
from giaoban.org.models import Unit

MEMBERSHIP_USERS_KEPT = 20_000  # users whose memberships a process keeps (a national site has more)


def _memberships(user):
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_giaoban_memberships", None)
    if cache is None:
        # kept per process until a membership, unit, organization or area changes (the stamp:
        # collection watches memberships): every page asked for them, three joins and three
        # model objects a membership. The objects are shared: read them, never change them.
        cache = stamp.remembered("memberships", user.pk, lambda: list(Membership.objects.filter(user=user).select_related(
            "unit", "unit__organization", "unit__area")), MEMBERSHIP_USERS_KEPT)
        user._giaoban_memberships = cache
    return cache


def memberships(user) -> list:
    """The user's memberships with their units, organizations and areas: read once a request
    (kept on the user object), whichever page or app asks."""
    return _memberships(user)


def viewable_units(user) -> QuerySet:
    """All units the user may see: the subtrees of their units (one query, by path prefix)."""
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    condition = Q(pk__in=[])
    for m in _memberships(user):
        condition |= Q(path__startswith=m.unit.path)
        if m.unit.organization.code == "mttq" and m.unit.level == Unit.Level.PROVINCE and m.unit.area_id:
            # The Front oversees every organization's units in its area.
            condition |= Q(area__path__startswith=m.unit.area.path) | Q(level=Unit.Level.PROVINCE, area=m.unit.area)
    return Unit.objects.filter(condition)


UNITS_KEPT = 200_000  # (user, unit) answers a process keeps


def viewable_unit(user, unit_id: int) -> Unit | None:
    """The unit with this id, with its organization, parent and area, when the user may view it; None
    otherwise. The answer (viewable_units' query) and the unit are kept until a membership or the
    tree changes (the stamp): the report pages and the autosave asked the database on every
    request. The unit object is shared between requests: read it, never change it."""
    if not getattr(user, "is_authenticated", False):
        return None
    return stamp.remembered("viewable_unit", (user.pk, bool(user.is_superuser), unit_id), lambda: viewable_units(
        user).select_related("organization", "parent", "area").filter(pk=unit_id).first(), UNITS_KEPT)


def can_view_unit(user, unit: Unit) -> bool:
    return viewable_units(user).filter(pk=unit.pk).exists()


def entry_units(user) -> QuerySet:
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    ids = [m.unit_id for m in _memberships(user) if m.role == Membership.Role.ENTRY]
    return Unit.objects.filter(pk__in=ids)


def entry_unit_list(user, valid_on, limit: int) -> list[Unit]:
    """The first ``limit`` entry units (valid on the day ``valid_on``, when given) with their
    organizations, kept until a membership or the tree changes (the stamp): the home page and
    'my reports' read them on every visit. The objects are shared: read them, never change them."""
    def read():
        units = entry_units(user)
        return list((units.valid_on(valid_on) if valid_on else units).select_related("organization")[:limit])
    if not getattr(user, "is_authenticated", False):
        return []
    return stamp.remembered("entry_units", (user.pk, bool(user.is_superuser), valid_on, limit), read, MEMBERSHIP_USERS_KEPT)


def has_entry_units(user) -> bool:
    """entry_units(user).exists() without a query for people with memberships (every page's menu asks)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:  # kept until the tree changes (the stamp): an administrator's every page asked
        return stamp.remembered("any_unit", None, lambda: Unit.objects.exists(), 1)
    return any(m.role == Membership.Role.ENTRY for m in _memberships(user))


def has_approvable_units(user) -> bool:
    """approvable_units(user).exists(), asked of the database only for people who approve."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not user.is_superuser and not any(m.role == Membership.Role.APPROVE for m in _memberships(user)):
        return False
    # kept until a membership or the tree changes (the stamp): every page's menu asks
    return stamp.remembered("approves", (user.pk, bool(user.is_superuser)), lambda: approvable_units(user).exists(),
                            MEMBERSHIP_USERS_KEPT)


def approvable_unit_ids(user) -> frozenset[int]:
    """The ids of approvable_units(user), kept until a membership or the tree changes (the stamp):
    the completeness page asks which of its hundreds of units the user may remind."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return stamp.remembered("approvable_ids", (user.pk, bool(user.is_superuser)),
                            lambda: frozenset(approvable_units(user).values_list("pk", flat=True)), MEMBERSHIP_USERS_KEPT)


def can_enter(user, unit: Unit) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(m.unit_id == unit.pk and m.role == Membership.Role.ENTRY for m in _memberships(user))


def approvable_units(user) -> QuerySet:
    """Units whose reports the user approves: the direct children of their 'approve' units."""
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.exclude(parent=None)
    ids = [m.unit_id for m in _memberships(user) if m.role == Membership.Role.APPROVE]
    return Unit.objects.filter(parent_id__in=ids)


def can_approve(user, unit: Unit) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return unit.parent_id is not None and any(
        m.unit_id == unit.parent_id and m.role == Membership.Role.APPROVE for m in _memberships(user)
    )


def visible_reports(user) -> QuerySet:
    return Report.objects.filter(unit__in=viewable_units(user))


def is_province_user(user) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(m.unit.level == Unit.Level.PROVINCE for m in _memberships(user))
