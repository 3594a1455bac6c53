import Testing

@testable import LeadKit

/// Agenda buckets of an open lead's `next_follow_up`, as of 2026-11-23: before that day `overdue`
/// (and stale with `overdue_follow_up`), on it `today`, up to seven days after it `next_7_days`.
/// Each lead here had a call three days ago, so the follow-up is all that can make it stale.
@Suite struct AgendaAnalysisTests {
    @Test func aFollowUpYesterdayIsOverdue() throws {
        let report = try report([
            "interactions/2026-11-20-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-20
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
            created: 2026-11-01
            next_follow_up: 2026-11-22
            ---
            """,
        ])
        #expect(report[lead: "acme-platform"]?.agendaBucket == .overdue)
        #expect(report[lead: "acme-platform"]?.staleReasons == [.overdueFollowUp])
        #expect(report.ids(report.agenda) == ["acme-platform"])
        #expect(report.ids(report.stale) == ["acme-platform"])
    }

    @Test func aFollowUpTodayIsDueTodayAndNotOverdue() throws {
        let report = try report([
            "interactions/2026-11-20-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-11-20
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
            created: 2026-11-01
            next_follow_up: 2026-11-23
            ---
            """,
        ])
        #expect(report[lead: "acme-platform"]?.agendaBucket == .today)
        #expect(report[lead: "acme-platform"]?.staleReasons == [])
        #expect(report.ids(report.agenda) == ["acme-platform"])
        #expect(report.stale == [])
    }

    @Test func theAgendaLooksSevenDaysAhead() throws {
        let report = try report([
            "interactions/2026-11-20-due-in-7-days-call.md": """
            ---
            lead: "[[due-in-7-days]]"
            date: 2026-11-20
            type: PHONE_CALL
            summary: Talked about the team
            ---
            """,
            "interactions/2026-11-20-due-in-8-days-call.md": """
            ---
            lead: "[[due-in-8-days]]"
            date: 2026-11-20
            type: PHONE_CALL
            summary: Talked about the team
            ---
            """,
            "leads/due-in-7-days.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-30
            ---
            """,
            "leads/due-in-8-days.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-12-01
            ---
            """,
        ])
        #expect(report[lead: "due-in-7-days"]?.agendaBucket == .next7Days)
        #expect(report[lead: "due-in-8-days"]?.agendaBucket == nil)
        #expect(report[lead: "due-in-8-days"]?.staleReasons == [])
        #expect(report.ids(report.agenda) == ["due-in-7-days"])
    }

    @Test func aFollowUpWithATimeCountsByItsDay() throws {
        // Only the follow-up matters here; these leads are stale for their silence too.
        let report = try report([
            "leads/late-last-night.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-22T23:59
            ---
            """,
            "leads/at-midnight.md": """
            ---
            role: Data Engineer
            company: Orbit
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-23T00:00
            ---
            """,
            "leads/late-in-7-days.md": """
            ---
            role: Site Reliability Engineer
            company: Lumen
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-30T23:59
            ---
            """,
            "leads/early-in-8-days.md": """
            ---
            role: Backend Engineer
            company: Corner Shop
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-12-01T00:00
            ---
            """,
        ])
        #expect(report[lead: "late-last-night"]?.agendaBucket == .overdue)
        #expect(report[lead: "late-last-night"]?.staleReasons.contains(.overdueFollowUp) == true)
        #expect(report[lead: "at-midnight"]?.agendaBucket == .today)
        #expect(report[lead: "at-midnight"]?.staleReasons.contains(.overdueFollowUp) == false)
        #expect(report[lead: "late-in-7-days"]?.agendaBucket == .next7Days)
        #expect(report[lead: "early-in-8-days"]?.agendaBucket == nil)
    }

    /// A closed lead's follow-up is a deliberate "check back later": it stays on the agenda (and in the
    /// calendar), but the lead is not stale.
    @Test func aClosedLeadKeepsItsFollowUpOnTheAgenda() throws {
        let report = try report([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: ARCHIVED
            created: 2026-11-01
            next_follow_up: 2026-11-23
            ---
            """
        ])
        #expect(report[lead: "acme-platform"]?.agendaBucket == .today)
        #expect(report.ids(report.agenda) == ["acme-platform"])
        #expect(report.stale == [])
    }

    @Test func theAgendaIsOrderedEarliestFirstThenById() throws {
        let report = try report([
            "leads/b-lead.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-24
            ---
            """,
            "leads/a-lead.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-24
            ---
            """,
            "leads/at-four.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-24T16:00
            ---
            """,
            "leads/at-nine.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-24T09:00
            ---
            """,
            "leads/overdue.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: COLD
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-20
            ---
            """,
            "leads/next-week.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-30
            ---
            """,
        ])
        // A follow-up without a time comes before the timed ones of its day; temperature plays no part.
        #expect(report.ids(report.agenda) == ["overdue", "a-lead", "b-lead", "at-nine", "at-four", "next-week"])
    }
}
