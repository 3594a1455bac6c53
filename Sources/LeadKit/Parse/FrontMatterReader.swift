/// Cuts a record file into front-matter and body, and composes the YAML with positions.
///
/// Every scalar stays the text the user wrote (`NO` is not false, `0123` keeps its zero) and the
/// schema decides what it means.
enum FrontMatterReader {
    /// The largest front-matter block composed; YAML beyond it is reported, not parsed.
    static let maximumBlockSize = 2 * 1024 * 1024

    static func read(_ source: SourceText, file: String, diagnostics: inout [Diagnostic]) -> SplitRecord? {
        var lines = source.lines
        let opening = SourceLocation(file: file, line: 1, column: 1)
        guard let first = lines.next(), isDelimiter(first.content) else {
            diagnostics.append(
                InvalidFrontMatter.diagnostic(
                    at: opening,
                    "missing front-matter: a record starts with a line '---', its YAML fields, and a closing line '---'"
                ))
            return nil
        }
        // The YAML is the text between the delimiter lines as written (libyaml reads LF, CRLF and CR
        // alike), without the break before the closing line.
        var yamlEnd = first.next
        var closingLine = 1
        var closing: LineScanner.Line?
        while let line = lines.next() {
            closingLine += 1
            if isDelimiter(line.content) {
                closing = line
                break
            }
            yamlEnd = line.content.endIndex
        }
        guard let closing else {
            diagnostics.append(
                InvalidFrontMatter.diagnostic(
                    at: opening,
                    "front-matter opened here is never closed; add a line '---' after the last field"))
            return nil
        }
        let yaml = source.text[first.next..<max(yamlEnd, first.next)]
        let frontMatter = compose(yaml, file: file, diagnostics: &diagnostics)
        return SplitRecord(
            frontMatter: frontMatter, body: String(source.text[closing.next...]), bodyLine: closingLine + 1)
    }

    static func isDelimiter(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Composes a YAML block whose first line is line 2 of the file.
    static func compose(_ yaml: Substring, file: String, lineOffset: Int = 1, diagnostics: inout [Diagnostic])
        -> FrontMatter
    {
        let openingLine = max(lineOffset, 1)
        let empty = FrontMatter(file: file, openingLine: openingLine, lineOffset: lineOffset, root: nil, yaml: yaml)
        guard yaml.utf8.count <= maximumBlockSize else {
            diagnostics.append(
                InvalidFrontMatter.diagnostic(
                    at: empty.blockLocation,
                    "front-matter is \(yaml.utf8.count / 1024) KB; the limit is \(maximumBlockSize / 1024) KB"))
            return empty
        }
        switch YAMLComposer.compose(yaml) {
        case .success(nil):
            return FrontMatter(file: file, openingLine: openingLine, lineOffset: lineOffset, root: [], yaml: yaml)
        case .success(let node?) where node.pairs != nil:
            return FrontMatter(
                file: file, openingLine: openingLine, lineOffset: lineOffset, root: node.pairs, yaml: yaml)
        case .success(let node?):
            diagnostics.append(
                InvalidFrontMatter.diagnostic(
                    at: empty.blockLocation,
                    "front-matter must be a mapping of 'key: value' lines, not a \(node.kindName)"))
        case .failure(let failure):
            diagnostics.append(diagnostic(for: failure, yaml: yaml, in: empty))
        }
        return empty
    }

    static func diagnostic(for failure: YAMLFailure, yaml: Substring, in block: FrontMatter) -> Diagnostic {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: block.file, line: line + block.lineOffset, column: column)
        }
        switch failure {
        case .anchorOrAlias(let line, let column):
            return InvalidFrontMatter.diagnostic(
                at: at(line, column),
                "anchors and aliases ('&name', '*name') are not allowed in front-matter; write the value out")
        case .tooDeep(let limit, let line, let column):
            return InvalidFrontMatter.diagnostic(at: at(line, column), "front-matter nests deeper than \(limit) levels")
        case .duplicateKey(let key, let line, let column):
            return InvalidFrontMatter.diagnostic(
                at: at(line, column), "duplicate key '\(key)' in front-matter; keep one")
        case .severalDocuments(let line, let column):
            return InvalidFrontMatter.diagnostic(
                at: at(line, column),
                "front-matter holds a second YAML document here; keep one block of 'key: value' lines")
        case .syntax(let problem, let line, let column, let context, let contextLine):
            // The usual cause in a list someone typed: `[#backend]` is a comment to YAML, and the
            // list never closes; libyaml only notices lines later.
            if let comment = commentInFlow(yaml, throughLine: line) {
                return InvalidFrontMatter.diagnostic(
                    at: at(comment.line, comment.column),
                    "'\(comment.word)' inside [ ] or { } starts a YAML comment, so the rest of the line is "
                        + "ignored and the list is never closed; quote it: '\(comment.word)'")
            }
            var message = "YAML syntax error: \(problem)"
            if let context, !context.isEmpty, let contextLine {
                message += " (\(context) started at line \(contextLine + block.lineOffset))"
            }
            return InvalidFrontMatter.diagnostic(at: at(line, column), message)
        case .unreadable(let problem, let byteOffset):
            var location = block.blockLocation
            if let byteOffset {
                let inner = SourceText.position(ofByte: byteOffset, in: Array(yaml.utf8)[...], file: block.file)
                location = at(inner.line, inner.column)
            }
            return InvalidFrontMatter.diagnostic(at: location, "YAML cannot read this text: \(problem)")
        }
    }

    /// The first `#` at the start of a value inside an open `[` or `{` on lines 1 through `line`
    /// (1-based), outside quotes: YAML reads it as a comment to the end of the line. Its line,
    /// column (in Unicode scalars) and the word it starts.
    static func commentInFlow(_ yaml: Substring, throughLine line: Int) -> (line: Int, column: Int, word: String)? {
        for (number, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).prefix(line).enumerated() {
            let scalars = Array(text.unicodeScalars)
            var depth = 0
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar = " "
            for (position, scalar) in scalars.enumerated() {
                defer { previous = scalar }
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                switch scalar {
                case "\"", "'":
                    if previous == " " || previous == "[" || previous == "{" || previous == "," { quote = scalar }
                case "[", "{": depth += 1
                case "]", "}": depth -= 1
                case "#" where depth > 0 && [" ", "\t", "[", "{", ","].contains(previous):
                    let word = scalars[position...].prefix { !["]", "}", ",", " ", "\t", "\r"].contains($0) }
                    return (number + 1, position + 1, String(String.UnicodeScalarView(word)))
                default: break
                }
                // A comment outside brackets ends the line for YAML too.
                if scalar == "#", previous == " " || previous == "\t", depth == 0 { break }
            }
        }
        return nil
    }
}
