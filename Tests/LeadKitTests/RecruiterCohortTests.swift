import Foundation
import Testing

@testable import LeadKit

/// The recruiter's question: "of the leads I generated in September, October, November and December,
/// which became job orders, which are filled, which passed probation, which were lost?" Answered per
/// month and per quarter of `created` and per pipeline, in the report, in `report.json`'s `cohorts`
/// and on `cohorts.html`, as of 2027-01-15.
///
/// A lead counts as filled when its job reached `START_DATE` on or before the as-of date (or was
/// closed FILLED) and as completed when it reached `PROBATION_COMPLETED`; lost when the lead is at a
/// closed stage or its job ended without a placement, e.g. a decision point answered NO; open while
/// the lead is at an open stage or its job order is still in progress (converted and open).
@Suite struct RecruiterCohortTests {
    static let asOf = Day(parsing: "2027-01-15")!

    static func recruitingLead(
        _ role: String, at company: String, created: String, status: String, wonOn: String? = nil,
        extra: String = ""
    ) -> String {
        var text = """
            ---
            role: \(role)
            company: \(company)
            source: LINKEDIN
            temperature: WARM
            pipeline: recruiting
            status: \(status)
            created: \(created)

            """
        text += extra
        if let wonOn {
            text += """
                history:
                  - {status: IDENTIFIED, date: \(created)}
                  - {status: JOB_ORDER, date: \(wonOn)}

                """
        }
        return text + "---\n"
    }

    static func job(_ lead: String, _ title: String, opened: String, milestones: [String]) -> String {
        """
        ---
        lead: "[[\(lead)]]"
        title: \(title)
        opened: \(opened)
        milestones:
        \(milestones.map { "  - " + $0 }.joined(separator: "\n"))
        ---

        """
    }

    /// Two leads a month from September to December 2026, and one networking lead in October.
    static let files: [String: String] = [
        // September: one job filled on 1 December; one lead lost before it became a job.
        "leads/globex-data-engineer.md": recruitingLead(
            "Data Engineer", at: "Globex", created: "2026-09-08", status: "JOB_ORDER", wonOn: "2026-09-25",
            extra: "job: \"[[globex-data-engineer]]\"\n"),
        "jobs/globex-data-engineer.md": job(
            "globex-data-engineer", "Data Engineer", opened: "2026-09-25",
            milestones: [
                "{name: CVS_RECEIVED, date: 2026-10-02}", "{name: VERBAL_OFFER_ACCEPTED, date: 2026-11-10}",
                "{name: START_DATE, date: 2026-12-01}",
            ]),
        "leads/hooli-cfo.md": recruitingLead(
            "CFO", at: "Hooli", created: "2026-09-20", status: "LOST",
            extra: "lost_reason: Hired through another agency\n"),
        // October: one placement that passed probation; one lost at the offer decision.
        "leads/initech-qa-lead.md": recruitingLead(
            "QA Lead", at: "Initech", created: "2026-10-05", status: "JOB_ORDER", wonOn: "2026-10-12",
            extra: "job: \"[[initech-qa-lead]]\"\n"),
        "jobs/initech-qa-lead.md": job(
            "initech-qa-lead", "QA Lead", opened: "2026-10-12",
            milestones: [
                "{name: CVS_RECEIVED, date: 2026-10-14}", "{name: START_DATE, date: 2026-10-26}",
                "{name: PROBATION_COMPLETED, date: 2027-01-11}",
            ]),
        "leads/umbrella-head-of-sales.md": recruitingLead(
            "Head of Sales", at: "Umbrella", created: "2026-10-14", status: "JOB_ORDER", wonOn: "2026-10-28",
            extra: "job: \"[[umbrella-head-of-sales]]\"\n"),
        "jobs/umbrella-head-of-sales.md": job(
            "umbrella-head-of-sales", "Head of Sales", opened: "2026-10-28",
            milestones: [
                "{name: SECOND_INTERVIEW_COMPLETED, date: 2026-12-03}",
                "{name: DECISION_OFFER, date: 2026-12-10, outcome: NO}",
            ]),
        "leads/acme-platform.md": """
        ---
        role: Platform Engineer
        company: Acme
        source: REFERRAL
        temperature: HOT
        status: DISCOVERY
        created: 2026-10-20
        ---
        """,
        // November: one filled on 11 January; one still interviewing.
        "leads/vandelay-buyer.md": recruitingLead(
            "Buyer", at: "Vandelay Industries", created: "2026-11-03", status: "JOB_ORDER", wonOn: "2026-11-20",
            extra: "job: \"[[vandelay-buyer]]\"\n"),
        "jobs/vandelay-buyer.md": job(
            "vandelay-buyer", "Buyer", opened: "2026-11-20",
            milestones: ["{name: WRITTEN_OFFER_ACCEPTED, date: 2026-12-15}", "{name: START_DATE, date: 2027-01-11}"]),
        "leads/stark-engineer.md": recruitingLead(
            "Engineer", at: "Stark", created: "2026-11-16", status: "JOB_ORDER", wonOn: "2026-12-01",
            extra: "job: \"[[stark-engineer]]\"\n"),
        "jobs/stark-engineer.md": job(
            "stark-engineer", "Engineer", opened: "2026-12-01",
            milestones: ["{name: SECOND_INTERVIEW_COMPLETED, date: 2027-01-08}"]),
        // December: a lead still being worked; a job whose start date is booked for February, so not
        // filled yet. It became a job order in January, a month in which no lead was created.
        "leads/wayne-cto.md": recruitingLead("CTO", at: "Wayne", created: "2026-12-02", status: "CONTACTED"),
        "leads/tyrell-designer.md": recruitingLead(
            "Designer", at: "Tyrell", created: "2026-12-09", status: "JOB_ORDER", wonOn: "2027-01-05",
            extra: "job: \"[[tyrell-designer]]\"\n"),
        "jobs/tyrell-designer.md": job(
            "tyrell-designer", "Designer", opened: "2027-01-05",
            milestones: ["{name: RESIGNATION, date: 2027-01-06}", "{name: START_DATE, date: 2027-02-01}"]),
    ]

