import Testing

@testable import LeadKit

/// A recruiting lead won into the job `id` (`jobs/<id>.md`), for tests about the job.
func jobOrderLead(_ id: String, followUp: String? = nil) -> String {
    """
    ---
    role: Engineer
    company: Globex
    source: LINKEDIN
    temperature: WARM
    pipeline: recruiting
    status: JOB_ORDER
    created: 2026-09-01
    job: "[[\(id)]]"
    \(followUp.map { "next_follow_up: \($0)\n" } ?? "")---

    """
}

/// A job opened on `opened` with `milestones`, each a flow mapping such as
/// `{name: START_DATE, date: 2026-11-30}`.
func jobFile(_ lead: String, opened: String = "2026-10-01", milestones: [String], extra: String = "") -> String {
    """
    ---
    lead: "[[\(lead)]]"
    title: Engineer
    opened: \(opened)
    \(extra)milestones:
    \(milestones.map { "  - " + $0 }.joined(separator: "\n"))
    ---

    """
}

/// Milestones on the agenda, as of 2026-11-23: a step booked up to seven days ahead (`next_7_days`),
/// and a decision point reached without an answer (`today` on its day, `overdue` after it). Only open
/// jobs and applications have milestones on the agenda.
@Suite struct MilestoneAgendaAnalysisTests {
    /// `record milestone date bucket`, as the agenda lists them.
    static func due(_ report: Report) -> [String] {
        report.milestonesDue.map { "\($0.record) \($0.step.code) \($0.date) \($0.bucket.rawValue)" }
    }

    @Test func aStepBookedSevenDaysAheadIsOnTheAgendaEightDaysAheadIsNot() throws {
        let report = try report([
            "leads/starts-in-7-days.md": jobOrderLead("starts-in-7-days"),
            "jobs/starts-in-7-days.md": jobFile(
                "starts-in-7-days",
                milestones: ["{name: RESIGNATION, date: 2026-11-20}", "{name: START_DATE, date: 2026-11-30}"]),
            "leads/starts-in-8-days.md": jobOrderLead("starts-in-8-days"),
            "jobs/starts-in-8-days.md": jobFile(
                "starts-in-8-days",
                milestones: ["{name: RESIGNATION, date: 2026-11-20}", "{name: START_DATE, date: 2026-12-01}"]),
        ])
        #expect(Self.due(report) == ["starts-in-7-days START_DATE 2026-11-30 next_7_days"])
        #expect(report.milestonesDue.first?.action == "Call on the day to confirm the start")
        #expect(
            report.milestonesDue.first.flatMap { $0.lead.map { report.records.leads[$0].id } } == "starts-in-7-days")
        // Booked, so neither is "next" by the checklist's order alone.
        #expect(report.jobs.map(\.next?.code) == ["START_DATE", "START_DATE"])
        #expect(report.jobs.map { $0.nextDue?.description } == ["2026-11-30", "2026-12-01"])
    }

    @Test func aDecisionPointWithoutAnAnswerIsDueOnItsDayAndOverdueAfter() throws {
        let report = try report([
            "leads/undecided-yesterday.md": jobOrderLead("undecided-yesterday"),
            "jobs/undecided-yesterday.md": jobFile(
                "undecided-yesterday", milestones: ["{name: DECISION_CONTENDER, date: 2026-11-22}"]),
            "leads/undecided-today.md": jobOrderLead("undecided-today"),
            "jobs/undecided-today.md": jobFile(
                "undecided-today", milestones: ["{name: DECISION_OFFER, date: 2026-11-23}"]),
            "leads/answered-yesterday.md": jobOrderLead("answered-yesterday"),
            "jobs/answered-yesterday.md": jobFile(
                "answered-yesterday", milestones: ["{name: DECISION_CONTENDER, date: 2026-11-22, outcome: YES}"]),
        ])
        #expect(
            Self.due(report) == [
                "undecided-yesterday DECISION_CONTENDER 2026-11-22 overdue",
                "undecided-today DECISION_OFFER 2026-11-23 today",
            ])
        #expect(
            report.milestonesDue.map(\.action) == Array(repeating: "Record the decision: outcome YES or NO", count: 2))
        let undecided = Dictionary(
            uniqueKeysWithValues: report.jobs.map { ($0.id, $0.undecided.map(\.milestone.value)) })
        #expect(
            undecided == [
                "undecided-yesterday": ["DECISION_CONTENDER"], "undecided-today": ["DECISION_OFFER"],
                "answered-yesterday": [],
            ])
    }

    /// A placement that started is filled, and its probation review still comes up on the agenda.
    @Test func aFilledPlacementsProbationReviewIsOnTheAgenda() throws {
        let report = try report([
            "leads/placed.md": jobOrderLead("placed"),
            "jobs/placed.md": jobFile(
                "placed",
                milestones: ["{name: START_DATE, date: 2026-08-31}", "{name: PROBATION_COMPLETED, date: 2026-11-30}"]),
        ])
        #expect(report.jobs.map(\.state) == [.filled])
        #expect(report.jobs.first?.next?.code == "PROBATION_COMPLETED")
        #expect(Self.due(report) == ["placed PROBATION_COMPLETED 2026-11-30 next_7_days"])
        #expect(report.stalled.isEmpty, "a filled placement waiting for its probation is not stale")
    }

    @Test func aClosedJobHasNothingOnTheAgenda() throws {
        let report = try report([
            "leads/cancelled.md": jobOrderLead("cancelled"),
            "jobs/cancelled.md": jobFile(
                "cancelled",
                milestones: ["{name: DECISION_CONTENDER, date: 2026-11-22}", "{name: START_DATE, date: 2026-11-25}"],
                extra: "outcome: CANCELLED\nclosed: 2026-11-22\n"),
        ])
        #expect(report.jobs.map(\.state) == [.cancelled])
        #expect(report.milestonesDue.isEmpty)
        #expect(report.stalled.isEmpty)
    }

    @Test func reportJSONListsMilestonesAfterTheFollowUpsOfTheirDay() throws {
        let site = try ContentFolder([
            "leads/starts-soon.md": jobOrderLead("starts-soon"),
            "jobs/starts-soon.md": jobFile("starts-soon", milestones: ["{name: START_DATE, date: 2026-11-25}"]),
            "leads/undecided.md": jobOrderLead("undecided"),
            "jobs/undecided.md": jobFile("undecided", milestones: ["{name: DECISION_OFFER, date: 2026-11-20}"]),
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-11-20
            next_follow_up: 2026-11-25
            ---
            """,
        ]).build()
        let agenda = try #require(try site.reportJSON()["agenda"] as? [[String: String]])
        #expect(
            agenda == [
                [
                    "kind": "milestone", "lead": "undecided", "due": "2026-11-20", "bucket": "overdue",
                    "record": "undecided", "milestone": "DECISION_OFFER",
                ],
                ["kind": "follow_up", "lead": "acme-platform", "due": "2026-11-25", "bucket": "next_7_days"],
                [
                    "kind": "milestone", "lead": "starts-soon", "due": "2026-11-25", "bucket": "next_7_days",
                    "record": "starts-soon", "milestone": "START_DATE",
                ],
            ])
        let page = site.page("agenda.html")
        #expect(page.contains("Record the decision: outcome YES or NO"))
        #expect(page.contains("Call on the day to confirm the start"))
        #expect(page.contains("href=\"jobs/starts-soon.html\""))
    }
}
