"""The calendar feed read by a real calendar library, and the exports read back by Python's own
csv and json modules: the data leaves leads in formats other tools understand."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import icalendar
import yaml

from conftest import AS_OF, LEADS, REPO, SAMPLE_CONTENT, build_report

# Won leads' follow-ups are done; closed ones' stay (a deliberate "check back later").
WON = {"CONVERTED", "JOB_ORDER"}


def front_matter(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    closing = next(i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == "---")
    return yaml.safe_load("\n".join(lines[1:closing])) or {}


def records(kind: str) -> list[Path]:
    return sorted((SAMPLE_CONTENT / kind).rglob("*.md"))


def test_the_feed_has_an_event_per_open_follow_up_and_milestone_ahead(sample_report):
    calendar = icalendar.Calendar.from_ical((sample_report.root / "follow-ups.ics").read_bytes())
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}

    expected: dict[str, str] = {}
    for path in records("leads"):
        fields = front_matter(path)
        if str(fields.get("status", "")).upper() in WON or not fields.get("next_follow_up"):
            continue
        expected[f"lead-{path.stem}@leads"] = str(fields["next_follow_up"])
    # Milestones booked ahead, of applications and jobs still going (not closed by an outcome or a
    # decision answered NO); names as codes, however the file wrote them.
    report = json.loads((sample_report.root / "report.json").read_text(encoding="utf-8"))
    active = {entry["record"] for entry in report["outcomes"] if entry["state"] in ("open", "filled")}
    for kind in ("applications", "jobs"):
        for path in records(kind):
            if path.stem not in active:
                continue
            for milestone in front_matter(path).get("milestones") or []:
                if str(milestone["date"]) > AS_OF:
                    code = str(milestone["name"]).upper().replace(" ", "_")
                    expected[f"milestone-{path.stem}-{code.lower()}@leads"] = str(milestone["date"])
    assert expected, "the sample should have follow-ups to put in a calendar"
    assert set(events) == set(expected)

    for uid, due in expected.items():
        start = events[uid].decoded("DTSTART")
        # An all-day event for a date, a timed one for a date with a time.
        assert start.isoformat()[: len(due)] == due.replace(" ", "T"), uid
    for uid, event in events.items():
        if uid.startswith("lead-"):
            assert str(event["SUMMARY"]).startswith("Follow up: "), uid


def test_the_dashboard_links_the_feed(sample_report):
    assert 'href="follow-ups.ics"' in (sample_report.root / "index.html").read_text(encoding="utf-8")


def test_text_is_escaped_and_long_lines_folded_as_rfc_5545_says(tmp_path):
    content = tmp_path / "content"
    (content / "leads").mkdir(parents=True)
    (content / "interactions").mkdir()
    role = "Ingénieure données, équipe « routage »; Zürich — " + "très " * 20
    (content / "leads" / "odd.md").write_text(
        "---\n"
        f"role: \"{role}\"\n"
        "company: Ünïcode, Inc.\nsource: OTHER\ntemperature: HOT\nstatus: WARM_LEAD\n"
        "created: 2026-11-01\nnext_follow_up: 2026-11-25T09:30\n"
        "history:\n  - {status: WARM_LEAD, date: 2026-11-01}\n---\n",
        encoding="utf-8",
    )
    (content / "interactions" / "2026-11-20-odd.md").write_text(
        "---\nlead: \"[[odd]]\"\ndate: 2026-11-20\ntype: EMAIL\nsummary: \"Sent, at last; finally\"\n"
        "next_action: \"Call back\\nthen write, in \\\\ French\"\n---\n",
        encoding="utf-8",
    )
    report = build_report(content, tmp_path / "report")
    raw = (report.root / "follow-ups.ics").read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never cuts a UTF-8 sequence
    assert b"\n" not in raw.replace(b"\r\n", b"")

    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"Follow up: {role} · Ünïcode, Inc."
    assert str(event["DESCRIPTION"]) == (
        "Next action: Call back\nthen write, in \\ French\nLast interaction: 2026-11-20 Sent, at last; finally"
    )
    assert event.decoded("DTSTART").isoformat() == "2026-11-25T09:30:00"


def export(*arguments: str) -> str:
    command = [str(LEADS), "export", *arguments, "--content", str(SAMPLE_CONTENT), "--as-of", AS_OF]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_csv_export_has_a_row_per_record_with_links_resolved():
    rows = list(csv.DictReader(io.StringIO(export("csv", "--kind", "lead"), newline="")))
    assert {row["id"] for row in rows} == {path.stem for path in records("leads")}
    names = {path.stem: front_matter(path)["name"] for path in records("companies")}
    for row in rows:
        if row["company_id"]:
            assert row["company"] == names[row["company_id"]]
        assert row["days_in_stage"] == "" or int(row["days_in_stage"]) >= 0
    interactions = list(csv.DictReader(io.StringIO(export("csv", "--kind", "interaction"), newline="")))
    assert len(interactions) == len(records("interactions"))
    assert all(row["lead_id"] and row["date"] and row["type"] for row in interactions)


def test_json_export_holds_every_record_and_the_computed_fields():
    data = json.loads(export("json"))
    assert data["as_of"] == AS_OF
    for kind in ("leads", "interactions", "contacts", "companies", "applications"):
        assert len(data[kind]) == len(records(kind)), kind
    stale = [lead for lead in data["leads"] if lead.get("stale_reasons")]
    assert stale and all(isinstance(lead["stale_reasons"], list) for lead in stale)
    assert any(isinstance(lead.get("days_in_stage"), int) for lead in data["leads"])


def test_with_a_base_url_each_event_links_its_page(tmp_path):
    output = tmp_path / "report"
    command = [str(LEADS), "build", "--content", str(SAMPLE_CONTENT), "--output", str(output), "--as-of", AS_OF,
               "--base-url", "https://crm.example/report"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    events = icalendar.Calendar.from_ical((output / "follow-ups.ics").read_bytes()).walk("VEVENT")
    for event in events:
        uid = str(event["UID"])
        if uid.startswith("lead-"):
            lead = uid[len("lead-"):-len("@leads")]
            assert str(event["URL"]) == f"https://crm.example/report/leads/{lead}.html"
            assert (output / "leads" / f"{lead}.html").is_file()


def test_export_writes_the_file_it_is_given(tmp_path):
    target = tmp_path / "contacts.csv"
    assert export("csv", "--kind", "contact", "--output", str(target)) == ""
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["id"] for row in rows} == {path.stem for path in records("contacts")}
