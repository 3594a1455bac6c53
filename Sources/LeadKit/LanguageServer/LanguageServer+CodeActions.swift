import Foundation

extension LanguageServer {
    /// Quick fixes for the diagnostics the client sends back: apply a "did you mean", add a
    /// missing required field with a placeholder, quote a `#tag` YAML would read as a comment,
    /// and turn a company or contact written as text into the `[[link]]` of its record.
    func codeActions(_ params: LSP.CodeActionParams) -> [LSP.CodeAction] {
        guard let (_, document) = document(params.textDocument.uri) else { return [] }
        let uri = params.textDocument.uri
        var actions: [LSP.CodeAction] = []
        for diagnostic in params.context.diagnostics where diagnostic.source == "leads" {
            let start = document.text.offset(of: diagnostic.range.start, encoding: encoding)
            let end = document.text.offset(of: diagnostic.range.end, encoding: encoding)
            let written = String(decoding: document.text.bytes[start..<max(start, end)], as: UTF8.self)
            func action(_ title: String, _ bytes: Range<Int>, _ text: String) -> LSP.CodeAction {
                LSP.CodeAction(
                    title: title, diagnostics: [diagnostic], isPreferred: true,
                    edit: LSP.WorkspaceEdit(changes: [
                        uri: [LSP.TextEdit(range: range(bytes, in: document), newText: text)]
                    ]))
            }
            if let suggestion = Self.suggestion(in: diagnostic.message) {
                let quote = written.first.flatMap { $0 == "\"" || $0 == "'" ? String($0) : nil } ?? ""
                // A link keeps its brackets: `"[[jonas-webr]]"` becomes `"[[jonas-weber]]"`.
                let bracketed = written.dropFirst(quote.count).hasPrefix("[[")
                // `[[jonas-webr|Jonas]]` keeps its label.
                let label =
                    bracketed
                    ? written.firstIndex(of: "|").map { String(written[$0...].prefix { $0 != "]" }) } ?? "" : ""
                for word in suggestion {
                    let value = bracketed ? "[[" + word + label + "]]" : word
                    actions.append(action("Change to \(word)", start..<end, quote + value + quote))
                }
            }
            switch diagnostic.code {
            case DiagnosticCode.missingField.rawValue:
                if let key = Self.quoted(in: diagnostic.message).last, let fix = addField(key, document, action) {
                    actions.append(fix)
                }
            case DiagnosticCode.emptyListItem.rawValue,
                DiagnosticCode.invalidFrontMatter.rawValue where diagnostic.message.contains("quote it"):
                // The `#` to the end of the line, as YAML would have read it had it been quoted.
                let line = document.text.position(of: start, encoding: .utf8).line
                let bytes = document.text.line(line)
                // Inside `[a, #b]` the item ends at the next `,` or bracket; elsewhere at the line's end.
                let inFlow = bytes[..<start].contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }
                let lineEnd =
                    inFlow
                    ? (bytes[start...].firstIndex {
                        [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains($0)
                    }
                        ?? bytes.endIndex) : bytes.endIndex
                let comment = String(decoding: document.text.bytes[start..<lineEnd], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                guard comment.hasPrefix("#") else { break }
                let escaped = comment.replacingOccurrences(of: "'", with: "''")
                actions.append(action("Quote '\(comment)'", start..<(start + comment.utf8.count), "'\(escaped)'"))
            case DiagnosticCode.couldLink.rawValue:
                if let fix = link(diagnostic.message, at: start, document, action) { actions.append(fix) }
            default:
                break
            }
        }
        return actions
    }

    /// The words of `; did you mean X?` or `; did you mean X or Y?`.
    static func suggestion(in message: String) -> [String]? {
        guard let range = message.range(of: "did you mean ", options: .backwards) else { return nil }
        var rest = message[range.upperBound...]
        guard let mark = rest.firstIndex(of: "?") else { return nil }
        rest = rest[..<mark]
        return rest.components(separatedBy: " or ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'` ")) }
            .filter { !$0.isEmpty }
    }

    /// The texts between single quotes in a message.
    static func quoted(in message: String) -> [String] {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
    }

    /// `key: placeholder` on a new line before the front-matter's closing `---`.
    private func addField(
        _ key: String, _ document: RecordDocument,
        _ action: (String, Range<Int>, String) -> LSP.CodeAction
    ) -> LSP.CodeAction? {
        guard let kind = document.kind, let frontMatter = document.frontMatter,
            frontMatter.upperBound < document.text.lineCount,
            let field = kind.schemaFields.first(where: { $0.key == key })
        else { return nil }
        let configuration = workspace?.checked.configuration ?? .builtIn
        let placeholder: String
        switch field.type {
        case .stage: placeholder = pipeline(of: document, configuration).firstStage
        case .source: placeholder = configuration.sources.first ?? "OTHER"
        case .choice(let values): placeholder = values.first ?? "\"\""
        case .date, .dateTime: placeholder = workspace?.asOf.description ?? "2026-01-01"
        case .link, .client: placeholder = "\"[[]]\""
        default: placeholder = "TODO"
        }
        let at = document.text.lineStarts[frontMatter.upperBound]
        // The file's own line break: a CRLF file stays CRLF.
        let lineBreak = at >= 2 && document.text.bytes[at - 2] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        return action("Add \(key): \(placeholder)", at..<at, "\(key): \(placeholder)" + lineBreak)
    }

    /// `company: Northwind` → `company: "[[northwind-logistics]]"`, as the could-link warning says.
    private func link(
        _ message: String, at start: Int, _ document: RecordDocument,
        _ action: (String, Range<Int>, String) -> LSP.CodeAction
    ) -> LSP.CodeAction? {
        guard let write = message.range(of: "write ", options: .backwards) else { return nil }
        let suggestion = message[write.upperBound...].components(separatedBy: " to link it").first ?? ""
        guard let colon = suggestion.firstIndex(of: ":") else { return nil }
        let field = String(suggestion[..<colon])
        let value = suggestion[suggestion.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let line = document.text.position(of: start, encoding: .utf8).line
        guard let found = document.topLevelKey(on: line) else { return nil }
        let lineStart = document.text.lineStarts[line]
        let lineEnd = document.text.line(line).endIndex
        if found.key == field {
            return action("Link \(field) to \(value)", found.valueStart..<lineEnd, value)
        }
        return action("Write \(field): \(value)", lineStart..<lineEnd, "\(field): \(value)")
    }
}
