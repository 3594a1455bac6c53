import Foundation
import Testing

/// A recruiter's job order, run as the recruiter runs it with the real `leads` binary: a recruiting
/// lead whose company and contact are still plain text is converted with `leads convert` (which makes
/// the company, the contact and the job), then each of the 13 steps of the checklist is recorded with
/// `leads milestone` on the day it happens, in the checklist's own words. After every step the folder
/// passes `leads check` and the job's page shows the whole checklist, what is done and what is next.
@Suite struct JobChecklistCommandTests {
    static let lead = """
        ---
        role: Head of Data
        company: Globex
        source: LINKEDIN
        temperature: HOT
        pipeline: recruiting
        status: OPPORTUNITY
        created: 2026-11-02
        contact_name: Hank Scorpio
        email: hank@globex.example
        phone: "+1 555 0100"
        ---
        Wants a head of data by spring.

        """

    static let call = """
        ---
        lead: "[[globex-head-of-data]]"
        date: 2026-11-05
        type: PHONE_CALL
        summary: Discussed the role
        ---
        - Reports to the CFO.

        """

    static let files = [
        "leads/globex-head-of-data.md": lead, "interactions/2026-11-05-globex-head-of-data-call.md": call,
    ]

    static let job = "globex-head-of-data"

    /// The 13 steps as the job page lists them.
    static let labels = [
        "CVs received", "Interviews booked", "Interviews arranged", "Interviews completed",
        "Decision point: have we got at least one contender?", "2nd interview arranged", "2nd interview completed",
        "Decision point: do we still have a contender to offer the job to?", "Verbal offer &amp; acceptance",
        "Written offer &amp; acceptance", "Resignation", "Start date", "Probation completed",
    ]

    /// Each `<li>` of the page's milestone list as `state | label | date`, e.g. `done | CVs received |
    /// Wed 25 Nov 2026` (`-` for no state).
    static func checklist(_ page: String) -> [String] {
        guard let start = page.range(of: "<ol class=\"milestones\">") else { return [] }
        let list = page[start.upperBound...]
        guard let end = list.range(of: "</ol>") else { return [] }
        return list[..<end.lowerBound].components(separatedBy: "<li").dropFirst().map { item in
            let state = item.hasPrefix(" class=\"") ? String(item.dropFirst(8).prefix { $0 != "\"" }) : "-"
            func span(_ cls: String) -> String {
                guard let start = item.range(of: "<span class=\"\(cls)\">") else { return "" }
                return String(item[start.upperBound...].prefix { $0 != "<" })
            }
            return "\(state) | \(span("milestone-name")) | \(span("muted"))"
        }
    }

