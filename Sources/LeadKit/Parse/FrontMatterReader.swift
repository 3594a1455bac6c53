import Yams

/// Cuts a record file into front-matter and body, and composes the YAML with positions.
///
/// YAML is composed with Yams' basic resolver, so every scalar stays the text the user wrote
/// (`NO` is not false, `0123` keeps its zero) and the schema decides what it means.
enum FrontMatterReader {
    /// The largest front-matter block composed; YAML beyond it is reported, not parsed.
    static let maximumBlockSize = 2 * 1024 * 1024

    static func read(_ source: SourceText, file: String, diagnostics: inout [Diagnostic]) -> SplitRecord? {
        let lines = source.lines
        let opening = SourceLocation(file: file, line: 1, column: 1)
        guard let first = lines.first, isDelimiter(first) else {
            diagnostics.append(
                .error(
                    .invalidFrontMatter, at: opening,
                    "missing front-matter: a record starts with a line '---', its YAML fields, and a closing line '---'"
                ))
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) }) else {
            diagnostics.append(
                .error(
                    .invalidFrontMatter, at: opening,
                    "front-matter opened here is never closed; add a line '---' after the last field"))
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body: String
        if closing + 1 < lines.count {
            let bodyStart = lines[closing + 1].startIndex
            body = String(source.text[bodyStart...])
        } else {
            body = ""
        }
        let frontMatter = compose(yaml, file: file, diagnostics: &diagnostics)
        return SplitRecord(frontMatter: frontMatter, body: body, bodyLine: closing + 2)
    }

    static func isDelimiter(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Composes a YAML block whose first line is line 2 of the file.
    static func compose(_ yaml: String, file: String, lineOffset: Int = 1, diagnostics: inout [Diagnostic])
        -> FrontMatter
    {
        let openingLine = max(lineOffset, 1)
        let empty = FrontMatter(file: file, openingLine: openingLine, lineOffset: lineOffset, root: nil)
        guard yaml.utf8.count <= maximumBlockSize else {
            diagnostics.append(
                .error(
                    .invalidFrontMatter, at: empty.blockLocation,
                    "front-matter is \(yaml.utf8.count / 1024) KB; the limit is \(maximumBlockSize / 1024) KB"))
            return empty
        }
        if let finding = YAMLPrescan.scan(yaml) {
            let message: String
            switch finding.problem {
            case .anchorOrAlias:
                message = "anchors and aliases ('&name', '*name') are not allowed in front-matter; write the value out"
            case .tooDeep(let limit):
                message = "front-matter nests deeper than \(limit) levels"
            case .duplicateKey(let key):
                message = "duplicate key '\(key)' in front-matter; keep one"
            }
            let location = SourceLocation(file: file, line: finding.line + lineOffset, column: finding.column)
            diagnostics.append(.error(.invalidFrontMatter, at: location, message))
            return empty
        }
        let node: Node?
        do {
            // An explicit encoding: the default one reads the whole environment on every call.
            node = try Parser(yaml: yaml, resolver: .basic, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yaml: yaml, in: empty))
            return empty
        } catch {
            diagnostics.append(.error(.invalidFrontMatter, at: empty.blockLocation, "YAML error: \(error)"))
            return empty
        }
        guard let node else {
            return FrontMatter(file: file, openingLine: openingLine, lineOffset: lineOffset, root: Node.Mapping([]))
        }
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error(
                    .invalidFrontMatter, at: empty.blockLocation,
                    "front-matter must be a mapping of 'key: value' lines, not a \(kindName(of: node))"))
            return empty
        }
        return FrontMatter(file: file, openingLine: openingLine, lineOffset: lineOffset, root: mapping)
    }

    static func kindName(of node: Node) -> String {
        switch node {
        case .scalar: "single value"
        case .sequence: "list"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }

    static func diagnostic(for error: YamlError, yaml: String, in block: FrontMatter) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: block.file, line: mark.line + block.lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context, !context.text.isEmpty {
                message += " (\(context.text) started at line \(context.mark.line + block.lineOffset))"
            }
            return .error(.invalidFrontMatter, at: at(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                .invalidFrontMatter, at: at(context.mark),
                "duplicate key \(names) in front-matter; keep one")
        case .reader(let problem, let offset, _, _):
            var location = block.blockLocation
            if let offset {
                // Yams reports the offset in characters; positions are computed from bytes.
                let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) ?? yaml.endIndex
                let bytes = Array(yaml.utf8)[...]
                let byteOffset = yaml.utf8.distance(from: yaml.startIndex, to: index)
                let inner = SourceText.position(ofByte: byteOffset, in: bytes, file: block.file)
                location = SourceLocation(file: block.file, line: inner.line + block.lineOffset, column: inner.column)
            }
            return .error(.invalidFrontMatter, at: location, "YAML cannot read this text: \(problem)")
        default:
            return .error(.invalidFrontMatter, at: block.blockLocation, "YAML error: \(error)")
        }
    }
}
