"""Every page of the sample report in a real Chromium, with and without JavaScript."""

from __future__ import annotations

import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import open_page

TOP_LEVEL_PAGES = [
    "index.html",
    "agenda.html",
    "board.html",
    "stale.html",
    "funnel.html",
    "history.html",
    "problems.html",
    "leads.html",
    "interactions.html",
    "contacts.html",
    "companies.html",
    "applications.html",
]
RECORD_KINDS = ["leads", "contacts", "companies", "applications"]

PAGE_STATE = """
var link = document.querySelector('link[rel="stylesheet"]');
return {
  csp: window.__cspViolations || [],
  h1: Array.from(document.querySelectorAll('h1')).map(function (h) { return h.textContent.trim(); }),
  stylesheet: link ? link.getAttribute('href') : null,
  styled: !!(link && link.sheet),
  title: document.title
};
"""

CARDS = """
return Array.from(document.querySelectorAll('[data-search]')).map(function (el) {
  return {
    temperature: el.getAttribute('data-temperature'),
    search: el.getAttribute('data-search'),
    title: el.textContent.trim().split('\\n')[0],
    rendered: el.getClientRects().length > 0
  };
});
"""


def severe(entries: list[dict]) -> list[str]:
    return [entry["message"] for entry in entries if entry.get("level") == "SEVERE"]


def visible(cards: list[dict]) -> list[dict]:
    """The cards a person sees: rendered boxes, whatever the hidden attribute says."""
    return [card for card in cards if card["rendered"]]


def describe(cards: list[dict]) -> str:
    return "; ".join(f"{card['title']!r} ({card['temperature']})" for card in cards)


# --------------------------------------------------------------------------------------------
# Every page


def test_report_has_every_page(sample_report):
    missing = [name for name in TOP_LEVEL_PAGES if not (sample_report.root / name).is_file()]
    for kind in RECORD_KINDS:
        for record in sorted((sample_report.content / kind).glob("*.md")):
            page = f"{kind}/{record.stem}.html"
            if not (sample_report.root / page).is_file():
                missing.append(f"{page} (for {kind}/{record.name})")
    for asset in ("style.css", "app.js", "report.json"):
        if not (sample_report.root / asset).is_file():
            missing.append(asset)
    assert not missing, "pages missing from the report:\n  " + "\n  ".join(missing)


def test_every_page_loads_without_console_errors(browser, sample_report):
    failures = []
    pages = sample_report.pages()
    assert len(pages) >= len(TOP_LEVEL_PAGES)
    for page in pages:
        name = sample_report.name(page)
        messages = severe(open_page(browser, sample_report.url(page)))
        state = browser.execute_script(PAGE_STATE)
        messages += [f"CSP violation: {violation}" for violation in state["csp"]]
        for message in messages:
            failures.append(f"{name}: console error: {message}")
        if len(state["h1"]) != 1 or not state["h1"][0]:
            failures.append(f"{name}: expected exactly one non-empty <h1>, found {state['h1']!r}")
        if not state["styled"]:
            failures.append(f"{name}: stylesheet {state['stylesheet']!r} did not load")
        if not state["title"].strip():
            failures.append(f"{name}: empty <title>")
    assert not failures, f"{len(failures)} problems in {len(pages)} pages:\n" + "\n".join(failures)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.targets: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.targets.append((attributes[name], self.getpos()[0]))


def test_every_relative_link_resolves(sample_report):
    parsed: dict[Path, _Links] = {}

    def links(page: Path) -> _Links:
        if page not in parsed:
            parser = _Links()
            parser.feed(page.read_text(encoding="utf-8"))
            parsed[page] = parser
        return parsed[page]

    broken = []
    for page in sample_report.pages():
        for target, line in links(page).targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            destination = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            where = f"{sample_report.name(page)}:{line}"
            if not destination.is_file():
                broken.append(f"{where}: {target!r} -> missing file {destination}")
            elif parts.fragment and destination.suffix == ".html":
                if unquote(parts.fragment) not in links(destination).ids:
                    broken.append(f"{where}: {target!r} -> no element with id {parts.fragment!r}")
    assert not broken, "broken relative links:\n" + "\n".join(broken)


