"""`leads lsp` driven over stdio as an editor drives it: initialize, open, change, and every
request the server answers, with the positions and ranges checked exactly."""

from __future__ import annotations

from pathlib import Path

from lsp_client import LEADS, LanguageClient

STAGES = ["DISCOVERY", "WAKING_UP", "WARM_LEAD", "REFERRAL_SECURED", "CONVERTED", "ARCHIVED"]


def line_of(text: str, needle: str) -> tuple[int, int]:
    """0-based line and UTF-16 character of `needle` in `text`."""
    for number, line in enumerate(text.split("\n")):
        if needle in line:
            return number, len(line[: line.index(needle)].encode("utf-16-le")) // 2
    raise AssertionError(f"{needle!r} not in the text")


def test_a_wrong_stage_is_reported_at_its_value_and_fixed_by_a_quick_fix(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    client = LanguageClient(LEADS, workspace)
    assert client.initialize_result["capabilities"]["positionEncoding"] == "utf-16"
    # The whole workspace is checked at start.
    diagnostics = client.diagnostics(lead)
    client.open(lead)
    wrong = [d for d in diagnostics if d["code"] == "invalid-value"]
    assert len(wrong) == 1, diagnostics
    line, character = line_of(lead.read_text(), "status: WARM")
    assert wrong[0]["range"] == {
        "start": {"line": line, "character": character + len("status: ")},
        "end": {"line": line, "character": character + len("status: WARM")},
    }
    assert wrong[0]["severity"] == 1
    assert "did you mean WARM_LEAD?" in wrong[0]["message"]

    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": lead.as_uri()},
            "range": wrong[0]["range"],
            "context": {"diagnostics": [wrong[0]]},
        },
    )
    edits = actions[0]["edit"]["changes"][lead.as_uri()]
    assert actions[0]["title"] == "Change to WARM_LEAD"
    assert edits == [{"range": wrong[0]["range"], "newText": "WARM_LEAD"}]

    fixed = lead.read_text().replace("status: WARM\n", "status: WARM_LEAD\n")
    client.change(lead, fixed, 2)
    assert client.diagnostics(lead, where=lambda ds: not any(d["code"] == "invalid-value" for d in ds)) == []
    assert client.close() == 0


def test_completion_offers_the_leads_own_stages_and_contact_ids_with_names(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    client = LanguageClient(LEADS, workspace)
    text = lead.read_text().replace("status: WARM\n", "status: \n")
    client.open(lead, text)
    line, _ = line_of(text, "status: ")
    result = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": lead.as_uri()}, "position": {"line": line, "character": len("status: ")}},
    )
    assert [item["label"] for item in result["items"]] == STAGES

    # A sales lead gets the sales pipeline's stages, and only those.
    sales = text.replace("status: \n", "pipeline: sales\nstatus: \n")
    client.change(lead, sales, 2)
    line, _ = line_of(sales, "status: ")
    result = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": lead.as_uri()}, "position": {"line": line, "character": len("status: ")}},
    )
    assert [item["label"] for item in result["items"]] == ["NOT_CONTACTED", "CONTACTED", "QUALIFIED", "CONVERTED", "LOST"]

    linking = text.replace('contact: "[[jo-park]]"', 'contact: "[[')
    client.change(lead, linking, 3)
    line, character = line_of(linking, 'contact: "[[')
    result = client.request(
        "textDocument/completion",
        {
            "textDocument": {"uri": lead.as_uri()},
            "position": {"line": line, "character": character + len('contact: "[[')},
        },
    )
    items = result["items"]
    assert [item["label"] for item in items] == ["jo-park"]
    assert items[0]["detail"] == "contact: Jo Park · Acme Robotics"
    assert items[0]["textEdit"]["newText"] == "jo-park]]"
    assert client.close() == 0


def test_completion_of_field_names_carries_the_schemas_documentation(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    client = LanguageClient(LEADS, workspace)
    text = lead.read_text().replace("created: 2026-11-10\n", "created: 2026-11-10\nnext\n")
    client.open(lead, text)
    line = text.split("\n").index("next")
    result = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": lead.as_uri()}, "position": {"line": line, "character": 4}},
    )
    items = {item["label"]: item for item in result["items"]}
    assert list(items) == ["next_follow_up"]
    assert items["next_follow_up"]["textEdit"]["newText"] == "next_follow_up: "
    assert "Next follow-up" in items["next_follow_up"]["documentation"]["value"]
    client.close()


def test_hover_definition_references_and_document_links(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    contact = workspace / "content/contacts/jo-park.md"
    interaction = workspace / "content/interactions/2026-11-12-call.md"
    client = LanguageClient(LEADS, workspace)
    client.open(lead)
    text = lead.read_text()
    line, character = line_of(text, "[[jo-park]]")
    position = {"line": line, "character": character + 3}

    hover = client.request("textDocument/hover", {"textDocument": {"uri": lead.as_uri()}, "position": position})
    assert "**Jo Park · Acme Robotics**" in hover["contents"]["value"]
    assert "Engineering Manager" in hover["contents"]["value"]

    definition = client.request(
        "textDocument/definition", {"textDocument": {"uri": lead.as_uri()}, "position": position}
    )
    assert definition["uri"] == contact.as_uri()

    references = client.request(
        "textDocument/references",
        {"textDocument": {"uri": lead.as_uri()}, "position": position, "context": {"includeDeclaration": False}},
    )
    places = sorted((Path(r["uri"].removeprefix("file://")).name, r["range"]["start"]["line"]) for r in references)
    # The lead's contact field and its note, and the interaction's contact field.
    assert places == [
        ("2026-11-12-call.md", line_of(interaction.read_text(), "contact:")[0]),
        ("acme-platform.md", line_of(text, "contact:")[0]),
        ("acme-platform.md", line_of(text, "see [[jo-park]]")[0]),
    ]

    links = client.request("textDocument/documentLink", {"textDocument": {"uri": lead.as_uri()}})
    assert sorted(link["target"].rsplit("/", 1)[1] for link in links) == ["acme.md", "jo-park.md", "jo-park.md"]

    # The stage hover: its place in the pipeline.
    line, character = line_of(text, "status: WARM")
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": lead.as_uri()}, "position": {"line": line, "character": character + 9}},
    )
    assert "not a stage of the networking pipeline" in hover["contents"]["value"]

    symbols = client.request("workspace/symbol", {"query": "park"})
    assert [s["name"] for s in symbols] == ["Jo Park · Acme Robotics (jo-park)"]
    assert interaction.exists()
    client.close()


