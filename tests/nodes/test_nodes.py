"""Two web nodes and two Celery workers on one PostgreSQL and one Redis, as
production runs them, and what a visitor would notice if anything were kept in
one process: a page published through one node is fresh on the other at once,
a booking on one shows on the other, a certificate rendered by either worker
downloads from both nodes, and failed log-ins count across nodes.

The nodes are gunicorn with the production settings (tests/nodes/settings.py);
the test talks to them as the load balancer in front of them would: one public
host name, X-Forwarded-Proto: https, and the visitor's address in
X-Forwarded-For (TRUSTED_PROXY_COUNT=1). Private files live in one folder that
both workers and both nodes use: on one machine the honest stand-in for the
S3-compatible bucket of production (PRIVATE_STORAGE=s3).

The processes start once for this module. The database is emptied after each
test, so each test also starts from an emptied Redis (the nodes' own key
prefix), as after a restart of both.
"""

import email
import hashlib
import http.client
import os
import re
import secrets
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import connection
from django.urls import reverse
from wagtail.models import Site

from bench.bookings import free_port, start_node, stop, wait_until_up
from certificates import services
from certificates.models import Certificate
from courses.choices import Format
from lms import roles
from lms.celery import app as celery_app
from lms.demo import current_totp_code
from lms.models import SiteSettings
from tests.conftest import skip_or_fail
from tests.factories import CourseIndexPageFactory, CoursePageFactory, UserFactory
from tests.workers import stop_worker, tasks_sent_to
from tests.workshops.factories import TrainingDayFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.live_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST = "localhost"  # the site's public name, whichever node answers
CLIENT = "203.0.113.10"  # the visitor's address, as the proxy reports it
PASSWORD = "een-lang-wachtwoord"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HEADING = re.compile(r"<h1[^>]*>\s*(.*?)\s*</h1>", re.S)
WORKERS = ("worker-a", "worker-b")


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def heading(self) -> str:
        return HEADING.search(self.text).group(1)


class Visitor:
    """One browser behind the load balancer: it keeps its cookies (the
    session's too, whichever node set it), and each call names the node that
    answers, as the balancer would choose it."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, fields: dict | None = None) -> Answer:
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": CLIENT}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            answer = Answer(
                response.status,
                {name.lower(): value for name, value in response.getheaders()},
                response.read(),
            )
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    self._keep(value)
        finally:
            conn.close()
        return answer

    def _keep(self, header: str) -> None:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            if morsel["max-age"] in (0, "0"):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    def get(self, port: int, path: str) -> Answer:
        return self.request(port, "GET", path)

    def submit(self, port: int, path: str, fields: dict) -> Answer:
        """Open the form at `path` and send it with `fields`, on one node."""
        form = self.get(port, path)
        assert form.status == 200, (path, form.status)
        token = TOKEN.search(form.text).group(1)
        return self.request(port, "POST", path, {"csrfmiddlewaretoken": token, **fields})

    def log_in(self, port: int, address: str, *, password: str = PASSWORD) -> Answer:
        return self.submit(port, "/nl/accounts/login/", {"login": address, "password": password})

    def log_in_with_code(self, port: int, address: str) -> None:
        """Password, then the authenticator's code: what the admin asks."""
        second_step = "/nl/accounts/2fa/authenticate/"
        answer = self.log_in(port, address)
        assert (answer.status, answer.headers["location"]) == (302, second_step)
        answer = self.submit(port, second_step, {"code": current_totp_code(address)})
        assert answer.status == 302, answer.status


@dataclass
class Cluster:
    a: int  # the ports of the two web nodes
    b: int
    redis_url: str
    cache_prefix: str
    queue: str
    private: Path
    mailboxes: dict[str, Path]  # per worker: the mail it sent

    def empty_cache(self) -> None:
        """Delete the nodes' cache entries (django-redis keys are prefix:version:key)."""
        self._delete(f"{self.cache_prefix}:*")

    def forget(self) -> None:
        """Delete everything the run left in Redis: cache, queue and its binding."""
        self._delete(f"{self.cache_prefix}:*")
        self._delete(f"*{self.queue}")

    def _delete(self, pattern: str) -> None:
        import redis

        client = redis.Redis.from_url(self.redis_url)
        for key in client.scan_iter(match=pattern, count=1000):
            client.delete(key)


def _reachable_redis() -> str:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        skip_or_fail("needs Redis: set REDIS_URL to run web nodes and workers")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        skip_or_fail(f"Redis at {url} is not reachable: {exc}")
    return url


