import Foundation

/// `leads lsp`: a Language Server Protocol 3.17 server over standard input and output, so any
/// editor with an LSP client checks the pipeline as the user types.
///
/// The server finds the content folder from the editor's workspace folder as the command line
/// does from its working directory (`ContentLocation`), reads it once, and then keeps it in step
/// with the editor's open documents and the files the client reports changed. Diagnostics are
/// `leads check`'s, with the same codes, messages and severities; a burst of keystrokes is checked
/// once, `quietMilliseconds` after the last one.
public final class LanguageServer {
    /// How long the server waits for the next change before checking again.
    static let quietMilliseconds: Int32 = 30

    let connection: LSPConnection
    let asOf: Day
    let version: String
    var workspace: LanguageWorkspace?
    /// The editor's workspace folder, where the content folder is looked for.
    private var workspaceFolder = FileManager.default.currentDirectoryPath
    /// The day rules are checked against: `asOf`, or the client's `initializationOptions.asOf`.
    private var day: Day
    var encoding = PositionEncoding.utf16
    /// Open documents by path inside the content folder, with their versions.
    var openDocuments: [String: Int] = [:]
    /// What was last published, by absolute path.
    private var published: [String: [Diagnostic]] = [:]
    /// Documents changed since the last check: published again even when their problems are not.
    private var changed: Set<String> = []
    private var checkPending = false
    private var initialized = false
    /// Whether the workspace changed since the last check (an open document may only need its
    /// diagnostics published again, with its new version).
    private var stale = false
    private var shutdownRequested = false
    private var watchesFilesDynamically = false
    private var nextRequest = 1
    private let decoder = JSONDecoder()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// `asOf`: the day date rules are checked against (the command line's `--as-of`, else
    /// today); a client's `initializationOptions.asOf` replaces it.
    public init(asOf: Day, version: String, input: Int32 = 0, output: Int32 = 1) {
        self.asOf = asOf
        day = asOf
        self.version = version
        connection = LSPConnection(input: input, output: output)
    }

    /// Serves until the client sends `exit`; returns the exit code the specification gives (0
    /// after `shutdown`, 1 otherwise, also when the input ends first).
    public func run() -> Int32 {
        while true {
            if checkPending && !connection.hasInput(within: Self.quietMilliseconds) { checkAndPublish() }
            guard let message = connection.receive() else { return shutdownRequested ? 0 : 1 }
            if let code = handle(message) { return code }
        }
    }

    // MARK: Messages

