extension PageBuilder {
    func dashboard() -> DashboardPage {
        let headline = report.headline
        let temperatures = Temperature.allCases.map {
            "\(headline.openByTemperature[$0] ?? 0) \($0.rawValue.lowercased())"
        }
        let figures = [
            Figure(
                label: "Open leads", value: String(headline.openLeads),
                detail: temperatures.joined(separator: " · "), href: "board.html"),
            Figure(
                label: "Hot leads", value: String(headline.openByTemperature[.hot] ?? 0),
                detail: "open and hot", href: "leads.html"),
            Figure(
                label: "Interactions, 7 days", value: String(headline.interactionsLast7Days),
                detail: "\(headline.interactionsLast30Days) in the last 30 days", href: "interactions.html"),
            Figure(
                label: "Conversion rate", value: Format.percent(headline.conversionRate),
                detail: "\(headline.wonLeads) of \(Format.plural(headline.totalLeads, "lead")) converted",
                href: "funnel.html"),
            Figure(
                label: "Stale leads", value: String(report.stale.count), detail: "need attention",
                href: "stale.html"),
        ]
        let stale = report.stale.prefix(8).map { card($0, depth: 0) }
        let groups = agendaGroups(limit: 12)
        return DashboardPage(
            page: PageFrame(title: "Dashboard", current: "index.html", depth: 0, report: report),
            figures: figures, agendaGroups: groups, hasAgenda: !groups.isEmpty, boards: boards(depth: 0, limit: 8),
            stale: stale, staleCount: report.stale.count, moreStale: report.stale.count - stale.count,
            hasMoreStale: report.stale.count > stale.count, funnels: funnels(),
            forecast: report.forecast.map {
                ForecastRow(
                    pipeline: Format.label($0.pipeline), open: Format.money($0.openValue, $0.currency),
                    weighted: Format.money($0.weightedValue, $0.currency), won: Format.money($0.wonValue, $0.currency))
            }, hasForecast: !report.forecast.isEmpty,
            weekly: BarChart.make(
                title: "Interactions per week, the last 26 weeks",
                series: [.init(name: "Interactions", className: "week")],
                groups: report.weeklyInteractions.map { (Format.shortDay($0.start), [$0.count]) }, labelEvery: 4),
            weeklyRows: report.weeklyInteractions.reversed().map {
                FieldRow(label: "Week of " + Format.day($0.start), value: String($0.count), href: nil)
            },
            owners: report.owners.map { day in
                OwnerLink(
                    name: day.owner.name, href: Self.ownerPath(day.owner),
                    detail: "\(Format.plural(day.agenda.count + day.milestones.count, "item")) due · "
                        + "\(day.stale.count) stale · \(day.open.count) open")
            }, hasOwners: !report.owners.isEmpty || !report.unassigned.isEmpty, unassigned: report.unassigned.count)
    }

    /// Where an owner's page is: `owners/<name>.html`.
    static func ownerPath(_ owner: Owner) -> String {
        "owners/" + Format.slug(owner.name) + ".html"
    }

    /// Where an owner's calendar feed is: `follow-ups-<name>.ics`.
    static func ownerFeed(_ owner: Owner) -> String {
        "follow-ups-" + Format.slug(owner.name) + ".ics"
    }

    /// The pool: every open lead nobody owns, and who has claimed it.
    func unassignedPage() -> UnassignedPage {
        let claims = Dictionary(report.claims.map { ($0.lead, $0) }, uniquingKeysWith: { _, last in last })
        let rows = report.unassigned.map { position in
            let claim = claims[position]
            let text: String
            switch claim {
            case let claim? where !claim.expired:
                text =
                    "Claimed by \(claim.by.name) at \(Format.dayTime(claim.at)), \(Format.plural(claim.hoursLeft, "hour")) left"
            case let claim?:
                text = "\(claim.by.name)'s claim expired at \(Format.dayTime(claim.expires)): free to claim"
            case nil:
                text = "Free to claim"
            }
            return UnassignedPage.Row(
                card: card(position, depth: 0), claim: text, isClaimed: claim.map { !$0.expired } ?? false)
        }
        return UnassignedPage(
            page: frame("Unassigned leads", "unassigned.html"), rows: rows, hasRows: !rows.isEmpty,
            window: Format.plural(report.content.configuration.claimWindowHours, "hour"))
    }

    /// One owner's morning page.
    func ownerPage(_ day: OwnerDay) -> OwnerPage {
        let groups = agendaGroups(day.agenda, milestones: day.milestones, depth: 1)
        let stale = day.stale.map { card($0, depth: 1) }
        let open = day.open.map { card($0, depth: 1) }
        let claims = day.claims.map { card($0.lead, depth: 1) }
        let changes = ownerChanges(day.owner)
        return OwnerPage(
            page: frame("\(day.owner.name)'s day", "", depth: 1), name: day.owner.name, email: day.owner.email,
            feed: "../" + Self.ownerFeed(day.owner), agendaGroups: groups, hasAgenda: !groups.isEmpty, stale: stale,
            hasStale: !stale.isEmpty, open: open, hasOpen: !open.isEmpty, claims: claims, hasClaims: !claims.isEmpty,
            changes: changes, hasChanges: !changes.isEmpty)
    }

