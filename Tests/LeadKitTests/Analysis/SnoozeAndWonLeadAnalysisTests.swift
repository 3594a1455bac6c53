import Testing

@testable import LeadKit

/// Follow-ups once a lead has an answer, as of 2026-11-23: a follow-up set for later snoozes the
/// silence; a won lead's follow-up is done (its card shows how the win went); a lost lead's follow-up
/// ("check back in the new year") stays on the agenda without making the lead stale.
@Suite struct SnoozeAndWonLeadAnalysisTests {
    static func silentLead(followUp: String?) -> String {
        """
        ---
        role: Head of Data
        company: Globex
        source: LINKEDIN
        temperature: WARM
        pipeline: recruiting
        status: CONTACTED
        created: 2026-10-14
        \(followUp.map { "next_follow_up: \($0)\n" } ?? "")---

        """
    }

    /// Forty days after it was created, without an interaction logged.
    @Test func aFollowUpSetForLaterSnoozesTheSilenceButNotTheAcknowledgment() throws {
        let report = try report([
            "leads/snoozed.md": Self.silentLead(followUp: "2026-11-24"),
            "leads/silent.md": Self.silentLead(followUp: nil),
        ])
        #expect(report[lead: "snoozed"]?.silenceDays == 40)
        #expect(report[lead: "snoozed"]?.isSnoozed == true)
        #expect(report[lead: "snoozed"]?.staleReasons == [.unacknowledged])
        #expect(report[lead: "snoozed"]?.agendaBucket == .next7Days)
        #expect(report[lead: "silent"]?.isSnoozed == false)
        #expect(report[lead: "silent"]?.staleReasons == [.noRecentInteraction, .unacknowledged])
    }

    /// A follow-up today or already past snoozes nothing.
    @Test func aFollowUpTodayDoesNotSnooze() throws {
        let report = try report(["leads/due-today.md": Self.silentLead(followUp: "2026-11-23")])
        #expect(report[lead: "due-today"]?.isSnoozed == false)
        #expect(report[lead: "due-today"]?.staleReasons == [.noRecentInteraction, .unacknowledged])
    }

    @Test func aWonLeadsPastFollowUpLeavesTheAgendaALostLeadsStays() throws {
        let report = try report([
            "leads/won.md": jobOrderLead("won", followUp: "2026-11-20"),
            "jobs/won.md": jobFile("won", milestones: ["{name: CVS_RECEIVED, date: 2026-11-20}"]),
            "leads/lost.md": """
            ---
            role: CTO
            company: Hooli
            source: LINKEDIN
            temperature: WARM
            pipeline: recruiting
            status: LOST
            created: 2026-09-01
            next_follow_up: 2026-11-20
            lost_reason: Budget cut
            ---
            """,
        ])
        #expect(report[lead: "won"]?.agendaBucket == nil)
        #expect(report[lead: "lost"]?.agendaBucket == .overdue)
        #expect(report.ids(report.agenda) == ["lost"])
        #expect(report.stale == [], "neither is open, so neither is stale")
        #expect(report.ids(report.followUps) == ["lost"], "the calendar has the lost lead's check-back only")
    }

    /// "Check back in January": the calendar has the event from the day it is set, not only in its
    /// last week, as it has an open lead's.
    @Test func aLostLeadsCheckBackIsInTheCalendarAheadOfTime() throws {
        let files = [
            "leads/hooli-cfo.md": """
            ---
            role: CFO
            company: Hooli
            source: LINKEDIN
            temperature: WARM
            pipeline: recruiting
            status: LOST
            created: 2026-09-01
            next_follow_up: 2027-01-11
            lost_reason: Budget frozen until January
            ---
            """
        ]
        let report = try report(files)
        #expect(report[lead: "hooli-cfo"]?.agendaBucket == nil, "not due this week")
        #expect(report.ids(report.followUps) == ["hooli-cfo"])
        let calendar = try ContentFolder(files).build().files["follow-ups.ics"] ?? ""
        #expect(calendar.contains("SUMMARY:Follow up: CFO · Hooli"), "\(calendar)")
    }

    static let boardFiles = [
        "leads/interviewing.md": jobOrderLead("interviewing", followUp: "2026-11-20"),
        "jobs/interviewing.md": jobFile(
            "interviewing",
            milestones: ["{name: CVS_RECEIVED, date: 2026-11-16}", "{name: INTERVIEWS_BOOKED, date: 2026-11-20}"]),
        "leads/placed.md": jobOrderLead("placed"),
        "jobs/placed.md": jobFile("placed", milestones: ["{name: START_DATE, date: 2026-11-16}"]),
        "leads/just-signed.md": jobOrderLead("just-signed"),
        "jobs/just-signed.md": "---\nlead: \"[[just-signed]]\"\ntitle: Engineer\nopened: 2026-11-20\n---\n",
        "leads/initech-support.md": """
        ---
        role: Support contract
        company: "[[initech]]"
        source: REFERRAL
        temperature: WARM
        pipeline: sales
        status: CONVERTED
        created: 2026-10-01
        contact: "[[bill-lumbergh]]"
        client: "[[initech]]"
        ---
        """,
        "companies/initech.md": "---\nname: Initech\nclient_since: 2026-11-02\n---\n",
        "contacts/bill-lumbergh.md": "---\nname: Bill Lumbergh\nemail: bill@initech.example\n---\n",
    ]

    /// A won card says how far the job got (its furthest milestone and its day), how it ended, or which
    /// client the lead became; never a follow-up.
    @Test func aWonCardShowsTheFurthestMilestoneOrTheClient() throws {
        let report = try report(Self.boardFiles)
        let builder = PageBuilder(report: report)
        func card(_ id: String) -> LeadCard? {
            report.records.leads.firstIndex { $0.id == id }.map { builder.card($0, depth: 0) }
        }
        #expect(card("interviewing")?.outcome == "Interviews booked, Fri 20 Nov 2026")
        #expect(card("interviewing")?.nextFollowUp == nil)
        #expect(card("placed")?.outcome == "Filled")
        #expect(card("just-signed")?.outcome == "No milestone yet")
        #expect(card("initech-support")?.outcome == "Client: Initech")

        let board = try ContentFolder(Self.boardFiles).build().page("board.html")
        for outcome in ["Interviews booked, Fri 20 Nov 2026", "Filled", "No milestone yet", "Client: Initech"] {
            #expect(board.contains("<p class=\"card-outcome\">\(outcome)</p>"), "\(outcome)")
        }
        #expect(!board.contains(">Follow up "), "a won card has no follow-up")
    }
}