    /// The "Next milestone" chip at the top of the page, nil without one.
    static func nextChip(_ page: String) -> String? {
        guard let start = page.range(of: "Next milestone: ") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "<" })
    }

    @Test func aJobOrderGoesThroughTheWholeChecklistToACompletedPlacement() throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let clean = "0 errors, 0 warnings in 2 files\n"
        #expect(try folder.check(asOf: "2026-11-23").stdout == clean)

        let convert = try folder.leads(["convert", Self.job], asOf: "2026-11-23")
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(
            convert.stdout == """
                created content/companies/globex.md: new company globex
                created content/contacts/hank-scorpio.md: new contact hank-scorpio
                created content/jobs/globex-head-of-data.md: job for globex-head-of-data
                updated content/leads/globex-head-of-data.md: status OPPORTUNITY → JOB_ORDER, job [[globex-head-of-data]]

                """)
        #expect(try folder.read("companies/globex.md") == "---\nname: Globex\n---\n")
        #expect(
            try folder.read("contacts/hank-scorpio.md") == """
                ---
                name: Hank Scorpio
                email: hank@globex.example
                phone: "+1 555 0100"
                company: "[[globex]]"
                ---

                """)
        let opened = """
            ---
            lead: "[[globex-head-of-data]]"
            title: Head of Data
            company: "[[globex]]"
            contact: "[[hank-scorpio]]"
            openings: 1
            opened: 2026-11-23
            ---
            Converted from [[globex-head-of-data]] on 2026-11-23.

            ## Timeline

            ### 2026-11-05 · Phone call: Discussed the role

            From [[2026-11-05-globex-head-of-data-call]]

            > - Reports to the CFO.

            """
        #expect(try folder.read("jobs/globex-head-of-data.md") == opened)
        #expect(
            try folder.read("leads/globex-head-of-data.md") == """
                ---
                role: Head of Data
                company: "[[globex]]"
                source: LINKEDIN
                temperature: HOT
                pipeline: recruiting
                status: JOB_ORDER
                created: 2026-11-02
                contact_name: Hank Scorpio
                email: hank@globex.example
                phone: "+1 555 0100"
                contact: "[[hank-scorpio]]"
                job: "[[globex-head-of-data]]"
                history:
                  - {status: OPPORTUNITY, date: 2026-11-02}
                  - {status: JOB_ORDER, date: 2026-11-23}
                ---
                Wants a head of data by spring.

                """)
        #expect(!folder.exists("applications"))
        let allClean = "0 errors, 0 warnings in 5 files\n"
        #expect(try folder.check(asOf: "2026-11-23").stdout == allClean)

        let opening = try folder.build(asOf: "2026-11-23").page("jobs/globex-head-of-data.html")
        #expect(Self.checklist(opening) == ["next | CVs received | "] + Self.labels.dropFirst().map { "- | \($0) | " })
        #expect(Self.nextChip(opening) == "CVs received")

        /// One step as the recruiter types it, on the day it is recorded (`asOf`), and what the
        /// command answers.
        struct Step {
            var name: String
            var asOf: String
            var options: [String] = []
            var code: String
            var written: String
        }
        let steps = [
            Step(name: "CVs received", asOf: "2026-11-25", code: "CVS_RECEIVED", written: "2026-11-25"),
            Step(name: "Interviews booked", asOf: "2026-11-26", code: "INTERVIEWS_BOOKED", written: "2026-11-26"),
            Step(name: "Interviews arranged", asOf: "2026-11-27", code: "INTERVIEWS_ARRANGED", written: "2026-11-27"),
            Step(name: "Interviews completed", asOf: "2026-12-02", code: "INTERVIEWS_COMPLETED", written: "2026-12-02"),
            Step(
                name: "Decision point: have we got at least one contender?", asOf: "2026-12-03",
                options: ["--outcome", "yes"], code: "DECISION_CONTENDER", written: "2026-12-03 (YES)"),
            Step(
                name: "2nd interview arranged", asOf: "2026-12-04", code: "SECOND_INTERVIEW_ARRANGED",
                written: "2026-12-04"),
            Step(
                name: "2nd interview completed", asOf: "2026-12-09", code: "SECOND_INTERVIEW_COMPLETED",
                written: "2026-12-09"),
            Step(
                name: "DECISION_OFFER", asOf: "2026-12-10", options: ["--outcome", "YES"], code: "DECISION_OFFER",
                written: "2026-12-10 (YES)"),
            Step(
                name: "Verbal Offer & Acceptance", asOf: "2026-12-11", code: "VERBAL_OFFER_ACCEPTED",
                written: "2026-12-11"),
            Step(
                name: "Written offer & acceptance", asOf: "2026-12-14", code: "WRITTEN_OFFER_ACCEPTED",
                written: "2026-12-14"),
            Step(name: "Resignation", asOf: "2026-12-15", code: "RESIGNATION", written: "2026-12-15"),
            // Booked ahead: the candidate starts on 11 January.
            Step(
                name: "Start date", asOf: "2026-12-15", options: ["--date", "2027-01-11"], code: "START_DATE",
                written: "2027-01-11"),
        ]
        let days = [
            "Wed 25 Nov 2026", "Thu 26 Nov 2026", "Fri 27 Nov 2026", "Wed 2 Dec 2026", "Thu 3 Dec 2026 · Yes",
            "Fri 4 Dec 2026", "Wed 9 Dec 2026", "Thu 10 Dec 2026 · Yes", "Fri 11 Dec 2026", "Mon 14 Dec 2026",
            "Tue 15 Dec 2026",
        ]
        for (done, step) in steps.enumerated() {
            let run = try folder.leads(["milestone", Self.job, step.name] + step.options, asOf: step.asOf)
            #expect(run.status == 0, "\(step.name): \(run.stderr)")
            #expect(
                run.stdout
                    == "updated content/jobs/globex-head-of-data.md: milestone \(step.code) on \(step.written)\n",
                "\(step.name)")
            let check = try folder.check(asOf: step.asOf)
            #expect(check.status == 0 && check.stdout == allClean, "after \(step.name): \(check.stdout)")

            let page = try folder.build(asOf: step.asOf).page("jobs/globex-head-of-data.html")
            var expected = (0..<done).map { "done | \(Self.labels[$0]) | \(days[$0])" }
            // A step booked ahead is both scheduled and next; any other is done, and the one after it next.
            let next: Int
            if step.code == "START_DATE" {
                expected.append("scheduled next | Start date | Mon 11 Jan 2027")
                next = done
            } else {
                expected.append("done | \(Self.labels[done]) | \(days[done])")
                expected.append("next | \(Self.labels[done + 1]) | ")
                next = done + 1
            }
            expected += Self.labels[(next + 1)...].map { "- | \($0) | " }
            #expect(Self.checklist(page) == expected, "the job page after \(step.name)")
            #expect(Self.nextChip(page) == Self.labels[next], "after \(step.name)")
        }

        // Six days before the start, it is on the agenda with the call to confirm it.
        let week = try folder.build(asOf: "2027-01-05")
        let agenda = try #require(try week.reportJSON()["agenda"] as? [[String: String]])
        #expect(
            agenda == [
                [
                    "kind": "milestone", "lead": Self.job, "due": "2027-01-11", "bucket": "next_7_days",
                    "record": Self.job, "milestone": "START_DATE",
                ]
            ])
        #expect(week.page("agenda.html").contains("Call on the day to confirm the start"))

        // On the day the candidate starts, the job is filled, with the probation still ahead.
        let started = try folder.build(asOf: "2027-01-11")
        #expect(
            try Self.outcomes(started) == [
                Self.outcome("filled", furthest: "START_DATE", on: "2027-01-11", next: "PROBATION_COMPLETED")
            ])
        let filled = started.page("jobs/globex-head-of-data.html")
        #expect(Self.nextChip(filled) == "Probation completed")
        #expect(filled.contains("<div><dt>Outcome</dt><dd>Filled</dd></div>"))

        // Three months later, probation is passed.
        let probation = try folder.leads(["milestone", Self.job, "Probation completed"], asOf: "2027-04-12")
        #expect(
            probation.stdout
                == "updated content/jobs/globex-head-of-data.md: milestone PROBATION_COMPLETED on 2027-04-12\n",
            "\(probation.stderr)")
        #expect(try folder.check(asOf: "2027-04-12").stdout == allClean)
        let completed = try folder.build(asOf: "2027-04-12")
        #expect(
            try Self.outcomes(completed) == [
                Self.outcome("completed", furthest: "PROBATION_COMPLETED", on: "2027-04-12")
            ])
        let page = completed.page("jobs/globex-head-of-data.html")
        #expect(
            Self.checklist(page)
                == zip(Self.labels, days + ["Mon 11 Jan 2027", "Mon 12 Apr 2027"]).map { "done | \($0) | \($1)" })
        #expect(Self.nextChip(page) == nil)
        #expect(page.contains("<div><dt>Outcome</dt><dd>Completed</dd></div>"))
        #expect(
            try folder.read("jobs/globex-head-of-data.md")
                == opened.replacingOccurrences(
                    of: "opened: 2026-11-23\n",
                    with: """
                        opened: 2026-11-23
                        milestones:
                          - {name: CVS_RECEIVED, date: 2026-11-25}
                          - {name: INTERVIEWS_BOOKED, date: 2026-11-26}
                          - {name: INTERVIEWS_ARRANGED, date: 2026-11-27}
                          - {name: INTERVIEWS_COMPLETED, date: 2026-12-02}
                          - {name: DECISION_CONTENDER, date: 2026-12-03, outcome: YES}
                          - {name: SECOND_INTERVIEW_ARRANGED, date: 2026-12-04}
                          - {name: SECOND_INTERVIEW_COMPLETED, date: 2026-12-09}
                          - {name: DECISION_OFFER, date: 2026-12-10, outcome: YES}
                          - {name: VERBAL_OFFER_ACCEPTED, date: 2026-12-11}
                          - {name: WRITTEN_OFFER_ACCEPTED, date: 2026-12-14}
                          - {name: RESIGNATION, date: 2026-12-15}
                          - {name: START_DATE, date: 2027-01-11}
                          - {name: PROBATION_COMPLETED, date: 2027-04-12}

                        """))
    }

    static func outcomes(_ site: BuiltSite) throws -> [[String: String?]] {
        let outcomes = try #require(try site.reportJSON()["outcomes"] as? [[String: Any]])
        return outcomes.map { entry in entry.mapValues { $0 as? String } }
    }

    static func outcome(_ state: String, furthest: String, on day: String, next: String? = nil) -> [String: String?] {
        [
            "record": job, "kind": "job", "lead": job, "state": state, "furthest_milestone": furthest,
            "furthest_date": day, "next_milestone": next, "next_due": nil,
        ]
    }

    /// When the company and the contact the lead names as text already have records, the job links
    /// them and so does the lead, as it does the records `convert` makes: the company's and the
    /// contact's pages then list the lead.
    @Test func convertLinksTheLeadToTheCompanyAndContactItNamesAsText() throws {
        let folder = try ScratchFolder(
            Self.files.merging([
                "companies/globex.md": "---\nname: Globex\n---\n",
                "contacts/hank.md": "---\nname: Hank Scorpio\nemail: hank@globex.example\n---\n",
            ]) { $1 })
        defer { folder.remove() }
        let run = try folder.leads(["convert", Self.job], asOf: "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                created content/jobs/globex-head-of-data.md: job for globex-head-of-data
                updated content/leads/globex-head-of-data.md: status OPPORTUNITY → JOB_ORDER, job [[globex-head-of-data]]

                """)
        let job = try folder.read("jobs/globex-head-of-data.md")
        #expect(job.contains("company: \"[[globex]]\"\ncontact: \"[[hank]]\"\n"), "\(job)")
        let lead = try folder.read("leads/globex-head-of-data.md")
        #expect(lead.contains("company: \"[[globex]]\"\n"), "\(lead)")
        #expect(lead.contains("contact: \"[[hank]]\"\n"), "\(lead)")
        #expect(!folder.exists("companies/globex-2.md") && !folder.exists("contacts/hank-scorpio.md"))
        #expect(try folder.check(asOf: "2026-11-23").stdout == "0 errors, 0 warnings in 5 files\n")

        let site = try folder.build(asOf: "2026-11-23")
        #expect(hrefs(in: site.page("companies/globex.html")).contains("../leads/globex-head-of-data.html"))
        #expect(hrefs(in: site.page("contacts/hank.html")).contains("../leads/globex-head-of-data.html"))
    }

    @Test func aMistypedStepIsRefusedWithTheClosestOneAndNothingIsWritten() throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        #expect(try folder.leads(["convert", Self.job], asOf: "2026-11-23").status == 0)
        let before = try folder.read("jobs/globex-head-of-data.md")

        let typo = try folder.leads(["milestone", Self.job, "Probation complete"], asOf: "2026-11-23")
        #expect(typo.status == 1)
        #expect(
            typo.stderr
                == "error: unknown milestone of job globex-head-of-data 'Probation complete'; expected one of "
                + "CVS_RECEIVED, INTERVIEWS_BOOKED, INTERVIEWS_ARRANGED, INTERVIEWS_COMPLETED, DECISION_CONTENDER, "
                + "SECOND_INTERVIEW_ARRANGED, SECOND_INTERVIEW_COMPLETED, DECISION_OFFER, VERBAL_OFFER_ACCEPTED, "
                + "WRITTEN_OFFER_ACCEPTED, RESIGNATION, START_DATE, PROBATION_COMPLETED; "
                + "did you mean PROBATION_COMPLETED?\n")
        #expect(typo.stdout == "")

        let notADecision = try folder.leads(
            ["milestone", Self.job, "Resignation", "--outcome", "yes"], asOf: "2026-11-23")
        #expect(notADecision.status == 1)
        #expect(
            notADecision.stderr
                == "error: RESIGNATION is not a decision point; --outcome is for DECISION_CONTENDER and DECISION_OFFER\n"
        )

        let badAnswer = try folder.leads(
            ["milestone", Self.job, "decision contender", "--outcome", "maybe"], asOf: "2026-11-23")
        #expect(badAnswer.status == 1)
        #expect(badAnswer.stderr.hasPrefix("error: "), "\(badAnswer.stderr)")
        #expect(badAnswer.stderr.contains("YES") && badAnswer.stderr.contains("NO"), "\(badAnswer.stderr)")

        #expect(try folder.read("jobs/globex-head-of-data.md") == before)
    }

    /// A decision point answered NO with nothing after it loses the job; the page says so and
    /// suggests no next step.
    @Test func aDecisionAnsweredNoLosesTheJob() throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        #expect(try folder.leads(["convert", Self.job], asOf: "2026-11-23").status == 0)
        for (name, day) in [("CVs received", "2026-11-24"), ("Interviews completed", "2026-11-30")] {
            #expect(try folder.leads(["milestone", Self.job, name], asOf: day).status == 0)
        }
        let no = try folder.leads(
            ["milestone", Self.job, "decision contender", "--outcome", "no"], asOf: "2026-12-01")
        #expect(
            no.stdout
                == "updated content/jobs/globex-head-of-data.md: milestone DECISION_CONTENDER on 2026-12-01 (NO)\n",
            "\(no.stderr)")
        #expect(try folder.check(asOf: "2026-12-01").stdout == "0 errors, 0 warnings in 5 files\n")
        let site = try folder.build(asOf: "2026-12-01")
        #expect(
            try Self.outcomes(site) == [
                [
                    "record": Self.job, "kind": "job", "lead": Self.job, "state": "lost",
                    "furthest_milestone": "DECISION_CONTENDER", "furthest_date": "2026-12-01", "next_milestone": nil,
                    "next_due": nil,
                ]
            ])
        let page = site.page("jobs/globex-head-of-data.html")
        #expect(Self.nextChip(page) == nil)
        #expect(page.contains("<div><dt>Outcome</dt><dd>Lost</dd></div>"))
        #expect(
            Self.checklist(page)[4]
                == "done | Decision point: have we got at least one contender? | Tue 1 Dec 2026 · No")
    }
}
