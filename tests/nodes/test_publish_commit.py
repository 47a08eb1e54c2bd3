"""A page another node renders while a publish is still being committed.

Wagtail sends `page_published` (and `post_page_move`, and a page's
`post_delete`) inside the transaction that makes the change: the admin's bulk
publish, a move and a delete each run in one. A node that reads the page
between the new generation and the commit still finds the old rows, and would
store the old page under the new generation, to be served until the next
change. Here the other node is a second database connection (a thread) and the
shared cache is the test's; two gunicorn nodes share Redis the same way.
"""

import threading

import pytest
from django.db import connection, transaction

from lms.models import StandardPage

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_page_read_while_its_publish_commits_is_not_served_after_it(
    require_postgres, client, homes
):
    page = StandardPage(title="Over ons", slug="over-ons")
    homes["nl"].add_child(instance=page)
    assert "Over ons" in client.get("/nl/over-ons/").text
    published, committed = threading.Event(), threading.Event()

    def publish_in_one_transaction():
        try:
            with transaction.atomic():
                editing = StandardPage.objects.get(pk=page.pk)
                editing.title = "Wie wij zijn"
                editing.save_revision().publish()
                published.set()
                committed.wait(timeout=10)
        finally:
            connection.close()

    editor = threading.Thread(target=publish_in_one_transaction)
    editor.start()
    assert published.wait(timeout=10)
    during = client.get("/nl/over-ons/")  # not committed yet: the old title
    committed.set()
    editor.join()

    assert "Over ons" in during.text
    after = client.get("/nl/over-ons/")
    assert "Wie wij zijn" in after.text
