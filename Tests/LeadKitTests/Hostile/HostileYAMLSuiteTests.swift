import Foundation
import Testing

@testable import LeadKit

/// Every case of the official YAML test suite, used as the front-matter of a lead.
///
/// Each `in.yaml` becomes `---\n<yaml>\n---\nbody\n` and goes through `RecordParser.parse`, the per-file
/// stage of `leads check`. Whatever the YAML, the parser must answer without crashing, and every
/// diagnostic must point into the front-matter block (line 1 up to the closing `---`). Beyond that:
///
/// - **Invalid YAML** (the case has an `error` file) must be reported as `invalid-front-matter` (or
///   `invalid-encoding`).
/// - **Valid YAML inside the front-matter subset** must give no front-matter diagnostic at all; schema
///   diagnostics (`missing-field`, `unknown-field`, `invalid-value`, …) are expected, since the suite's
///   keys are not lead fields.
/// - **Valid YAML outside the subset** must be rejected with `invalid-front-matter`: README's rules name
///   "not a mapping", "anchors/aliases" and a record's one YAML block; keys must be plain text. The rules
///   that put a case there are `YAMLCase.rejectionReasons`, read off the input text, never a list of ids.
///
/// The parser is libyaml (YAML 1.1), which differs from YAML 1.2 in a few corners the suite covers: a
/// case that fails the checks above *and* matches a rule of `YAMLCase.libyamlDeviations` (an invalid case
/// libyaml accepts, or valid subset YAML it rejects) is counted as a deviation, and the summary names it;
/// it is still held to the first guarantee.
///
/// A `---` line inside a case closes the lead's block early (README: a record's front-matter ends at
/// its closing `---`). A valid case is then judged by the YAML before that line, the first document of
/// its stream; an invalid one only by the first guarantee, since its error may now lie in the body.
@Suite struct HostileYAMLSuiteTests {
    /// `../shared/testdata/yaml-test-suite` beside the package root, which is three folders above this one.
    static let suiteFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Hostile/
        .deletingLastPathComponent()  // LeadKitTests/
        .deletingLastPathComponent()  // Tests/
        .deletingLastPathComponent()  // the package root
        .appendingPathComponent("../shared/testdata/yaml-test-suite").standardizedFileURL

    @Test func everyYAMLTestSuiteCaseIsAnsweredWithALocatedDiagnosticOrAccepted() throws {
        let folder = Self.suiteFolder
        guard FileManager.default.fileExists(atPath: folder.path) else {
            Issue.record("yaml-test-suite not found at \(folder.path): ../shared must sit beside the project")
            return
        }
        let cases = try YAMLCase.all(in: folder)
        #expect(cases.count > 300, "the suite at \(folder.path) should hold over 300 cases, found \(cases.count)")

        let outcomes = underWatchdog("yaml-test-suite", timeout: 30) { cases.map(YAMLOutcome.init) } ?? []
        var failures: [String] = []
        var counts = (valid: 0, invalid: 0, rejected: 0, deviations: 0, cutValid: 0, cutErrors: 0)
        var deviationIDs: [String] = []
        for outcome in outcomes {
            let yamlCase = outcome.yamlCase
            if yamlCase.isError { counts.invalid += 1 } else { counts.valid += 1 }
            if let problem = outcome.diagnosticOutsideBlock {
                failures.append("\(yamlCase.id) (\(yamlCase.name)): \(problem)")
                continue
            }
            // A `---` line of the case closes the lead's block early. What the parser saw is then the YAML
            // before it: the first document of a valid stream, judged by the same rules; after an invalid
            // case's cut the error may lie in the body, so only the checks above apply.
            if outcome.isCut && yamlCase.isError {
                counts.cutErrors += 1
                continue
            }
            let seen = outcome.isCut ? yamlCase.truncated(toLines: outcome.closingLine - 2) : yamlCase
            if outcome.isCut { counts.cutValid += 1 }
            let reasons = seen.rejectionReasons
            let mustReject = yamlCase.isError || !reasons.isEmpty
            if !yamlCase.isError && !reasons.isEmpty { counts.rejected += 1 }
            let problem: String
            if mustReject && !outcome.hasFrontMatterDiagnostic {
                problem =
                    (yamlCase.isError
                        ? "invalid YAML" : "valid YAML the tool rejects (\(reasons.joined(separator: ", ")))")
                    + " but no invalid-front-matter: \(outcome.summary)"
            } else if !mustReject && outcome.hasFrontMatterDiagnostic {
                problem = "valid YAML in the front-matter subset was rejected: \(outcome.summary)"
            } else {
                continue
            }
            // A deviation only excuses libyaml where it decides the outcome: an error it accepts, or valid
            // subset YAML it rejects. Valid YAML outside the subset must be rejected either way.
            if yamlCase.isError || reasons.isEmpty, !seen.libyamlDeviations.isEmpty {
                counts.deviations += 1
                deviationIDs.append(yamlCase.id)
                continue
            }
            failures.append("\(yamlCase.id) (\(yamlCase.name)): \(problem)")
        }
        print(
            "yaml-test-suite: \(outcomes.count) cases, \(counts.valid) valid, \(counts.invalid) with an error file; "
                + "\(counts.rejected) valid ones deliberately rejected; cut short by a '---' line: "
                + "\(counts.cutValid) valid (judged on the YAML before it), \(counts.cutErrors) invalid (crash and location only); "
                + "\(counts.deviations) libyaml (YAML 1.1) deviations: \(deviationIDs.joined(separator: " "))")
        #expect(outcomes.count == cases.count)
        if !failures.isEmpty {
            let report =
                "\(failures.count) of \(cases.count) yaml-test-suite cases failed:\n" + failures.joined(separator: "\n")
            Issue.record(Comment(rawValue: report))
        }
    }

