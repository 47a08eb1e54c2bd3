"""Sentences of django-allauth's templates whose Dutch we word ourselves: its
catalogue says "a.u.b." (we say "je" throughout) and gives one of them the
translation of another. Marking the source strings here puts them in our
catalogue (`make messages`), which Django reads before allauth's. The wording
itself lives in locale/nl only."""

from django.utils.translation import gettext_noop

ALLAUTH_SENTENCES = [
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize "
        "the signup process. If you do not see the verification email in your main inbox, "
        "check your spam folder. Please contact us if you do not receive the verification "
        "email within a few minutes."
    ),
    gettext_noop(
        "We have sent an email to you for\nverification. Please click on the link inside that "
        "email. If you do not see the verification email in your main inbox, check your spam "
        "folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),
]