def _database_url() -> str:
    """The test database (test_<name>), which the nodes share with the test."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_worker(name: str, env: dict, log: Path) -> subprocess.Popen:
    """A production worker with a name of its own (two with one name would
    share one control queue, and only one would answer a ping)."""
    with open(log, "a") as output:
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "lms", "worker"),
                *("--hostname", f"{name}@%h", "--queues", env["CELERY_QUEUE"]),
                *("--concurrency", "1", "--without-gossip", "--without-mingle"),
                *("--loglevel", "WARNING"),
            ],
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _wait_for_workers(cluster: Cluster, deadline: float) -> None:
    """Until both workers answer a ping: they consume the queue from then on."""
    with tasks_sent_to(cluster.redis_url, cluster.queue):
        while time.monotonic() < deadline:
            replies = celery_app.control.ping(timeout=0.5)
            answered = {name.split("@")[0] for reply in replies for name in reply}
            if answered >= set(WORKERS):
                return
    pytest.fail("the workers did not start in time")


@pytest.fixture(scope="module")
def cluster(django_db_setup, tmp_path_factory):
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://...")
    redis_url = _reachable_redis()
    root = tmp_path_factory.mktemp("nodes")
    for folder in ("static", "private", "media", "mail-nodes", *WORKERS):
        (root / folder).mkdir()
    run = uuid.uuid4().hex[:8]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.nodes.settings",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"nodes-{run}",
        "CELERY_QUEUE": f"nodes-{run}",
        "NODES_STATIC_ROOT": str(root / "static"),
        "PRIVATE_STORAGE": "filesystem",
        "PRIVATE_MEDIA_ROOT": str(root / "private"),
        "MEDIA_ROOT": str(root / "media"),
        "EMAIL_URL": f"file://{root / 'mail-nodes'}",
        # The balancer's health checks ask each node by its own address.
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "BASE_URL": f"https://{HOST}",
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "WARNING",
    }
    cluster = Cluster(
        a=free_port(),
        b=free_port(),
        redis_url=redis_url,
        cache_prefix=env["CACHE_KEY_PREFIX"],
        queue=env["CELERY_QUEUE"],
        private=root / "private",
        mailboxes={name: root / name for name in WORKERS},
    )
    started = time.monotonic()
    # Each worker mails into a folder of its own, which tells who rendered what.
    workers = [
        _start_worker(name, {**env, "EMAIL_URL": f"file://{root / name}"}, root / f"{name}.log")
        for name in WORKERS
    ]
    nodes = []
    try:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            timeout=120,
        )
        nodes = [start_node(port, env, workers=1) for port in (cluster.a, cluster.b)]
        for port, node in zip((cluster.a, cluster.b), nodes, strict=True):
            wait_until_up(port, node)
        _wait_for_workers(cluster, started + 60)
        yield cluster
    finally:
        # Side by side: each takes seconds to finish gracefully.
        with ThreadPoolExecutor() as pool:
            stopping = [pool.submit(stop, nodes), *(pool.submit(stop_worker, w) for w in workers)]
        for each in stopping:
            each.result()
        cluster.forget()


@pytest.fixture
def nodes(cluster, transactional_db):
    cluster.empty_cache()
    return cluster


def _person(*role_names: str, email: str):
    """An account whose password the nodes can check: production hashes with
    PBKDF2, the test settings with MD5, which production does not know."""
    user = UserFactory(email=email, roles=list(role_names))
    user.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def catalogue(homes):
    # A running site has long since made its settings row (which starts a new
    # page generation: the first page a node stored would not count).
    SiteSettings.for_site(Site.objects.get())
    return CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")


@pytest.fixture
def training(catalogue):
    return CoursePageFactory(
        parent=catalogue,
        title="Training jeugdprostitutie",
        slug="training-jeugdprostitutie",
        format=Format.TRAINING_DAY,
    )


def test_a_page_published_through_one_node_is_fresh_on_the_other_at_once(nodes, training):
    editor = _person(roles.EDITORS, email="redacteur@example.org")
    TOTP.activate(editor, generate_totp_secret())
    reader = Visitor()
    first, second = reader.get(nodes.b, training.url), reader.get(nodes.b, training.url)
    assert (first.headers["x-page-cache"], second.headers["x-page-cache"]) == ("miss", "hit")
    assert second.heading == "Training jeugdprostitutie"

    # The editor's draft, published in the admin of node A.
    training.title = "Training seksuele uitbuiting van jongeren"
    training.save_revision(user=editor)
    admin = Visitor()
    admin.log_in_with_code(nodes.a, editor.email)
    published = admin.submit(nodes.a, f"/admin/bulk/wagtailcore/page/publish/?id={training.pk}", {})
    assert published.status == 302

    on_b = reader.get(nodes.b, training.url)
    assert on_b.heading == "Training seksuele uitbuiting van jongeren"
    assert "Training jeugdprostitutie" not in on_b.text
    assert reader.get(nodes.a, training.url).heading == on_b.heading


def test_a_booking_on_one_node_shows_on_the_other(nodes, training):
    day = TrainingDayFactory(course=training, capacity=2)
    learner = _person(roles.LEARNERS, email="jeugdwerker@example.org")
    reader = Visitor()
    reader.get(nodes.b, training.url)
    before = reader.get(nodes.b, training.url)
    assert before.headers["x-page-cache"] == "hit"
    assert "Nog 2 plaatsen vrij" in before.text

    professional = Visitor()
    assert professional.log_in(nodes.a, learner.email).status == 302
    booked = professional.submit(
        nodes.a,
        reverse("bookings:book", kwargs={"key": day.key}),
        {"organisation": "Wijkteam Feijenoord", "municipality": ""},
    )
    assert (booked.status, booked.headers["location"]) == (302, "/nl/my/#bookings-heading")

    assert "Nog 1 plaats vrij" in reader.get(nodes.b, training.url).text
    # The session made on node A holds on node B: the booking is on /my/.
    mine = professional.get(nodes.b, reverse("lms:dashboard"))
    assert mine.status == 200
    assert "Plaats bevestigd" in mine.text


def _mailed_text(mailbox: Path) -> str:
    """The plain-text parts of every mail in a folder of the file backend
    (each message followed by a line of dashes)."""
    separator = b"\n" + b"-" * 79 + b"\n"
    return "\n".join(
        part.get_payload(decode=True).decode()
        for path in mailbox.iterdir()
        for chunk in path.read_bytes().split(separator)
        if chunk.strip()
        for part in email.message_from_bytes(chunk).walk()
        if part.get_content_type() == "text/plain"
    )


def test_a_certificate_rendered_by_either_worker_downloads_from_both_nodes(nodes, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Signalen van mensenhandel herkennen")
    learner = _person(roles.LEARNERS, email="noor@example.org")
    with tasks_sent_to(nodes.redis_url, nodes.queue):
        issued = [services.issue_for_course(learner, course) for _ in range(4)]
    ready = Certificate.objects.filter(status=Certificate.Status.READY, emailed_at__isnull=False)
    deadline = time.monotonic() + 30
    while ready.count() < len(issued) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert ready.count() == len(issued)

    # Both workers took a share: the one that rendered a certificate mailed it.
    mailed = {name: _mailed_text(folder) for name, folder in nodes.mailboxes.items()}
    rendered_by = {
        name: {c.code for c in issued if c.code in text} for name, text in mailed.items()
    }
    assert all(rendered_by.values()), rendered_by
    assert set.union(*rendered_by.values()) == {c.code for c in issued}

    owner = Visitor()
    assert owner.log_in(nodes.a, learner.email).status == 302
    for certificate in issued:
        certificate.refresh_from_db()
        assert (nodes.private / certificate.pdf.name).is_file()
        for port in (nodes.a, nodes.b):
            answer = owner.get(port, reverse("certificates:pdf", kwargs={"code": certificate.code}))
            assert (answer.status, answer.headers["content-type"]) == (200, "application/pdf")
            assert hashlib.sha256(answer.body).hexdigest() == certificate.sha256


def test_failed_log_ins_count_across_nodes(nodes):
    """Five wrong passwords for one account in five minutes are allowed, the
    sixth is refused, however the balancer spreads them over the nodes."""
    learner = _person(roles.LEARNERS, email="jeugdwerker@example.org")
    guesser = Visitor()
    answers = [
        guesser.log_in(port, learner.email, password=f"geraden-{n}")
        for n, port in enumerate([nodes.a, nodes.b] * 3)
    ]
    assert [a.status for a in answers] == [400, 400, 400, 400, 400, 429]
    assert "Te veel inlogpogingen" not in answers[4].text
    assert "Te veel inlogpogingen" in answers[5].text
