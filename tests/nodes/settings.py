"""Settings of the web nodes and workers that tests/nodes/test_nodes.py starts:
production's, with one change: static files are collected into a folder of the
test run's own (NODES_STATIC_ROOT) rather than the checkout's. HTTPS stays on
(redirect, secure cookies, HSTS): the test talks to the nodes as the
TLS-terminating proxy in front of them does, with X-Forwarded-Proto: https."""

import os

from lms.settings.production import *  # noqa: F403

STATIC_ROOT = os.environ["NODES_STATIC_ROOT"]
