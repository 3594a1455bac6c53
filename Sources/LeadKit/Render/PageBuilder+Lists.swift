extension PageBuilder {
    func frame(_ title: String, _ file: String, depth: Int = 0) -> PageFrame {
        PageFrame(title: title, current: file, depth: depth, report: report)
    }

    func agendaPage() -> AgendaPage {
        let groups = agendaGroups()
        return AgendaPage(
            page: frame("Follow-up agenda", "agenda.html"), agendaGroups: groups, hasAgenda: !groups.isEmpty)
    }

    func boardPage() -> BoardPage {
        let boards = boards(depth: 0)
        return BoardPage(
            page: frame("Pipeline", "board.html"), boards: boards,
            filter: filterOptions(boards.flatMap { $0.columns.flatMap(\.cards) }))
    }

    func stalePage() -> ListPage<LeadCard> {
        list(frame("Stale leads", "stale.html"), report.stale.map { card($0, depth: 0) })
    }

    func funnelPage() -> FunnelPage {
        FunnelPage(page: frame("Conversion funnel", "funnel.html"), funnels: funnels())
    }

    func historyPage() -> HistoryPage {
        let rows = report.history.map {
            (
                row: HistoryPage.Row(period: $0.period, created: $0.created, converted: $0.converted),
                quarter: $0.isQuarter
            )
        }
        return HistoryPage(
            page: frame("History", "history.html"), months: rows.filter { !$0.quarter }.map(\.row).reversed(),
            quarters: rows.filter(\.quarter).map(\.row).reversed(), hasRows: !rows.isEmpty)
    }

    func problemsPage() -> ProblemsPage {
        let diagnostics = report.content.diagnostics
        return ProblemsPage(
            page: frame("Problems", "problems.html"), problems: diagnostics.map { problem(for: $0, depth: 0) },
            summary: DiagnosticSummary.line(
                errors: report.content.errorCount, warnings: report.content.warningCount,
                files: report.content.fileCount),
            isEmpty: diagnostics.isEmpty)
    }

    func leadsPage() -> ListPage<LeadCard> {
        let cards = records.leads.indices.filter { hasPage(records.leads[$0].header) }
            .sorted { records.leads[$0].id < records.leads[$1].id }
            .map { card($0, depth: 0) }
        var page = list(frame("Leads", "leads.html"), cards)
        page.filter = filterOptions(cards)
        return page
    }

    /// The index shows the newest interactions and links every month, so no page grows with all of history.
    func interactionsPage(newest: Int = 100) -> InteractionsPage {
        let log = report.interactionLog
        let rows = log.newestFirst.prefix(newest).map { interaction($0, depth: 0, withNotes: false) }
        return InteractionsPage(
            page: frame("Interactions", "interactions.html"), heading: "Interactions",
            intro: log.newestFirst.count > rows.count
                ? "The \(rows.count) newest of \(log.newestFirst.count) interactions; every month has its page." : "",
            rows: rows, isEmpty: rows.isEmpty,
            months: log.months.map {
                InteractionsPage.Month(
                    label: $0.month, href: "interactions/\($0.month).html", count: $0.interactions.count)
            }, hasMonths: !log.months.isEmpty)
    }

    /// One month's interactions, newest first.
    func interactionMonthPage(_ month: String, positions: [Int]) -> InteractionsPage {
        InteractionsPage(
            page: frame("Interactions \(month)", "", depth: 1), heading: "Interactions, \(month)",
            intro: Format.plural(positions.count, "interaction"),
            rows: positions.map { interaction($0, depth: 1, withNotes: false) }, isEmpty: positions.isEmpty,
            months: [], hasMonths: false)
    }

    func contactsPage() -> ListPage<RecordRow> {
        let rows = records.contacts.filter { hasPage($0.header) }.sorted { $0.id < $1.id }.map { contact in
            RecordRow(
                title: contact.name?.value ?? contact.id, href: href(.contact, contact.id, depth: 0),
                detail: [contact.role?.value, company(contact.company, depth: 0).name].compactMap { $0 }
                    .filter { !$0.isEmpty }.joined(separator: ", "),
                secondary: [contact.email?.value, contact.phone?.value].compactMap { $0 }.joined(separator: " · "),
                badge: badge(contact.header.file))
        }
        return list(frame("Contacts", "contacts.html"), rows)
    }

    func companiesPage() -> ListPage<RecordRow> {
        let leadCounts = Dictionary(grouping: records.leads.compactMap { $0.company?.value.target }, by: { $0 })
        let rows = records.companies.filter { hasPage($0.header) }.sorted { $0.id < $1.id }.map { company in
            RecordRow(
                title: company.name?.value ?? company.id, href: href(.company, company.id, depth: 0),
                detail: company.industry?.value ?? "",
                secondary: Format.plural(leadCounts[company.id]?.count ?? 0, "lead"), badge: badge(company.header.file))
        }
        return list(frame("Companies", "companies.html"), rows)
    }

    func applicationsPage() -> ListPage<RecordRow> {
        let rows = records.applications.filter { hasPage($0.header) }.sorted { $0.id < $1.id }.map { application in
            RecordRow(
                title: application.title?.value ?? application.id, href: href(.application, application.id, depth: 0),
                detail: company(application.company, depth: 0).name,
                secondary: nextMilestone(application).map { "Next: \($0)" } ?? "",
                badge: badge(application.header.file))
        }
        return list(frame("Applications", "applications.html"), rows)
    }

    func list<Row>(_ page: PageFrame, _ rows: [Row]) -> ListPage<Row> {
        ListPage(page: page, rows: rows, count: rows.count, isEmpty: rows.isEmpty, filter: nil)
    }

    /// The label of the application's next milestone (computed by the analysis), e.g. "Start date".
    func nextMilestone(_ application: Application) -> String? {
        index.applications[application.id].flatMap { report.applications[$0].nextMilestone }
            .map { Format.label($0.rawValue) }
    }
}
