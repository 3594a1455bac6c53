import Testing

@testable import LeadKit

/// `no_recent_interaction`: an open lead silent for more than its temperature's `stale_after_days`
/// (HOT 7, WARM 14, COLD 30). Silence counts from the last interaction on or before the as-of date
/// (2026-11-23), or from `created` without one.
@Suite struct StaleAnalysisTests {
    @Test func aHotLeadIsStaleAfterSevenDaysOfSilence() throws {
        let report = try report([
            "interactions/2026-11-16-silent-7-days-email.md": """
            ---
            lead: "[[silent-7-days]]"
            date: 2026-11-16
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "interactions/2026-11-15-silent-8-days-email.md": """
            ---
            lead: "[[silent-8-days]]"
            date: 2026-11-15
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "leads/silent-7-days.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/silent-8-days.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        #expect(report[lead: "silent-7-days"]?.silenceDays == 7)
        #expect(report[lead: "silent-7-days"]?.staleReasons == [])
        #expect(report[lead: "silent-8-days"]?.silenceDays == 8)
        #expect(report[lead: "silent-8-days"]?.staleReasons == [.noRecentInteraction])
        #expect(report.ids(report.stale) == ["silent-8-days"])
    }

    @Test func aWarmLeadIsStaleAfterFourteenDaysOfSilence() throws {
        let report = try report([
            "interactions/2026-11-09-silent-14-days-email.md": """
            ---
            lead: "[[silent-14-days]]"
            date: 2026-11-09
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "interactions/2026-11-08-silent-15-days-email.md": """
            ---
            lead: "[[silent-15-days]]"
            date: 2026-11-08
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "leads/silent-14-days.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: WARM
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/silent-15-days.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: WARM
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        #expect(report[lead: "silent-14-days"]?.silenceDays == 14)
        #expect(report[lead: "silent-14-days"]?.staleReasons == [])
        #expect(report[lead: "silent-15-days"]?.silenceDays == 15)
        #expect(report[lead: "silent-15-days"]?.staleReasons == [.noRecentInteraction])
    }

    @Test func aColdLeadIsStaleAfterThirtyDaysOfSilence() throws {
        let report = try report([
            "interactions/2026-10-24-silent-30-days-email.md": """
            ---
            lead: "[[silent-30-days]]"
            date: 2026-10-24
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "interactions/2026-10-23-silent-31-days-email.md": """
            ---
            lead: "[[silent-31-days]]"
            date: 2026-10-23
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "leads/silent-30-days.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/silent-31-days.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        #expect(report[lead: "silent-30-days"]?.silenceDays == 30)
        #expect(report[lead: "silent-30-days"]?.staleReasons == [])
        #expect(report[lead: "silent-31-days"]?.silenceDays == 31)
        #expect(report[lead: "silent-31-days"]?.staleReasons == [.noRecentInteraction])
    }

    @Test func configSetsTheThresholdOfOneTemperatureAndKeepsTheOthers() throws {
        let report = try report([
            "config.yml": """
            stale_after_days: {HOT: 3}
            """,
            "interactions/2026-11-20-silent-3-days-email.md": """
            ---
            lead: "[[silent-3-days]]"
            date: 2026-11-20
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "interactions/2026-11-19-silent-4-days-email.md": """
            ---
            lead: "[[silent-4-days]]"
            date: 2026-11-19
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "interactions/2026-11-19-warm-silent-4-days-email.md": """
            ---
            lead: "[[warm-silent-4-days]]"
            date: 2026-11-19
            type: EMAIL
            summary: Sent my CV
            ---
            """,
            "leads/silent-3-days.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/silent-4-days.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/warm-silent-4-days.md": """
            ---
            role: Site Reliability Engineer
            company: Lumen
            source: REFERRAL
            temperature: WARM
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        #expect(report[lead: "silent-3-days"]?.staleReasons == [])
        #expect(report[lead: "silent-4-days"]?.staleReasons == [.noRecentInteraction])
        #expect(report[lead: "warm-silent-4-days"]?.staleReasons == [], "WARM keeps its 14 days")
    }

    @Test func staleLeadsAreOrderedHotFirstThenByLongestSilenceThenById() throws {
        // No interactions: every lead is unacknowledged and silent since it was created.
        let report = try report([
            "leads/cold-quiet.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-09-01
            ---
            """,
            "leads/warm-quiet.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: WARM
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/hot-b.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-13
            ---
            """,
            "leads/hot-a.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-13
            ---
            """,
            "leads/hot-longest.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-03
            ---
            """,
        ])
        #expect(report.ids(report.stale) == ["hot-longest", "hot-a", "hot-b", "warm-quiet", "cold-quiet"])
    }
}
