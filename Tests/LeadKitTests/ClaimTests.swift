import Foundation
import Testing

@testable import LeadKit

/// The claim window: anyone may claim an unowned lead, which is theirs for `claim_window_hours`
/// (24) and then back in the pool unless they take ownership.
@Suite struct ClaimTests {
    static let lead = """
        ---
        role: Platform Engineer
        company: Acme
        source: OTHER
        temperature: WARM
        status: DISCOVERY
        created: 2026-11-20
        ---

        """

    static func claimed(at time: String, by name: String = "Alice") -> String {
        lead.replacingOccurrences(
            of: "created: 2026-11-20\n", with: "created: 2026-11-20\nclaimed_by: \(name)\nclaimed_at: \(time)\n")
    }

    @Test func aClaimExpiresAtExactlyTheWindow() throws {
        // As of 2026-11-23, judged at its start (00:00): a claim from 2026-11-22 00:00 has had 24 hours.
        let expired = try report(["leads/a.md": Self.claimed(at: "2026-11-22T00:00")])
        #expect(expired.claims.map(\.expired) == [true])
        #expect(expired.claims.first?.expires.description == "2026-11-23T00:00")
        let valid = try report(["leads/a.md": Self.claimed(at: "2026-11-22T00:01")])
        #expect(valid.claims.map(\.expired) == [false])
        #expect(valid.claims.first?.hoursLeft == 0, "one minute left is not an hour")
        let configured = try report([
            "config.yml": "claim_window_hours: 48\n", "leads/a.md": Self.claimed(at: "2026-11-22T00:00"),
        ])
        #expect(configured.claims.map(\.hoursLeft) == [24])
    }

    @Test func anOwnedLeadHasNoClaimAndIsNotUnassigned() throws {
        let report = try report([
            "leads/a.md": Self.claimed(at: "2026-11-22T12:00").replacingOccurrences(
                of: "created:", with: "owner: Bo\ncreated:"),
            "leads/b.md": Self.lead,
        ])
        #expect(report.claims.isEmpty)
        #expect(report.ids(report.unassigned) == ["b"])
    }

    @Test func claimAssignAndReleaseWithTheRealBinary() throws {
        let folder = try ScratchFolder(["leads/acme.md": Self.lead])
        defer { folder.remove() }
        let claim = try folder.leads(["claim", "acme", "--by", "Alice"], asOf: "2026-11-23")
        #expect(claim.stdout == "updated content/leads/acme.md: claimed by Alice at 2026-11-23T00:00\n")
        #expect(try folder.read("leads/acme.md") == Self.claimed(at: "2026-11-23T00:00"))

        let taken = try folder.leads(["claim", "acme", "--by", "Bob"], asOf: "2026-11-23")
        #expect(taken.status == 1)
        #expect(taken.stderr.hasPrefix("error: acme is claimed by Alice since 2026-11-23T00:00 for 24 hours"))
        // A day later Alice's claim has expired: Bob may claim it.
        #expect(try folder.leads(["claim", "acme", "--by", "Bob"], asOf: "2026-11-24").status == 0)

        #expect(try folder.leads(["assign", "acme", "Bob"], asOf: "2026-11-24").status == 0)
        let owned = try folder.read("leads/acme.md")
        #expect(
            owned
                == Self.lead.replacingOccurrences(
                    of: "created: 2026-11-20\n", with: "created: 2026-11-20\nowner: Bob\n"))
        let again = try folder.leads(["claim", "acme", "--by", "Alice"], asOf: "2026-11-24")
        #expect(again.stderr == "error: acme is owned by Bob; only an unowned lead can be claimed\n")

        #expect(try folder.leads(["release", "acme"], asOf: "2026-11-24").status == 0)
        #expect(try folder.read("leads/acme.md") == Self.lead)
    }

    @Test func theUnassignedPageAndReportJSONShowTheClaims() throws {
        try ContentFolder([
            "leads/a.md": Self.claimed(at: "2026-11-22T10:00"),
            "leads/b.md": Self.claimed(at: "2026-11-20T09:00", by: "Bob"),
            "leads/c.md": Self.lead,
        ]).withFolder { root in
            let output = root + "-report"
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try Leads.build(content: root, templates: nil, output: output, asOf: ContentFolder.asOf)
            let page = try String(contentsOfFile: output + "/unassigned.html", encoding: .utf8)
            #expect(page.contains("Claimed by Alice at Sun 22 Nov 2026 10:00, 10 hours left"))
            #expect(
                page.contains("Bob&#39;s claim expired at Sat 21 Nov 2026 09:00: free to claim")
                    || page.contains("Bob's claim expired at Sat 21 Nov 2026 09:00: free to claim"))
            #expect(page.contains("Free to claim"))
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let claims = try #require(json["claims"] as? [[String: Any]])
            #expect(
                claims.map { "\($0["lead"]!) \($0["by"]!) \($0["expires"]!) \($0["expired"]!)" } == [
                    "b Bob 2026-11-21T09:00 1", "a Alice 2026-11-23T10:00 0",
                ])
        }
    }

    @Test func removingAKeyKeepsEveryOtherByte() throws {
        var editor = try FrontMatterEditor(
            bytes: Array("---\r\nrole: X # note\r\nclaimed_by: Al\r\nowner: Bo\r\n---\r\nBody\r\n".utf8), file: "x")
        try editor.remove("claimed_by")
        try editor.remove("owner")
        try editor.remove("absent")
        #expect(editor.text == "---\r\nrole: X # note\r\n---\r\nBody\r\n")
    }
}
