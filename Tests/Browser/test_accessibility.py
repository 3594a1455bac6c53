"""axe-core on the dashboard, the board and a lead page, in the light and the dark scheme."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_selenium_python import Axe

from conftest import open_page

BLOCKING = {"serious", "critical"}


def axe_script() -> str:
    """axe-core 4.x from axe-core-python; the copy inside axe-selenium-python 2.1.6 is 3.1.1."""
    try:
        import axe_core_python
    except ImportError:
        pytest.fail("axe-core-python is not installed: pip install -r Tests/Browser/requirements.txt", pytrace=False)
    script = Path(axe_core_python.__file__).with_name("axe.min.js")
    if not script.is_file():
        pytest.fail(f"axe-core is missing at {script}", pytrace=False)
    return str(script)


def lead_page(report) -> str:
    pages = sorted((report.root / "leads").glob("*.html"))
    assert pages, "the sample report has no leads/*.html page"
    return report.name(pages[0])


def readable(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node.get("target", []))
            lines.append(f"    at {target}")
            lines.append(f"       {node.get('html', '')[:200]}")
            summary = node.get("failureSummary") or ""
            for detail in summary.splitlines():
                lines.append(f"       {detail.strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["index.html", "board.html", "lead"])
def test_no_serious_accessibility_violations(browser, sample_report, artifacts, page, scheme):
    name = lead_page(sample_report) if page == "lead" else page
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    open_page(browser, sample_report.url(name))
    assert browser.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches"), (
        f"the {scheme} color scheme is not emulated"
    )

    axe = Axe(browser, script_url=axe_script())
    axe.inject()
    version = browser.execute_script("return window.axe && axe.version")
    assert version and int(version.split(".")[0]) >= 4, f"axe-core {version!r} was injected, expected 4.x"
    results = axe.run()
    assert isinstance(results, dict) and "violations" in results, f"axe-core did not run: {results!r}"
    assert results.get("passes"), "axe-core ran no passing rule at all: it checked nothing"

    slug = name.replace("/", "-").removesuffix(".html")
    (artifacts / f"axe-{slug}-{scheme}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")

    blocking = [violation for violation in results["violations"] if violation.get("impact") in BLOCKING]
    assert not blocking, f"axe-core: {len(blocking)} serious or critical violations on {name} ({scheme}):\n" + readable(
        blocking
    )


def test_axe_reports_a_known_violation(browser, tmp_path):
    """The same run flags a page with a critical problem (so zero violations above means something)."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body><main><img src="x.png"></main></body></html>')
    open_page(browser, page.as_uri())
    axe = Axe(browser, script_url=axe_script())
    axe.inject()
    results = axe.run()
    assert "image-alt" in {v["id"] for v in results["violations"] if v.get("impact") in BLOCKING}
