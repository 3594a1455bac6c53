"""The language server proven with a client nobody here wrote: Neovim's built-in LSP client,
headless, opens a lead, receives its diagnostics and asks for a completion (neovim_client.lua)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from lsp_client import LEADS

HERE = Path(__file__).resolve().parent


def test_neovims_lsp_client_gets_the_diagnostics_and_a_completion(workspace: Path, tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.fail("nvim is missing: scripts/ensure-deps --test installs Debian's neovim")
    lead = workspace / "content/leads/acme-platform.md"
    text = lead.read_text()
    lines = text.split("\n")
    status = next(number for number, line in enumerate(lines) if line.startswith("status: "))
    out = tmp_path / "neovim.json"
    environment = dict(
        os.environ,
        LEADS_BIN=str(LEADS),
        LEADS_ROOT=str(workspace),
        LEADS_FILE=str(lead),
        LEADS_OUT=str(out),
        LEADS_COMPLETION_LINE=str(status),
        LEADS_COMPLETION_CHARACTER=str(len("status: ")),
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"luafile {HERE / 'neovim_client.lua'}"],
        cwd=workspace,
        env=environment,
        timeout=90,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    assert result["arrived"] is True, result
    wrong = [d for d in result["diagnostics"] if d["code"] == "invalid-value"]
    assert len(wrong) == 1, result["diagnostics"]
    assert (wrong[0]["lnum"], wrong[0]["col"], wrong[0]["end_col"]) == (status, len("status: "), len("status: WARM"))
    assert "did you mean WARM_LEAD?" in wrong[0]["message"]
    # The completion at `status: |` (the value WARM is after the cursor): the pipeline's stages.
    assert "WARM_LEAD" in result["completion"]
    assert "NOT_CONTACTED" not in result["completion"]
