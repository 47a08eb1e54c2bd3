"""What the benchmarks share: a fresh database and the benchmark settings."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def bench_environment(**extra: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lms_bench"
        ),
        "BENCH_STATIC_ROOT": tempfile.mkdtemp(prefix="lms-bench-static-"),
        **extra,
    }
    env.setdefault("SECRET_KEY", "bench-" + "k" * 60)
    return env


def prepare_database(env: dict, *commands: list[str]) -> None:
    """Recreate the benchmark database (when its name starts with lms_bench, e.g.
    lms_bench_2 for a second run beside the first), migrate, load the demo and
    run any further management `commands`."""
    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[-1]
    if url.startswith("postgres") and re.fullmatch(r"lms_bench\w*", name):
        import psycopg

        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
    manage = [sys.executable, "manage.py"]
    for args in (["migrate", "-v0"], ["seed_demo", "--force"], *commands):
        subprocess.run(manage + args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def recreate_database(env: dict) -> None:
    """An empty, migrated benchmark database (its name must start with lms_bench)."""
    import psycopg

    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[-1]
    assert name.startswith("lms_bench"), name
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)


def setup_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()