    static let folder = ContentFolder(files)

    /// A cohort as the recruiter reads it: each figure's leads by id.
    struct Row: Equatable, CustomStringConvertible {
        var period: String
        var pipeline: String
        var created: [String]
        var converted: [String] = []
        var filled: [String] = []
        var completed: [String] = []
        var lost: [String] = []
        var open: [String] = []

        var description: String {
            "\(period) \(pipeline): created \(created), converted \(converted), filled \(filled), "
                + "completed \(completed), lost \(lost), open \(open)"
        }
    }

    static func rows(_ report: Report) -> [Row] {
        report.cohorts.map { cohort in
            func ids(_ positions: [Int]) -> [String] { positions.map { report.records.leads[$0].id }.sorted() }
            return Row(
                period: cohort.period, pipeline: cohort.pipeline, created: ids(cohort.created),
                converted: ids(cohort.converted), filled: ids(cohort.filled), completed: ids(cohort.completed),
                lost: ids(cohort.lost), open: ids(cohort.open))
        }
    }

    @Test func eachJobEndsInItsOutcome() throws {
        let report = try report(Self.files, asOf: Self.asOf)
        let states = Dictionary(uniqueKeysWithValues: report.jobs.map { ($0.id, $0.state) })
        #expect(
            states == [
                "globex-data-engineer": .filled, "initech-qa-lead": .completed, "umbrella-head-of-sales": .lost,
                "vandelay-buyer": .filled, "stark-engineer": .open, "tyrell-designer": .open,
            ])
    }

    @Test func cohortsCountEachMonthsAndQuartersLeadsByWhereTheyAreNow() throws {
        let report = try report(Self.files, asOf: Self.asOf)
        let september = Row(
            period: "2026-09", pipeline: "recruiting", created: ["globex-data-engineer", "hooli-cfo"],
            converted: ["globex-data-engineer"], filled: ["globex-data-engineer"], lost: ["hooli-cfo"])
        let expected = [
            september,
            Row(period: "2026-10", pipeline: "networking", created: ["acme-platform"], open: ["acme-platform"]),
            Row(
                period: "2026-10", pipeline: "recruiting", created: ["initech-qa-lead", "umbrella-head-of-sales"],
                converted: ["initech-qa-lead", "umbrella-head-of-sales"], filled: ["initech-qa-lead"],
                completed: ["initech-qa-lead"], lost: ["umbrella-head-of-sales"]),
            Row(
                period: "2026-11", pipeline: "recruiting", created: ["stark-engineer", "vandelay-buyer"],
                converted: ["stark-engineer", "vandelay-buyer"], filled: ["vandelay-buyer"], open: ["stark-engineer"]),
            Row(
                period: "2026-12", pipeline: "recruiting", created: ["tyrell-designer", "wayne-cto"],
                converted: ["tyrell-designer"], open: ["tyrell-designer", "wayne-cto"]),
            Row(
                period: "2026-Q3", pipeline: "recruiting", created: september.created, converted: september.converted,
                filled: september.filled, lost: september.lost),
            Row(period: "2026-Q4", pipeline: "networking", created: ["acme-platform"], open: ["acme-platform"]),
            Row(
                period: "2026-Q4", pipeline: "recruiting",
                created: [
                    "initech-qa-lead", "stark-engineer", "tyrell-designer", "umbrella-head-of-sales", "vandelay-buyer",
                    "wayne-cto",
                ],
                converted: [
                    "initech-qa-lead", "stark-engineer", "tyrell-designer", "umbrella-head-of-sales", "vandelay-buyer",
                ],
                filled: ["initech-qa-lead", "vandelay-buyer"], completed: ["initech-qa-lead"],
                lost: ["umbrella-head-of-sales"], open: ["stark-engineer", "tyrell-designer", "wayne-cto"]),
        ]
        let rows = Self.rows(report)
        #expect(rows == expected, "\(rows.map(\.description).joined(separator: "\n"))")
        #expect(report.cohorts.map(\.isQuarter) == [false, false, false, false, false, true, true, true])
        #expect(
            report.cohorts.map { $0.leads.map { report.records.leads[$0].id } } == expected.map(\.created),
            "each cohort's leads, by id")
    }

    @Test func reportJSONListsTheCohortsWithTheirCountsAndLeads() throws {
        let json = try Self.folder.build(asOf: Self.asOf).reportJSON()
        let cohorts = try #require(json["cohorts"] as? [[String: Any]])
        func entry(_ period: String, _ pipeline: String, _ counts: [Int], _ leads: [String]) -> String {
            let names = ["created", "converted", "filled", "completed", "lost", "open"]
            return "\(period) \(pipeline) "
                + zip(names, counts).map { "\($0)=\($1)" }.joined(separator: " ") + " \(leads)"
        }
        let found = cohorts.map { cohort in
            entry(
                cohort["period"] as? String ?? "?", cohort["pipeline"] as? String ?? "?",
                ["created", "converted", "filled", "completed", "lost", "open"].map { cohort[$0] as? Int ?? -1 },
                cohort["leads"] as? [String] ?? [])
        }
        #expect(
            found == [
                entry("2026-09", "recruiting", [2, 1, 1, 0, 1, 0], ["globex-data-engineer", "hooli-cfo"]),
                entry("2026-10", "networking", [1, 0, 0, 0, 0, 1], ["acme-platform"]),
                entry("2026-10", "recruiting", [2, 2, 1, 1, 1, 0], ["initech-qa-lead", "umbrella-head-of-sales"]),
                entry("2026-11", "recruiting", [2, 2, 1, 0, 0, 1], ["stark-engineer", "vandelay-buyer"]),
                entry("2026-12", "recruiting", [2, 1, 0, 0, 0, 2], ["tyrell-designer", "wayne-cto"]),
                entry("2026-Q3", "recruiting", [2, 1, 1, 0, 1, 0], ["globex-data-engineer", "hooli-cfo"]),
                entry("2026-Q4", "networking", [1, 0, 0, 0, 0, 1], ["acme-platform"]),
                entry(
                    "2026-Q4", "recruiting", [6, 5, 2, 1, 1, 3],
                    [
                        "initech-qa-lead", "stark-engineer", "tyrell-designer", "umbrella-head-of-sales",
                        "vandelay-buyer", "wayne-cto",
                    ]),
            ])
        #expect(
            Set(cohorts.flatMap(\.keys)) == [
                "period", "pipeline", "created", "converted", "filled", "completed",
                "lost", "open", "leads",
            ])
    }

    @Test func cohortsPageShowsEachNumberAndLinksItsLeads() throws {
        let page = try Self.folder.build(asOf: Self.asOf).page("cohorts.html")
        // The first pipeline of a period (networking, as configured) carries the period's own anchor.
        #expect(
            Self.cells(element(withID: "cohort-2026-10-recruiting", in: page)) == [
                "2026-10", "Pipeline: Recruiting", "Created: 2 → #cohort-2026-10-recruiting-created",
                "Converted: 2 → #cohort-2026-10-recruiting-converted", "Filled: 1 → #cohort-2026-10-recruiting-filled",
                "Completed: 1 → #cohort-2026-10-recruiting-completed", "Lost: 1 → #cohort-2026-10-recruiting-lost",
                "Open: 0",
            ])
        #expect(
            Self.cells(element(withID: "cohort-2026-12", in: page)) == [
                "2026-12", "Pipeline: Recruiting", "Created: 2 → #cohort-2026-12-recruiting-created",
                "Converted: 1 → #cohort-2026-12-recruiting-converted", "Filled: 0", "Completed: 0", "Lost: 0",
                "Open: 2 → #cohort-2026-12-recruiting-open",
            ])
        #expect(
            Self.cells(element(withID: "cohort-2026-q4-recruiting", in: page)) == [
                "2026-Q4", "Pipeline: Recruiting", "Created: 6 → #cohort-2026-q4-recruiting-created",
                "Converted: 5 → #cohort-2026-q4-recruiting-converted", "Filled: 2 → #cohort-2026-q4-recruiting-filled",
                "Completed: 1 → #cohort-2026-q4-recruiting-completed", "Lost: 1 → #cohort-2026-q4-recruiting-lost",
                "Open: 3 → #cohort-2026-q4-recruiting-open",
            ])

        func members(_ id: String) -> [String] { element(withID: id, in: page).map { hrefs(in: $0) } ?? ["(none)"] }
        #expect(members("cohort-2026-09-recruiting-filled") == ["leads/globex-data-engineer.html"])
        #expect(members("cohort-2026-09-recruiting-lost") == ["leads/hooli-cfo.html"])
        #expect(members("cohort-2026-10-recruiting-filled") == ["leads/initech-qa-lead.html"])
        #expect(members("cohort-2026-10-recruiting-completed") == ["leads/initech-qa-lead.html"])
        #expect(members("cohort-2026-10-recruiting-lost") == ["leads/umbrella-head-of-sales.html"])
        #expect(members("cohort-2026-11-recruiting-filled") == ["leads/vandelay-buyer.html"])
        #expect(
            members("cohort-2026-11-recruiting-converted") == [
                "leads/stark-engineer.html", "leads/vandelay-buyer.html",
            ])
        #expect(members("cohort-2026-12-recruiting-open") == ["leads/tyrell-designer.html", "leads/wayne-cto.html"])
        #expect(
            members("cohort-2026-q4-recruiting-filled") == ["leads/initech-qa-lead.html", "leads/vandelay-buyer.html"])
        // A figure of 0 links nowhere.
        #expect(element(withID: "cohort-2026-11-recruiting-lost", in: page) == nil)
        #expect(page.contains("<h3>2026-10 · Recruiting · lost</h3>"))
        #expect(page.contains("<a href=\"leads/umbrella-head-of-sales.html\">Head of Sales · Umbrella</a>"))
    }

    /// The cells of a cohorts table row as a reader takes them in: `Label: count → link` (the label a
    /// narrow screen shows before each cell), the period first.
    static func cells(_ row: String?) -> [String] {
        guard let row else { return ["(no such row)"] }
        return row.components(separatedBy: "<t").dropFirst().compactMap { cell in
            guard cell.hasPrefix("h") || cell.hasPrefix("d") else { return nil }
            let label = cell.range(of: "data-label=\"").map { cell[$0.upperBound...].prefix { $0 != "\"" } }
            let text = cell.split(separator: ">", omittingEmptySubsequences: false).dropFirst()
                .map { $0.prefix { $0 != "<" } }.joined()
            let link = hrefs(in: cell).first.map { " → " + $0 } ?? ""
            return (label.map { "\($0): " } ?? "") + text + link
        }
    }

    /// Each period of the History page links to its row on the Cohorts page; a period in which leads
    /// were converted or placements filled but none created (January 2027) has no cohort, and no link.
    @Test func historyLinksEachMonthToItsCohort() throws {
        let site = try Self.folder.build(asOf: Self.asOf)
        let history = site.page("history.html")
        let cohorts = site.page("cohorts.html")
        let rows = [
            "<tr><th scope=\"row\"><a href=\"cohorts.html#cohort-2026-10\">2026-10</a></th>"
                + "<td>3</td><td>2</td><td>1</td></tr>",
            "<tr><th scope=\"row\"><a href=\"cohorts.html#cohort-2026-q4\">2026-Q4</a></th>"
                + "<td>7</td><td>4</td><td>2</td></tr>",
            "<tr><th scope=\"row\">2027-01</th><td>0</td><td>1</td><td>1</td></tr>",
            "<tr><th scope=\"row\">2027-Q1</th><td>0</td><td>1</td><td>1</td></tr>",
        ]
        for row in rows { #expect(history.contains(row), "\(row)") }
        let anchors = hrefs(in: history).filter { $0.hasPrefix("cohorts.html#") }
            .map { String($0.dropFirst("cohorts.html#".count)) }
        #expect(
            anchors == [
                "cohort-2026-q4", "cohort-2026-q3", "cohort-2026-12", "cohort-2026-11", "cohort-2026-10",
                "cohort-2026-09",
            ])
        let missing = anchors.filter { element(withID: $0, in: cohorts) == nil }
        #expect(missing == [], "history.html links to anchors cohorts.html does not have")
    }
}
