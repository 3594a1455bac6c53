"""Hostile front-matter values and Markdown bodies stay inert text in every page.

The content is written by conftest.write_xss_content; every payload sets `window.__xss`
(or opens an alert) if the report lets it run.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from selenium.common.exceptions import NoAlertPresentException, UnexpectedAlertPresentException

from conftest import IMG, MOUSE, SCRIPT, SVG, open_page, xss_records

OWN_SCRIPT = re.compile(r'<script src="(?:\.\./)*app\.js" defer></script>')
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background", "ping"}
DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
# The report draws its own <svg> charts; an injected <svg> would need a handler, caught below.
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "base", "math", "form"}

# Inspects the live DOM: handlers, scripts, frames and link targets as the browser parsed them.
DOM_AUDIT = """
var problems = [];
function describe(el) {
  return '<' + el.tagName.toLowerCase() + Array.from(el.attributes).map(function (a) {
    return ' ' + a.name + '="' + a.value.slice(0, 60) + '"';
  }).join('') + '>';
}
document.querySelectorAll('*').forEach(function (el) {
  Array.from(el.attributes).forEach(function (attribute) {
    if (/^on/i.test(attribute.name)) problems.push('event handler attribute ' + attribute.name + ' on ' + describe(el));
  });
});
document.querySelectorAll('script').forEach(function (el) {
  if (!/(^|\\/)app\\.js$/.test(el.getAttribute('src') || '') || el.textContent.trim())
    problems.push('foreign script ' + describe(el));
});
document.querySelectorAll('iframe, frame, object, embed, base, math, form:not(#filter)').forEach(function (el) {
  problems.push('unexpected element ' + describe(el));
});
document.querySelectorAll('[href], [src], [action], [formaction]').forEach(function (el) {
  ['href', 'src', 'action', 'formaction'].forEach(function (name) {
    var raw = el.getAttribute(name);
    if (raw === null || raw === '') return;
    var protocol = new URL(raw, document.baseURI).protocol;
    if (['http:', 'https:', 'mailto:', 'tel:', 'file:'].indexOf(protocol) === -1)
      problems.push(name + ' with scheme ' + protocol + ' on ' + describe(el));
  });
});
// Fire what a visitor would: hover and focus every element; a smuggled handler would run now.
document.querySelectorAll('body *').forEach(function (el) {
  ['mouseover', 'mouseenter', 'mousemove', 'focus', 'animationstart'].forEach(function (type) {
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
});
return { problems: problems, xss: typeof window.__xss, text: document.body.innerText };
"""


def open_alert_text(driver) -> str | None:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return None
    text = alert.text
    alert.accept()
    return text


class _Tags(HTMLParser):
    """Start tags as a browser tokenizes them, so escaped text never counts as markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], int]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs, self.getpos()[0]))

    handle_startendtag = handle_starttag


def raw_problems(name: str, html: str) -> list[str]:
    problems = []
    for match in re.finditer(r"<script\b[^>]*>(?:.*?</script>)?", html, re.IGNORECASE | re.DOTALL):
        if not OWN_SCRIPT.fullmatch(match.group(0)):
            line = html.count("\n", 0, match.start()) + 1
            problems.append(f"{name}:{line}: foreign script: {match.group(0)[:120]!r}")
    for needle in ('href="javascript:', "href='javascript:", "src=\"javascript:"):
        for match in re.finditer(re.escape(needle), html, re.IGNORECASE):
            line = html.count("\n", 0, match.start()) + 1
            problems.append(f"{name}:{line}: {html[match.start():match.start() + 80]!r}")
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs, line in parser.tags:
        if tag in FORBIDDEN_TAGS and not (tag == "form" and ("id", "filter") in attrs):
            problems.append(f"{name}:{line}: <{tag}> element")
        for attribute, value in attrs:
            if attribute.startswith("on"):
                problems.append(f"{name}:{line}: event handler attribute {attribute}={value!r} on <{tag}>")
            if attribute in URL_ATTRIBUTES and value:
                squeezed = re.sub(r"[\x00-\x20]", "", value)
                if DANGEROUS_SCHEME.match(squeezed):
                    problems.append(f"{name}:{line}: {attribute}={value!r} on <{tag}>")
    return problems


