"""Reminders that a report is due, from the completeness page or `giaoban remind`: an in-app
reminder for each data-entry person of a unit that has not sent (shown on 'Báo cáo của tôi'),
e-mailed when EMAIL_HOST is set and the person has an address; one per person, unit and period
a day. The text says what the unit has to do: a returned report is to be corrected and sent
again, a draft is to be finished and sent, a missing report to be entered."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from giaoban.collection.completeness import UnitState
from giaoban.collection.models import Membership, Reminder, Report
from giaoban.core.periods import Period


def message_for(state: UnitState, period: Period, today: datetime.date) -> str:
    days = (state.deadline - today).days
    when = f"đã quá hạn {-days} ngày" if days < 0 else "hạn là hôm nay" if days == 0 else f"còn {days} ngày"
    deadline = f"hạn gửi {state.deadline:%d/%m/%Y} ({when})"
    report = state.report
    if report is not None and report.status == Report.Status.RETURNED:
        reason = (report.returned_reason or "").strip().rstrip(".")
        because = f" (lý do: {reason})" if reason else ""
        return f"Báo cáo {period.label_vi} của {state.unit.name} bị trả lại{because}: cần sửa và gửi lại; {deadline}."
    if report is not None and report.status == Report.Status.DRAFT:
        return f"{state.unit.name} đang soạn báo cáo {period.label_vi}, chưa gửi lên cấp trên; {deadline}."
    return f"{state.unit.name} chưa gửi báo cáo {period.label_vi}; {deadline}."


def remind(states: list[UnitState], period: Period, *, dry_run: bool = False) -> dict:
    """Remind the data-entry people of the states not sent. Returns what was (or, dry, would be)
    created: {'units': n units reminded, 'reminders': [...], 'already': units reminded today,
    'without_people': units with nobody to remind}."""
    missing = [s for s in states if s.missing]
    people: dict[int, list] = {}
    for m in Membership.objects.filter(unit__in=[s.unit for s in missing], role=Membership.Role.ENTRY).select_related("user"):
        people.setdefault(m.unit_id, []).append(m.user)
    today = timezone.localdate()
    reminded_today = set(Reminder.objects.filter(unit__in=[s.unit for s in missing], period=period.code, created_at__date=today)
                         .values_list("user_id", "unit_id"))
    email_on = bool(settings.EMAIL_HOST)
    out, units, already, rows = [], set(), set(), []
    for s in missing:
        for user in people.get(s.unit.pk, []):
            message = message_for(s, period, today)
            duplicate = (user.pk, s.unit.pk) in reminded_today
            emailed = False
            if duplicate:
                already.add(s.unit.pk)
            elif not dry_run:
                # Mail goes out before the rows are written and outside any transaction: an SMTP
                # server that is slow must not hold the database, and 'emailed' says what happened.
                if email_on and user.email:
                    emailed = send_mail(f"[giaoban] Nhắc gửi báo cáo {period.label_vi}", message, None, [user.email],
                                        fail_silently=True) > 0
                rows.append(Reminder(user=user, unit=s.unit, period=period.code, message=message, emailed=emailed))
            if not duplicate:
                units.add(s.unit.pk)
            out.append({"user": user.username, "unit": s.unit.code, "unit_name": s.unit.name,
                        "deadline": s.deadline.isoformat(), "message": message,
                        "created": not dry_run and not duplicate, "emailed": emailed})
    Reminder.objects.bulk_create(rows)  # one statement: all of a day's reminders or none
    return {"period": period.code, "dry_run": dry_run, "units_missing": len(missing), "units": len(units),
            "already": len(already - units), "units_without_entry_user": sum(1 for s in missing if s.unit.pk not in people),
            "reminders": out, "email": email_on}
