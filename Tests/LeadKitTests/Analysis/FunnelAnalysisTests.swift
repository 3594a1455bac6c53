import Testing

@testable import LeadKit

/// The funnel of each pipeline: how many leads reached each stage, how many of them went on, and how
/// long they stayed. The networking stages are DISCOVERY, WAKING_UP, WARM_LEAD, REFERRAL_SECURED, CONVERTED.
@Suite struct FunnelAnalysisTests {
    @Test func aForwardSkipCountsTheSkippedStagesAsReached() throws {
        let report = try report([
            "leads/skipper.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WARM_LEAD, date: 2026-10-05}
            ---
            """,
            "leads/newcomer.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            ---
            """,
        ])
        #expect(report[lead: "skipper"]?.reachedRank == 2)
        #expect(report.funnel(of: "networking").map(\.reached) == [2, 1, 1, 0, 0])
    }

    @Test func aReopenedLeadKeepsTheFurthestStageItReached() throws {
        let report = try report([
            "leads/reopened.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WARM_LEAD, date: 2026-10-05}
              - {status: ARCHIVED, date: 2026-10-10}
              - {status: WAKING_UP, date: 2026-11-01}
            ---
            """
        ])
        let facts = try #require(report[lead: "reopened"])
        #expect((facts.isOpen, facts.reachedRank) == (true, 2))
        #expect(report.funnel(of: "networking").map(\.reached) == [1, 1, 1, 0, 0])
    }

    @Test func aClosedLeadWithoutHistoryCountsOnlyAtTheFirstStage() throws {
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
            created: 2026-10-01
            application: "[[won-lead]]"
            ---
            """,
            "leads/archived-lead.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: COLD
            status: ARCHIVED
            created: 2026-10-01
            ---
            """,
        ])
        // A won lead without history has passed every stage; an archived one is only known to have started.
        #expect(report[lead: "archived-lead"]?.reachedRank == 0)
        #expect(report[lead: "won-lead"]?.reachedRank == 4)
        #expect(report.funnel(of: "networking").map(\.reached) == [2, 1, 1, 1, 1])
    }

    @Test func aLeadWhoseStatusAndHistoryNameNoStageIsLeftOutOfTheFunnel() throws {
        let content = try check([
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
            "leads/orbit-data.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: ONBOARDING
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(.invalidValue, at: "leads/orbit-data.md", line: 6, column: 9, in: content.diagnostics)
        let report = ReportAnalyzer(content: content, asOf: ContentFolder.asOf).analyze()
        #expect(report.funnel(of: "networking").map(\.reached) == [1, 0, 0, 0, 0])
    }

    @Test func conversionToNextIsTheShareOfAStageThatReachedTheNext() throws {
        let report = try report([
            "leads/discovery.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/waking-up-1.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            ---
            """,
            "leads/waking-up-2.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            ---
            """,
            "leads/warm-lead.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            ---
            """,
        ])
        let networking = report.funnel(of: "networking")
        #expect(networking.map(\.status) == ["DISCOVERY", "WAKING_UP", "WARM_LEAD", "REFERRAL_SECURED", "CONVERTED"])
        #expect(networking.map(\.reached) == [4, 3, 1, 0, 0])
        // Nobody went on from WARM_LEAD: 0. Nobody reached REFERRAL_SECURED: no share. CONVERTED is last.
        #expect(networking.map(\.conversionToNext) == [0.75, 1.0 / 3.0, 0.0, nil, nil])
        // The sales pipeline has no leads: every stage is there, reached by none.
        #expect(report.funnel(of: "sales").map(\.reached) == [0, 0, 0, 0])
        #expect(report.funnel(of: "sales").map(\.conversionToNext) == [nil, nil, nil, nil])
    }

    @Test func medianDaysInStageIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() throws {
        let report = try report([
            "leads/quick.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WAKING_UP, date: 2026-10-03}
              - {status: WARM_LEAD, date: 2026-10-04}
            ---
            """,
            "leads/steady.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WAKING_UP, date: 2026-10-05}
              - {status: WARM_LEAD, date: 2026-10-15}
            ---
            """,
            "leads/slow.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            history:
              - {status: DISCOVERY, date: 2026-10-01}
              - {status: WAKING_UP, date: 2026-10-10}
            ---
            """,
        ])
        // DISCOVERY lasted 2, 4 and 9 days; WAKING_UP 1 and 10 (slow is still in it, so it has no duration yet).
        #expect(report.funnel(of: "networking").map(\.medianDaysInStage) == [4.0, 5.5, nil, nil, nil])
    }

    @Test func aStageLeftOnTheDayItWasEnteredLastsZeroDays() throws {
        let report = try report([
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
              - {status: WAKING_UP, date: 2026-10-01}
            ---
            """
        ])
        #expect(report.funnel(of: "networking").map(\.medianDaysInStage) == [0.0, nil, nil, nil, nil])
    }

    @Test func eachSourceHasAFunnelPerPipeline() throws {
        let report = try report([
            "contacts/ada.md": Valid.contact,
            "leads/referral-discovery.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
            "leads/referral-waking-up.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: WAKING_UP
            created: 2026-10-01
            ---
            """,
            "leads/linkedin-warm-lead.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: LINKEDIN
            temperature: HOT
            status: WARM_LEAD
            created: 2026-10-01
            ---
            """,
            "leads/event-sale.md": """
            ---
            role: Consulting
            company: Acme
            source: EVENT
            temperature: WARM
            status: CONTACTED
            pipeline: sales
            contact: "[[ada]]"
            created: 2026-10-01
            ---
            """,
        ])
        let funnels = report.funnelBySource.map { "\($0.pipeline)/\($0.source): \($0.reached)" }
        #expect(
            funnels == [
                "networking/LINKEDIN: [1, 1, 1, 0, 0]",
                "networking/REFERRAL: [2, 1, 0, 0, 0]",
                "sales/EVENT: [1, 1, 0, 0]",
            ])
    }
}
