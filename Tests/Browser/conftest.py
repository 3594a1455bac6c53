"""Shared fixtures of the real-client suite: the `leads` binary, the built reports, Chromium.

Everything expensive is session-scoped: each report is built once, one headless Chromium
serves every test that needs JavaScript, and a second one (JavaScript off) is started only
when a test asks for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
LEADS = REPO / ".build" / "debug" / "leads"
# The repo's sample content; LEADS_SAMPLE_CONTENT points the suite at another folder.
SAMPLE_CONTENT = Path(os.environ.get("LEADS_SAMPLE_CONTENT", REPO / "content")).resolve()
ARTIFACTS = REPO / "test-artifacts"
AS_OF = "2026-11-23"

# Records every page gets before its own scripts run: CSP violations are collected here as a
# second channel beside the console log (scripts added over CDP are not subject to the page's CSP).
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
    ' (' + (e.sourceFile || '') + ':' + (e.lineNumber || 0) + ')');
});
"""


# --------------------------------------------------------------------------------------------
# Reports


@dataclass
class Report:
    """A built report folder and the build's own output."""

    root: Path
    stdout: str
    stderr: str
    content: Path
    payloads: list[str] = field(default_factory=list)

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url(self, page: Path | str) -> str:
        path = page if isinstance(page, Path) else self.root / page
        return path.resolve().as_uri()

    def name(self, page: Path) -> str:
        return page.relative_to(self.root).as_posix()


