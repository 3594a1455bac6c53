extension PageBuilder {
    func frame(_ title: String, _ file: String, depth: Int = 0) -> PageFrame {
        PageFrame(title: title, current: file, depth: depth, report: report)
    }

    func agendaPage() -> AgendaPage {
        let groups = agendaGroups()
        let cards = groups.flatMap(\.rows)
        return AgendaPage(
            page: frame("Follow-up agenda", "agenda.html"), agendaGroups: groups, hasAgenda: !groups.isEmpty,
            filter: groups.isEmpty
                ? nil
                : filterOptions(
                    cards, openOnly: true, otherOwners: groups.flatMap { $0.milestones.compactMap(\.owner) }))
    }

    func boardPage() -> BoardPage {
        let boards = boards(depth: 0)
        return BoardPage(
            page: frame("Pipeline", "board.html"), boards: boards,
            filter: filterOptions(boards.flatMap { $0.columns.flatMap(\.cards) }),
            trackBoards: report.trackBoards.map(trackBoard))
    }

    func trackBoard(_ board: TrackBoard) -> TrackBoardView {
        let name = board.kind == .job ? "Jobs" : "Applications"
        return TrackBoardView(
            name: board.kind.folder, label: name + " by milestone and outcome",
            columns: board.columns.map { column in
                TrackBoardView.Column(
                    label: column.label, headingID: Format.slug("\(board.kind.folder)-\(column.key)"),
                    count: column.records.count,
                    cards: column.records.map { facts in
                        let record = report.trackedRecord(facts)
                        let due = facts.next.map { next in
                            "Next: " + next.label + (facts.nextDue.map { " · " + Format.day($0) } ?? "")
                        }
                        return TrackBoardView.Card(
                            title: record.title?.value ?? record.id, href: href(board.kind, record.id, depth: 0),
                            company: company(record.company, depth: 0).name,
                            detail: due ?? facts.furthest?.date.map { Format.day($0.value) } ?? "")
                    }, isOutcome: column.isOutcome)
            })
    }

    func stalePage() -> StalePage {
        let configuration = report.content.configuration
        let rows = report.stale.map { card($0, depth: 0) }
        let thresholds = Temperature.allCases.map {
            "\($0.rawValue) after \(Format.plural(configuration.staleAfter($0), "day"))"
        }
        let stalled = report.stalled.map { facts -> StalePage.Stalled in
            let record = report.trackedRecord(facts)
            let track = configuration.track(facts.kind)
            return StalePage.Stalled(
                title: record.title?.value ?? record.id, href: href(facts.kind, record.id, depth: 0),
                kind: Format.label(facts.kind.rawValue.uppercased()),
                furthest: facts.furthest.map { track.step($0.milestone.value)?.label ?? $0.milestone.value } ?? "none",
                lastProgress: facts.lastProgress.map(Format.day) ?? "–",
                silence: facts.lastProgress.map { Format.days(report.asOf.days(since: $0)) } ?? "–")
        }
        let kinds = report.trackBoards.map(\.kind)
        return StalePage(
            page: frame("Stale leads", "stale.html"), rows: rows, count: rows.count,
            filter: rows.isEmpty ? nil : filterOptions(rows, openOnly: true),
            caption: Format.plural(rows.count, "stale lead"), isEmpty: rows.isEmpty,
            thresholds: "Open leads are stale without an interaction for more than: "
                + thresholds.joined(separator: ", ")
                + "; or with an overdue follow-up; or not acknowledged within \(configuration.acknowledgeWithinHours) hours. A lead with a follow-up set for later is snoozed.",
            stalled: stalled, hasStalled: !stalled.isEmpty, hasTracked: !kinds.isEmpty,
            noProgressThresholds: kinds.map {
                "\($0.folder) after \(Format.plural(configuration.noProgressAfterDays[$0, default: 14], "day"))"
            }.joined(separator: ", "))
    }

    func funnelPage() -> FunnelPage {
        var byReason: [String: [Int]] = [:]
        // Only leads still closed: one reopened since keeps its old reason in the file, not on the page.
        for (position, lead) in records.leads.enumerated() where report.outcome(ofLead: position) == "lost" {
            if let reason = lead.lostReason?.value.trimmingSpaces, !reason.isEmpty {
                byReason[reason, default: []].append(position)
            }
        }
        let reasons = byReason.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
        }
        .map { reason, leads in
            FunnelPage.LostReason(
                reason: reason, count: leads.count,
                leads: leads.map {
                    FieldRow(
                        label: "", value: leadTitle(records.leads[$0]),
                        href: href(.lead, records.leads[$0].id, depth: 0))
                })
        }
        return FunnelPage(
            page: frame("Conversion funnel", "funnel.html"), funnels: funnels(), lostReasons: reasons,
            hasLostReasons: !reasons.isEmpty)
    }

    func historyPage() -> HistoryPage {
        let cohorts = Set(report.cohorts.map(\.period))
        let rows = report.history.map {
            (
                row: HistoryPage.Row(
                    period: $0.period,
                    href: cohorts.contains($0.period) ? "cohorts.html#" + Format.slug("cohort-\($0.period)") : nil,
                    created: $0.created,
                    converted: $0.converted, filled: $0.filled),
                quarter: $0.isQuarter
            )
        }
        let months = report.history.filter { !$0.isQuarter }
        let chart = BarChart.make(
            title: "Leads created, converted and filled per month",
            series: [
                .init(name: "Created", className: "created"), .init(name: "Converted", className: "converted"),
                .init(name: "Filled", className: "filled"),
            ],
            groups: months.map { (Format.shortMonth($0.period), [$0.created, $0.converted, $0.filled]) },
            labelEvery: max(1, months.count / 12))
        return HistoryPage(
            page: frame("History", "history.html"), months: rows.filter { !$0.quarter }.map(\.row).reversed(),
            quarters: rows.filter(\.quarter).map(\.row).reversed(), hasRows: !rows.isEmpty,
            chart: months.isEmpty ? nil : chart)
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

        let rows = records.companies.filter { hasPage($0.header) }.sorted { $0.id < $1.id }.map { company in
            RecordRow(
                title: company.name?.value ?? company.id, href: href(.company, company.id, depth: 0),
                detail: company.industry?.value ?? "",
                secondary: Format.plural(
                    clientLeads(company.id, also: report.backLinks.leadsByCompany[company.id] ?? []).count, "lead"),
                badge: badge(company.header.file))
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

    func jobsPage() -> ListPage<RecordRow> {
        let rows = records.jobs.indices.filter { hasPage(records.jobs[$0].header) }
            .sorted { records.jobs[$0].id < records.jobs[$1].id }
            .map { position in
                let job = records.jobs[position]
                let facts = report.jobs[position]
                return RecordRow(
                    title: job.title?.value ?? job.id, href: href(.job, job.id, depth: 0),
                    detail: company(job.company, depth: 0).name,
                    secondary: facts.state == .open
                        ? facts.next.map { "Next: \($0.label)" } ?? ""
                        : Format.label(facts.state.rawValue.uppercased()),
                    badge: badge(job.header.file))
            }
        return list(frame("Jobs", "jobs.html"), rows)
    }

    /// The recruiter's question, answered: per month and quarter of creation and per pipeline, how
    /// many leads were created, converted, filled, completed, lost and are still open, each number
    /// linking to its leads further down the page.
    func cohortsPage() -> CohortsPage {
        var members: [CohortsPage.Members] = []
        func rows(quarters: Bool) -> [CohortsPage.Row] {
            // Newest period first; within a period, pipelines in configuration order (as analysed).
            let cohorts = report.cohorts.filter { $0.isQuarter == quarters }
            let periods = Array(Set(cohorts.map(\.period))).sorted(by: >)
            return periods.flatMap { period in cohorts.filter { $0.period == period } }.map { cohort in
                let anchor = Format.slug("cohort-\(cohort.period)-\(cohort.pipeline)")
                let columns: [(String, [Int])] = [
                    ("created", cohort.created), ("converted", cohort.converted), ("filled", cohort.filled),
                    ("completed", cohort.completed), ("lost", cohort.lost), ("open", cohort.open),
                ]
                let cells = columns.map { name, leads -> CohortsPage.Cell in
                    guard !leads.isEmpty else { return CohortsPage.Cell(label: name.capitalized, count: 0, href: nil) }
                    let id = anchor + "-" + name
                    members.append(
                        CohortsPage.Members(
                            anchor: id,
                            title: "\(cohort.period) · \(Format.label(cohort.pipeline)) · \(name)",
                            leads: leads.sorted { records.leads[$0].id < records.leads[$1].id }.map { position in
                                let lead = records.leads[position]
                                return RecordRow(
                                    title: leadTitle(lead), href: href(.lead, lead.id, depth: 0),
                                    detail: lead.status.map { Format.label($0.value) } ?? "", secondary: "",
                                    badge: nil)
                            }))
                    return CohortsPage.Cell(label: name.capitalized, count: leads.count, href: "#" + id)
                }
                return CohortsPage.Row(
                    anchor: Format.slug("cohort-\(cohort.period)")
                        + (cohort.pipeline == firstPipeline(cohort.period) ? "" : "-" + Format.slug(cohort.pipeline)),
                    period: cohort.period, pipeline: Format.label(cohort.pipeline), cells: cells)
            }
        }
        let groups = [
            CohortsPage.Group(id: "quarters", title: "By quarter", periodLabel: "Quarter", rows: rows(quarters: true)),
            CohortsPage.Group(id: "months", title: "By month", periodLabel: "Month", rows: rows(quarters: false)),
        ]
        return CohortsPage(
            page: frame("Cohorts", "cohorts.html"), groups: groups, members: members,
            hasCohorts: !report.cohorts.isEmpty)
    }

    /// The first pipeline with a cohort in `period`: its row carries the period's plain anchor, which
    /// the History page links to.
    private func firstPipeline(_ period: String) -> String? {
        report.cohorts.first { $0.period == period }?.pipeline
    }

    func list<Row>(_ page: PageFrame, _ rows: [Row]) -> ListPage<Row> {
        ListPage(page: page, rows: rows, count: rows.count, isEmpty: rows.isEmpty, filter: nil)
    }

    /// The label of the application's next milestone (computed by the analysis), e.g. "Start date".
    func nextMilestone(_ application: Application) -> String? {
        index.applications[application.id].flatMap { report.applications[$0].next?.label }
    }
}