    // The classification rules are themselves tested on inline YAML, so a rule that matched nothing
    // (or everything) would not pass unnoticed.
    @Test func theRejectionRulesReadTheInputText() {
        func reasons(_ yaml: String) -> [String] {
            YAMLCase(id: "t", name: "t", yaml: Array(yaml.utf8), isError: false).rejectionReasons
        }
        #expect(reasons("role: x\ntags: [a, b]\n").isEmpty)
        #expect(reasons("\"role\" : x\n").isEmpty)
        #expect(reasons("# comment\n{role: x}\n").isEmpty)
        #expect(reasons("role: \"a: *b &c\"\n").isEmpty)
        #expect(reasons("role: a - b\nurl: http://x.example/#top\n").isEmpty)
        #expect(reasons("- a\n- b\n") == ["not a mapping"])
        #expect(reasons("[a, b]\n") == ["not a mapping"])
        #expect(reasons("\"a: b\"\n") == ["not a mapping"])
        #expect(reasons("just text\n") == ["not a mapping"])
        #expect(reasons("|\n  text\n") == ["not a mapping"])
        #expect(reasons("a: &x 1\nb: *x\n") == ["anchors or aliases"])
        #expect(reasons("? a\n: b\n? c\n").isEmpty, "an explicit key that is text is a plain key")
        #expect(reasons("? - a\n: b\n") == ["keys that are not plain text"])
        #expect(reasons("? a: b\n: c\n") == ["keys that are not plain text"])
        #expect(reasons("?\n- a\n: b\n") == ["keys that are not plain text"])
        #expect(reasons("a:\n  ? - b\n  : c\n").isEmpty, "nested keys are not fields")
        #expect(reasons("{a: [b, c], [d, e]: f}\n") == ["keys that are not plain text"])
        #expect(reasons("{a: {[b]: c}}\n").isEmpty)
        #expect(reasons("{a: b}:\n  c: d\n") == ["keys that are not plain text"])
        #expect(reasons("{\n? a: b,\n}\n").isEmpty)
        #expect(reasons("--- !!omap\n- a: 1\n") == ["not a mapping"])
        #expect(reasons("--- !!map\na: 1\n").isEmpty)
        #expect(reasons("[a]: b\n") == ["keys that are not plain text"])
        #expect(reasons("a: 1\n---\nb: 2\n") == ["several documents or directives"])
        #expect(reasons("%YAML 1.2\n---\na: 1\n").contains("several documents or directives"))
    }

