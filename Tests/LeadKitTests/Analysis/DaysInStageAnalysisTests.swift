import Testing

@testable import LeadKit

/// How long a lead has been at its status: from the history entry that entered it, else from `created`.
@Suite struct DaysInStageAnalysisTests {
    @Test func daysInStageCountFromTheHistoryEntryThatEnteredTheStatus() throws {
        let report = try report([
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WAKING_UP, date: 2026-10-06}
              - {status: WARM_LEAD, date: 2026-11-13}
            ---
            """,
        ])
        #expect(report[lead: "acme-platform"]?.daysInStage == 10)
    }

    @Test func withoutHistoryDaysInStageCountFromCreated() throws {
        let report = try report([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-20
            ---
            """
        ])
        #expect(report[lead: "acme-platform"]?.daysInStage == 3)
    }

    @Test func aReopenedLeadCountsFromItsReopening() throws {
        let report = try report([
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WAKING_UP, date: 2026-10-05}
              - {status: ARCHIVED, date: 2026-10-10}
              - {status: WAKING_UP, date: 2026-11-18}
            ---
            """,
        ])
        // Not 49 days from the first time it was WAKING_UP.
        #expect(report[lead: "acme-platform"]?.daysInStage == 5)
    }

    @Test func aStageEnteredOnTheAsOfDateHasZeroDays() throws {
        let report = try report([
            "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WAKING_UP, date: 2026-11-23}
            ---
            """,
        ])
        #expect(report[lead: "acme-platform"]?.daysInStage == 0)
    }

    @Test func daysInStageAreNeverNegative() throws {
        let report = try report([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-25
            ---
            """,
            "leads/orbit-data.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: WARM
            status: WAKING_UP
            created: 2026-11-20
            history:
              - {status: DISCOVERY, date: 2026-11-20}
              - {status: WAKING_UP, date: 2026-11-26}
            ---
            """,
        ])
        // Created two days after the as-of date; entered WAKING_UP three days after it.
        #expect(report[lead: "acme-platform"]?.daysInStage == 0)
        #expect(report[lead: "orbit-data"]?.daysInStage == 0)
    }
}
