import Testing

@testable import LeadKit

/// Leads created and converted per month and per quarter: created by `created`, converted by the date of
/// the history entry that reached the won stage.
@Suite struct HistoryAnalysisTests {
    @Test func leadsCountInTheMonthAndQuarterOfTheirDay() throws {
        let report = try report([
            "applications/june-lead.md": """
            ---
            lead: "[[june-lead]]"
            title: Platform Engineer
            ---
            """,
            "applications/october-lead.md": """
            ---
            lead: "[[october-lead]]"
            title: Data Engineer
            ---
            """,
            "leads/june-lead.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: CONVERTED
            created: 2026-06-30
            application: "[[june-lead]]"
            history:
              - {status: DISCOVERY, date: 2026-06-30}
              - {status: CONVERTED, date: 2026-07-01}
            ---
            """,
            "leads/september-lead.md": """
            ---
            role: Site Reliability Engineer
            company: Lumen
            source: REFERRAL
            temperature: WARM
            status: DISCOVERY
            created: 2026-09-30
            ---
            """,
            "leads/october-lead.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: CONVERTED
            created: 2026-10-01
            application: "[[october-lead]]"
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: CONVERTED, date: 2026-10-31}
            ---
            """,
        ])
        #expect(report[lead: "june-lead"]?.wonOn == Day(parsing: "2026-07-01"))
        let periods = report.history.map { "\($0.period): \($0.created) created, \($0.converted) converted" }
        #expect(
            periods == [
                "2026-06: 1 created, 0 converted",
                "2026-07: 0 created, 1 converted",
                "2026-09: 1 created, 0 converted",
                "2026-10: 1 created, 1 converted",
                "2026-Q2: 1 created, 0 converted",
                "2026-Q3: 1 created, 1 converted",
                "2026-Q4: 1 created, 1 converted",
            ])
        #expect(report.history.map(\.isQuarter) == [false, false, false, false, true, true, true])
    }

    @Test func aWonLeadWithoutHistoryHasNoConversionPeriod() throws {
        let report = try report([
            "applications/acme-platform.md": """
            ---
            lead: "[[acme-platform]]"
            title: Platform Engineer
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: CONVERTED
            created: 2026-10-01
            application: "[[acme-platform]]"
            ---
            """,
        ])
        // It is won, and counts so in the headline, but history does not say when.
        #expect(report[lead: "acme-platform"]?.isWon == true)
        #expect(report[lead: "acme-platform"]?.wonOn == nil)
        #expect(report.headline.wonLeads == 1)
        let periods = report.history.map { "\($0.period): \($0.created) created, \($0.converted) converted" }
        #expect(periods == ["2026-10: 1 created, 0 converted", "2026-Q4: 1 created, 0 converted"])
    }
}