def build_report(content: Path, output: Path) -> Report:
    if not LEADS.is_file():
        pytest.fail(
            f"the leads binary is missing at {LEADS}; build it first with "
            f"`cd {REPO} && swift build --product leads`",
            pytrace=False,
        )
    if not content.is_dir():
        pytest.fail(f"the content folder {content} does not exist", pytrace=False)
    command = [str(LEADS), "build", "--content", str(content), "--output", str(output), "--as-of", AS_OF]
    # Run from the repo root, as the README does, so the repo's templates/ folder is the one used.
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(command)}` exited {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}",
            pytrace=False,
        )
    if not (output / "index.html").is_file():
        pytest.fail(f"the build exited 0 but wrote no {output / 'index.html'}", pytrace=False)
    return Report(root=output, stdout=result.stdout, stderr=result.stderr, content=content)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_report(tmp_path_factory) -> Report:
    """The repo's sample content/ rendered as of 2026-11-23."""
    return build_report(SAMPLE_CONTENT, tmp_path_factory.mktemp("sample") / "report")


# Hostile values: each one runs `window.__xss = 1` (or opens an alert) if it reaches the page
# unescaped, as markup, as an attribute or as a link target.
SCRIPT = "<script>window.__xss=1</script>"
IMG = '"><img src=x onerror="window.__xss=1">'
JS_URL = "javascript:window.__xss=1"
MOUSE = "' onmouseover='window.__xss=1"
SVG = "<svg onload=window.__xss=1>"
DOUBLE_MOUSE = '" onmouseover="window.__xss=1'

MARKDOWN_BODY = f"""Notes with **bold** text and a [safe link](https://example.com/ok).

{SCRIPT}

<script src="https://evil.example/x.js"></script>

<iframe src="javascript:window.__xss=1"></iframe>

[x](javascript:window.__xss=1)

[mixed case](JaVaScRiPt:window.__xss=1)

[entity](java&#115;cript:window.__xss=1)

![x](javascript:window.__xss=1)

<a href="javascript:window.__xss=1">raw link</a>

<javascript:alert(1)>

<img src=x onerror="window.__xss=1">

{SVG}

Inline <span onmouseover="window.__xss=1">hover me</span> and <b onclick="window.__xss=1">click me</b>.

[reference link][evil]

[evil]: javascript:window.__xss=1

- {IMG}
- {MOUSE}
"""


def xss_records() -> dict[str, tuple[dict, str]]:
    """Record path -> (front-matter, Markdown body) of the XSS fixture."""
    return {
        "companies/xss-co.md": (
            {"name": f"Evil {SCRIPT} Corp", "website": JS_URL, "industry": SVG},
            MARKDOWN_BODY,
        ),
        "companies/xss-co-upper.md": (
            {"name": f"Upper {IMG}", "website": "JAVASCRIPT:window.__xss=1", "industry": MOUSE},
            MARKDOWN_BODY,
        ),
        "contacts/xss-contact.md": (
            {
                "name": f"Eve {SVG}",
                "email": f"eve@example.com{DOUBLE_MOUSE}",
                "phone": MOUSE,
                "company": "[[xss-co]]",
                "role": IMG,
                "linkedin": JS_URL,
            },
            MARKDOWN_BODY,
        ),
        "contacts/xss-contact-spaced.md": (
            {
                "name": f"Mallory {IMG}",
                "email": "mallory@example.com",
                "company": IMG,
                "role": SCRIPT,
                "linkedin": " javascript:window.__xss=1",
            },
            MARKDOWN_BODY,
        ),
        "leads/xss-lead.md": (
            {
                "role": f"Engineer {SCRIPT}",
                "company": "[[xss-co]]",
                "source": "LINKEDIN",
                "temperature": "HOT",
                "status": "WARM_LEAD",
                "created": "2026-11-01",
                "next_follow_up": "2026-11-20",
                "contact": "[[xss-contact]]",
                "application": "[[xss-app]]",
                "owner": MOUSE,
                "tags": [SVG, IMG, DOUBLE_MOUSE, SCRIPT],
                "history": [
                    {"status": "DISCOVERY", "date": "2026-11-01"},
                    {"status": "WARM_LEAD", "date": "2026-11-05"},
                ],
            },
            MARKDOWN_BODY,
        ),
        "leads/xss-text-company.md": (
            {
                "role": IMG,
                "company": f"Text company {SVG}",
                "source": "REFERRAL",
                "temperature": "COLD",
                "status": "DISCOVERY",
                "created": "2026-11-10",
                "next_follow_up": "2026-11-25",
                "contact": "[[xss-contact-spaced]]",
                "owner": DOUBLE_MOUSE,
                "tags": [MOUSE],
            },
            MARKDOWN_BODY,
        ),
        # Invalid values: their problems quote them back on problems.html and on the record page.
        "leads/xss-invalid.md": (
            {
                "role": MOUSE,
                "company": f"[[{IMG}]]",
                "source": SCRIPT,
                "temperature": IMG,
                "status": SVG,
                "created": MOUSE,
                "next_follow_up": SCRIPT,
                "contact": f"[[{SVG}]]",
                "owner": SVG,
                "tags": [JS_URL],
            },
            MARKDOWN_BODY,
        ),
        "interactions/2026-11-10-xss-meeting.md": (
            {
                "lead": "[[xss-lead]]",
                "date": "2026-11-10",
                "type": "MEETING",
                "summary": SCRIPT,
                "sentiment": IMG,
                "next_action": SVG,
                "contact": "[[xss-contact]]",
            },
            MARKDOWN_BODY,
        ),
        "interactions/2026-11-12-xss-call.md": (
            {
                "lead": "[[xss-text-company]]",
                "date": "2026-11-12",
                "type": "PHONE_CALL",
                "summary": MOUSE,
                "sentiment": "POSITIVE",
                "next_action": DOUBLE_MOUSE,
            },
            MARKDOWN_BODY,
        ),
        "applications/xss-app.md": (
            {
                "lead": "[[xss-lead]]",
                "title": f"Job {IMG}",
                "company": "[[xss-co]]",
                "url": JS_URL,
                "applied": "2026-11-06",
                "milestones": [
                    {"name": "CV_RECEIVED", "date": "2026-11-07"},
                    {"name": SVG, "date": "2026-11-08"},
                ],
            },
            MARKDOWN_BODY,
        ),
        "applications/xss-app-data.md": (
            {
                "lead": "[[xss-text-company]]",
                "title": SCRIPT,
                "company": MOUSE,
                "url": "data:text/html,<script>window.__xss=1</script>",
                "applied": "2026-11-11",
            },
            MARKDOWN_BODY,
        ),
    }


def write_xss_content(root: Path) -> Path:
    for relative, (front_matter, body) in xss_records().items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        yaml_text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True, width=10_000)
        path.write_text(f"---\n{yaml_text}---\n{body}", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def xss_report(tmp_path_factory) -> Report:
    """A content folder of hostile values, written by the suite and rendered like the sample."""
    base = tmp_path_factory.mktemp("xss")
    content = write_xss_content(base / "content")
    report = build_report(content, base / "report")
    report.payloads = [SCRIPT, IMG, JS_URL, MOUSE, SVG, DOUBLE_MOUSE]
    return report


# --------------------------------------------------------------------------------------------
# Chromium


def _require(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"`{tool}` is not on PATH; install Debian's {package} (scripts/ensure-deps --test does)",
            pytrace=False,
        )
    return path


def start_chromium(*, javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _require("chromium", "chromium")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--allow-file-access-from-files",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1366,900",
    ):
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Leave an alert open for the test to see, instead of dismissing it silently.
    options.unhandled_prompt_behavior = "ignore"
    service = Service(executable_path=_require("chromedriver", "chromium-driver"))
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception as error:  # noqa: BLE001 - turn any start failure into a clear test failure
        pytest.fail(f"headless Chromium did not start: {error}", pytrace=False)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
    return driver


@pytest.fixture(scope="session")
def driver():
    browser = start_chromium(javascript=True)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def nojs_driver():
    browser = start_chromium(javascript=False)
    yield browser
    browser.quit()


@pytest.fixture
def browser(driver):
    """The shared driver, reset to the desktop size, light scheme and an empty console log."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1366, 900)
    driver.get_log("browser")
    return driver


def open_page(driver, url: str) -> list[dict]:
    """Loads a page and returns the console entries it produced (the log is drained first)."""
    driver.get_log("browser")
    driver.get(url)
    return driver.get_log("browser")