    @Test func theLibyamlDeviationRulesReadTheInputText() {
        func deviations(_ yaml: String) -> [String] {
            YAMLCase(id: "t", name: "t", yaml: Array(yaml.utf8), isError: false).libyamlDeviations
        }
        #expect(deviations("role: x\ntags: [a, b]\nurl: {a: http://x.example}\n").isEmpty)
        #expect(deviations("{x: :x}\n") == ["adjacent ':' in a flow collection"])
        #expect(deviations("{ \"foo\"\n  :bar }\n") == ["adjacent ':' in a flow collection"])
        #expect(deviations("{a: 1, b:,}\n") == ["adjacent ':' in a flow collection"])
        #expect(deviations("{\n  ? foo :,\n}\n") == ["adjacent ':' in a flow collection"])
        #expect(deviations("\t{}\n") == ["tab as indentation or after an indicator"])
        #expect(deviations("? a\n: -\tb\n") == ["tab as indentation or after an indicator"])
        #expect(deviations("a: b\t# tab before a comment\n").isEmpty)
        #expect(deviations("# comment\n...\n") == ["document-end marker without a document"])
        #expect(deviations("a: 1\n...\n").isEmpty)
        #expect(deviations("key: \"value\"# comment\n") == ["comment without a space before '#'"])
        #expect(deviations("block: ># comment\n  text\n") == ["comment without a space before '#'"])
        #expect(deviations("flow: [a,\nb]\n") == ["continuation line less indented than its key"])
        #expect(deviations("q: \"a\nb\"\n") == ["continuation line less indented than its key"])
        #expect(deviations(": a\n: b\n") == ["empty key"])
        #expect(deviations("? a\n: b\n").isEmpty)
        #expect(deviations("s: >\n   \n  text\n") == ["block scalar with over-indented leading blank lines"])
    }
}

/// One folder of the YAML test suite.
struct YAMLCase: Sendable {
    let id: String
    let name: String
    /// `in.yaml`, without a first line that is only a document start: the lead's opening `---` plays that role.
    let yaml: [UInt8]
    /// Whether the case is invalid YAML (it has an `error` file).
    let isError: Bool

    static func all(in folder: URL) throws -> [YAMLCase] {
        let manager = FileManager.default
        return try manager.contentsOfDirectory(atPath: folder.path).sorted().compactMap { id in
            let caseFolder = folder.appendingPathComponent(id)
            guard let yaml = manager.contents(atPath: caseFolder.appendingPathComponent("in.yaml").path) else {
                return nil
            }
            let name =
                manager.contents(atPath: caseFolder.appendingPathComponent("name").path)
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            let isError = manager.fileExists(atPath: caseFolder.appendingPathComponent("error").path)
            return YAMLCase(id: id, name: name, yaml: Self.droppingDocumentStart(Array(yaml)), isError: isError)
        }
    }

    init(id: String, name: String, yaml: [UInt8], isError: Bool) {
        self.id = id
        self.name = name
        self.yaml = yaml
        self.isError = isError
    }

