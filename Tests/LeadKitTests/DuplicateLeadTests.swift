import Testing

@testable import LeadKit

/// `duplicate-lead`: the same lead twice, by its role and company or as a sync tool's conflicted copy.
@Suite struct DuplicateLeadTests {
    static func lead(role: String = "Platform Engineer", company: String = "Acme", contact: String? = nil) -> String {
        "---\nrole: \(role)\ncompany: \(company)\nsource: OTHER\ntemperature: WARM\nstatus: DISCOVERY\ncreated: 2026-11-20\n"
            + (contact.map { "contact: \"[[\($0)]]\"\n" } ?? "") + "---\n"
    }

    static let contacts = [
        "contacts/ada.md": "---\nname: Ada\n---\n", "contacts/bo.md": "---\nname: Bo\n---\n",
    ]

    @Test func theSameRoleAtTheSameCompanyIsOneLead() throws {
        let diagnostics = try diagnostics([
            "leads/acme-platform.md": Self.lead(),
            "leads/acme-platform-engineer.md": Self.lead(role: "platform  engineer,"),
        ])
        expectDiagnostic(
            .duplicateLead, at: "leads/acme-platform.md", line: 2, column: 7, in: diagnostics,
            messageContains: [
                "content/leads/acme-platform.md and content/leads/acme-platform-engineer.md are the same lead"
            ])
    }

    @Test func differentPeopleForTheSameRoleAreDifferentLeads() throws {
        let files = Self.contacts.merging([
            "leads/acme-ada.md": Self.lead(contact: "ada"), "leads/acme-bo.md": Self.lead(contact: "bo"),
        ]) { first, _ in first }
        expectNoDiagnostics(try diagnostics(files))
    }

    @Test(arguments: ["acme (conflicted copy 2026-11-20)", "acme.sync-conflict-20261120-101010-ABCD", "acme (1)"])
    func aSyncToolsConflictedCopyIsNamedAsSuch(_ copy: String) throws {
        let diagnostics = try diagnostics([
            "leads/acme.md": Self.lead(), "leads/\(copy).md": Self.lead(role: "Platform Engineer (edited)"),
        ])
        expectDiagnostic(
            .duplicateLead, at: "leads/\(copy).md", line: 1, column: 1, in: diagnostics,
            messageContains: ["looks like a sync tool's conflicted copy of content/leads/acme.md"])
    }
}

/// `leads merge KEPT DUPLICATE` on two leads: one lead with both histories, the duplicate's
/// interactions pointed at it, nothing left of the duplicate.
@Suite struct LeadMergeCommandTests {
    static let kept = """
        ---
        role: Platform Engineer
        company: Acme
        source: REFERRAL
        temperature: WARM
        status: WAKING_UP
        created: 2026-11-01
        history:
          - {status: DISCOVERY, date: 2026-11-01}
          - {status: WAKING_UP, date: 2026-11-10}
        ---
        Met at the meetup.

        """

    static let duplicate = """
        ---
        role: Platform Engineer
        company: Acme
        source: LINKEDIN
        temperature: HOT
        status: WARM_LEAD
        created: 2026-11-05
        owner: Maya
        history:
          - {status: DISCOVERY, date: 2026-11-05}
          - {status: WARM_LEAD, date: 2026-11-20}
        ---
        Sam's copy.

        """

    @Test func twoLeadsBecomeOne() throws {
        let folder = try ScratchFolder([
            "leads/acme.md": Self.kept, "leads/acme (1).md": Self.duplicate,
            "interactions/call.md":
                "---\nlead: \"[[acme (1)]]\"\ndate: 2026-11-20\ntype: PHONE_CALL\nsummary: Call\n---\n",
        ])
        defer { folder.remove() }
        let run = try folder.leads(["merge", "acme", "acme (1)"], asOf: "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!folder.exists("leads/acme (1).md"))
        #expect(try folder.read("interactions/call.md").contains("lead: \"[[acme]]\""))
        #expect(
            try folder.read("leads/acme.md") == """
                ---
                role: Platform Engineer
                company: Acme
                source: REFERRAL
                temperature: WARM
                status: WARM_LEAD
                created: 2026-11-01
                owner: Maya
                history:
                  - {status: DISCOVERY, date: 2026-11-01}
                  - {status: DISCOVERY, date: 2026-11-05}
                  - {status: WAKING_UP, date: 2026-11-10}
                  - {status: WARM_LEAD, date: 2026-11-20}
                ---
                Met at the meetup.

                ## Merged from acme (1)

                Sam's copy.

                Its values that differ from this lead's (this lead's were kept):

                - source: LINKEDIN
                - temperature: HOT
                - created: 2026-11-05

                """)
        let check = try folder.check(asOf: "2026-11-23")
        #expect(check.stdout == "0 errors, 0 warnings in 2 files\n", "\(check.stdout)")
    }
}
