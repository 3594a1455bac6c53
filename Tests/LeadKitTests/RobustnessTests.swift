import Foundation
import Testing

@testable import LeadKit

/// Hostile or accidental input gets a diagnostic: never a crash, never a hang.
///
/// Each check runs with a deadline, so a regression fails its own test instead of stalling the suite.
@Suite struct RobustnessTests {
    // A hang detector, not a performance bound: generous enough for sanitizer builds.
    static let seconds = 60.0

    func check(_ folder: ContentFolder) throws -> CheckedContent {
        try #require(
            try folder.check(within: Self.seconds), "the check did not finish within \(Self.seconds) seconds")
    }

    @Test func anEmptyFileHasNoFrontMatter() throws {
        let checked = try check(ContentFolder(["leads/empty.md": ""]))
        expectDiagnostic(
            .invalidFrontMatter, at: "leads/empty.md", line: 1, column: 1, in: checked.diagnostics,
            messageContains: ["missing front-matter"])
    }

    @Test func randomBinaryBytesAreNotText() throws {
        var generator = SplitMix64(seed: 0x1ead5)
        var bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        bytes[0] = 0xC0
        bytes[100] = 0
        let checked = try check(ContentFolder(bytes: ["leads/photo.md": bytes]))
        #expect(checked.diagnostics.contains { $0.code == .invalidEncoding }, "\(listing(checked.diagnostics))")
        #expect(checked.diagnostics.allSatisfy { $0.location.file == "content/leads/photo.md" })
    }

    @Test func aTenMegabyteBodyIsRead() throws {
        let body = String(repeating: "A line of notes about the lead, repeated to make a big file.\n", count: 170_000)
        #expect(body.utf8.count > 10_000_000)
        let checked = try check(
            ContentFolder(["companies/acme.md": Valid.company, "leads/acme-platform.md": Valid.lead + body]))
        expectNoDiagnostics(checked.diagnostics)
        #expect(
            checked.records.leads.first?.header.body.utf8.count == body.utf8.count + "Met at a meetup.\n".utf8.count)
    }

    @Test func aFileOverSixteenMegabytesIsNotRead() throws {
        let body = String(repeating: "x", count: 17 * 1024 * 1024)
        let checked = try check(ContentFolder(["companies/acme.md": Valid.company + body]))
        expectDiagnostic(
            .unreadableFile, at: "companies/acme.md", line: 1, column: 1, in: checked.diagnostics,
            messageContains: ["file is 17 MB; the limit is 16 MB"])
        #expect(checked.fileCount == 0)
    }

    @Test func aDanglingSymbolicLinkIsUnreadable() throws {
        let folder = ContentFolder(["companies/acme.md": Valid.company, "leads/acme-platform.md": Valid.lead])
        let checked = try folder.withFolder { root in
            try FileManager.default.createSymbolicLink(
                atPath: root + "/leads/gone.md", withDestinationPath: root + "/leads/deleted.md")
            return try Leads.check(content: root, asOf: ContentFolder.asOf, displayRoot: ContentFolder.displayRoot)
        }
        expectDiagnostic(
            .unreadableFile, at: "leads/gone.md", line: 1, column: 1, in: checked.diagnostics,
            messageContains: ["symbolic link points nowhere or loops"])
    }

    @Test func aSymbolicLinkOutOfTheContentFolderIsNotFollowed() throws {
        let outside = try ContentFolder(["secret.md": "---\nname: Secret\n---\n"]).withFolder { other in
            try ContentFolder(["companies/acme.md": Valid.company]).withFolder { root in
                try FileManager.default.createSymbolicLink(
                    atPath: root + "/companies/secret.md", withDestinationPath: other + "/secret.md")
                return try Leads.check(content: root, asOf: ContentFolder.asOf, displayRoot: ContentFolder.displayRoot)
            }
        }
        expectDiagnostic(
            .unreadableFile, at: "companies/secret.md", line: 1, column: 1, in: outside.diagnostics,
            messageContains: ["points outside the content folder"])
        #expect(outside.records.companies.map(\.id) == ["acme"])
    }

    @Test func deeplyNestedYAMLIsASyntaxError() throws {
        let nested = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let checked = try check(ContentFolder(["companies/acme.md": "---\nname: Acme\ntags: \(nested)\n---\n"]))
        // libyaml stops at 1,000 levels; which bracket its error points at is libyaml's business, the line is ours.
        let diagnostic = try #require(checked.diagnostics.first, "\(listing(checked.diagnostics))")
        #expect(checked.diagnostics.count == 1, "\(listing(checked.diagnostics))")
        #expect(diagnostic.code == .invalidFrontMatter)
        #expect(diagnostic.location.file == "content/companies/acme.md")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("Maximum nesting level reached"), "\(diagnostic.message)")
    }

    @Test func anAliasBombIsRejectedWithoutExpandingIt() throws {
        var yaml = "lol: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let alias = "*a\(level - 1)"
            yaml += "lol\(level): &a\(level) [" + Array(repeating: alias, count: 9).joined(separator: ", ") + "]\n"
        }
        let checked = try check(ContentFolder(["companies/acme.md": "---\nname: Acme\n\(yaml)---\n"]))
        expectDiagnostic(
            .invalidFrontMatter, at: "companies/acme.md", line: 3, column: 6, in: checked.diagnostics,
            messageContains: ["anchors and aliases"])
    }

    @Test func tabsMayNotIndentYAML() throws {
        let checked = try check(
            ContentFolder([
                "companies/acme.md": Valid.company,
                "leads/acme-platform.md": """
                ---
                role: Platform Engineer
                company: "[[acme]]"
                source: REFERRAL
                temperature: HOT
                status: DISCOVERY
                created: 2026-10-01
                history:
                \t- {status: DISCOVERY, date: 2026-10-01}
                ---
                """,
            ]))
        expectDiagnostic(
            .invalidFrontMatter, at: "leads/acme-platform.md", line: 9, column: 1, in: checked.diagnostics,
            messageContains: ["YAML syntax error"])
    }

    @Test func aTabAfterTheColonIsFine() throws {
        let checked = try check(ContentFolder(["companies/acme.md": "---\nname:\tAcme\nindustry:\tRockets\t\n---\n"]))
        expectNoDiagnostics(checked.diagnostics)
        #expect(checked.records.companies.first?.industry?.value == "Rockets")
    }
}

/// A small seeded generator, so "random" bytes are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
