"""A minimal Language Server Protocol client for the protocol tests: it starts `leads lsp`,
frames JSON-RPC messages with Content-Length headers, and collects what the server sends on a
reader thread so a test can wait for a notification or a response."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LEADS = REPO / ".build" / "debug" / "leads"


class LanguageClient:
    def __init__(
        self,
        leads: Path,
        workspace: Path,
        encodings: list[str] | None = None,
        as_of: str = "2026-11-23",
        initialize: bool = True,
    ):
        self.workspace = workspace
        self.process = subprocess.Popen(
            [str(leads), "lsp", "--as-of", as_of],
            cwd=workspace,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if initialize:
            self.initialize(encodings)

    def initialize(self, encodings: list[str] | None = None) -> None:
        capabilities: dict = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        self.initialize_result = self.request(
            "initialize",
            {"processId": None, "rootUri": self.workspace.as_uri(), "capabilities": capabilities},
        )
        self.notify("initialized", {})

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.decode().strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send_raw(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 20) -> object:
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == request_id and "method" not in m, timeout)
        assert "error" not in message, message
        return message["result"]

    def wait(self, matches, timeout: float = 20) -> dict:
        """The first message, seen or still to come, that `matches`; it is consumed."""
        for index, message in enumerate(self.seen):
            if matches(message):
                return self.seen.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no matching message within {timeout} s; seen: {self.seen[-5:]}")
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:
                # A request from the server (client/registerCapability): answer it.
                self.send({"id": message["id"], "result": None})
            if matches(message):
                return message
            self.seen.append(message)

    def diagnostics(self, path: Path, timeout: float = 20, where=lambda d: True, version: int | None = None) -> list[dict]:
        """The next diagnostics published for `path` that satisfy `where` (and are of `version`)."""
        uri = path.as_uri()
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and (version is None or m["params"].get("version") == version)
            and where(m["params"]["diagnostics"]),
            timeout,
        )
        return message["params"]["diagnostics"]

    def open(self, path: Path, text: str | None = None, version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": path.as_uri(),
                    "languageId": "markdown",
                    "version": version,
                    "text": path.read_text() if text is None else text,
                }
            },
        )

    def change(self, path: Path, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": path.as_uri(), "version": version}, "contentChanges": [{"text": text}]},
        )

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout=10)
