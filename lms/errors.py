"""The one user-facing error of the platform: an action refused, with a message
for the person (already translated) and the HTTP status the refusal answers
with. Services raise it; views turn it into a page with `refused_response`."""

from django.shortcuts import render


class Refused(Exception):
    """An action that cannot be done; the message is for the user.

    `status` is what a view answers with: 400 for bad input, 403 for an action
    this person may not take (yet), 409 for a conflict with the current state."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return str(self.message)


def refused_response(request, error: Refused, *, back_url: str, back_label: str):
    """The page that says what did not work and leads back, with the error's status."""
    return render(
        request,
        "refused.html",
        {"message": error.message, "back_url": back_url, "back_label": back_label},
        status=error.status,
    )
