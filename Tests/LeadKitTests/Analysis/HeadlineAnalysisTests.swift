import Testing

@testable import LeadKit

/// The figures at the top of the dashboard, as of 2026-11-23.
@Suite struct HeadlineAnalysisTests {
    @Test func interactionsCountForTheLastSevenAndThirtyDaysIncludingToday() throws {
        let report = try report([
            "interactions/2026-11-24-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-24
            type: PHONE_CALL
            summary: Planned call
            ---
            """,
            "interactions/2026-11-23-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-23T17:00
            type: PHONE_CALL
            summary: Today's call
            ---
            """,
            "interactions/2026-11-17-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-17
            type: EMAIL
            summary: Six days ago
            ---
            """,
            "interactions/2026-11-16-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-16
            type: EMAIL
            summary: Seven days ago
            ---
            """,
            "interactions/2026-10-25-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-10-25
            type: EMAIL
            summary: Twenty-nine days ago
            ---
            """,
            "interactions/2026-10-24-acme-platform-email.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-10-24
            type: EMAIL
            summary: Thirty days ago
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
        // The last 7 days are 2026-11-17 to 2026-11-23; the last 30 start on 2026-10-25. Tomorrow's is not yet.
        #expect(report.headline.interactionsLast7Days == 2)
        #expect(report.headline.interactionsLast30Days == 4)
    }

    @Test func openLeadsCountByTemperatureAndWonOnesMakeTheConversionRate() throws {
        let report = try report([
            "applications/won-hot.md": """
            ---
            lead: "[[won-hot]]"
            title: Platform Engineer
            ---
            """,
            "leads/won-hot.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: CONVERTED
            created: 2026-10-01
            application: "[[won-hot]]"
            ---
            """,
            "leads/open-hot-1.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/open-hot-2.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            ---
            """,
            "leads/open-warm.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: WARM
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/archived-cold.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: ARCHIVED
            created: 2026-10-01
            ---
            """,
        ])
        let headline = report.headline
        #expect(headline.openLeads == 3)
        #expect(headline.openByTemperature == [.hot: 2, .warm: 1])
        #expect((headline.wonLeads, headline.totalLeads) == (1, 5))
        #expect(headline.conversionRate == 0.2)
    }

    @Test func withoutLeadsThereIsNoConversionRate() throws {
        let report = try report([:])
        #expect((report.headline.openLeads, report.headline.totalLeads) == (0, 0))
        #expect(report.headline.conversionRate == nil)
    }
}
