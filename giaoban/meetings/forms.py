from django import forms
from django.core.exceptions import ValidationError

from giaoban.core.periods import Period
from giaoban.org.models import Area, Organization, Unit

from .models import Task

ALLOWED_SUFFIXES = (".txt", ".docx", ".html", ".htm")


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp bài viết hoặc biên bản (.txt, .docx, .html)", required=False)
    text = forms.CharField(label="Hoặc dán nội dung", widget=forms.Textarea(attrs={"rows": 10}), required=False)
    title = forms.CharField(label="Tên hội nghị", max_length=300, required=False)
    area = forms.ModelChoiceField(label="Địa bàn", queryset=Area.objects.filter(level=Area.Level.PROVINCE), required=False,
                                  empty_label="(cả tỉnh / không ghi)")

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload and not upload.name.lower().endswith(ALLOWED_SUFFIXES):
            raise ValidationError(f"Tệp {upload.name}: chỉ nhận .txt, .docx hoặc .html.")
        if not upload and not (data.get("text") or "").strip():
            raise ValidationError("Chọn một tệp hoặc dán nội dung bài viết, biên bản.")
        return data


class CandidateForm(forms.Form):
    keep = forms.BooleanField(label="Giao nhiệm vụ này", required=False, initial=True)
    text = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    orgs = forms.MultipleChoiceField(label="Tổ chức thực hiện", required=False, widget=forms.CheckboxSelectMultiple)
    due_period = forms.CharField(label="Kỳ phải hoàn thành", max_length=10, required=False)
    priority = forms.ChoiceField(label="Mức ưu tiên", choices=Task.Priority.choices, initial=Task.Priority.NORMAL)
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["orgs"].choices = [(o.code, o.short_name or o.name) for o in Organization.objects.all()]

    def clean(self):
        data = super().clean()
        if not data.get("keep") or not (data.get("text") or "").strip():
            return data  # an empty or unticked row is simply left out
        value = (data.get("due_period") or "").strip()
        if not value:
            self.add_error("due_period", "Nhập kỳ phải hoàn thành (ví dụ 2023-Q4).")
            return data
        try:
            data["due_period"] = Period.parse(value).code
        except ValueError as exc:
            self.add_error("due_period", str(exc))
        return data


CandidateFormSet = forms.formset_factory(CandidateForm, extra=1)


class ProgressForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị báo cáo", queryset=None, empty_label="— chọn đơn vị —")
    status = forms.ChoiceField(label="Trạng thái", choices=[c for c in Task.Status.choices if c[0] != Task.Status.CARRIED])
    note = forms.CharField(label="Kết quả thực hiện", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Hãy ghi kết quả thực hiện (đã làm gì, ở đâu, bao nhiêu)."})

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