def test_every_fixture_record_has_its_page(xss_report):
    expected = [relative.replace(".md", ".html") for relative in xss_records() if not relative.startswith("interactions/")]
    missing = [page for page in expected if not (xss_report.root / page).is_file()]
    assert not missing, f"the XSS fixture's records have no page: {missing}"


def test_raw_html_has_no_live_markup(xss_report):
    problems = []
    pages = xss_report.pages()
    assert len(pages) > 10
    for page in pages:
        problems += raw_problems(xss_report.name(page), page.read_text(encoding="utf-8"))
    assert not problems, "hostile content reached the HTML as markup:\n" + "\n".join(problems)


def test_raw_html_check_catches_markup():
    """The raw check above does flag each kind of injection it looks for (and not escaped text)."""
    clean = '<p>&lt;script&gt;x&lt;/script&gt; &quot; onerror=&quot;x <a href="../x.html">ok</a></p><script src="../app.js" defer></script>'
    assert raw_problems("clean", clean) == []
    for dirty in (
        "<script>window.__xss=1</script>",
        '<img src=x onerror="window.__xss=1">',
        "<p title='' onmouseover='window.__xss=1'>",
        '<a href="javascript:window.__xss=1">x</a>',
        '<a href=" java\tscript:window.__xss=1">x</a>',
        "<svg onload=window.__xss=1>",
        '<svg><a xlink:href="javascript:window.__xss=1">x</a></svg>',
        '<iframe src="x.html"></iframe>',
    ):
        assert raw_problems("dirty", dirty), dirty


def audit_page(driver, url: str) -> tuple[list[str], dict]:
    """Opens a page, notes any alert, and runs the DOM audit (hovering everything)."""
    alerts = []
    try:
        open_page(driver, url)
        audit = driver.execute_script(DOM_AUDIT)
    except UnexpectedAlertPresentException as error:
        audit = None
        interrupted = error.alert_text or "(alert)"
    for _ in range(5):
        text = open_alert_text(driver)
        if text is None:
            break
        alerts.append(text)
    if audit is None:
        alerts = alerts or [interrupted]
        audit = driver.execute_script(DOM_AUDIT)
    return alerts, audit


def test_no_payload_runs_in_chromium(browser, xss_report):
    failures = []
    texts = []
    for page in xss_report.pages():
        name = xss_report.name(page)
        alerts, audit = audit_page(browser, xss_report.url(page))
        failures += [f"{name}: an alert opened: {text!r}" for text in alerts]
        if audit["xss"] != "undefined":
            failures.append(f"{name}: window.__xss is {audit['xss']} — a payload ran")
        failures += [f"{name}: {problem}" for problem in audit["problems"]]
        texts.append(audit["text"])
        if open_alert_text(browser) is not None:
            failures.append(f"{name}: an alert opened on hover/focus")
    assert not failures, "\n".join(failures)

    # The payloads did reach the pages, as visible text: the check above was not vacuous.
    shown = "\n".join(texts)
    for payload in (SCRIPT, IMG, MOUSE, SVG):
        assert payload in shown, f"payload {payload!r} is not shown as text on any page"


def test_browser_audit_catches_a_payload(browser, tmp_path):
    """The same audit flags a page where payloads do run (so its silence above means something)."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body>'
        '<script>alert("xss")</script>'
        '<a href="javascript:void(0)">x</a><p onmouseover="window.__xss=1">hover</p></body></html>'
    )
    alerts, audit = audit_page(browser, page.as_uri())
    assert alerts == ["xss"]
    assert audit["xss"] == "number"
    assert any("onmouseover" in problem for problem in audit["problems"])
    assert any("javascript:" in problem for problem in audit["problems"])
    assert any("foreign script" in problem for problem in audit["problems"])
