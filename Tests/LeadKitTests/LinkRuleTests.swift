import Testing

@testable import LeadKit

/// `broken-link` and `duplicate-id`: records find each other by id, the file name without `.md`.
@Suite struct LinkRuleTests {
    @Test func aLinkToAMissingRecordSuggestsTheClosestId() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": Valid.lead,
            "interactions/2026-10-02-acme-platform-email.md": """
            ---
            lead: "[[acme-platfrom]]"
            date: 2026-10-02
            type: EMAIL
            summary: Sent my CV
            ---
            """,
        ])
        expectDiagnostic(
            .brokenLink, at: "interactions/2026-10-02-acme-platform-email.md", line: 2, column: 7, in: diagnostics,
            messageContains: [
                "'lead' links to lead 'acme-platfrom', but there is no leads/acme-platfrom.md",
                "did you mean acme-platform?",
            ])
    }

    @Test func aLinkMustNameARecordOfTheRightKind() throws {
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
            contact: "[[acme]]"
            ---
            """,
        ])
        expectDiagnostic(
            .brokenLink, at: "leads/acme-platform.md", line: 8, column: 10, in: diagnostics,
            messageContains: ["'contact' links to contact 'acme', but there is no contacts/acme.md"])
    }

    @Test func aPathIsNeverARecordId() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[../companies/acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(
            .brokenLink, at: "leads/acme-platform.md", line: 3, column: 10, in: diagnostics,
            messageContains: ["link '../companies/acme' is not a record id"])
    }

    @Test func anUnquotedPathLinkIsCheckedToo() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            company: [[../x]]
            ---
            """,
        ])
        expectDiagnostic(
            .brokenLink, at: "contacts/ada.md", line: 3, column: 10, in: diagnostics,
            messageContains: ["link '../x' is not a record id"])
    }

    @Test func aCompanyWrittenAsPlainTextIsANameNotALink() throws {
        let checked = try check([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme Rockets
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """
        ])
        expectNoDiagnostics(checked.diagnostics)
        #expect(checked.records.leads.first?.company?.value == Link(target: "Acme Rockets", isBracketed: false))
    }

    @Test func theSameIdInTwoSubfoldersIsADuplicate() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/2025/acme-platform.md": Valid.lead,
            "leads/acme-platform.md": Valid.lead,
        ])
        expectDiagnostic(
            .duplicateID, at: "leads/acme-platform.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["lead id 'acme-platform' is already used by content/leads/2025/acme-platform.md"])
    }

    @Test func idsThatDifferOnlyInLetterCaseAreDuplicates() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "companies/ACME.md": Valid.company,
        ])
        expectDiagnostic(
            .duplicateID, at: "companies/acme.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["company id 'acme' is already used by content/companies/ACME.md", "letter case"])
    }

    @Test func recordsOfDifferentKindsMayShareAnId() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme.md": Valid.lead,
            "applications/acme.md": """
            ---
            lead: "[[acme]]"
            title: Platform Engineer
            ---
            """,
        ])
        expectNoDiagnostics(diagnostics)
    }
}
