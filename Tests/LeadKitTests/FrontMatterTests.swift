import Foundation
import Testing

@testable import LeadKit

/// `invalid-front-matter` and `invalid-encoding`: files whose YAML block cannot be read at all.
@Suite struct FrontMatterTests {
    @Test func aFileWithoutFrontMatterIsReportedAtItsFirstLine() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            # Acme
            name: Acme
            """
        ])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["missing front-matter"])
    }

    @Test func anUnterminatedBlockIsReportedAtItsOpeningLine() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            ---
            name: Acme
            website: https://acme.example

            Founded in 1999.
            """
        ])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["never closed"])
    }

    @Test func aYAMLSyntaxErrorPointsAtTheOffendingCharacter() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            ---
            name: Acme: Rockets
            ---
            """
        ])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 2, column: 11, in: diagnostics,
            messageContains: ["YAML syntax error", "mapping values are not allowed"])
    }

    @Test func anUnclosedQuoteNamesTheLineItStartedOn() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            ---
            name: "Acme
            industry: Rockets
            ---
            """
        ])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 3, column: 18, in: diagnostics,
            messageContains: ["quoted scalar started at line 2"])
    }

    @Test func aListInsteadOfAMappingIsReportedAtTheBlock() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            ---
            - name: Acme
            - industry: Rockets
            ---
            """
        ])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["must be a mapping", "not a list"])
    }

    @Test func anchorsAndAliasesAreRejectedAtTheAnchor() throws {
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
            owner: &me Maya
            tags: [*me]
            ---
            """,
        ])
        expectDiagnostic(
            .invalidFrontMatter, at: "leads/acme-platform.md", line: 8, column: 8, in: diagnostics,
            messageContains: ["anchors and aliases"])
    }

    @Test func anAliasWithoutItsAnchorIsReported() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            ---
            name: *acme
            ---
            """
        ])
        expectDiagnostic(.invalidFrontMatter, at: "companies/acme.md", line: 2, column: 7, in: diagnostics)
    }

    @Test func aDuplicateKeyIsReportedWhereItIsRepeated() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            ---
            name: Acme
            website: https://acme.example
            name: Acme Rockets
            ---
            """
        ])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 4, column: 1, in: diagnostics,
            messageContains: ["duplicate key 'name'"])
    }

    @Test func aBlockLargerThanTwoMegabytesIsNotParsed() throws {
        let notes = String(repeating: "x", count: 3 * 1024 * 1024)
        let diagnostics = try diagnostics(["companies/acme.md": "---\nname: Acme\nnotes: \(notes)\n---\n"])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["the limit is 2048 KB"])
    }
}

/// `invalid-encoding`: record files must be UTF-8; a broken byte is pointed at, not guessed around.
@Suite struct EncodingTests {
    @Test func anInvalidUTF8ByteIsReportedWhereItIs() throws {
        let bytes = Array("---\nname: Acme ".utf8) + [0xFF] + Array(" Rockets\n---\n".utf8)
        let checked = try ContentFolder(bytes: ["companies/acme.md": bytes]).check()
        expectDiagnostic(
            .invalidEncoding, at: "companies/acme.md", line: 2, column: 12, in: checked.diagnostics,
            messageContains: ["not valid UTF-8"])
        #expect(checked.records.companies.first?.name?.value == "Acme \u{FFFD} Rockets")
    }

    @Test func columnsBeforeAnInvalidByteCountCharactersNotBytes() throws {
        let bytes = Array("---\nname: Zoë & Åsa ".utf8) + [0xC3] + Array("\n---\n".utf8)
        let diagnostics = try ContentFolder(bytes: ["companies/acme.md": bytes]).check().diagnostics
        expectDiagnostic(.invalidEncoding, at: "companies/acme.md", line: 2, column: 17, in: diagnostics)
    }

    @Test(arguments: [("UTF-16LE", String.Encoding.utf16LittleEndian), ("UTF-16BE", .utf16BigEndian)])
    func aUTF16FileIsReportedAtItsStart(name: String, encoding: String.Encoding) throws {
        let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let text = try #require("---\nname: Acme\n---\n".data(using: encoding))
        let diagnostics = try ContentFolder(bytes: ["companies/acme.md": bom + Array(text)]).check().diagnostics
        expectDiagnostic(
            .invalidEncoding, at: "companies/acme.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["UTF-16", "save it as UTF-8"])
    }

    @Test func aNULByteIsReportedWhereItIs() throws {
        let diagnostics = try diagnostics(["companies/acme.md": "---\nname: Ac\u{0}me\n---\n"])
        expectDiagnostic(
            .invalidEncoding, at: "companies/acme.md", line: 2, column: 9, in: diagnostics, alone: false,
            messageContains: ["NUL byte"])
        // YAML refuses the control character too, at the same place.
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 2, column: 9, in: diagnostics, alone: false)
        #expect(diagnostics.count == 2, "\(listing(diagnostics))")
    }

    @Test func aControlCharacterIsPointedAtInCharacters() throws {
        let diagnostics = try diagnostics(["companies/acme.md": "---\nname: Zoë's \u{7}Rockets\n---\n"])
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 2, column: 13, in: diagnostics,
            messageContains: ["control characters are not allowed"])
    }
}
