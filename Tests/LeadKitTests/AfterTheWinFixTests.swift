import Foundation
import Testing

@testable import LeadKit

/// What a new user's trial of the recruiter, sales and job-seeker flows found, each pinned: dates out
/// of order are warned about, a decision recorded without its answer can be answered later, `convert`
/// refuses options its pipeline has no use for, and the numbers leave out what did not happen.
@Suite struct AfterTheWinFixTests {
    static let asOf = "2026-11-23"

    static let lead = """
        ---
        role: Head of Data
        company: Globex
        source: LINKEDIN
        temperature: HOT
        pipeline: recruiting
        status: JOB_ORDER
        created: 2026-10-20
        job: "[[globex]]"
        value: 20000
        history:
          - {status: OPPORTUNITY, date: 2026-10-20}
          - {status: JOB_ORDER, date: 2026-11-02}
        ---

        """

    static func job(_ milestones: [String], extra: String = "") -> String {
        "---\nlead: \"[[globex]]\"\ntitle: Head of Data\nopened: 2026-11-02\nmilestones:\n"
            + milestones.map { "  - \($0)\n" }.joined() + extra + "---\n"
    }

    static let call = "---\nlead: \"[[globex]]\"\ndate: 2026-11-05\ntype: PHONE_CALL\nsummary: Intro call\n---\n"

