import Testing

@testable import LeadKit

/// The rules of a lead's life: how its status and history move through its pipeline.
///
/// Leads past their first stage come with an interaction, so `no-interactions` stays out of the way.
@Suite struct LifecycleRuleTests {
    @Test func historyMayNotGoBackward() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WARM_LEAD, date: 2026-10-05}
              - {status: WAKING_UP, date: 2026-10-09}
            ---
            """,
        ])
        expectDiagnostic(
            .illegalTransition, at: "leads/acme-platform.md", line: 11, column: 14, in: diagnostics,
            messageContains: ["history goes backward from WARM_LEAD to WAKING_UP"])
    }

    @Test func aWonLeadCannotLeaveTheWonStage() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: ARCHIVED
            created: 2026-08-01
            history:
              - {status: DISCOVERY, date: 2026-08-01}
              - {status: CONVERTED, date: 2026-09-01}
              - {status: ARCHIVED, date: 2026-10-01}
            ---
            """,
        ])
        expectDiagnostic(
            .illegalTransition, at: "leads/acme-platform.md", line: 11, column: 14, in: diagnostics,
            messageContains: ["CONVERTED is won and final"])
    }

    @Test func skippingStagesForwardIsAllowed() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WARM_LEAD, date: 2026-10-05}
            ---
            """,
        ])
        expectNoDiagnostics(diagnostics)
    }

    @Test func aClosedLeadMayReopenAtAnOpenStage() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: WARM_LEAD, date: 2026-10-01}
              - {status: ARCHIVED, date: 2026-10-05}
              - {status: WAKING_UP, date: 2026-10-20}
            ---
            """,
        ])
        expectNoDiagnostics(diagnostics)
    }

    @Test func aClosedLeadCannotJumpStraightToWon() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "applications/acme-platform.md": """
            ---
            lead: "[[acme-platform]]"
            title: Platform Engineer
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: CONVERTED
            created: 2026-10-01
            application: "[[acme-platform]]"
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: ARCHIVED, date: 2026-10-05}
              - {status: CONVERTED, date: 2026-10-20}
            ---
            """,
        ])
        expectDiagnostic(
            .illegalTransition, at: "leads/acme-platform.md", line: 12, column: 14, in: diagnostics,
            messageContains: ["a closed lead cannot jump from ARCHIVED to CONVERTED"])
    }

    @Test func theLastHistoryEntryMustBeTheStatus() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WAKING_UP, date: 2026-10-05}
            ---
            """,
        ])
        expectDiagnostic(
            .historyMismatch, at: "leads/acme-platform.md", line: 10, column: 14, in: diagnostics,
            messageContains: ["the last history entry is WAKING_UP but status is WARM_LEAD"])
    }

    @Test func historyDatesMayNotDecrease() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-05}
              - {status: WAKING_UP, date: 2026-10-03}
            ---
            """,
        ])
        expectDiagnostic(
            .historyOrder, at: "leads/acme-platform.md", line: 10, column: 31, in: diagnostics,
            messageContains: ["history date 2026-10-03 is before the previous entry's 2026-10-05"])
    }

    @Test func historyMayNotStartBeforeTheLeadWasCreated() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-09-28}
              - {status: WAKING_UP, date: 2026-10-03}
            ---
            """,
        ])
        expectDiagnostic(
            .historyOrder, at: "leads/acme-platform.md", line: 9, column: 31, in: diagnostics,
            messageContains: ["history starts on 2026-09-28, before the lead was created on 2026-10-01"])
    }

    @Test func aWonLeadNeedsAnApplication() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: CONVERTED
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(
            .wonWithoutApplication, at: "leads/acme-platform.md", line: 6, column: 9, in: diagnostics,
            messageContains: ["lead is CONVERTED but has no 'application'"])
    }

    @Test func aSecuredReferralNeedsTheReferringContact() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: REFERRAL_SECURED
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(
            .referralWithoutContact, at: "leads/acme-platform.md", line: 6, column: 9, in: diagnostics,
            messageContains: ["a secured referral needs the person who refers you"])
    }

    @Test func aSalesLeadWithoutContactIsUnreachable() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: NOT_CONTACTED
            created: 2026-10-01
            pipeline: sales
            ---
            """,
        ])
        expectDiagnostic(
            .salesLeadUnreachable, at: "leads/acme-platform.md", line: 8, column: 11, in: diagnostics,
            messageContains: ["a sales lead needs a 'contact' with an email or a phone"])
    }

    @Test func aSalesLeadsContactNeedsAnEmailOrAPhone() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            linkedin: https://www.linkedin.com/in/ada-example
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: NOT_CONTACTED
            created: 2026-10-01
            pipeline: sales
            contact: "[[ada]]"
            ---
            """,
        ])
        expectDiagnostic(
            .salesLeadUnreachable, at: "leads/acme-platform.md", line: 9, column: 10, in: diagnostics,
            messageContains: ["sales lead's contact 'ada' has no email or phone; add one to content/contacts/ada.md"])
    }

    @Test func aSalesLeadWithAPhoneOnlyContactIsReachable() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            phone: "+44 20 7946 0000"
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: NOT_CONTACTED
            created: 2026-10-01
            pipeline: sales
            contact: "[[ada]]"
            ---
            """,
        ])
        expectNoDiagnostics(diagnostics)
    }
}
