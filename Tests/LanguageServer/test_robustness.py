"""`leads lsp` against clients that get things wrong and files an editor may hold: the server
answers every request it can, never crashes or goes deaf, and names files as `leads check` does."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from lsp_client import LEADS, LanguageClient


def test_bad_frames_neither_crash_the_server_nor_stop_it_answering(workspace: Path) -> None:
    client = LanguageClient(LEADS, workspace)
    # A negative length, then a frame announcing one byte more than it sends.
    client.send_raw(b"Content-Length: -5\r\n\r\n")
    body = json.dumps({"jsonrpc": "2.0", "id": 900, "method": "workspace/symbol", "params": {"query": "x"}}).encode()
    client.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) + 1) + body)
    # That frame took the first byte of the next one, which is lost; the one after is found again.
    client.notify("$/lost", {})
    assert client.request("workspace/symbol", {"query": "park"}, timeout=10)
    assert client.request("workspace/symbol", {"query": "acme"}, timeout=10)
    # Not JSON: a parse error with "id": null.
    client.send_raw(b"Content-Length: 3\r\n\r\n{x}")
    error = client.wait(lambda m: m.get("error", {}).get("code") == -32700)
    assert "id" in error and error["id"] is None
    # An id without a method: an invalid request, answered with its id.
    client.send({"id": 78})
    invalid = client.wait(lambda m: m.get("id") == 78)
    assert invalid["error"]["code"] == -32600
    assert client.close() == 0


def test_requests_before_initialize_are_refused_and_exit_still_ends(workspace: Path) -> None:
    client = LanguageClient(LEADS, workspace, initialize=False)
    client.send({"id": 1, "method": "workspace/symbol", "params": {"query": ""}})
    refused = client.wait(lambda m: m.get("id") == 1)
    assert refused["error"]["code"] == -32002
    client.notify("exit", None)
    assert client.process.wait(timeout=10) == 1


def test_ranges_cover_a_whole_value_lone_cr_lines_count_and_messages_name_files_as_check_does(
    workspace: Path,
) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    lead.write_text(lead.read_text().replace("status: WARM\n", "status: WARM LEAD\n").replace("\n", "\r"))
    twin = workspace / "content/contacts/jo-twin.md"
    twin.write_text("---\nname: Jo P.\nemail: jo@acme.example\n---\n")
    client = LanguageClient(LEADS, workspace)
    diagnostics = client.diagnostics(lead)
    wrong = [d for d in diagnostics if d["code"] == "invalid-value"]
    assert wrong[0]["range"] == {
        "start": {"line": 5, "character": len("status: ")},
        "end": {"line": 5, "character": len("status: WARM LEAD")},
    }
    duplicate = client.diagnostics(twin)
    check = subprocess.run(
        [str(LEADS), "check", "--as-of", "2026-11-23"], cwd=workspace, capture_output=True, text=True
    ).stdout
    assert [d["message"] for d in duplicate if d["code"] == "duplicate-contact"] == [
        line.split(": warning: ", 1)[1].rsplit(" [", 1)[0] for line in check.splitlines() if "duplicate-contact" in line
    ]
    assert "content/contacts/jo-twin.md and content/contacts/jo-park.md" in duplicate[0]["message"]
    client.close()


def test_a_broken_links_did_you_mean_keeps_its_brackets(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    lead.write_text(lead.read_text().replace('contact: "[[jo-park]]"', 'contact: "[[jo-parc]]"'))
    client = LanguageClient(LEADS, workspace)
    broken = [d for d in client.diagnostics(lead) if d["code"] == "broken-link" and "jo-parc" in d["message"]]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": lead.as_uri()}, "range": broken[0]["range"], "context": {"diagnostics": broken}},
    )
    assert actions[0]["edit"]["changes"][lead.as_uri()][0]["newText"] == '"[[jo-park]]"'
    client.close()


def test_a_content_folder_made_after_start_is_picked_up(tmp_path: Path) -> None:
    client = LanguageClient(LEADS, tmp_path)
    client.wait(lambda m: m.get("method") == "window/showMessage")
    subprocess.run([str(LEADS), "init"], cwd=tmp_path, check=True, capture_output=True)
    lead = tmp_path / "content/leads/new.md"
    lead.parent.mkdir(parents=True, exist_ok=True)
    lead.write_text("---\nrole: X\ncompany: Y\nsource: LINKEDIN\ntemperature: WARM\nstatus: WARM\ncreated: 2026-11-20\n---\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": lead.as_uri(), "type": 1}]})
    diagnostics = client.diagnostics(lead)
    assert any(d["code"] == "invalid-value" for d in diagnostics)
    client.close()


def test_a_record_folder_deleted_whole_and_hidden_files_are_handled_as_check_does(workspace: Path) -> None:
    import shutil

    lead = workspace / "content/leads/acme-platform.md"
    client = LanguageClient(LEADS, workspace)
    client.diagnostics(lead)
    # A hidden copy, as sync tools leave them: skipped, as the folder walk skips it.
    hidden = workspace / "content/contacts/.jo-park.md"
    hidden.write_text((workspace / "content/contacts/jo-park.md").read_text())
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": hidden.as_uri(), "type": 1}]})
    assert len(client.request("workspace/symbol", {"query": "park"})) == 1
    # The contacts folder deleted: some clients report only the folder.
    shutil.rmtree(workspace / "content/contacts")
    client.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": (workspace / "content/contacts").as_uri(), "type": 3}]}
    )
    broken = client.diagnostics(lead, where=lambda ds: any(d["code"] == "broken-link" for d in ds))
    assert any("jo-park" in d["message"] for d in broken)
    assert client.request("workspace/symbol", {"query": "park"}) == []
    client.close()


def test_flow_values_links_with_labels_and_hashes_in_brackets(workspace: Path) -> None:
    lead = workspace / "content/leads/acme-platform.md"
    text = (
        lead.read_text()
        .replace("status: WARM\n", "status: WARM_LEAD\nhistory:\n  - {status: WARM LEAD, date: 2026-11-10}\n")
        .replace('contact: "[[jo-park]]"', 'contact: "[[jo-parc|Jo]]"')
    )
    text = text.replace("created: 2026-11-10\n", "created: 2026-11-10\ntags: [backend, #go]\n")
    lead.write_text(text)
    client = LanguageClient(LEADS, workspace)
    diagnostics = client.diagnostics(lead)
    by_code: dict[str, list[dict]] = {}
    for d in diagnostics:
        by_code.setdefault(d["code"], []).append(d)
    # A flow list with a `#` is broken YAML: the rest of the file is not read, so only that is reported.
    (broken_yaml,) = by_code["invalid-front-matter"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": lead.as_uri()}, "range": broken_yaml["range"], "context": {"diagnostics": [broken_yaml]}},
    )
    assert [a["edit"]["changes"][lead.as_uri()][0]["newText"] for a in actions] == ["'#go'"]
    fixed = text.replace("tags: [backend, #go]", "tags: [backend, '#go']")
    client.open(lead, fixed)
    diagnostics = client.diagnostics(lead, where=lambda ds: not any(d["code"] == "invalid-front-matter" for d in ds))
    line = fixed.split("\n").index("  - {status: WARM LEAD, date: 2026-11-10}")
    stage = [d for d in diagnostics if d["code"] == "invalid-value" and d["range"]["start"]["line"] == line]
    assert stage and stage[0]["range"]["end"]["character"] - stage[0]["range"]["start"]["character"] == len("WARM LEAD")
    broken = [d for d in diagnostics if d["code"] == "broken-link"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": lead.as_uri()}, "range": broken[0]["range"], "context": {"diagnostics": broken}},
    )
    assert actions[0]["edit"]["changes"][lead.as_uri()][0]["newText"] == '"[[jo-park|Jo]]"'
    client.close()


def test_a_pull_of_many_files_in_one_notification(workspace: Path) -> None:
    client = LanguageClient(LEADS, workspace)
    lead = workspace / "content/leads/acme-platform.md"
    client.diagnostics(lead)
    created = []
    for number in range(200):
        contact = workspace / f"content/contacts/pulled-{number:03}.md"
        contact.write_text(f"---\nname: Pulled Person {number}\nemail: p{number}@acme.example\n---\n")
        created.append({"uri": contact.as_uri(), "type": 1})
    # The lead's contact deleted in the same pull.
    (workspace / "content/contacts/jo-park.md").unlink()
    created.append({"uri": (workspace / "content/contacts/jo-park.md").as_uri(), "type": 3})
    client.notify("workspace/didChangeWatchedFiles", {"changes": created})
    client.diagnostics(lead, where=lambda ds: any(d["code"] == "broken-link" for d in ds))
    assert len(client.request("workspace/symbol", {"query": "pulled person"})) == 200
    client.close()
