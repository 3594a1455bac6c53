import Testing

@testable import LeadKit

/// Warnings: the content is usable, but probably not what was meant.
@Suite struct WarningRuleTests {
    @Test func aLeadPastItsFirstStageWithoutInteractionsIsWarned() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            ---
            """,
        ])
        let warning = expectDiagnostic(
            .noInteractions, at: "leads/acme-platform.md", line: 6, column: 9, in: diagnostics,
            messageContains: ["lead is past DISCOVERY but no interaction is logged"])
        #expect(warning?.severity == .warning)
    }

    @Test func anInteractionBeforeItsLeadWasCreatedIsWarned() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": Valid.lead,
            "interactions/2026-09-30-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-09-30
            type: EMAIL
            summary: Sent my CV
            ---
            """,
        ])
        expectDiagnostic(
            .interactionBeforeLead, at: "interactions/2026-09-30-acme-platform-email.md", line: 3, column: 7,
            in: diagnostics,
            messageContains: ["dated 2026-09-30, before lead 'acme-platform' was created on 2026-10-01"])
    }

    @Test func anInteractionAfterTheAsOfDateIsWarned() throws {
        let files = [
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": Valid.lead,
            "interactions/2026-11-24-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-24T09:30
            type: PHONE_CALL
            summary: Planned call with the hiring manager
            ---
            """,
        ]
        expectDiagnostic(
            .futureInteraction, at: "interactions/2026-11-24-acme-platform-call.md", line: 3, column: 7,
            in: try diagnostics(files, asOf: Day(parsing: "2026-11-23")!),
            messageContains: ["dated 2026-11-24T09:30, after today (2026-11-23)"])
        expectNoDiagnostics(try diagnostics(files, asOf: Day(parsing: "2026-11-24")!))
    }

    @Test func twoContactsWithTheSameEmailInAnyCaseAreWarned() throws {
        let diagnostics = try diagnostics([
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            email: Ada@Acme.example
            ---
            """,
            "contacts/lovelace.md": """
            ---
            name: A. Lovelace
            email: ada@acme.example
            ---
            """,
        ])
        expectDiagnostic(
            .duplicateContact, at: "contacts/lovelace.md", line: 3, column: 8, in: diagnostics,
            messageContains: [
                "content/contacts/lovelace.md and content/contacts/ada.md have the same email 'ada@acme.example'"
            ])
    }

    @Test func twoContactsWithTheSamePhoneInAnyPunctuationAreWarned() throws {
        let diagnostics = try diagnostics([
            "contacts/bo.md": """
            ---
            name: Bo Nilsson
            phone: "+46 70 123 45 67"
            ---
            """,
            "contacts/nilsson.md": """
            ---
            name: Bo N.
            phone: (+46) 70-1234567
            ---
            """,
        ])
        expectDiagnostic(
            .duplicateContact, at: "contacts/nilsson.md", line: 3, column: 8, in: diagnostics,
            messageContains: ["have the same phone '(+46) 70-1234567'", "merge the two contacts"])
    }

    @Test func aMarkdownFileOutsideTheRecordFoldersIsStray() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "notes.md": "# Ideas\n",
            // Not Markdown, not in a record folder, or hidden: ignored without a word.
            "README.txt": "about this folder\n",
            "drafts/acme.md": "half a thought\n",
            ".obsidian/workspace.md": "editor state\n",
        ])
        let warning = expectDiagnostic(
            .strayFile, at: "notes.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["outside the record folders is ignored"])
        #expect(warning?.severity == .warning)
    }
}
