/// The Language Server Protocol 3.17 messages `leads lsp` reads and writes, as `Codable` values
/// named and shaped as the specification names them
/// (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/).
/// Only the fields the server uses are declared; decoding ignores the rest.
enum LSP {
    /// A request's id: a number or a string, echoed back in its response.
    enum RequestID: Codable, Hashable, Sendable {
        case number(Int)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            }
        }
    }

    /// What every message has: a request has `id` and `method`, a notification only `method`, a
    /// response (to a request the server sent) only `id`.
    struct Envelope: Decodable {
        var id: RequestID?
        var method: String?
    }

    /// Whether a message without a method is a response: it has a result or an error.
    struct ResponseShape: Decodable {
        var isResponse: Bool

        enum CodingKeys: String, CodingKey { case result, error }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            isResponse = container.contains(.result) || container.contains(.error)
        }
    }

    /// The `params` of a message, decoded as the method's own type.
    struct Params<Value: Decodable>: Decodable {
        var params: Value
    }

    struct Response<Result: Encodable>: Encodable {
        var id: RequestID?
        var result: Result

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            // `result` is written even when nil: a response without it is not a response.
            try container.encode(result, forKey: .result)
        }
    }

    struct ErrorResponse: Encodable {
        struct Body: Encodable {
            var code: Int
            var message: String
        }
        var id: RequestID?
        var error: Body

        enum CodingKeys: String, CodingKey { case jsonrpc, id, error }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            // JSON-RPC 2.0: `"id": null` when the request's id could not be read.
            try container.encode(id, forKey: .id)
            try container.encode(error, forKey: .error)
        }
    }

    /// A notification or request the server sends.
    struct Message<Value: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID?
        var method: String
        var params: Value
    }

    /// Zero-based line and character; what a character is depends on the negotiated
    /// `positionEncoding` (UTF-16 code units unless the client offered UTF-8 or UTF-32).
    struct Position: Codable, Hashable, Sendable {
        var line: Int
        var character: Int
    }

    struct Range: Codable, Hashable, Sendable {
        var start: Position
        var end: Position
    }

    struct Location: Codable, Hashable, Sendable {
        var uri: String
        var range: Range
    }

    struct Diagnostic: Codable, Hashable, Sendable {
        var range: Range
        /// 1 error, 2 warning, 3 information, 4 hint.
        var severity: Int
        var code: String
        var source: String
        var message: String
    }

    struct PublishDiagnosticsParams: Codable, Sendable {
        var uri: String
        var version: Int?
        var diagnostics: [Diagnostic]
    }

    struct InitializeParams: Decodable {
        struct ClientCapabilities: Decodable {
            struct General: Decodable {
                var positionEncodings: [String]?
            }
            struct Workspace: Decodable {
                struct Registration: Decodable {
                    var dynamicRegistration: Bool?
                }
                var didChangeWatchedFiles: Registration?
            }
            var general: General?
            var workspace: Workspace?
        }
        struct WorkspaceFolder: Decodable {
            var uri: String
        }
        var rootUri: String?
        var rootPath: String?
        var workspaceFolders: [WorkspaceFolder]?
        var capabilities: ClientCapabilities?
        var initializationOptions: InitializationOptions?
    }

    /// `leads lsp`'s own options: `{"asOf": "2026-11-30"}` fixes the day rules are checked on.
    struct InitializationOptions: Decodable {
        var asOf: String?
    }

    struct InitializeResult: Encodable {
        struct Capabilities: Encodable {
            struct Sync: Encodable {
                var openClose = true
                /// 1: the whole text on every change.
                var change = 1
                var save = true
            }
            struct CompletionOptions: Encodable {
                var triggerCharacters = [":", "[", " ", "-"]
            }
            struct Empty: Encodable {}
            struct CodeActionOptions: Encodable {
                var codeActionKinds = ["quickfix"]
            }
            var positionEncoding: String
            var textDocumentSync = Sync()
            var completionProvider = CompletionOptions()
            var hoverProvider = true
            var definitionProvider = true
            var referencesProvider = true
            var workspaceSymbolProvider = true
            var documentLinkProvider = Empty()
            var codeActionProvider = CodeActionOptions()
        }
        struct ServerInfo: Encodable {
            var name = "leads"
            var version: String
        }
        var capabilities: Capabilities
        var serverInfo: ServerInfo
    }

    struct TextDocumentIdentifier: Codable {
        var uri: String
    }

    struct DidOpenParams: Decodable {
        struct Item: Decodable {
            var uri: String
            var version: Int
            var text: String
        }
        var textDocument: Item
    }

    struct DidChangeParams: Decodable {
        struct Document: Decodable {
            var uri: String
            var version: Int
        }
        struct Change: Decodable {
            var text: String
        }
        var textDocument: Document
        var contentChanges: [Change]
    }

    struct DidCloseParams: Decodable {
        var textDocument: TextDocumentIdentifier
    }

    struct DidChangeWatchedFilesParams: Decodable {
        struct Event: Decodable {
            var uri: String
            /// 1 created, 2 changed, 3 deleted.
            var type: Int
        }
        var changes: [Event]
    }

    struct PositionParams: Decodable {
        var textDocument: TextDocumentIdentifier
        var position: Position
    }

    struct DocumentParams: Decodable {
        var textDocument: TextDocumentIdentifier
    }

    struct WorkspaceSymbolParams: Decodable {
        var query: String
    }

    struct CodeActionParams: Decodable {
        struct Context: Decodable {
            var diagnostics: [Diagnostic]
        }
        var textDocument: TextDocumentIdentifier
        var range: Range
        var context: Context
    }

    struct MarkupContent: Codable, Hashable {
        var kind = "markdown"
        var value: String
    }

    struct Hover: Encodable {
        var contents: MarkupContent
        var range: Range?
    }

    struct TextEdit: Codable, Hashable {
        var range: Range
        var newText: String
    }

    struct CompletionItem: Encodable, Hashable {
        var label: String
        /// 5 field, 12 value, 13 enum, 18 reference, 14 keyword.
        var kind: Int
        var detail: String?
        var documentation: MarkupContent?
        var textEdit: TextEdit?
        var filterText: String?
        var sortText: String?
    }

    struct CompletionList: Encodable {
        var isIncomplete = false
        var items: [CompletionItem]
    }

    struct DocumentLink: Encodable {
        var range: Range
        var target: String
        var tooltip: String?
    }

    struct SymbolInformation: Encodable {
        var name: String
        /// 5 class (a company), 13 variable (a contact), 20 key ... ; see `LanguageServer.symbolKind`.
        var kind: Int
        var location: Location
        var containerName: String?
    }

    struct WorkspaceEdit: Encodable, Hashable {
        var changes: [String: [TextEdit]]
    }

    struct CodeAction: Encodable {
        var title: String
        var kind = "quickfix"
        var diagnostics: [Diagnostic]?
        var isPreferred: Bool?
        var edit: WorkspaceEdit
    }

    struct Registration: Encodable {
        struct Options: Encodable {
            struct Watcher: Encodable {
                var globPattern: String
            }
            var watchers: [Watcher]
        }
        var id: String
        var method: String
        var registerOptions: Options
    }

    struct RegistrationParams: Encodable {
        var registrations: [Registration]
    }
}
