"""Back office for certificates: listing, revoke / reissue, manual and bulk
issuing, bulk regeneration with progress, and template previews."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from courses.models import CoursePage
from lms import audit
from lms.errors import Refused

from . import rendering, services, tasks
from .forms import RevokeForm
from .models import Certificate, CertificateTemplate

MANAGE_PERMISSION = "certificates.change_certificate"


def _require(request):
    if not request.user.has_perm(MANAGE_PERMISSION):
        raise PermissionDenied


class CertificatePermissionHelper(PermissionHelper):
    """Certificates are made by the issuing workflow, never typed in or edited."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class CertificateAdmin(ModelAdmin):
    model = Certificate
    menu_label = gettext_lazy("Certificates")
    menu_icon = "doc-full-inverse"
    menu_order = 300
    permission_helper_class = CertificatePermissionHelper
    inspect_view_enabled = True
    list_display = ("code", "recipient_name", "subject_title", "issued_on", "status", "manage")
    list_filter = ("status", "kind", "subject_title", "issued_on")
    search_fields = ("recipient_name", "code")
    list_export = (
        "code",
        "recipient_name",
        "subject_title",
        "kind",
        "issued_on",
        "expires_on",
        "status",
        "sha256",
    )
    export_filename = "certificates"

    def manage(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("certificates_manage", args=[obj.pk]),
            _("Revoke or reissue"),
        )

    manage.short_description = gettext_lazy("Actions")


modeladmin_register(CertificateAdmin)


def _preview_link(template):
    return format_html(
        '<a href="{}">{}</a>',
        reverse("certificates_template_preview", args=[template.pk]),
        _("Preview PDF"),
    )


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificate templates")
    list_display = [
        "name",
        "locale",
        "is_default",
        Column("preview", label=gettext_lazy("Preview"), accessor=_preview_link),
    ]


register_snippet(CertificateTemplateViewSet)


def manage_view(request, certificate_id: int):
    _require(request)
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    form = RevokeForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "reissue":
                new = services.reissue(certificate, by=request.user)
                messages.success(
                    request, _("A new certificate %(code)s is being made.") % {"code": new.code}
                )
                return redirect("certificates_manage", new.pk)
            if form.is_valid():
                services.revoke(certificate, form.cleaned_data["reason"], by=request.user)
                messages.success(
                    request, _("Certificate %(code)s is revoked.") % {"code": certificate.code}
                )
                return redirect("certificates_manage", certificate.pk)
        except Refused as error:
            messages.error(request, str(error))
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "certificates/admin/manage.html",
        {"certificate": certificate, "form": form},
        status=status,
    )


class IssueForm(forms.Form):
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.live().filter(locale__language_code="nl").order_by("title"),
    )
    emails = forms.CharField(
        label=gettext_lazy("Recipients' e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One per line. Every address must belong to an account."),
    )

    def clean_emails(self):
        addresses = {
            line.strip().lower()
            for line in self.cleaned_data["emails"].splitlines()
            if line.strip()
        }
        users = {u.email.lower(): u for u in get_user_model().objects.filter(email__in=addresses)}
        unknown = sorted(addresses - set(users))
        if unknown:
            raise forms.ValidationError(
                _("No account for: %(emails)s") % {"emails": ", ".join(unknown)}
            )
        return list(users.values())


def issue_view(request):
    """A coordinator issues certificates by hand, for one or many people."""
    _require(request)
    form = IssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            made = [
                services.issue_for_course(user, form.cleaned_data["course"], issued_by=request.user)
                for user in form.cleaned_data["emails"]
            ]
        messages.success(
            request, _("%(count)d certificate(s) are being made.") % {"count": len(made)}
        )
        return redirect("certificates_progress")
    return TemplateResponse(
        request, "certificates/admin/issue.html", {"form": form}, status=400 if form.errors else 200
    )


def progress_view(request):
    """Counts per status, refreshed every few seconds while work is pending;
    POST queues every failed or stuck certificate again."""
    _require(request)
    if request.method == "POST":
        count = tasks.regenerate(
            Certificate.objects.filter(
                status__in=[Certificate.Status.FAILED, Certificate.Status.PENDING]
            )
        )
        messages.success(request, _("%(count)d certificate(s) queued again.") % {"count": count})
        return redirect("certificates_progress")
    counts = {
        status: Certificate.objects.filter(status=status).count()
        for status in Certificate.Status.values
    }
    total = sum(counts.values()) or 1
    context = {
        "counts": [(Certificate.Status(s).label, n) for s, n in counts.items()],
        "pending": counts[Certificate.Status.PENDING],
        "failed": counts[Certificate.Status.FAILED],
        "done_percent": round(100 * (total - counts[Certificate.Status.PENDING]) / total),
    }
    return TemplateResponse(request, "certificates/admin/progress.html", context)


def template_preview_view(request, template_id: int):
    """The template as a PDF, filled with an example recipient."""
    _require(request)
    template = get_object_or_404(CertificateTemplate, pk=template_id)
    sample = Certificate(
        code="PREV-IEW0-0000-00",
        recipient_name=_("Example Name"),
        subject_title=_("Recognising signs of human trafficking"),
        study_load=_("Study load 2 hours"),
        language=template.locale.language_code,
        template=template,
    )
    response = HttpResponse(rendering.render(sample), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="preview.pdf"'
    return response


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [
        path("certificates/<int:certificate_id>/manage/", manage_view, name="certificates_manage"),
        path("certificates/issue/", issue_view, name="certificates_issue"),
        path("certificates/progress/", progress_view, name="certificates_progress"),
        path(
            "certificates/templates/<int:template_id>/preview.pdf",
            template_preview_view,
            name="certificates_template_preview",
        ),
    ]


class ManageCertificatesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MANAGE_PERMISSION)


@hooks.register("register_admin_menu_item")
def issue_menu_item():
    return ManageCertificatesMenuItem(
        gettext_lazy("Issue certificates"),
        reverse("certificates_issue"),
        icon_name="plus",
        order=301,
    )


@hooks.register("register_admin_menu_item")
def progress_menu_item():
    return ManageCertificatesMenuItem(
        gettext_lazy("Certificate progress"),
        reverse("certificates_progress"),
        icon_name="time",
        order=302,
    )


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    """What certificates.services writes in the audit log (lms.audit)."""
    audit.register(actions, "certificates.issue", gettext_lazy("Certificate issued"))
    audit.register(actions, "certificates.revoke", gettext_lazy("Certificate revoked"))
    audit.register(actions, "certificates.reissue", gettext_lazy("Certificate reissued"))
