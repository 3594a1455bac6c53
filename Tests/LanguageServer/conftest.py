"""Fixtures of the language server's protocol tests: the debug `leads` binary and a small
content folder written fresh for each test."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lsp_client import LEADS

FILES = {
    "companies/acme.md": """\
        ---
        name: Acme Robotics
        industry: Robotics
        ---
        """,
    "contacts/jo-park.md": """\
        ---
        name: Jo Park
        email: jo@acme.example
        company: "[[acme]]"
        role: Engineering Manager
        ---
        """,
    "leads/acme-platform.md": """\
        ---
        role: Platform Engineer
        company: "[[acme]]"
        source: LINKEDIN
        temperature: WARM
        status: WARM
        created: 2026-11-10
        contact: "[[jo-park]]"
        ---
        Met Jo at the meetup; see [[jo-park]].
        """,
    "interactions/2026-11-12-call.md": """\
        ---
        lead: "[[acme-platform]]"
        date: 2026-11-12
        type: PHONE_CALL
        summary: First call with Jo
        contact: "[[jo-park]]"
        ---
        """,
}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    if not LEADS.exists():
        pytest.fail(f"{LEADS} is missing: run `swift build` first (make test does)")
    content = tmp_path / "content"
    for relative, text in FILES.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return tmp_path