    /// Most cases start with `---`, which after the lead's own `---` would close the block at once,
    /// leaving nothing to test; a bare document start is dropped, `--- value` lines are kept.
    static func droppingDocumentStart(_ yaml: [UInt8]) -> [UInt8] {
        guard let end = yaml.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return yaml }
        let first = String(decoding: yaml[..<end], as: UTF8.self)
        guard FrontMatterText.isDelimiter(first) else { return yaml }
        var rest = yaml[end...].dropFirst()
        if yaml[end] == 0x0D, rest.first == 0x0A { rest = rest.dropFirst() }
        return Array(rest)
    }

    /// The case with only its first `count` lines: the part a `---` line leaves in the front-matter.
    func truncated(toLines count: Int) -> YAMLCase {
        let kept = lines.prefix(max(count, 0)).joined(separator: "\n")
        return YAMLCase(id: id, name: name, yaml: Array(kept.utf8), isError: isError)
    }

    /// The lead file: the case's YAML as its front-matter.
    var file: [UInt8] { Array("---\n".utf8) + yaml + Array("\n---\nbody\n".utf8) }

    var text: String { String(decoding: yaml, as: UTF8.self) }
    var lines: [String] { FrontMatterText.lines(text) }
    /// Lines that carry YAML content: not blank, not only a comment.
    var contentLines: [String] {
        lines.filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
    }

    /// Why the tool deliberately rejects this YAML, read off its text; empty for YAML in the subset.
    ///
    /// 1. *several documents or directives*: a line starting with a document marker (`---`, `...`) or a
    ///    directive (`%`); a record holds one YAML document, and a directive needs a `---` after it.
    /// 2. *anchors or aliases*: an `&name` or `*name` node property outside quotes and comments.
    /// 3. *keys that are not plain text*: an explicit key (`? `), an empty key (a line starting with `:`),
    ///    or a collection used as a key (`]:` or `}:`).
    /// 4. *not a mapping*: the first content line is a sequence entry, a flow sequence, a block scalar
    ///    or a value without a `key:`; implicit keys are single-line, so the first line decides.
    var rejectionReasons: [String] {
        var reasons: [String] = []
        if hasSeveralDocumentsOrDirectives {
            reasons.append("several documents or directives")
        }
        if contentLines.contains(where: { Self.matches(Self.unquoted($0), #"(^|[\s\[\{,])[&*][^\s\[\]\{\},]"#) }) {
            reasons.append("anchors or aliases")
        }
        if hasKeyThatIsNotPlainText {
            reasons.append("keys that are not plain text")
        }
        if let first = rootLine, !Self.startsMapping(first) {
            reasons.append("not a mapping")
        }
        return reasons
    }

    static let documentMarker = #"^(---|\.\.\.)([ \t]|$)"#

    /// A directive, a `---` after the first content, or a `...` with content after it.
    private var hasSeveralDocumentsOrDirectives: Bool {
        let lines = contentLines
        if lines.contains(where: { $0.hasPrefix("%") }) { return true }
        for (index, line) in lines.enumerated() where Self.matches(line, Self.documentMarker) {
            if line.hasPrefix("---") && index > 0 { return true }
            if line.hasPrefix("...")
                && lines[(index + 1)...].contains(where: { !Self.matches($0, Self.documentMarker) })
            {
                return true
            }
        }
        return false
    }

    /// A collection as a top-level key: `[a]: b` or `{a: b}: c` at the start of a line, `? - a`, `? [a]`,
    /// `? a: b`, or `?` alone over a `- ` or an indented `key:` line; in a flow root `{…}`, a `]:` or `}:`
    /// that closes back to the root's own level. Nested keys are not fields, so only these are checked.
    private var hasKeyThatIsNotPlainText: Bool {
        let lines = contentLines.map(Self.unquoted)
        let depths = Self.flowDepths(lines)
        let flowRoot = rootLine?.hasPrefix("{") == true
        for (index, line) in lines.enumerated() {
            if depths[index] == 0 && Self.startsWithCollectionKey(line) { return true }
            if flowRoot {
                var depth = depths[index]
                var characters = Substring(line)
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if "[{".contains(character) { depth += 1 }
                    if "]}".contains(character) {
                        depth = max(0, depth - 1)
                        if depth == 1 && Self.matches(String(characters), #"^[ \t]*:([ \t]|$)"#) { return true }
                    }
                }
                continue
            }
            guard depths[index] == 0, let first = line.first, !first.isWhitespace else { continue }
            if line.hasPrefix("? ") {
                let key = line.dropFirst(2).drop(while: { $0 == " " })
                if let start = key.first, "-[{".contains(start) { return true }
                if Self.matches(String(key), #":([ \t]|$)"#) { return true }
            } else if line.trimmingCharacters(in: .whitespaces) == "?", index + 1 < lines.count {
                let next = lines[index + 1]
                if Self.matches(next, #"^[ \t]*-([ \t]|$)"#) { return true }
                if next.first?.isWhitespace == true && Self.matches(next, #":([ \t]|$)"#) { return true }
            }
        }
        return false
    }

    /// `[a]: b` or `{a: b}: c`: a collection opening the line, closed and followed by `:`.
    static func startsWithCollectionKey(_ line: String) -> Bool {
        guard let first = line.first, first == "[" || first == "{" else { return false }
        var depth = 0
        var rest = Substring(line)
        while let character = rest.first {
            rest = rest.dropFirst()
            if "[{".contains(character) { depth += 1 }
            if "]}".contains(character) { depth -= 1 }
            if depth == 0 { return matches(String(rest), #"^[ \t]*:([ \t]|$)"#) }
        }
        return false
    }

    /// The flow depth (open `[` and `{`) at the start of each line; brackets in quotes and comments are gone.
    static func flowDepths(_ lines: [String]) -> [Int] {
        var depth = 0
        return lines.map { line in
            defer {
                for character in line {
                    if "[{".contains(character) { depth += 1 }
                    if "]}".contains(character) { depth = max(0, depth - 1) }
                }
            }
            return depth
        }
    }

    /// The first line that holds the root node: after directives, document markers and node properties.
    private var rootLine: String? {
        for line in contentLines where !line.hasPrefix("%") {
            var rest = Substring(line)
            if Self.matches(line, Self.documentMarker) { rest = rest.dropFirst(3) }
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            // Node properties (tags, anchors) before the first key or value do not decide the kind.
            while let first = rest.first, first == "!" || first == "&" {
                rest = rest.drop(while: { !$0.isWhitespace }).drop(while: { $0.isWhitespace })
            }
            if !rest.isEmpty && !rest.hasPrefix("#") && !rest.hasPrefix("...") { return String(rest) }
        }
        return nil
    }

    /// YAML 1.2 corners where libyaml answers differently from the suite, each a rule on the text:
    ///
    /// - *adjacent ':' in a flow collection*: YAML 1.2 allows `{x: :x}`, `"foo":bar`, a `:` opening a
    ///   continuation line, and `key:,`; libyaml reports them as errors.
    /// - *comment without a space before '#'*: `"value"# c` or `># c` are errors that libyaml accepts.
    /// - *continuation line less indented than its key*: a flow collection or quoted scalar opened after
    ///   `key:` and continued at column 1; an error that libyaml accepts.
    /// - *empty key*: `: value` with no key (YAML 1.2 allows it; libyaml does not).
    /// - *tab as indentation or after an indicator*: `\t{}` or `-\tb`, which YAML 1.2 allows in places
    ///   where libyaml reports "found character that cannot start any token".
    /// - *document-end marker without a document*: a `...` before any content; YAML 1.2 reads an empty
    ///   stream, libyaml expects a node.
    /// - *block scalar with over-indented leading blank lines*: blank lines with more spaces than the
    ///   first text line; an error that libyaml does not always catch.
    var libyamlDeviations: [String] {
        var rules: [String] = []
        let code = contentLines.map(Self.unquotedKeepingQuotes)
        if text.contains("{") || text.contains("[") {
            if code.contains(where: { Self.matches($0, #"(^|[\s"'\{\[,]):[^\s,\}\]]|:[,\}\]]"#) }) {
                rules.append("adjacent ':' in a flow collection")
            }
        }
        if lines.contains(where: { Self.matches($0, #"["'\]\}]#|[|>][0-9+-]*#"#) }) {
            rules.append("comment without a space before '#'")
        }
        if zip(lines, lines.dropFirst()).contains(where: { line, next in
            Self.opensUnclosedValue(line) && next.first.map { !$0.isWhitespace && $0 != "#" } == true
        }) {
            rules.append("continuation line less indented than its key")
        }
        if hasEmptyKey {
            rules.append("empty key")
        }
        if lines.contains(where: { Self.matches($0, #"^\t+[^\s]|(^|[ \t])[-?:]\t"#) }) {
            rules.append("tab as indentation or after an indicator")
        }
        if let end = contentLines.firstIndex(where: { Self.matches($0, #"^\.\.\.([ \t]|$)"#) }),
            !contentLines[..<end].contains(where: { !$0.hasPrefix("%") && !Self.matches($0, Self.documentMarker) })
        {
            rules.append("document-end marker without a document")
        }
        if hasOverIndentedBlankLines {
            rules.append("block scalar with over-indented leading blank lines")
        }
        return rules
    }

    /// A line starting with `:` that answers no `?` at its indentation above it, or `{ :` / `[ :` / `, :`.
    private var hasEmptyKey: Bool {
        let lines = contentLines.map(Self.unquoted)
        func indent(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }
        for (index, line) in lines.enumerated() {
            if Self.matches(line, #"[\[\{,][ \t]*:([ \t]|$)"#) { return true }
            let item = line.drop(while: { $0 == " " })
            guard item == ":" || item.hasPrefix(": ") else { continue }
            let owner = lines[..<index].last { indent($0) <= indent(line) }
            if owner.map({ $0.drop(while: { $0 == " " }).hasPrefix("?") }) != true { return true }
        }
        return false
    }

    private var hasOverIndentedBlankLines: Bool {
        let lines = self.lines
        for (index, line) in lines.enumerated() where Self.matches(line, #"[|>][0-9+-]*[ \t]*$"#) {
            var widest = 0
            for next in lines[(index + 1)...] {
                if next.allSatisfy({ $0 == " " }) {
                    widest = max(widest, next.count)
                    continue
                }
                let indent = next.prefix(while: { $0 == " " }).count
                if widest > indent && indent > 0 { return true }
                break
            }
        }
        return false
    }

    /// `key: [a,` or `key: "a` left open at the end of the line.
    static func opensUnclosedValue(_ line: String) -> Bool {
        guard line.first.map({ !$0.isWhitespace }) == true, let colon = line.range(of: ": ") else { return false }
        let value = line[colon.upperBound...]
        let opened = value.filter { $0 == "[" || $0 == "{" }.count
        let closed = value.filter { $0 == "]" || $0 == "}" }.count
        let quotes = value.filter { $0 == "\"" }.count
        return opened > closed || quotes % 2 == 1
    }

    /// Whether a first content line begins a mapping: `{`, or a single-line key followed by `:`.
    static func startsMapping(_ line: String) -> Bool {
        let rest = Substring(line.trimmingCharacters(in: .whitespaces))
        guard let first = rest.first else { return true }
        switch first {
        case "{", "?", ":": return true
        case "-" where rest.count == 1 || rest.dropFirst().first?.isWhitespace == true: return false
        case "[": return matches(String(rest), #"[\]][ \t]*:([ \t]|$)"#)
        case "|", ">": return false
        case "\"", "'":
            guard let end = closingQuote(in: rest) else { return false }
            return rest[rest.index(after: end)...].trimmingCharacters(in: .whitespaces).hasPrefix(":")
        default:
            let code = String(rest.split(separator: " #", maxSplits: 1).first ?? rest)
            return matches(code, #":([ \t]|$)"#)
        }
    }

    /// The index of the quote closing the scalar that `text` opens (`\"` and `''` are escapes).
    static func closingQuote(in text: Substring) -> Substring.Index? {
        guard let quote = text.first else { return nil }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if quote == "\"", character == "\\" {
                index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                continue
            }
            if character == quote {
                let next = text.index(after: index)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    index = text.index(after: next)
                    continue
                }
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The line with quoted scalars replaced by `x` and a trailing comment removed.
    static func unquoted(_ line: String) -> String {
        strip(line, keepQuotes: false)
    }

    /// The line with the text inside quotes replaced by `x` (the quotes stay) and a trailing comment removed.
    static func unquotedKeepingQuotes(_ line: String) -> String {
        strip(line, keepQuotes: true)
    }

    private static func strip(_ line: String, keepQuotes: Bool) -> String {
        var result = ""
        var rest = Substring(line)
        var previous: Character = " "
        while let character = rest.first {
            if (character == "\"" || character == "'") && (previous.isWhitespace || "[{,:-?".contains(previous)) {
                if let end = closingQuote(in: rest) {
                    result += keepQuotes ? "\(character)x\(character)" : "x"
                    rest = rest[rest.index(after: end)...]
                    previous = "x"
                    continue
                }
                result += keepQuotes ? "\(character)x" : "x"
                break
            }
            if character == "#" && previous.isWhitespace { break }
            result.append(character)
            previous = character
            rest = rest.dropFirst()
        }
        return result
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        // Patterns are literals of this file; a typo is a test bug that should fail loudly.
        text.contains(try! Regex(pattern))
    }
}

/// The lines of a file as the README defines them (LF, CRLF or a lone CR ends a line), and its delimiter.
enum FrontMatterText {
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        return lines
    }

    /// A line `---`, optionally followed by spaces or tabs.
    static func isDelimiter(_ line: String) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}

/// What the parser made of one case.
struct YAMLOutcome: Sendable {
    let yamlCase: YAMLCase
    let diagnostics: [Diagnostic]
    /// The file line of the `---` that closes the front-matter.
    let closingLine: Int
    /// Whether a `---` line of the case's own YAML closed the block before the line the test added.
    let isCut: Bool

    init(_ yamlCase: YAMLCase) {
        self.yamlCase = yamlCase
        let file = yamlCase.file
        diagnostics = Hostile.parseLead(file)
        let lines = FrontMatterText.lines(String(decoding: file, as: UTF8.self))
        let delimiters = lines.indices.dropFirst().filter { FrontMatterText.isDelimiter(lines[$0]) }
        closingLine = (delimiters.first ?? lines.count) + 1
        isCut = delimiters.count > 1
    }

    var hasFrontMatterDiagnostic: Bool {
        diagnostics.contains { $0.code == .invalidFrontMatter || $0.code == .invalidEncoding }
    }

    /// A diagnostic that points outside lines 1…closing, or before column 1.
    var diagnosticOutsideBlock: String? {
        diagnostics.first { !(1...closingLine).contains($0.location.line) || $0.location.column < 1 }
            .map { "diagnostic outside the front-matter (lines 1–\(closingLine)): \($0.formatted)" }
    }

    var summary: String {
        let shown = diagnostics.filter { $0.code == .invalidFrontMatter || $0.code == .invalidEncoding }
        let rest = diagnostics.count - shown.count
        return (shown.isEmpty ? "no front-matter diagnostic" : shown.map(\.formatted).joined(separator: "; "))
            + " (+\(rest) schema diagnostics)"
    }
}