    @Test func milestonesOutOfOrderAreWarnedAboutWhereTheyAreWritten() throws {
        let diagnostics = try diagnostics([
            "leads/globex.md": Self.lead, "interactions/call.md": Self.call,
            "jobs/globex.md": Self.job(
                [
                    "{name: CVS_RECEIVED, date: 2026-10-01}", "{name: START_DATE, date: 2026-12-07}",
                    "{name: PROBATION_COMPLETED, date: 2026-11-20}",
                ], extra: "outcome: FILLED\nclosed: 2026-11-10\n"),
        ])
        #expect(
            diagnostics.map(\.formatted) == [
                "content/jobs/globex.md:6:32: warning: CVS_RECEIVED is dated 2026-10-01, before the job began on 2026-11-02 [milestone-order]",
                "content/jobs/globex.md:8:39: warning: PROBATION_COMPLETED is dated 2026-11-20, after the job was closed on 2026-11-10 [milestone-order]",
                "content/jobs/globex.md:8:39: warning: PROBATION_COMPLETED is dated 2026-11-20, before START_DATE, an earlier step, on 2026-12-07 [milestone-order]",
            ])
    }

    /// A probation "completed" before a start date still ahead does not make the placement complete.
    @Test func aPlacementIsNotCompleteBeforeItStarted() throws {
        let report = try report(
            [
                "leads/globex.md": Self.lead, "interactions/call.md": Self.call,
                "jobs/globex.md": Self.job([
                    "{name: START_DATE, date: 2026-12-07}", "{name: PROBATION_COMPLETED, date: 2026-11-20}",
                ]),
            ])
        let job = try #require(report.jobs.first)
        #expect(job.state == .open)
        #expect(job.next?.code == "START_DATE")
    }

    @Test func aDecisionRecordedWithoutItsAnswerIsAnsweredLater() throws {
        let folder = try ScratchFolder([
            "leads/globex.md": Self.lead, "interactions/call.md": Self.call,
            "jobs/globex.md": Self.job(["{name: CVS_RECEIVED, date: 2026-11-10}"]),
        ])
        defer { folder.remove() }
        let recorded = try folder.leads(["milestone", "globex", "contender", "--date", "2026-11-21"], asOf: Self.asOf)
        // "contender" alone is not a step's whole name: the command proposes the steps whose wording has it.
        #expect(recorded.status == 1)
        #expect(
            recorded.stderr
                == "error: unknown milestone of job globex 'contender'; did you mean DECISION_CONTENDER or DECISION_OFFER?\n"
        )
        #expect(
            try folder.leads(["milestone", "globex", "DECISION_CONTENDER", "--date", "2026-11-21"], asOf: Self.asOf)
                .status == 0)
        let answered = try folder.leads(
            ["milestone", "globex", "DECISION_CONTENDER", "--outcome", "yes"], asOf: Self.asOf)
        #expect(answered.stdout == "updated content/jobs/globex.md: milestone DECISION_CONTENDER answered YES\n")
        #expect(
            try folder.read("jobs/globex.md")
                == Self.job([
                    "{name: CVS_RECEIVED, date: 2026-11-10}",
                    "{name: DECISION_CONTENDER, date: 2026-11-21, outcome: YES}",
                ]))
        let again = try folder.leads(["milestone", "globex", "DECISION_CONTENDER", "--outcome", "no"], asOf: Self.asOf)
        #expect(again.stderr == "error: globex already records DECISION_CONTENDER\n")
    }

    @Test func aBlockListItemGetsItsAnswerOnALineOfItsOwn() throws {
        var editor = try FrontMatterEditor(
            bytes: Array("---\nmilestones:\n  - name: GO\n    date: 2026-11-21 # asked Bo\n---\n".utf8), file: "x")
        try editor.set("outcome", to: "NO", inItem: 0, of: "milestones")
        #expect(
            editor.text == "---\nmilestones:\n  - name: GO\n    date: 2026-11-21 # asked Bo\n    outcome: NO\n---\n")
    }

    @Test func convertRefusesOptionsItsPipelineHasNoUseFor() throws {
        let open = Self.lead.replacingOccurrences(of: "status: JOB_ORDER", with: "status: OPPORTUNITY")
            .replacingOccurrences(of: "job: \"[[globex]]\"\n", with: "")
            .replacingOccurrences(of: "  - {status: JOB_ORDER, date: 2026-11-02}\n", with: "")
        let folder = try ScratchFolder(["leads/globex.md": open, "interactions/call.md": Self.call])
        defer { folder.remove() }
        let run = try folder.leads(
            ["convert", "globex", "--into", "acme", "--url", "https://x.example"], asOf: Self.asOf)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: globex is a recruiting lead, which converts into a job: --into and --url do not apply\n")
        #expect(try folder.read("leads/globex.md") == open)
        // Without them, the job takes the lead's value as its fee.
        #expect(try folder.leads(["convert", "globex"], asOf: Self.asOf).status == 0)
        #expect(try folder.read("jobs/globex.md").contains("\nopenings: 1\nfee: 20000\nopened: 2026-11-23\n"))
    }

    @Test func aLostPlacementsValueIsNotWonAndAReopenedLeadsReasonIsNotListed() throws {
        let files = [
            "leads/globex.md": Self.lead, "interactions/call.md": Self.call,
            "jobs/globex.md": Self.job(["{name: DECISION_OFFER, date: 2026-11-20, outcome: NO}"]),
            "leads/reopened.md": """
            ---
            role: Analyst
            company: Initech
            source: OTHER
            temperature: WARM
            pipeline: recruiting
            status: IDENTIFIED
            created: 2026-11-20
            lost_reason: Budget cut
            ---
            """,
        ]
        let report = try report(files)
        #expect(report.forecast.map(\.wonValue) == [0])
        try ContentFolder(files).withFolder { root in
            let output = root + "-report"
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try Leads.build(content: root, templates: nil, output: output, asOf: ContentFolder.asOf)
            let funnel = try String(contentsOfFile: output + "/funnel.html", encoding: .utf8)
            #expect(!funnel.contains("Budget cut"))
        }
    }

    @Test func newLeadTakesWhomToContactAndTheDealsValue() throws {
        let folder = try ScratchFolder(["config.yml": "currency: EUR\n"])
        defer { folder.remove() }
        let run = try folder.leads(
            [
                "new", "lead", "--role", "Platform Manager", "--company", "Tidewater", "--pipeline", "sales",
                "--contact-name", "Lena Hartmann", "--email", "lena@tidewater.example", "--phone", "0421 555",
                "--value", "20000",
            ], asOf: Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try folder.read("leads/tidewater-platform-manager.md")
        #expect(
            text.contains(
                "\nvalue: 20000\ncontact_name: Lena Hartmann\nemail: lena@tidewater.example\nphone: \"0421 555\"\n"))
        #expect(try folder.leads(["check"], asOf: Self.asOf).stdout.hasPrefix("0 errors"))
    }
}