# --------------------------------------------------------------------------------------------
# The board's filter


def open_board(browser, sample_report) -> list[dict]:
    assert not severe(open_page(browser, sample_report.url("board.html")))
    form = browser.find_element(By.ID, "filter")
    assert form.is_displayed(), "app.js should un-hide the #filter form on board.html"
    cards = browser.execute_script(CARDS)
    assert len(cards) >= 2, f"board.html needs at least two cards to test the filter, found {len(cards)}"
    assert visible(cards) == cards, "with no filter set every card is visible: " + describe(
        [card for card in cards if card not in visible(cards)]
    )
    return cards


def test_board_filter_by_temperature(browser, sample_report):
    cards = open_board(browser, sample_report)
    select = Select(browser.find_element(By.CSS_SELECTOR, '#filter select[data-filter="temperature"]'))
    offered = [option.get_attribute("value") for option in select.options if option.get_attribute("value")]
    counts = {value: sum(card["temperature"] == value for card in cards) for value in offered}
    narrowing = {value: count for value, count in counts.items() if 0 < count < len(cards)}
    assert narrowing, (
        f"no temperature option narrows the board: options {offered}, "
        f"card temperatures {sorted({card['temperature'] for card in cards})}"
    )
    value = min(narrowing, key=lambda option: (narrowing[option], option))

    select.select_by_value(value)
    shown = visible(browser.execute_script(CARDS))
    assert len(shown) == counts[value], (
        f"temperature {value!r}: expected {counts[value]} of {len(cards)} cards, saw {len(shown)}: {describe(shown)}"
    )
    assert len(shown) < len(cards)
    wrong = [card for card in shown if card["temperature"] != value]
    assert not wrong, f"temperature {value!r} still shows {describe(wrong)}"

    select.select_by_value("")
    after = browser.execute_script(CARDS)
    assert len(visible(after)) == len(cards), "clearing the temperature should show every card again"


def test_board_filter_by_search_text(browser, sample_report):
    cards = open_board(browser, sample_report)
    words: dict[str, int] = {}
    for card in cards:
        for word in set(card["search"].split()):
            if len(word) >= 4 and word.isalpha():
                words[word] = sum(word in other["search"] for other in cards)
    narrowing = {word: count for word, count in words.items() if count < len(cards)}
    assert narrowing, "no word of the cards' search text narrows the board"
    word = min(narrowing, key=lambda candidate: (narrowing[candidate], candidate))

    box = browser.find_element(By.CSS_SELECTOR, '#filter input[data-filter="search"]')
    box.send_keys(word.capitalize())  # typed as a person would, capitalised
    shown = visible(browser.execute_script(CARDS))
    expected = [card for card in cards if word in card["search"]]
    assert len(shown) == len(expected) < len(cards), (
        f"search {word!r}: expected {len(expected)} of {len(cards)} cards, saw {len(shown)}: {describe(shown)}"
    )
    wrong = [card for card in shown if word not in card["search"]]
    assert not wrong, f"search {word!r} still shows {describe(wrong)}"

    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACK_SPACE)
    assert box.get_attribute("value") == ""
    assert len(visible(browser.execute_script(CARDS))) == len(cards), "clearing the search should show every card"


