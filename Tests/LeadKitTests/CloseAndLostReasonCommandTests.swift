import Foundation
import Testing

/// Saying how things ended, with the real `leads` binary as of 2026-11-23: `leads close JOB OUTCOME`
/// ends a job (or an application) with its day and reason, and `leads move LEAD LOST --reason` keeps
/// why a lead was lost for the funnel page.
@Suite struct CloseAndLostReasonCommandTests {
    static let asOf = "2026-11-23"

    static let job = """
        ---
        lead: "[[globex-head-of-data]]"
        title: Head of Data
        company: Globex
        opened: 2026-11-02
        milestones:
          - {name: CVS_RECEIVED, date: 2026-11-10}
          - {name: INTERVIEWS_BOOKED, date: 2026-11-30}
        ---
        Two shortlisted.

        """

    static let wonLead = """
        ---
        role: Head of Data
        company: Globex
        source: LINKEDIN
        temperature: HOT
        pipeline: recruiting
        status: JOB_ORDER
        created: 2026-10-20
        job: "[[globex-head-of-data]]"
        history:
          - {status: OPPORTUNITY, date: 2026-10-20}
          - {status: JOB_ORDER, date: 2026-11-02}
        ---

        """

    static func call(_ lead: String) -> String {
        "---\nlead: \"[[\(lead)]]\"\ndate: 2026-11-05\ntype: PHONE_CALL\nsummary: Intro call\n---\n"
    }

    @Test func closeWritesTheOutcomeTheDayAndTheReasonAndTheJobIsLost() throws {
        let folder = try ScratchFolder([
            "jobs/globex-head-of-data.md": Self.job, "leads/globex-head-of-data.md": Self.wonLead,
            "interactions/2026-11-05-globex-call.md": Self.call("globex-head-of-data"),
        ])
        defer { folder.remove() }
        let before = try folder.build(asOf: Self.asOf)
        #expect(try Self.state(before) == "open")

        let run = try folder.leads(
            ["close", "globex-head-of-data", "LOST", "--reason", "Client hired internally"], asOf: Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "updated content/jobs/globex-head-of-data.md: outcome LOST on 2026-11-23\n")
        #expect(
            try folder.read("jobs/globex-head-of-data.md")
                == Self.job.replacingOccurrences(
                    of: "milestones:\n",
                    with: "outcome: LOST\nclosed: 2026-11-23\nreason: Client hired internally\nmilestones:\n"))
        let check = try folder.check(asOf: Self.asOf)
        #expect(check.stdout == "0 errors, 0 warnings in 3 files\n")

        let site = try folder.build(asOf: Self.asOf)
        #expect(try Self.state(site) == "lost")
        let agenda = try #require(try site.reportJSON()["agenda"] as? [Any])
        #expect(agenda.isEmpty, "a lost job's booked interview is off the agenda")
        let page = site.page("jobs/globex-head-of-data.html")
        #expect(page.contains("<div><dt>Outcome</dt><dd>Lost</dd></div>"))
        #expect(page.contains("<div><dt>Closed</dt><dd>Mon 23 Nov 2026</dd></div>"))
        #expect(page.contains("<div><dt>Reason</dt><dd>Client hired internally</dd></div>"))
        #expect(!page.contains("Next milestone:"))

        let again = try folder.leads(["close", "globex-head-of-data", "FILLED"], asOf: Self.asOf)
        #expect(again.status == 1)
        #expect(again.stderr == "error: globex-head-of-data is already closed as LOST\n")
    }

    @Test func closeRefusesAnOutcomeItDoesNotKnow() throws {
        let folder = try ScratchFolder([
            "jobs/globex-head-of-data.md": Self.job, "leads/globex-head-of-data.md": Self.wonLead,
        ])
        defer { folder.remove() }
        let run = try folder.leads(["close", "globex-head-of-data", "WON"], asOf: Self.asOf)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        for outcome in ["FILLED", "LOST", "CANCELLED", "REJECTED", "WITHDRAWN"] {
            #expect(run.stderr.contains(outcome), "\(run.stderr)")
        }
        #expect(try folder.read("jobs/globex-head-of-data.md") == Self.job)
    }

    static func state(_ site: BuiltSite) throws -> String? {
        let outcomes = try #require(try site.reportJSON()["outcomes"] as? [[String: Any]])
        return outcomes.first { $0["record"] as? String == "globex-head-of-data" }?["state"] as? String
    }

    static let openLead = """
        ---
        role: CFO
        company: Hooli
        source: LINKEDIN
        temperature: WARM
        pipeline: recruiting
        status: CONTACTED
        created: 2026-10-20
        ---

        """

    @Test func moveToLostKeepsTheReasonForTheFunnelPage() throws {
        let folder = try ScratchFolder([
            "leads/hooli-cfo.md": Self.openLead, "interactions/2026-11-05-hooli-call.md": Self.call("hooli-cfo"),
        ])
        defer { folder.remove() }
        let run = try folder.leads(["move", "hooli-cfo", "LOST", "--reason", "Budget cut"], asOf: Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "updated content/leads/hooli-cfo.md: status CONTACTED → LOST\n")
        #expect(
            try folder.read("leads/hooli-cfo.md") == """
                ---
                role: CFO
                company: Hooli
                source: LINKEDIN
                temperature: WARM
                pipeline: recruiting
                status: LOST
                created: 2026-10-20
                lost_reason: Budget cut
                history:
                  - {status: CONTACTED, date: 2026-10-20}
                  - {status: LOST, date: 2026-11-23}
                ---

                """)
        #expect(try folder.check(asOf: Self.asOf).stdout == "0 errors, 0 warnings in 2 files\n")
        let funnel = try folder.build(asOf: Self.asOf).page("funnel.html")
        #expect(
            funnel.contains(
                "<li><strong>Budget cut</strong> <span class=\"count\">1</span>: "
                    + "<a href=\"leads/hooli-cfo.html\">CFO · Hooli</a> </li>"))
    }

    @Test func aReasonIsOnlyForAClosedStage() throws {
        let folder = try ScratchFolder(["leads/hooli-cfo.md": Self.openLead])
        defer { folder.remove() }
        let run = try folder.leads(["move", "hooli-cfo", "OPPORTUNITY", "--reason", "Budget cut"], asOf: Self.asOf)
        #expect(run.status == 1)
        #expect(run.stderr == "error: --reason is for a closed stage (LOST), not OPPORTUNITY\n")
        #expect(try folder.read("leads/hooli-cfo.md") == Self.openLead)
    }

    /// A recruiting lead is won by `leads convert`, which makes its job: `move` says so in the
    /// pipeline's own terms.
    @Test func moveToTheWonStageNamesTheRecordThePipelineConvertsInto() throws {
        let folder = try ScratchFolder(["leads/hooli-cfo.md": Self.openLead])
        defer { folder.remove() }
        let run = try folder.leads(["move", "hooli-cfo", "JOB_ORDER"], asOf: Self.asOf)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: JOB_ORDER is won: it needs a job; run `leads convert hooli-cfo`, which creates it and moves the lead\n"
        )
        #expect(try folder.read("leads/hooli-cfo.md") == Self.openLead)
    }
}
