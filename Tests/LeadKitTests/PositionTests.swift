import Testing

@testable import LeadKit

/// Positions are where an editor shows the problem, however the file's lines end.
@Suite struct PositionTests {
    /// One lead with three mistakes, one YAML error in another file and one bad config value.
    static let files = [
        "config.yml": """
        stale_after_days: {HOT: soon}
        """,
        "companies/acme.md": """
        ---
        name: Acme: Rockets
        ---
        """,
        "leads/acme-platform.md": """
        ---
        role: Platform Engineer
        company: Acme
        source: REFERRAL
        temperature: HOT
        status: WARM
        created: 2026-10-01
        history:
          - {status: DISCOVERY, date: 2026-13-01}
        owner: Maya
        tagz: [a, b]
        ---
        Notes on line 13.
        """,
    ]

    static let expected = [
        "content/companies/acme.md:2:11 invalid-front-matter",
        "content/config.yml:1:25 invalid-value",
        "content/leads/acme-platform.md:6:9 invalid-value",
        "content/leads/acme-platform.md:9:31 invalid-date",
        "content/leads/acme-platform.md:11:1 unknown-field",
    ]

    static func places(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
    }

    static func rewritten(_ transform: (String) -> String) -> [String: String] {
        files.mapValues(transform)
    }

    @Test func lineFeedsGiveThePlainPositions() throws {
        #expect(Self.places(try diagnostics(Self.files)) == Self.expected)
    }

    @Test func crlfLineEndingsGiveTheSamePositions() throws {
        let crlf = Self.rewritten { $0.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n" }
        #expect(crlf["leads/acme-platform.md"]!.contains("\r\n"))
        #expect(Self.places(try diagnostics(crlf)) == Self.expected)
    }

    @Test func aByteOrderMarkAndCRLFGiveTheSamePositions() throws {
        let bom = Self.rewritten { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n" }
        #expect(bom["config.yml"]!.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(Self.places(try diagnostics(bom)) == Self.expected)
    }

    @Test func loneCarriageReturnsEndLinesToo() throws {
        let cr = Self.rewritten { $0.replacingOccurrences(of: "\n", with: "\r") + "\r" }
        #expect(Self.places(try diagnostics(cr)) == Self.expected)
    }

    @Test func theBodyStartsOnTheLineAfterTheBlockWhateverTheLineEndings() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let lead = Valid.lead.replacingOccurrences(of: "\n", with: ending)
            let checked = try check(["companies/acme.md": Valid.company, "leads/acme-platform.md": "\u{FEFF}" + lead])
            expectNoDiagnostics(checked.diagnostics)
            #expect(checked.records.leads.first?.header.bodyLine == 9)
            #expect(checked.records.leads.first?.header.body.hasPrefix("Met at a meetup.") == true)
        }
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func anInvalidByteIsPlacedByLinesOfAnyEnding(_ ending: String) throws {
        let head = Array(["---", "name: Acme", "industry: Rock"].joined(separator: ending).utf8)
        let bytes = head + [0xFF] + Array("ets\(ending)---\(ending)".utf8)
        let diagnostics = try ContentFolder(bytes: ["companies/acme.md": bytes]).check().diagnostics
        expectDiagnostic(.invalidEncoding, at: "companies/acme.md", line: 3, column: 15, in: diagnostics)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            tags: [🚀, café, {a: b}]
            ---
            """,
        ])
        expectDiagnostic(
            .invalidValue, at: "leads/acme-platform.md", line: 8, column: 17, in: diagnostics,
            messageContains: ["'tags' must be text, not a mapping"])
    }

    @Test func theDisplayedFileIsTheContentFolderAsGivenPlusTheRelativePath() throws {
        let folder = ContentFolder(["companies/acme.md": "---\nname: Acme\nwebsit: https://acme.example\n---\n"])
        try folder.withFolder { root in
            let checked = try Leads.check(content: root, asOf: ContentFolder.asOf)
            #expect(checked.diagnostics.map(\.location.file) == [root + "/companies/acme.md"])
            let slashed = try Leads.check(content: root + "/", asOf: ContentFolder.asOf)
            #expect(slashed.diagnostics.map(\.location.file) == [root + "/companies/acme.md"])
        }
    }
}
