"""One way to lock what a workflow changes, so two web nodes never sell the
same seat: row locks taken in a fixed order (sorted primary keys) inside the
caller's transaction, with a lock timeout. After pretix's `lock_objects`.

A lock that cannot be had within `LOCK_TIMEOUT` raises `Refused` (409) with a
"try again" message, never a 500 or an endless wait. On SQLite (the embedded
default) a write transaction already excludes every other writer, so the
locks are a no-op there and the same code runs."""

from collections.abc import Iterable
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.utils.translation import gettext as _

from .errors import Refused

# How long a workflow waits for another one on the same rows.
LOCK_TIMEOUT_MS = 5000


class Busy(Refused):
    def __init__(self):
        super().__init__(
            _("Many people are doing this at the same moment. Please try again."), status=409
        )


def _is_lock_timeout(error: OperationalError) -> bool:
    # psycopg's LockNotAvailable (SQLSTATE 55P03) when lock_timeout is reached.
    return getattr(getattr(error, "__cause__", None), "sqlstate", None) == "55P03"


@contextmanager
def translating_lock_timeouts():
    """Turn a lock timeout raised inside the block into `Busy`."""
    try:
        yield
    except OperationalError as error:
        if _is_lock_timeout(error):
            raise Busy() from error
        raise


def lock_rows(model, pks: Iterable[int], *, using: str = DEFAULT_DB_ALIAS) -> list:
    """Lock the rows of `model` with these primary keys, in ascending order,
    and return them freshly read. Must run inside `transaction.atomic`; the
    locks last until it ends. Raises `Busy` when another transaction holds one
    longer than LOCK_TIMEOUT_MS."""
    if not transaction.get_connection(using).in_atomic_block:
        raise RuntimeError("lock_rows() must run inside transaction.atomic()")
    keys = sorted(set(pks))
    connection = connections[using]
    with translating_lock_timeouts():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # SET LOCAL: only for this transaction; the value is ours, not input.
                cursor.execute(f"SET LOCAL lock_timeout = {int(LOCK_TIMEOUT_MS)}")
        return list(
            model._default_manager.using(using)
            .select_for_update()
            .filter(pk__in=keys)
            .order_by("pk")
        )


def lock_one(instance):
    """Lock one model instance's row and return it freshly read."""
    rows = lock_rows(type(instance), [instance.pk])
    if not rows:
        raise type(instance).DoesNotExist
    return rows[0]