# --------------------------------------------------------------------------------------------
# Screenshots and small screens


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def set_viewport(browser, width: int, height: int) -> None:
    """Sizes the page's viewport itself (a window size would include the browser's frame)."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def page_width(browser) -> dict:
    return browser.execute_script(
        "return {inner: window.innerWidth, height: window.innerHeight, scroll: document.documentElement.scrollWidth,"
        " ratio: window.devicePixelRatio};"
    )


@pytest.mark.parametrize(
    "width,height,filename",
    [(1366, 900, "dashboard-desktop.png"), (390, 844, "dashboard-phone.png")],
)
def test_dashboard_screenshot(browser, sample_report, artifacts, width, height, filename):
    set_viewport(browser, width, height)
    assert not severe(open_page(browser, sample_report.url("index.html")))
    metrics = page_width(browser)
    assert (metrics["inner"], metrics["height"]) == (width, height), f"the viewport is {metrics}, not {width}x{height}"
    target = artifacts / filename
    target.unlink(missing_ok=True)
    assert browser.save_screenshot(str(target))
    assert target.is_file()
    assert target.stat().st_size > 10_000, f"{target} is only {target.stat().st_size} bytes"
    assert png_size(target) == (
        round(width * metrics["ratio"]),
        round(metrics["height"] * metrics["ratio"]),
    )
    if width < 600:
        assert metrics["scroll"] <= metrics["inner"] + 1, (
            f"index.html scrolls sideways at {width} px: document is {metrics['scroll']} px wide"
        )


def test_no_page_scrolls_sideways_at_phone_width(browser, sample_report):
    set_viewport(browser, 390, 844)
    wide = []
    for page in sample_report.pages():
        open_page(browser, sample_report.url(page))
        metrics = page_width(browser)
        assert metrics["inner"] == 390
        if metrics["scroll"] > metrics["inner"] + 1:
            culprits = browser.execute_script(
                """
                var limit = window.innerWidth;
                return Array.from(document.querySelectorAll('body *')).filter(function (el) {
                  var box = el.getBoundingClientRect();
                  return box.right > limit + 1 && el.parentElement &&
                    el.parentElement.getBoundingClientRect().right <= limit + 1;
                }).slice(0, 5).map(function (el) {
                  return el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') +
                    ' (right edge ' + Math.round(el.getBoundingClientRect().right) + ' px)';
                });
                """
            )
            wide.append(f"{sample_report.name(page)}: {metrics['scroll']} px wide; overflowing: {culprits}")
    assert not wide, "pages that scroll sideways at 390 px:\n" + "\n".join(wide)


# --------------------------------------------------------------------------------------------
# JavaScript off


def test_pages_work_without_javascript(nojs_driver, sample_report):
    failures = []
    for page in sample_report.pages():
        name = sample_report.name(page)
        for message in severe(open_page(nojs_driver, sample_report.url(page))):
            failures.append(f"{name}: console error: {message}")
        headings = [h.text.strip() for h in nojs_driver.find_elements(By.TAG_NAME, "h1")]
        if len(headings) != 1 or not headings[0]:
            failures.append(f"{name}: expected exactly one non-empty <h1>, found {headings!r}")
    assert not failures, "\n".join(failures)


def test_board_without_javascript_lists_every_card(nojs_driver, browser, sample_report):
    # The same board with JavaScript on, as the reference count of cards.
    open_page(browser, sample_report.url("board.html"))
    with_script = browser.execute_script(CARDS)

    open_page(nojs_driver, sample_report.url("board.html"))
    form = nojs_driver.find_element(By.ID, "filter")
    assert not form.is_displayed(), "without JavaScript the filter form must stay hidden"
    assert form.get_attribute("hidden") is not None
    cards = nojs_driver.find_elements(By.CSS_SELECTOR, "[data-search]")
    assert len(cards) == len(with_script) > 0
    hidden = [card.text.split("\n")[0] for card in cards if not card.is_displayed()]
    assert not hidden, f"cards not shown without JavaScript: {hidden}"


ROWS = """
return Array.from(document.querySelectorAll('table.sortable tbody tr')).map(function (row) {
  return {
    outcome: row.getAttribute('data-outcome'),
    stage: row.getAttribute('data-stage'),
    created: row.getAttribute('data-created'),
    followUp: row.cells[6].getAttribute('data-sort'),
    rendered: row.getClientRects().length > 0
  };
});
"""


def test_leads_filters_are_read_from_and_kept_in_the_address(browser, sample_report):
    # A link or bookmark with a query opens the Leads page filtered: only the filled leads.
    assert not severe(open_page(browser, sample_report.url("leads.html") + "?outcome=filled"))
    rows = browser.execute_script(ROWS)
    shown = [row for row in rows if row["rendered"]]
    assert shown and len(shown) < len(rows), f"outcome=filled should narrow {len(rows)} rows, shows {len(shown)}"
    assert {row["outcome"] for row in shown} == {"filled"}
    select = Select(browser.find_element(By.CSS_SELECTOR, '#filter select[data-filter="outcome"]'))
    assert select.first_selected_option.get_attribute("value") == "filled"

    # A created-date range narrows further, and both filters are written back into the address.
    start = browser.find_element(By.CSS_SELECTOR, '#filter input[data-filter="from"]')
    browser.execute_script("arguments[0].value = '2026-10-01'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", start)
    shown = [row for row in browser.execute_script(ROWS) if row["rendered"]]
    assert all(row["created"] >= "2026-10-01" and row["outcome"] == "filled" for row in shown), shown
    address = browser.execute_script("return location.search + location.hash")
    assert "outcome=filled" in address and "from=2026-10-01" in address, address


OWNED = """
return Array.from(document.querySelectorAll('main [data-owner]')).map(function (item) {
  return {owner: item.getAttribute('data-owner'), rendered: item.getClientRects().length > 0};
});
"""


@pytest.mark.parametrize("page", ["agenda.html", "stale.html"])
def test_agenda_and_stale_pages_filter_by_owner_from_the_address(browser, sample_report, page):
    # Maya's bookmark of the agenda or the stale report shows her leads (and her leads' milestones)
    # only, with her name selected, and clearing the owner shows everyone's again.
    assert not severe(open_page(browser, sample_report.url(page) + "?owner=maya"))
    items = browser.execute_script(OWNED)
    shown = [item for item in items if item["rendered"]]
    assert shown and len(shown) < len(items), f"owner=maya should narrow {len(items)} items, shows {len(shown)}"
    assert {item["owner"] for item in shown} == {"maya"}
    select = Select(browser.find_element(By.CSS_SELECTOR, '#filter select[data-filter="owner"]'))
    assert select.first_selected_option.get_attribute("value") == "maya"
    assert "Maya" in browser.find_element(By.CSS_SELECTOR, "main").text

    select.select_by_value("")
    assert all(item["rendered"] for item in browser.execute_script(OWNED))
    assert "owner=" not in browser.execute_script("return location.search + location.hash")


def test_closed_stages_on_the_board_link_to_their_leads(browser, sample_report):
    assert not severe(open_page(browser, sample_report.url("board.html")))
    link = browser.find_element(By.CSS_SELECTOR, "p.closed a.chip")
    href = link.get_attribute("href")
    assert "leads.html?stage=" in href
    stage = href.split("stage=")[1]
    link.click()
    shown = [row for row in browser.execute_script(ROWS) if row["rendered"]]
    assert shown and {row["stage"] for row in shown} == {stage}


def test_the_next_follow_up_column_sorts_by_date_not_by_its_words(browser, sample_report):
    assert not severe(open_page(browser, sample_report.url("leads.html")))
    header = browser.find_elements(By.CSS_SELECTOR, "table.sortable thead th")[6]
    assert "follow-up" in header.text.lower()
    header.find_element(By.CSS_SELECTOR, "button.sort").click()
    assert header.get_attribute("aria-sort") == "ascending"
    dates = [row["followUp"] for row in browser.execute_script(ROWS) if row["followUp"]]
    assert len(dates) >= 3 and dates == sorted(dates), dates
    header.find_element(By.CSS_SELECTOR, "button.sort").click()
    assert header.get_attribute("aria-sort") == "descending"
    dates = [row["followUp"] for row in browser.execute_script(ROWS) if row["followUp"]]
    assert dates == sorted(dates, reverse=True), dates


def test_the_leads_filter_hides_rows_at_phone_width_too(browser, sample_report):
    # At 390 px the table's rows are stacked blocks; a filtered-out row must still disappear.
    browser.set_window_size(390, 844)
    try:
        assert not severe(open_page(browser, sample_report.url("leads.html") + "?outcome=open"))
        rows = browser.execute_script(ROWS)
        shown = [row for row in rows if row["rendered"]]
        assert shown and len(shown) < len(rows)
        assert {row["outcome"] for row in shown} == {"open"}
    finally:
        browser.set_window_size(1366, 900)
