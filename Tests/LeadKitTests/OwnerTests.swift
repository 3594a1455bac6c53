import Foundation
import Testing

@testable import LeadKit

/// Owners: one person however their name is typed, a warning for a name the team does not have, and
/// a page and a calendar feed of their own.
@Suite struct OwnerTests {
    static func lead(_ role: String, owner: String, followUp: String = "2026-11-24", temperature: String = "WARM")
        -> String
    {
        """
        ---
        role: \(role)
        company: Acme
        source: OTHER
        temperature: \(temperature)
        status: DISCOVERY
        created: 2026-11-20
        owner: \(owner)
        next_follow_up: \(followUp)
        ---

        """
    }

    static let files = [
        "config.yml": "owners: [Alice, {name: Carol, email: carol@team.example}]\n",
        "leads/a.md": Self.lead("Analyst", owner: "carol"),
        "leads/b.md": Self.lead("Buyer", owner: "'Carol '"),
        "leads/c.md": Self.lead("Clerk", owner: "Alice", followUp: "2026-12-20"),
    ]

    @Test func carolIsOnePersonHoweverHerNameIsTyped() throws {
        let report = try report(Self.files)
        #expect(report.owners.map(\.owner.name) == ["Alice", "Carol"])
        let carol = try #require(report.owners.last)
        #expect(report.ids(carol.agenda) == ["a", "b"])
        #expect(report.ids(carol.open) == ["a", "b"])
        #expect(carol.owner.email == "carol@team.example")
        #expect(report.ids(report.owners[0].agenda) == [], "Alice's follow-up is four weeks away")
    }

    @Test func anOwnerTheTeamDoesNotHaveIsAWarningWithDidYouMean() throws {
        let diagnostics = try diagnostics(
            Self.files.merging(["leads/d.md": Self.lead("Driver", owner: "Caro")]) { a, _ in a })
        expectDiagnostic(
            .unknownOwner, at: "leads/d.md", line: 8, column: 8, in: diagnostics,
            messageContains: [
                "'owner' names 'Caro', who is not one of the owners in config.yml (Alice, Carol); did you mean Carol?"
            ])
    }

    @Test func eachOwnerHasAPageAndAFeedOfTheirOwn() throws {
        try ContentFolder(Self.files).withFolder { root in
            let output = root + "-report"
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try Leads.build(content: root, templates: nil, output: output, asOf: ContentFolder.asOf)
            let page = try String(contentsOfFile: output + "/owners/carol.html", encoding: .utf8)
            #expect(page.contains("<h1>Carol&#39;s day</h1>") || page.contains("<h1>Carol's day</h1>"))
            #expect(page.contains("href=\"../leads/a.html\"") && page.contains("href=\"../leads/b.html\""))
            #expect(!page.contains("href=\"../leads/c.html\""))
            let feed = try String(contentsOfFile: output + "/follow-ups-carol.ics", encoding: .utf8)
            #expect(feed.contains("UID:lead-a@leads") && feed.contains("UID:lead-b@leads"))
            #expect(!feed.contains("UID:lead-c@leads"))
            #expect(feed.contains("X-WR-CALNAME:Lead follow-ups · Carol"))
            let dashboard = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
            #expect(dashboard.contains("<a href=\"owners/carol.html\">Carol</a>"))
        }
    }

    /// `files`, with Alice's lead linked to a contact of its own, `zed`, written as `contact`.
    static func withAlicesContact(_ contact: String) -> [String: String] {
        files.merging([
            "contacts/zed.md": contact,
            "leads/c.md": lead("Clerk", owner: "Alice").replacingOccurrences(
                of: "owner: Alice", with: "owner: Alice\ncontact: \"[[zed]]\""),
        ]) { _, new in new }
    }

    /// `leads build --owner carol`: Carol's leads and what they link to, nobody else's.
    @Test func aReportOfOneOwnersLeads() throws {
        try ContentFolder(Self.withAlicesContact("---\nname: Zed\n---\n")).withFolder { root in
            let output = root + "-report"
            defer { try? FileManager.default.removeItem(atPath: output) }
            let summary = try Leads.build(
                content: root, templates: nil, output: output, asOf: ContentFolder.asOf, owner: " CAROL")
            #expect(summary.fileCount == 2)
            let leads = try FileManager.default.contentsOfDirectory(atPath: output + "/leads").sorted()
            #expect(leads == ["a.html", "b.html"])
            #expect(!FileManager.default.fileExists(atPath: output + "/contacts/zed.html"))
        }
    }

    /// Built as the command line builds it (reusing the previous report), the report of one
    /// owner's leads holds nothing of the others' anywhere, the build's own files included: they
    /// keep no parse cache or source table, which hold every record of the folder.
    @Test func aReportOfOneOwnersLeadsKeepsNothingOfTheOthers() throws {
        let files = Self.withAlicesContact("---\nname: Zed Secret\n---\nPrivate notes.\n")
        try ContentFolder(files).withFolder { root in
            let output = root + "-report"
            defer { try? FileManager.default.removeItem(atPath: output) }
            for _ in 0..<2 {
                _ = try Leads.build(
                    content: root, templates: nil, output: output, asOf: ContentFolder.asOf, owner: "Carol",
                    reuse: BuildReuse(startedAt: Int64(Date().timeIntervalSince1970), engine: "test"))
            }
            for path in try FileManager.default.subpathsOfDirectory(atPath: output) {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder),
                    !isFolder.boolValue
                else { continue }
                // As bytes: the build's own files need not be text.
                let bytes = try Data(contentsOf: URL(fileURLWithPath: output + "/" + path))
                for secret in ["Zed Secret", "Private notes", "Clerk", "contacts/zed", "zed.md", "leads/c."] {
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(path) holds '\(secret)'")
                }
            }
        }
    }
}
