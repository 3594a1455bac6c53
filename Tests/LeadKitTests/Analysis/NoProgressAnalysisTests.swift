import Testing

@testable import LeadKit

/// `no_progress`: an open job (or application) with no new milestone for more than 14 days and none
/// booked, counted from its newest milestone reached, else from the day it was opened; as of 2026-11-23.
@Suite struct NoProgressAnalysisTests {
    static func reasons(_ report: Report) -> [String: [StaleReason]] {
        Dictionary(uniqueKeysWithValues: report.jobs.map { ($0.id, $0.staleReasons) })
    }

    @Test func aJobIsStaleAfterFourteenDaysWithoutAMilestone() throws {
        let report = try report([
            "leads/quiet-14-days.md": jobOrderLead("quiet-14-days"),
            "jobs/quiet-14-days.md": jobFile(
                "quiet-14-days",
                milestones: ["{name: CVS_RECEIVED, date: 2026-10-20}", "{name: INTERVIEWS_BOOKED, date: 2026-11-09}"]),
            "leads/quiet-15-days.md": jobOrderLead("quiet-15-days"),
            "jobs/quiet-15-days.md": jobFile(
                "quiet-15-days",
                milestones: ["{name: CVS_RECEIVED, date: 2026-10-20}", "{name: INTERVIEWS_BOOKED, date: 2026-11-08}"]),
        ])
        #expect(Self.reasons(report) == ["quiet-14-days": [], "quiet-15-days": [.noProgress]])
        #expect(report.stalled.map(\.id) == ["quiet-15-days"])
        #expect(report.stalled.first?.lastProgress == Day(parsing: "2026-11-08"))
    }

    @Test func withoutMilestonesTheDayItWasOpenedCounts() throws {
        let report = try report([
            "leads/opened-14-days-ago.md": jobOrderLead("opened-14-days-ago"),
            "jobs/opened-14-days-ago.md":
                "---\nlead: \"[[opened-14-days-ago]]\"\ntitle: Engineer\nopened: 2026-11-09\n---\n",
            "leads/opened-15-days-ago.md": jobOrderLead("opened-15-days-ago"),
            "jobs/opened-15-days-ago.md":
                "---\nlead: \"[[opened-15-days-ago]]\"\ntitle: Engineer\nopened: 2026-11-08\n---\n",
        ])
        #expect(Self.reasons(report) == ["opened-14-days-ago": [], "opened-15-days-ago": [.noProgress]])
    }

    /// An interview booked for next month is progress on its way, however long ago the last step was.
    @Test func aBookedMilestoneKeepsAJobFromGoingStale() throws {
        let report = try report([
            "leads/booked.md": jobOrderLead("booked"),
            "jobs/booked.md": jobFile(
                "booked",
                milestones: ["{name: CVS_RECEIVED, date: 2026-10-01}", "{name: INTERVIEWS_ARRANGED, date: 2026-12-15}"]),
        ])
        #expect(Self.reasons(report) == ["booked": []])
        #expect(report.jobs.first?.lastProgress == Day(parsing: "2026-10-01"))
        #expect(report.jobs.first?.next?.code == "INTERVIEWS_ARRANGED")
        #expect(report.stalled.isEmpty)
    }

    @Test func aClosedOrFilledJobIsNeverStale() throws {
        let report = try report([
            "leads/filled.md": jobOrderLead("filled"),
            "jobs/filled.md": jobFile("filled", milestones: ["{name: START_DATE, date: 2026-09-01}"]),
            "leads/lost.md": jobOrderLead("lost"),
            "jobs/lost.md": jobFile(
                "lost", milestones: ["{name: CVS_RECEIVED, date: 2026-09-01}"],
                extra: "outcome: LOST\nclosed: 2026-09-10\n"),
        ])
        #expect(Self.reasons(report) == ["filled": [], "lost": []])
        #expect(report.jobs.map(\.state) == [.filled, .lost])
    }

    @Test func reportJSONNamesTheJobThatStoppedMoving() throws {
        let site = try ContentFolder([
            "leads/quiet.md": jobOrderLead("quiet"),
            "jobs/quiet.md": jobFile("quiet", milestones: ["{name: CVS_RECEIVED, date: 2026-11-01}"]),
        ]).build()
        let stale = try #require(try site.reportJSON()["stale"] as? [[String: Any]])
        #expect(stale.count == 1)
        #expect(stale.first?["record"] as? String == "quiet")
        #expect(stale.first?["lead"] as? String == "quiet")
        #expect(stale.first?["reasons"] as? [String] == ["no_progress"])
        let page = site.page("stale.html")
        #expect(page.contains("href=\"jobs/quiet.html\""))
    }
}
