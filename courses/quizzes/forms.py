from django import forms
from django.utils.translation import gettext_lazy as _

from .importing import MAX_FILE_BYTES


class QuizImportForm(forms.Form):
    file = forms.FileField(
        label=_("GIFT or Aiken file"),
        help_text=_("A .gift file (Moodle) or an Aiken .txt file, in UTF-8."),
    )
    publish = forms.BooleanField(
        label=_("Publish straight away"),
        required=False,
        help_text=_("Otherwise the questions are saved as a draft for you to check."),
    )

    MAX_BYTES = MAX_FILE_BYTES

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error
        return upload
