"""Certificate throughput. A benchmark, not a test: it prints figures.

1. PDFs rendered per second in this process with the real renderer: embedded
   font, a PNG logo and signature, and the QR code.
2. Wall time for N certificates (default 1,000) issued at once and made by
   real Celery workers on Redis (one worker, 2 processes), e-mail included
   (console backend into /dev/null), until every one is ready and mailed.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/certificates.py [--count 1000]

Uses DATABASE_URL (default: a fresh PostgreSQL database lms_bench).
Targets: >= 100 PDFs/s per core; 1,000 certificates in < 30 s.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, bench_environment, prepare_database, setup_django  # noqa: E402


def render_rate(seconds: float) -> tuple[float, int]:
    from PIL import Image

    from certificates.pdf import CertificateContent, CertificateDesign, render_certificate

    folder = Path(tempfile.mkdtemp(prefix="lms-bench-img-"))
    Image.new("RGB", (600, 200), "#3f1d5e").save(folder / "logo.png")
    Image.new("RGBA", (400, 120), (0, 0, 0, 0)).save(folder / "signature.png")
    design = CertificateDesign(
        heading="Certificaat",
        intro="Hierbij verklaren wij dat",
        completion_text="met goed gevolg heeft afgerond",
        signatory_name="A. Jansen",
        signatory_role="Directeur",
        organisation_name="Expertisecentrum",
        logo_path=str(folder / "logo.png"),
        signature_path=str(folder / "signature.png"),
    )
    rendered, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        code = uuid.uuid4().hex[:14].upper()
        render_certificate(
            design,
            CertificateContent(
                recipient_name=f"Deelnemer {rendered}",
                subject_title="Signalen van mensenhandel herkennen",
                issued_on=date(2026, 11, 22),
                study_load="Studiebelasting 2 uur",
                code=code,
                verify_url=f"https://leren.example.org/nl/certificates/verify/{code}/",
                language="nl",
            ),
        )
        rendered += 1
    return rendered / (time.perf_counter() - started), rendered


def through_workers(count: int) -> tuple[float, int]:
    env = bench_environment(
        CELERY_QUEUE=f"bench-{uuid.uuid4().hex[:8]}",
        EMAIL_URL="console://",
        MEDIA_ROOT=tempfile.mkdtemp(prefix="lms-bench-media-"),
    )
    if not env.get("REDIS_URL"):
        raise SystemExit("Set REDIS_URL to run real workers (e.g. redis://127.0.0.1:6379/0).")
    prepare_database(env)
    setup_django(env)
    from django.db import transaction

    from certificates import services
    from certificates.models import Certificate
    from courses.models import CoursePage
    from lms.models import User

    course = CoursePage.objects.get(
        slug="signalen-mensenhandel-herkennen", locale__language_code="nl"
    )
    users = User.objects.bulk_create(
        User(
            username=f"bench{i}",
            email=f"bench{i}@example.org",
            first_name="Deelnemer",
            last_name=str(i),
        )
        for i in range(count)
    )
    Certificate.objects.all().delete()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--queues",
            env["CELERY_QUEUE"],
            "--concurrency",
            "2",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(4)  # let the worker start before the clock does
        started = time.perf_counter()
        with transaction.atomic():
            for user in users:
                services.issue_for_course(user, course)
        done = 0
        while time.perf_counter() - started < 300:
            done = Certificate.objects.filter(
                status=Certificate.Status.READY, emailed_at__isnull=False
            ).count()
            if done == count:
                break
            time.sleep(0.2)
        return time.perf_counter() - started, done
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=5.0)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    rate, rendered = render_rate(options.seconds)
    print(
        f"render: {rate:.0f} PDFs/s in one process ({rendered} in {options.seconds:.0f}s; "
        "embedded font, PNG logo and signature, QR code); target >= 100/s per core"
    )
    elapsed, done = through_workers(options.count)
    print(
        f"workers: {done}/{options.count} certificates ready and e-mailed in {elapsed:.1f}s "
        "(1 worker, 2 processes, Redis); target < 30s for 1,000"
    )


if __name__ == "__main__":
    main()
