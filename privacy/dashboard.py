"""The section of /my/ this app gives: your data, to download or remove."""


def privacy_section(request) -> dict:
    return {"template": "privacy/includes/dashboard_privacy.html"}
