/// What every page's layout needs: title, navigation and the way back to the root.
struct PageFrame: Encodable {
    struct NavItem: Encodable {
        var label: String
        var href: String
        var current: Bool
    }

    var title: String
    /// `""` for pages at the root, `"../"` one folder down: every link is relative, so file:// works.
    var root: String
    var asOf: String
    var asOfISO: String
    /// `build --at`: `commit a1b2c3d, “Move to warm lead”`, the commit the report shows.
    var atCommit: String?
    var nav: [NavItem]
    var problemCount: Int
    /// "1 problem found", "3 problems found".
    var problemsFound: String
    var hasProblems: Bool

    static let sections: [(label: String, file: String)] = [
        ("Dashboard", "index.html"), ("Agenda", "agenda.html"), ("Pipeline", "board.html"),
        ("Stale", "stale.html"), ("Funnel", "funnel.html"), ("History", "history.html"), ("Changes", "changes.html"),
        ("Cohorts", "cohorts.html"), ("Leads", "leads.html"), ("Interactions", "interactions.html"),
        ("Contacts", "contacts.html"), ("Companies", "companies.html"), ("Applications", "applications.html"),
        ("Jobs", "jobs.html"), ("Problems", "problems.html"),
    ]

    init(title: String, current: String, depth: Int, report: Report) {
        self.title = title
        let root = String(repeating: "../", count: depth)
        self.root = root
        asOf = Format.day(report.asOf)
        asOfISO = report.asOf.description
        atCommit = report.atCommit.map { "commit \($0.short), “\($0.subject)”" }
        nav = PageFrame.sections.map { NavItem(label: $0.label, href: root + $0.file, current: $0.file == current) }
        problemCount = report.content.diagnostics.count
        hasProblems = problemCount > 0
        problemsFound = Format.plural(problemCount, "problem") + " found"
    }
}

/// A problem shown on a page, linking to where it is.
struct ProblemView: Encodable {
    var severity: String
    var isError: Bool
    var code: String
    var location: String
    var message: String
    var recordHref: String?
}

/// The "⚠ 2 problems" badge on a record.
struct ProblemBadge: Encodable {
    var text: String
    var isError: Bool
}