    /// Follow-ups by bucket; `limit` keeps the dashboard short, the agenda page has them all.
    func agendaGroups(limit: Int = .max) -> [AgendaGroup] {
        agendaGroups(report.agenda, milestones: report.milestonesDue, depth: 0, limit: limit)
    }

    func agendaGroups(_ agenda: [Int], milestones all: [MilestoneDue], depth: Int, limit: Int = .max) -> [AgendaGroup] {
        let titles: [AgendaBucket: String] = [.overdue: "Overdue", .today: "Today", .next7Days: "Next 7 days"]
        return AgendaBucket.allCases.compactMap { bucket in
            let due = agenda.filter { report.facts[$0].agendaBucket == bucket }
            let milestones = all.filter { $0.bucket == bucket }
            guard !due.isEmpty || !milestones.isEmpty else { return nil }
            let rows = due.prefix(limit).map { card($0, depth: depth) }
            let lines = milestones.prefix(limit).map { milestoneLine($0, depth: depth) }
            let count = due.count + milestones.count
            let shown = rows.count + lines.count
            return AgendaGroup(
                title: titles[bucket]!, bucket: bucket.rawValue, count: count, rows: rows, milestones: lines,
                more: count - shown, hasMore: count > shown)
        }
    }

    /// A board per pipeline with leads (and the default pipeline's, even empty); `limit` caps the
    /// cards per column on the dashboard.
    func boards(depth: Int, limit: Int = .max) -> [Board] {
        report.boards.compactMap { board in
            let pipeline = board.pipeline
            guard board.leadCount > 0 || pipeline == report.content.configuration.defaultPipeline else { return nil }
            let columns = board.columns.map { column in
                let cards = column.leads.prefix(limit).map { card($0, depth: depth) }
                return Board.Column(
                    status: column.stage, label: Format.label(column.stage), count: column.leads.count, cards: cards,
                    isWon: pipeline.isWon(column.stage),
                    headingID: Format.slug("stage-\(pipeline.name)-\(column.stage)"),
                    more: column.leads.count - cards.count, hasMore: column.leads.count > cards.count)
            }
            let closed = board.closed.map {
                Board.ClosedSummary(
                    label: Format.label($0.stage), count: $0.leads.count,
                    href: String(repeating: "../", count: depth) + "leads.html?stage=" + $0.stage.lowercased())
            }
            return Board(
                name: Format.slug(pipeline.name), label: Format.label(pipeline.name) + " pipeline", columns: columns,
                closed: closed, hasClosed: !closed.isEmpty)
        }
    }

    func funnels() -> [FunnelChart] {
        // Each row: the label on its own line, the bar under it, so a short bar never hides its label.
        let rowHeight = 46
        return report.content.configuration.pipelines.compactMap { pipeline in
            let stages = report.funnel.filter { $0.pipeline == pipeline.name }
            guard let top = stages.first, top.reached > 0 else { return nil }
            let longest = stages.compactMap { $0.quartileDaysInStage?.upper }.max() ?? 0
            func percent(_ days: Double) -> String { Format.number(max(0, days / max(longest, 1) * 100)) }
            let rows = stages.enumerated().map { offset, stage in
                let spread = stage.quartileDaysInStage
                return FunnelChart.Row(
                    label: Format.label(stage.status), reached: stage.reached,
                    barWidth: Format.number(max(0.5, Double(stage.reached) / Double(top.reached) * 100)),
                    y: offset * rowHeight + 20, textY: offset * rowHeight + 14,
                    conversion: Format.percent(stage.conversionToNext),
                    median: stage.medianDaysInStage.map { Format.number($0) + " d" } ?? "–",
                    spread: spread.map { "\(Format.number($0.lower))–\(Format.number($0.upper)) d" } ?? "–",
                    spreadX: spread.map { percent($0.lower) },
                    spreadWidth: spread.map { Format.number(max(0.5, ($0.upper - $0.lower) / max(longest, 1) * 100)) },
                    medianX: stage.medianDaysInStage.map(percent), barY: offset * rowHeight + 24,
                    lineY: offset * rowHeight + 29)
            }
            let sources = report.funnelBySource.filter { $0.pipeline == pipeline.name }.map { source in
                FunnelChart.SourceRow(
                    source: Format.label(source.source), cells: source.reached.map(String.init),
                    conversion: Format.percent(
                        source.reached[0] == 0 ? nil : Double(source.reached.last!) / Double(source.reached[0])))
            }
            let summary = stages.map { "\(Format.label($0.status)) \($0.reached)" }.joined(separator: ", ")
            return FunnelChart(
                pipeline: Format.slug(pipeline.name), label: Format.label(pipeline.name) + " funnel", rows: rows,
                height: rows.count * rowHeight, summary: "Leads reaching each stage: " + summary,
                stageLabels: pipeline.stages.map(Format.label), sourceRows: sources, hasSources: !sources.isEmpty,
                hasTimes: longest > 0, timeScale: Format.number(longest))
        }
    }
}
