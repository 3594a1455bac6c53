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