def test_another_files_change_updates_a_broken_link(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    contact = workspace / "content/contacts/jo-park.md"
    client = LanguageClient(LEADS, workspace)
    client.open(lead)
    client.diagnostics(lead)

    # Renamed in the editor: the contact's file is opened and emptied, then deleted on disk.
    contact.unlink()
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": contact.as_uri(), "type": 3}]})
    broken = client.diagnostics(lead, where=lambda ds: any(d["code"] == "broken-link" for d in ds))
    assert any("jo-park" in d["message"] for d in broken)

    # A new contact file under the linked id (git pull): the link resolves again.
    contact.write_text("---\nname: Jo Park\nemail: jo@acme.example\n---\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": contact.as_uri(), "type": 1}]})
    client.diagnostics(lead, where=lambda ds: not any(d["code"] == "broken-link" for d in ds))

    # An open document's edit counts before it is saved: renaming the linked id breaks the link.
    other = workspace / "content/leads/acme-platform.md"
    client.change(other, other.read_text().replace('contact: "[[jo-park]]"', 'contact: "[[jo-parks]]"'), 2)
    broken = client.diagnostics(lead, where=lambda ds: any(d["code"] == "broken-link" for d in ds))
    assert client.close() == 0


def expected_character(prefix: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(prefix.encode("utf-8"))
    if encoding == "utf-32":
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


def test_columns_are_counted_in_the_negotiated_encoding(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    # An emoji outside the Basic Multilingual Plane and a letter with a combining accent before
    # the broken note link: 2 UTF-16 units, 4 UTF-8 bytes, 1 UTF-32 unit; 2 scalars.
    prefix = "Met 🚀 at Cafe\u0301 Müller, see "
    lead.write_text(lead.read_text().replace("Met Jo at the meetup; see [[jo-park]].", prefix + "[[nobody]]."))
    for encoding in ["utf-16", "utf-8", "utf-32"]:
        client = LanguageClient(LEADS, workspace, encodings=[encoding])
        assert client.initialize_result["capabilities"]["positionEncoding"] == encoding
        diagnostics = client.diagnostics(lead)
        broken = [d for d in diagnostics if d["code"] == "broken-link"]
        assert len(broken) == 1, diagnostics
        start = expected_character(prefix, encoding)
        end = expected_character(prefix + "[[nobody]]", encoding)
        assert broken[0]["range"]["start"]["character"] == start, encoding
        assert broken[0]["range"]["end"]["character"] == end, encoding
        assert broken[0]["severity"] == 2
        assert client.close() == 0


def test_a_tag_yaml_reads_as_a_comment_is_quoted_by_a_quick_fix(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    text = lead.read_text().replace("status: WARM\n", "status: WARM_LEAD\ntags:\n  - backend\n  - #go\n")
    lead.write_text(text)
    client = LanguageClient(LEADS, workspace)
    diagnostics = client.diagnostics(lead)
    empty = [d for d in diagnostics if d["code"] == "empty-list-item"]
    assert len(empty) == 1, diagnostics
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": lead.as_uri()}, "range": empty[0]["range"], "context": {"diagnostics": empty}},
    )
    edit = actions[0]["edit"]["changes"][lead.as_uri()][0]
    assert edit["newText"] == "'#go'"
    line, character = line_of(text, "#go")
    assert edit["range"]["start"] == {"line": line, "character": character}
    client.close()


def test_a_missing_field_is_added_and_a_company_written_as_text_becomes_a_link(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    text = (
        lead.read_text()
        .replace("status: WARM\n", "status: WARM_LEAD\n")
        .replace("source: LINKEDIN\n", "")
        .replace('company: "[[acme]]"', "company: Acme Robotics")
    )
    lead.write_text(text)
    client = LanguageClient(LEADS, workspace)
    diagnostics = client.diagnostics(lead)
    by_code = {d["code"]: d for d in diagnostics}
    assert {"missing-field", "could-link"} <= set(by_code), diagnostics
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": lead.as_uri()},
            "range": by_code["missing-field"]["range"],
            "context": {"diagnostics": [by_code["missing-field"], by_code["could-link"]]},
        },
    )
    titles = [a["title"] for a in actions]
    assert "Add source: LINKEDIN" in titles
    assert 'Link company to "[[acme]]"' in titles
    link = next(a for a in actions if a["title"].startswith("Link company"))
    assert link["edit"]["changes"][lead.as_uri()][0]["newText"] == '"[[acme]]"'
    client.close()
