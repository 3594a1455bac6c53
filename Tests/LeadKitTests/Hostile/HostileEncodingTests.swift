import Foundation
import Testing

@testable import LeadKit

/// Bytes that are not the UTF-8 text the tool expects: each is reported where it is, or read the same as UTF-8.
///
/// The lead of `Hostile.lead()` has `---` on lines 1 and 8, its fields on lines 2–7 and its body from line 9;
/// expected positions below count on that layout, columns in Unicode scalars (`SourceLocation`).
@Suite struct HostileEncodingTests {
    /// The diagnostics of a content folder holding only `leads/<name>.md` with `bytes`.
    func check(_ bytes: [UInt8], name: String = "x") throws -> [Diagnostic] {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/\(name).md", bytes: bytes)
        return try folder.check().diagnostics
    }

    /// The valid lead with line `line` (1-based) replaced by `replacement`, as bytes.
    func lead(replacingLine line: Int, with replacement: [UInt8], body: String = "Met at a meetup.\n") -> [UInt8] {
        var lines = Hostile.lead(body: body).split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.utf8)
        }
        lines[line - 1] = replacement
        return Array(lines.joined(separator: [0x0A]))
    }

    func expectOnly(
        _ code: DiagnosticCode, line: Int, column: Int, in diagnostics: [Diagnostic], file: String = "x",
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let expected = LeadKit.SourceLocation(file: "content/leads/\(file).md", line: line, column: column)
        #expect(
            diagnostics.map(\.code) == [code] && diagnostics.first?.location == expected,
            "expected only \(code.rawValue) at \(expected.file):\(line):\(column):\n\(Hostile.listing(diagnostics))",
            sourceLocation: sourceLocation)
    }

    // MARK: Invalid UTF-8

    @Test func anInvalidByteInTheFrontMatterIsReportedWhereItIs() throws {
        let bytes = lead(replacingLine: 2, with: Array("role: Eng".utf8) + [0xFF] + Array("ineer".utf8))
        expectOnly(.invalidEncoding, line: 2, column: 10, in: try check(bytes))
    }

    @Test func columnsBeforeAnInvalidByteCountCharactersNotBytes() throws {
        // "Zoë's " is 6 characters but 7 bytes; the truncated sequence C3 is followed by ASCII.
        let bytes = lead(replacingLine: 2, with: Array("role: Zoë's ".utf8) + [0xC3] + Array("x".utf8))
        expectOnly(.invalidEncoding, line: 2, column: 13, in: try check(bytes))
    }

    @Test func anInvalidByteInTheBodyIsReportedWhereItIs() throws {
        var bytes = Array(Hostile.lead(body: "Café.\n").utf8)
        bytes += Array("déjà ".utf8) + [0xE2, 0x82] + Array(" vu\n".utf8)
        expectOnly(.invalidEncoding, line: 10, column: 6, in: try check(bytes))
    }

    @Test(arguments: [
        ("overlong '/'", [0xC0, 0xAF] as [UInt8]),
        ("UTF-16 surrogate", [0xED, 0xA0, 0x80]),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("lone continuation byte", [0x80]),
        ("truncated at the end of the file", [0xF0, 0x9F, 0x98]),
    ])
    func malformedSequencesAreInvalidEncoding(_ name: String, _ sequence: [UInt8]) throws {
        // On its own line at the end of the body (line 10), after two characters.
        let bytes = Array(Hostile.lead(body: "Notes.\n").utf8) + Array("ab".utf8) + sequence
        expectOnly(.invalidEncoding, line: 10, column: 3, in: try check(bytes))
    }

    // MARK: Byte-order marks and UTF-16

    @Test func utf16LittleEndianWithBOMIsInvalidEncoding() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Hostile.lead().utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let diagnostics = try check(bytes)
        expectOnly(.invalidEncoding, line: 1, column: 1, in: diagnostics)
        #expect(diagnostics.first?.message.contains("UTF-16") == true, "\(Hostile.listing(diagnostics))")
    }

    @Test func utf16BigEndianWithBOMIsInvalidEncoding() throws {
        let bytes: [UInt8] = [0xFE, 0xFF] + Hostile.lead().utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let diagnostics = try check(bytes)
        expectOnly(.invalidEncoding, line: 1, column: 1, in: diagnostics)
        #expect(diagnostics.first?.message.contains("UTF-16") == true, "\(Hostile.listing(diagnostics))")
    }

    @Test func utf16WithoutBOMIsInvalidEncodingAtItsFirstNUL() throws {
        let bytes: [UInt8] = Hostile.lead().utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let diagnostics = try check(bytes)
        let encoding = diagnostics.filter { $0.code == .invalidEncoding }
        #expect(
            encoding.map(\.location) == [.init(file: "content/leads/x.md", line: 1, column: 2)],
            "the NUL after the first '-' is byte 2:\n\(Hostile.listing(diagnostics))")
    }

    @Test func aUTF8BOMIsNoProblem() throws {
        let diagnostics = try check(Array(("\u{FEFF}" + Hostile.lead()).utf8))
        #expect(diagnostics.isEmpty, "\(Hostile.listing(diagnostics))")
    }

    @Test func aUTF8BOMDoesNotShiftPositions() throws {
        let tepid = Hostile.lead().replacingOccurrences(of: "temperature: HOT", with: "temperature: TEPID")
        expectOnly(.invalidValue, line: 5, column: 14, in: try check(Array(("\u{FEFF}" + tepid).utf8)))
        let invalid = [0xEF, 0xBB, 0xBF] + lead(replacingLine: 2, with: Array("role: Eng".utf8) + [0xFF])
        expectOnly(.invalidEncoding, line: 2, column: 10, in: try check(invalid))
    }

    // MARK: NUL bytes

    @Test func aNULInTheFrontMatterIsInvalidEncodingWhereItIs() throws {
        let bytes = lead(replacingLine: 7, with: Array("created: 2026-10-01\nowner: Ma".utf8) + [0] + Array("ya".utf8))
        let diagnostics = try check(bytes)
        let encoding = diagnostics.filter { $0.code == .invalidEncoding }
        #expect(
            encoding.map(\.location) == [.init(file: "content/leads/x.md", line: 8, column: 10)],
            "\(Hostile.listing(diagnostics))")
        // YAML may also refuse the control character, but only on that line.
        #expect(
            diagnostics.allSatisfy {
                $0.code == .invalidEncoding || ($0.code == .invalidFrontMatter && $0.location.line == 8)
            },
            "\(Hostile.listing(diagnostics))")
    }

    @Test func aNULInTheBodyIsInvalidEncodingWhereItIs() throws {
        let bytes = Array(Hostile.lead(body: "Notes.\n").utf8) + Array("abc".utf8) + [0] + Array("def\n".utf8)
        expectOnly(.invalidEncoding, line: 10, column: 4, in: try check(bytes))
    }

    @Test func aNULAsTheFirstByteIsInvalidEncodingAtTheStart() throws {
        let diagnostics = try check([0] + Array(Hostile.lead().utf8))
        #expect(
            diagnostics.contains { $0.code == .invalidEncoding && $0.location.line == 1 && $0.location.column == 1 },
            "\(Hostile.listing(diagnostics))")
    }

    // MARK: Line endings

    /// A lead with four problems, each at a known place: an unknown temperature (5:14), an impossible date
    /// (7:10), an invalid byte (10:5, in the body) and, separately, a YAML syntax error.
    static let problems: [UInt8] =
        Array(
            Hostile.lead(body: "Line one.\n")
                .replacingOccurrences(of: "temperature: HOT", with: "temperature: TEPID")
                .replacingOccurrences(of: "created: 2026-10-01", with: "created: 2026-02-30").utf8)
        + Array("Zoë ".utf8) + [0xFF] + Array("\n".utf8)
    static let syntaxError = Array("---\nrole: Engineer\ncompany: [Acme\nsource: REFERRAL\n---\nbody\n".utf8)

    static func withLineEndings(_ bytes: [UInt8], _ ending: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == 0x0A ? ending : [$0] }
    }

    @Test(arguments: [("CRLF", [0x0D, 0x0A] as [UInt8]), ("lone CR", [0x0D])])
    func lineEndingsDoNotMovePositions(_ name: String, _ ending: [UInt8]) throws {
        func positions(_ diagnostics: [Diagnostic]) -> [String] {
            diagnostics.map { "\($0.code.rawValue)@\($0.location.line):\($0.location.column)" }
        }
        let lf = positions(try check(Self.problems))
        #expect(lf == ["invalid-value@5:14", "invalid-date@7:10", "invalid-encoding@10:5"], "LF: \(lf)")
        let other = positions(try check(Self.withLineEndings(Self.problems, ending)))
        #expect(other == lf, "\(name) must report the positions of LF")

        let lfSyntax = positions(try check(Self.syntaxError))
        #expect(lfSyntax.first?.hasPrefix("invalid-front-matter@") == true, "LF: \(lfSyntax)")
        let otherSyntax = positions(try check(Self.withLineEndings(Self.syntaxError, ending)))
        #expect(otherSyntax == lfSyntax, "\(name) must report the YAML error where LF does")
    }

    @Test func mixedLineEndingsCountEachBreakOnce() throws {
        // LF, CRLF and lone CR in one file: every break is one line.
        let text = "---\nrole: Platform Engineer\r\ncompany: Acme\rsource: REFERRAL\n\rtemperature: TEPID\r\n"
        let rest = "status: DISCOVERY\ncreated: 2026-10-01\n---\n"
        // "\n\r" is two breaks (LF, then a lone CR), so temperature is on line 6.
        expectOnly(.invalidValue, line: 6, column: 14, in: try check(Array((text + rest).utf8)))
    }

    @Test(arguments: [("LF", [0x0A] as [UInt8]), ("CRLF", [0x0D, 0x0A]), ("lone CR", [0x0D])])
    func theBodyStartsAfterTheClosingLineWhateverTheLineEnding(_ name: String, _ ending: [UInt8]) throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write(
            "leads/x.md", bytes: Self.withLineEndings(Array(Hostile.lead(body: "First.\nSecond.\n").utf8), ending))
        let checked = try folder.check()
        #expect(checked.diagnostics.isEmpty, "\(Hostile.listing(checked.diagnostics))")
        let header = try #require(checked.records.leads.first?.header)
        #expect(header.bodyLine == 9)
        #expect(Markdown.html(header.body).contains("First.") && Markdown.html(header.body).contains("Second."))
        #expect(
            !header.body.hasPrefix("\r") && !header.body.hasPrefix("\n"), "\(name): the body starts at its first line")
    }

    // MARK: Unicode normalization

    static let composed = "Jos\u{E9}"
    static let decomposed = "Jose\u{301}"

    @Test func normalizationFormsAreDistinctOnDisk() {
        // The premise of the tests below: equal as Swift strings, different as file names.
        #expect(Self.composed == Self.decomposed)
        #expect(Array(Self.composed.utf8) != Array(Self.decomposed.utf8))
    }

    /// A company file named in one form, linked from a lead in the other.
    ///
    /// What the tool does (Linux, byte-preserving file names): ids compare as Swift strings, which are
    /// equal under canonical equivalence, so the link resolves; the company page keeps the file's own
    /// bytes and the lead page links to exactly that file. Either resolving consistently like this or a
    /// `broken-link` at the link would be correct; a link to a page that does not exist would not.
    @Test(arguments: [("NFD file, NFC link", decomposed, composed), ("NFC file, NFD link", composed, decomposed)])
    func aLinkInTheOtherNormalizationFormResolvesConsistently(_ name: String, _ fileForm: String, _ linkForm: String)
        throws
    {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("companies/\(fileForm).md", "---\nname: \(fileForm) Ltd\n---\n")
        try folder.write(
            "leads/x.md", Hostile.lead().replacingOccurrences(of: "company: Acme", with: "company: \"[[\(linkForm)]]\"")
        )
        let checked = try folder.build()
        let broken = checked.diagnostics.filter { $0.code == .brokenLink }
        if !broken.isEmpty {
            #expect(
                broken.map(\.location) == [.init(file: "content/leads/x.md", line: 3, column: 10)]
                    && checked.diagnostics.count == 1,
                "\(name): a broken-link must be at the link:\n\(Hostile.listing(checked.diagnostics))")
            return
        }
        #expect(checked.diagnostics.isEmpty, "\(name):\n\(Hostile.listing(checked.diagnostics))")
        let page = try #require(folder.outputText("leads/x.html"), "\(name): no page for the lead")
        let targets = HTMLLinks.hrefs(in: page).filter { $0.hasPrefix("../companies/") }
        #expect(targets.count >= 1, "\(name): the lead page does not link to the company")
        for href in targets {
            let path = try #require(href.removingPercentEncoding)
            let onDisk = URL(fileURLWithPath: folder.output + "/leads").appendingPathComponent(path).standardizedFileURL
                .path
            #expect(
                FileManager.default.fileExists(atPath: onDisk),
                "\(name): the lead page links to \(href), but \(onDisk) was not written")
        }
        print("normalization (\(name)): the link resolves; the company page is \(targets)")
    }

    @Test func twoFilesWhoseNamesDifferOnlyInNormalizationAreOneIDTwice() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("companies/a/\(Self.composed).md", "---\nname: Composed\n---\n")
        try folder.write("companies/b/\(Self.decomposed).md", "---\nname: Decomposed\n---\n")
        let diagnostics = try folder.check().diagnostics
        #expect(
            diagnostics.map(\.code) == [.duplicateID]
                && diagnostics.first?.location.file == "content/companies/b/\(Self.decomposed).md",
            "the same id in two normalization forms is one id used twice:\n\(Hostile.listing(diagnostics))")
    }

    @Test func columnsAfterADecomposedCharacterCountScalars() throws {
        // `SourceLocation` counts Unicode scalars: a decomposed é is two, so the column is one further.
        func dateColumn(_ status: String) throws -> Int? {
            let text = Hostile.lead().replacingOccurrences(
                of: "created: 2026-10-01", with: "created: 2026-10-01\nhistory: [{status: \(status), date: 2026-13-01}]"
            )
            return try check(Array(text.utf8)).first { $0.code == .invalidDate }?.location.column
        }
        let prefix = "history: [{status: \(Self.composed), date: "
        #expect(try dateColumn(Self.composed) == prefix.unicodeScalars.count + 1)
        #expect(try dateColumn(Self.decomposed) == prefix.unicodeScalars.count + 2)
        // An invalid byte after the same text is counted the same way.
        let bytes = lead(replacingLine: 2, with: Array("role: \(Self.decomposed) ".utf8) + [0xFF])
        expectOnly(
            .invalidEncoding, line: 2, column: "role: \(Self.decomposed) ".unicodeScalars.count + 1,
            in: try check(bytes))
    }
}

/// The link targets of a page, with the HTML escapes of attribute values undone.
enum HTMLLinks {
    static func hrefs(in html: String) -> [String] {
        html.matches(of: try! Regex(#"href="([^"]*)""#)).compactMap { match in
            match.output[1].substring.map { unescape(String($0)) }
        }
    }

    static func unescape(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