    private func handle(_ json: [UInt8]) -> Int32? {
        let data = Data(json)
        guard let envelope = try? decoder.decode(LSP.Envelope.self, from: data) else {
            // JSON that is not a request object is an invalid request; anything else a parse error.
            let isJSON = (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil
            send(
                LSP.ErrorResponse(
                    id: nil,
                    error: isJSON
                        ? .init(code: -32600, message: "not a JSON-RPC request object")
                        : .init(code: -32700, message: "not JSON")))
            return nil
        }
        guard let method = envelope.method else {
            // A response to a request of ours has a result or an error; anything else is invalid.
            if (try? decoder.decode(LSP.ResponseShape.self, from: data))?.isResponse != true {
                send(
                    LSP.ErrorResponse(id: envelope.id, error: .init(code: -32600, message: "a request needs a method")))
            }
            return nil
        }
        // Before `initialize`, requests are refused and notifications dropped (LSP 3.17), but `exit` ends.
        if !initialized && method != "initialize" && method != "exit" {
            if let id = envelope.id {
                send(LSP.ErrorResponse(id: id, error: .init(code: -32002, message: "initialize first")))
            }
            return nil
        }
        if let id = envelope.id {
            request(method, id: id, data)
        } else {
            notification(method, data)
        }
        return method == "exit" ? (shutdownRequested ? 0 : 1) : nil
    }

    private func request(_ method: String, id: LSP.RequestID, _ data: Data) {
        func answer<Params: Decodable, Result: Encodable>(_: Params.Type, _ body: (Params) -> Result) {
            guard let params = try? decoder.decode(LSP.Params<Params>.self, from: data).params else {
                send(LSP.ErrorResponse(id: id, error: .init(code: -32602, message: "invalid params for \(method)")))
                return
            }
            if checkPending { checkAndPublish() }
            send(LSP.Response(id: id, result: body(params)))
        }
        switch method {
        case "initialize" where initialized:
            send(LSP.ErrorResponse(id: id, error: .init(code: -32600, message: "the server is initialized already")))
        case "initialize":
            answer(LSP.InitializeParams.self, initialize)
            initialized = true
        case "shutdown":
            shutdownRequested = true
            send(LSP.Response<Int?>(id: id, result: nil))
        case "textDocument/completion":
            answer(LSP.PositionParams.self, completion)
        case "textDocument/hover":
            answer(LSP.PositionParams.self, hover)
        case "textDocument/definition":
            answer(LSP.PositionParams.self, definition)
        case "textDocument/references":
            answer(LSP.PositionParams.self, references)
        case "textDocument/documentLink":
            answer(LSP.DocumentParams.self, documentLinks)
        case "textDocument/codeAction":
            answer(LSP.CodeActionParams.self, codeActions)
        case "workspace/symbol":
            answer(LSP.WorkspaceSymbolParams.self, symbols)
        default:
            send(LSP.ErrorResponse(id: id, error: .init(code: -32601, message: "leads lsp does not handle \(method)")))
        }
    }

    private func notification(_ method: String, _ data: Data) {
        func read<Params: Decodable>(_: Params.Type) -> Params? {
            try? decoder.decode(LSP.Params<Params>.self, from: data).params
        }
        switch method {
        case "initialized":
            registerFileWatchers()
            checkAndPublish()
        case "textDocument/didOpen":
            guard let params = read(LSP.DidOpenParams.self), let path = relativePath(params.textDocument.uri) else {
                return
            }
            openDocuments[path] = params.textDocument.version
            edit(path, Array(params.textDocument.text.utf8))
        case "textDocument/didChange":
            guard let params = read(LSP.DidChangeParams.self), let path = relativePath(params.textDocument.uri),
                let text = params.contentChanges.last?.text,
                // A change older than the one applied already is late, not news.
                params.textDocument.version >= openDocuments[path] ?? Int.min
            else { return }
            openDocuments[path] = params.textDocument.version
            edit(path, Array(text.utf8))
        case "textDocument/didClose":
            guard let params = read(LSP.DidCloseParams.self), let path = relativePath(params.textDocument.uri) else {
                return
            }
            openDocuments[path] = nil
            // The editor's unsaved text is gone: the file is what the disk holds again.
            workspace?.reload([path])
            stale = true
            checkPending = true
        case "workspace/didChangeWatchedFiles":
            guard let params = read(LSP.DidChangeWatchedFilesParams.self) else { return }
            // No content folder at start (`leads init` run since): look again.
            if workspace == nil {
                if loadWorkspace() == nil { checkAndPublish() }
                return
            }
            // An open document's text is the editor's, whatever the disk says.
            let paths = params.changes.compactMap { relativePath($0.uri) }.filter { openDocuments[$0] == nil }
            let files = paths.filter { $0.hasSuffix(".md") || $0 == "config.yml" }
            workspace?.reload(files)
            // A folder: created, deleted or renamed with its files, which the client may not list.
            if files.count < paths.count { workspace?.resync(keeping: Set(openDocuments.keys)) }
            stale = stale || !paths.isEmpty
            checkPending = checkPending || !paths.isEmpty
        default:
            break
        }
    }

    /// The editor's text of an open document: checked again if it differs from what the
    /// workspace holds, and its diagnostics published again either way (with the new version).
    private func edit(_ path: String, _ bytes: [UInt8]) {
        guard let workspace else { return }
        if workspace.bytes(path) != bytes {
            workspace.update(path, bytes: bytes)
            stale = true
        }
        changed.insert(workspace.absolutePath(path))
        checkPending = true
    }

    // MARK: Lifecycle

    private func initialize(_ params: LSP.InitializeParams) -> LSP.InitializeResult {
        encoding = PositionEncoding.negotiate(params.capabilities?.general?.positionEncodings)
        watchesFilesDynamically = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
        workspaceFolder =
            params.workspaceFolders?.first.flatMap { Self.path(ofURI: $0.uri) }
            ?? params.rootUri.flatMap(Self.path(ofURI:)) ?? params.rootPath
            ?? FileManager.default.currentDirectoryPath
        day = params.initializationOptions?.asOf.flatMap { Day(parsing: $0) } ?? asOf
        if let error = loadWorkspace() {
            showMessage("leads: \(error) — diagnostics start once the content folder exists (leads init makes one)")
        }
        return LSP.InitializeResult(
            capabilities: .init(positionEncoding: encoding.rawValue), serverInfo: .init(version: version))
    }

    /// Reads the content folder found from the workspace folder, as the command line finds it
    /// from its working directory; diagnostics name files as `leads check` run there does.
    /// Returns why it could not.
    private func loadWorkspace() -> Error? {
        let location = ContentLocation.locate(
            given: nil, workingDirectory: workspaceFolder, environment: ProcessInfo.processInfo.environment)
        let content =
            location.content.hasPrefix("/") ? location.content : workspaceFolder + "/" + location.content
        do {
            workspace = try LanguageWorkspace(root: content, displayRoot: location.content, asOf: day)
            return nil
        } catch {
            return error
        }
    }

    private func registerFileWatchers() {
        guard watchesFilesDynamically else { return }
        let registration = LSP.Registration(
            id: "leads-watched-files", method: "workspace/didChangeWatchedFiles",
            registerOptions: .init(watchers: [
                .init(globPattern: "**/*.md"), .init(globPattern: "**/config.yml"),
                // A record folder deleted or renamed whole is reported as the folder alone.
                .init(globPattern: "**/{leads,interactions,contacts,companies,applications,jobs}"),
            ]))
        send(
            LSP.Message(
                id: .number(nextRequest), method: "client/registerCapability",
                params: LSP.RegistrationParams(registrations: [registration])))
        nextRequest += 1
    }

    // MARK: Diagnostics

    /// Checks the folder again and publishes the diagnostics of every file whose problems changed
    /// (all files with problems, the first time).
    func checkAndPublish() {
        checkPending = false
        guard let workspace else { return }
        if stale { workspace.recheck() }
        stale = false
        let current = workspace.diagnosticsByFile
        for path in Set(published.keys).union(current.keys).union(changed).sorted() {
            let diagnostics = current[path] ?? []
            guard published[path] != diagnostics || changed.contains(path) else { continue }
            published[path] = diagnostics.isEmpty ? nil : diagnostics
            let relative = workspace.relativePath(ofFile: path)
            let document = document(absolutePath: path)
            send(
                LSP.Message(
                    method: "textDocument/publishDiagnostics",
                    params: LSP.PublishDiagnosticsParams(
                        uri: Self.uri(ofPath: path), version: relative.flatMap { openDocuments[$0] },
                        diagnostics: diagnostics.map { lspDiagnostic($0, in: document) })))
        }
        changed.removeAll()
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, in document: RecordDocument) -> LSP.Diagnostic {
        let offset = document.text.offset(line: diagnostic.location.line, column: diagnostic.location.column)
        return LSP.Diagnostic(
            range: range(document.span(at: offset), in: document), severity: diagnostic.severity == .error ? 1 : 2,
            code: diagnostic.code.rawValue, source: "leads", message: diagnostic.message)
    }

    // MARK: Documents and places

    /// The document at an absolute path: the workspace's text for a record file, else the disk's.
    func document(absolutePath path: String) -> RecordDocument {
        let relative = workspace?.relativePath(ofFile: path)
        let bytes =
            relative.flatMap { workspace?.bytes($0) }
            ?? (try? FileBytes.contents(of: path, limit: ContentLoader.maximumFileSize).get()) ?? []
        return RecordDocument(bytes: bytes, kind: relative.flatMap(LanguageWorkspace.kind(of:)))
    }

    /// The open or kept document a request names, with its path inside the content folder.
    func document(_ uri: String) -> (path: String, document: RecordDocument)? {
        guard let workspace, let path = relativePath(uri) else { return nil }
        return (path, document(absolutePath: workspace.absolutePath(path)))
    }

    func relativePath(_ uri: String) -> String? {
        Self.path(ofURI: uri).flatMap { workspace?.relativePath(ofFile: $0) }
    }

    func range(_ bytes: Range<Int>, in document: RecordDocument) -> LSP.Range {
        LSP.Range(
            start: document.text.position(of: bytes.lowerBound, encoding: encoding),
            end: document.text.position(of: bytes.upperBound, encoding: encoding))
    }

    func location(_ source: SourceLocation) -> LSP.Location {
        let path = workspace?.absolutePath(ofDisplay: source.file) ?? source.file
        let document = document(absolutePath: path)
        let offset = document.text.offset(line: source.line, column: source.column)
        return LSP.Location(uri: Self.uri(ofPath: path), range: range(document.span(at: offset), in: document))
    }

    /// The start of a file, for a go-to that opens it.
    func fileStart(_ absolutePath: String) -> LSP.Location {
        let start = LSP.Position(line: 0, character: 0)
        return LSP.Location(uri: Self.uri(ofPath: absolutePath), range: LSP.Range(start: start, end: start))
    }

    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }

    // MARK: Sending

    func send<Value: Encodable>(_ value: Value) {
        guard let data = try? encoder.encode(value) else { return }
        connection.send(Array(data))
    }

    private func showMessage(_ text: String) {
        struct Params: Encodable {
            var type = 1
            var message: String
        }
        send(LSP.Message(method: "window/showMessage", params: Params(message: text)))
    }
}
