import Testing

@testable import LeadKit

/// Silence: days since the last interaction on or before the as-of date (2026-11-23), or since `created`
/// without one. It is what `no_recent_interaction` measures against `stale_after_days`.
@Suite struct SilenceAnalysisTests {
    @Test func silenceCountsFromTheLastInteractionOnOrBeforeTheAsOfDate() throws {
        let report = try report([
            "interactions/2026-11-01-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-01
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "interactions/2026-11-20-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-20T16:00
            type: PHONE_CALL
            summary: Talked about the team
            ---
            """,
            "interactions/2026-11-25-acme-platform-coffee.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-25
            type: MEETING
            summary: Coffee with Ada
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        let facts = try #require(report[lead: "acme-platform"])
        #expect(report.interactionID(facts.lastInteraction) == "2026-11-20-acme-platform-call")
        #expect(facts.silenceDays == 3)
    }

    @Test func anInteractionOnTheAsOfDateEndsTheSilence() throws {
        let report = try report([
            "interactions/2026-11-01-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-01
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "interactions/2026-11-23-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-23T18:30
            type: PHONE_CALL
            summary: Talked about the team
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        let facts = try #require(report[lead: "acme-platform"])
        #expect(report.interactionID(facts.lastInteraction) == "2026-11-23-acme-platform-call")
        #expect(facts.silenceDays == 0)
        #expect(facts.staleReasons == [])
    }

    @Test func withoutAnInteractionSilenceCountsFromCreated() throws {
        let report = try report([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-13
            ---
            """
        ])
        let facts = try #require(report[lead: "acme-platform"])
        #expect(facts.lastInteraction == nil)
        #expect(facts.silenceDays == 10)
        #expect(facts.staleReasons == [.noRecentInteraction, .unacknowledged])
    }

    @Test func aPlannedInteractionDoesNotEndTheSilence() throws {
        let report = try report([
            "interactions/2026-11-30-acme-platform-coffee.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-30
            type: MEETING
            summary: Coffee with Ada
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            ---
            """,
        ])
        let facts = try #require(report[lead: "acme-platform"])
        #expect(facts.lastInteraction == nil)
        #expect(facts.silenceDays == 22)
        // Planned contact already counts as acknowledging the lead: `unacknowledged` asks whether any
        // interaction is logged, whatever its date.
        #expect(facts.staleReasons == [.noRecentInteraction])
    }
}
