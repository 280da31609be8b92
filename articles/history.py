"""What staff changed, old → new, written into Django's own admin history (LogEntry).

Django records who and when for every admin change but only the names of the changed fields;
an archive wants the values too. The message is plain text, which the admin's history page
shows as it is. Chosen over django-simple-history: no shadow tables for a million articles,
and the admin's own history view already lists it per object.
"""

from __future__ import annotations

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import FieldDoesNotExist

LIMIT = 120


def short(value) -> str:
    text = "、".join(map(str, value)) if isinstance(value, (list, tuple)) else ("" if value is None else str(value))
    text = text.replace("\n", "⏎")
    return text if len(text) <= LIMIT else text[:LIMIT] + f"…（共{len(text)}字）"


def field_label(model, name: str) -> str:
    """A field's Chinese name ("图片说明", not "captions"); the name itself when the model has no such field."""
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def change_lines(form) -> list[str]:
    lines = []
    for name in form.changed_data:
        label = form.fields[name].label or name
        lines.append(f"{label}：{short(form.initial.get(name))} → {short(form.cleaned_data.get(name))}")
    return lines


def formset_lines(formsets) -> list[str]:
    lines = []
    for formset in formsets:
        for obj in formset.new_objects:
            lines.append(f"新增{obj._meta.verbose_name}：{obj}")
        for obj, fields in formset.changed_objects:
            lines.append(
                f"修改{obj._meta.verbose_name}：{obj}（{'、'.join(field_label(type(obj), f) for f in fields)}）"
            )
        for obj in formset.deleted_objects:
            lines.append(f"删除{obj._meta.verbose_name}：{obj}")
    return lines


def log(user, obj, message: str) -> None:
    """A history line for a change made outside a change form (merge, re-parse)."""
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=[obj], action_flag=CHANGE, change_message=message, single_object=True
    )
