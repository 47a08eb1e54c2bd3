"""Django's password rules, worded by us: Django's Dutch says "u" and, for the
length rule, does not load next to our catalogue (its plural forms differ), so
half the messages came out in English. Same rules, our own sentences ("je")."""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("Your password is too much like your %(verbose_name)s.")

    def get_help_text(self):
        return _("Your password must not look like your name or e-mail address.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Your password is too short: use at least %(min_length)d character.",
            "Your password is too short: use at least %(min_length)d characters.",
            self.min_length,
        )

    def get_help_text(self):
        return ngettext(
            "Use at least %(min_length)d character.",
            "Use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("This password is used too often: choose another.")

    def get_help_text(self):
        return _("Do not use a password that many people use.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("Your password cannot be only digits.")

    def get_help_text(self):
        return _("Use more than digits alone.")
