"""Ingest from the admin (staff only): upload page files or a zip, with a date, page and paper or
none (taken from the file names, as the `ingest` command does); each file goes through the same
pipeline, one transaction each, and the run record (read-only) shows every file's outcome."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import IngestRun
from articles.parsing import DEFAULT_PAPER
from articles.parsing.filenames import valid_label
from articles.storage import run_uploads
from articles.uploads import MAX_INSIDE, entries

MAX_REQUEST = MAX_INSIDE + 1024 * 1024  # the files and the form's other fields


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.Field):
    """Every uploaded file as it came: an empty or bad file is one line of the run, not a form error
    that would stop the rest of the upload."""

    widget = MultipleFileInput

    def clean(self, value):
        files = [f for f in (value if isinstance(value, (list, tuple)) else [value]) if f]
        if not files:
            raise forms.ValidationError("请选择至少一个文件。")
        return files


class UploadForm(forms.Form):
    files = FilesField(
        label="版面文件",
        help_text="一个或多个 .txt / .md 文件，或一个 zip（可含文件夹）。文件名如 2020-03-27_A1.txt 时，日期与版次取自文件名。",
    )
    issue_date = forms.DateField(
        label="出版日期", required=False, help_text="格式 2020-03-27；留空则取自文件名，或由正文推断"
    )
    page = forms.CharField(label="版次", max_length=16, required=False, help_text="如 A1；只能配单个文件")
    paper = forms.CharField(label="报名", max_length=100, initial=DEFAULT_PAPER)

    def clean_page(self) -> str | None:
        label = self.cleaned_data["page"].strip().upper()
        if label and not valid_label(label):
            raise forms.ValidationError("版次应形如 A1 或 B12。")
        return label or None

    def clean_paper(self) -> str:
        paper = self.cleaned_data["paper"].strip()
        if not paper:
            raise forms.ValidationError("请填写报名。")
        return paper

    def clean(self):
        data = super().clean()
        files = data.get("files") or []
        if data.get("page") and (len(files) > 1 or any(f.name.lower().endswith(".zip") for f in files)):
            raise forms.ValidationError("版次只能配单个版面文件；多个文件或 zip 请留空版次，由文件名给出。")
        return data


def upload_pages(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("articles.change_page"):
        raise PermissionDenied
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST:
            messages.error(
                request, f"上传过大：一次最多 {MAX_INSIDE // (1024 * 1024)} MB，请分批上传。没有导入任何文件。"
            )
            return redirect(reverse("admin:articles_ingestrun_upload"))
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            run = _run(request, form.cleaned_data)
            level = messages.WARNING if run.failed else messages.SUCCESS
            messages.add_message(
                request,
                level,
                f"{run.files} 个文件：新增 {run.new}，未变 {run.unchanged}，重新解析 {run.reparsed}，失败 {run.failed}。",
            )
            return redirect(reverse("admin:articles_ingestrun_change", args=[run.pk]))
    else:
        form = UploadForm()
    context = {**admin.site.each_context(request), "title": "上传版面文件", "form": form, "opts": IngestRun._meta}
    return TemplateResponse(request, "admin/articles/ingestrun/upload.html", context)


def _run(request: HttpRequest, data: dict) -> IngestRun:
    day, page, paper = data["issue_date"], data["page"], data["paper"]
    arguments = (
        f"后台上传（{request.user.get_username()}）：{'、'.join(f.name for f in data['files'])}；"
        f"日期 {day or '取自文件名'}，版次 {page or '取自文件名'}，报名 {paper}"
    )
    found = (entry for upload in data["files"] for entry in entries(upload.name, upload.size, upload))
    return run_uploads(found, paper=paper, issue_date=day, label=page, arguments=arguments)
