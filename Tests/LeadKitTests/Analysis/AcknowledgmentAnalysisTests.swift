import Testing

@testable import LeadKit

/// `unacknowledged`: an open lead with no interaction logged more than `acknowledge_within_hours` (24)
/// after it was created. Dates count as midnight, so a lead created the day before the as-of date
/// (2026-11-23) is exactly 24 hours old, and one created two days before is 48 hours old.
@Suite struct AcknowledgmentAnalysisTests {
    @Test func aLeadCreatedYesterdayIsAtTwentyFourHoursAndNotYetUnacknowledged() throws {
        let report = try report([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-22
            ---
            """
        ])
        #expect(report[lead: "acme-platform"]?.staleReasons == [])
        #expect(report.stale == [])
    }

    @Test func aLeadCreatedTwoDaysAgoIsUnacknowledged() throws {
        let report = try report([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-21
            ---
            """
        ])
        #expect(report[lead: "acme-platform"]?.staleReasons == [.unacknowledged])
        #expect(report.ids(report.stale) == ["acme-platform"])
    }

    @Test func aWindowOfTwentyThreeHoursHasPassedForALeadCreatedYesterday() throws {
        let report = try report([
            "config.yml": """
            acknowledge_within_hours: 23
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-22
            ---
            """,
        ])
        #expect(report[lead: "acme-platform"]?.staleReasons == [.unacknowledged])
    }

    @Test func aWindowOfTwentyFiveHoursIsStillOpenForALeadCreatedYesterday() throws {
        let report = try report([
            "config.yml": """
            acknowledge_within_hours: 25
            """,
            "leads/created-yesterday.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-22
            ---
            """,
            "leads/created-two-days-ago.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-21
            ---
            """,
        ])
        #expect(report[lead: "created-yesterday"]?.staleReasons == [])
        #expect(report[lead: "created-two-days-ago"]?.staleReasons == [.unacknowledged])
    }

    @Test func anyInteractionAcknowledgesALead() throws {
        let report = try report([
            "interactions/2026-11-02-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-02
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-11-01
            ---
            """,
        ])
        #expect(report[lead: "acme-platform"]?.silenceDays == 21)
        #expect(report[lead: "acme-platform"]?.staleReasons == [])
    }

    @Test func closedAndWonLeadsAreNeverStale() throws {
        let report = try report([
            "applications/won-lead.md": """
            ---
            lead: "[[won-lead]]"
            title: Platform Engineer
            ---
            """,
            "leads/won-lead.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: CONVERTED
            created: 2026-08-01
            application: "[[won-lead]]"
            next_follow_up: 2026-11-01
            ---
            """,
            "leads/archived-lead.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: ARCHIVED
            created: 2026-08-01
            next_follow_up: 2026-11-01
            ---
            """,
        ])
        // Silent since August, never acknowledged, follow-up three weeks ago: none of it makes a closed
        // lead stale. A won lead's old follow-up is done; a closed one's stays on the agenda.
        let won = try #require(report[lead: "won-lead"])
        let archived = try #require(report[lead: "archived-lead"])
        #expect((won.isOpen, won.isWon, won.staleReasons, won.agendaBucket) == (false, true, [], nil))
        #expect((archived.isOpen, archived.isWon, archived.staleReasons) == (false, false, []))
        #expect(archived.agendaBucket == .overdue)
        #expect(report.stale == [])
        #expect(report.ids(report.agenda) == ["archived-lead"])
    }
}
