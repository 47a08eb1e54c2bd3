"""The markup of the shared components (templates/components/), as pages render it.

Tests that look for "a button labelled X" or "a button link to Y" build the
expected HTML from the component itself, so they follow the NL Design System
classes without repeating them.
"""

from django.template.loader import render_to_string


def button_link(href: str, label: str, variant: str = "primary") -> str:
    """An <a> styled as a button (components/button_link.html)."""
    html = render_to_string(
        "components/button_link.html", {"href": href, "label": label, "variant": variant}
    )
    return html.strip()


def button(label: str, variant: str = "primary") -> str:
    """A submit <button> (components/button.html)."""
    return render_to_string("components/button.html", {"label": label, "variant": variant}).strip()
