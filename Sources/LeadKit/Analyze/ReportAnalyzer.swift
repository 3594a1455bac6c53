/// The analyze stage: from checked content and an as-of date to every figure of the report.
public struct ReportAnalyzer: Sendable {
    public let content: CheckedContent
    public let asOf: Day
    /// The content's git history: leads' stage histories are merged with it and its changes listed.
    public let history: RecordHistory?

    public init(content: CheckedContent, asOf: Day, history: RecordHistory? = nil) {
        self.content = content
        self.asOf = asOf
        self.history = history
    }

    public func analyze() -> Report {
        guard let history else { return analyzeContent() }
        let merged = StageHistory.merge(content, history, asOf: asOf)
        var report = ReportAnalyzer(content: merged.content, asOf: asOf).analyzeContent()
        report.gitHistory = history
        report.historyNotes = merged.notes
        report.changes = ChangeList.all(history, configuration: content.configuration, asOf: asOf, content: content)
        for (position, change) in report.changes.enumerated() {
            report.changesByRecord[change.kind + "/" + change.record, default: []].append(position)
        }
        return report
    }

    func analyzeContent() -> Report {
        let facts = LeadFactsAnalyzer(content: content, asOf: asOf).analyze()
        let funnel = FunnelAnalyzer(content: content, facts: facts).analyze()
        let records = content.records
        let leads = records.leads
        let applications = records.applications.enumerated().map { position, application in
            TrackFacts.of(
                application, at: position, started: application.applied?.value,
                lead: application.lead.flatMap { content.index.leads[$0.value.target] },
                configuration: content.configuration, asOf: asOf)
        }
        let jobs = records.jobs.enumerated().map { position, job in
            TrackFacts.of(
                job, at: position, started: job.opened?.value,
                lead: job.lead.flatMap { content.index.leads[$0.value.target] },
                configuration: content.configuration, asOf: asOf)
        }
        let tracked = applications + jobs
        let milestonesDue = tracked.flatMap {
            MilestoneDue.of($0, track: content.configuration.track($0.kind), asOf: asOf)
        }.sorted { ($0.date, $0.record) < ($1.date, $1.record) }
        var report = Report(
            asOf: asOf, content: content, facts: facts, applications: applications, jobs: jobs,
            milestonesDue: milestonesDue,
            stalled: tracked.filter { !$0.staleReasons.isEmpty }.sorted {
                ($0.lastProgress ?? asOf, $0.id) < ($1.lastProgress ?? asOf, $1.id)
            },
            cohorts: [], forecast: [],
            stale: staleOrder(facts), agenda: agendaOrder(facts),
            followUps: facts.filter { $0.hasKnownStatus && !$0.isWon && leads[$0.leadIndex].nextFollowUp != nil }
                .map(\.leadIndex),
            boards: content.configuration.pipelines.map { PipelineBoard.of($0, facts: facts, leads: leads) },
            trackBoards: [
                TrackBoard.of(.application, applications, track: content.configuration.track(.application)),
                TrackBoard.of(.job, jobs, track: content.configuration.track(.job)),
            ].compactMap { $0 },
            backLinks: BackLinks(records), interactionLog: InteractionLog(records.interactions),
            funnel: funnel.stages, funnelBySource: funnel.bySource, history: history(facts, filled: tracked),
            weeklyInteractions: weeklyInteractions(weeks: 26), headline: headline(facts))
        report.cohorts = cohorts(report)
        let lostPlacements = Set(
            facts.filter { $0.isWon && report.converted($0.leadIndex)?.state.isLost == true }.map(\.leadIndex))
        report.forecast = forecast(facts, lostPlacements: lostPlacements)
        report.claims = Claim.all(content, asOf: asOf)
        report.unassigned = facts.filter { $0.isOpen && leads[$0.leadIndex].owner == nil }.map(\.leadIndex)
            .sorted { leads[$0].id < leads[$1].id }
        report.owners = OwnerDay.all(report)
        return report
    }

    /// Stale leads by urgency: HOT first, then the longest silence, then id.
    func staleOrder(_ facts: [LeadFacts]) -> [Int] {
        let leads = content.records.leads
        func rank(_ fact: LeadFacts) -> Int { leads[fact.leadIndex].urgencyRank }
        return facts.filter { !$0.staleReasons.isEmpty }.sorted { a, b in
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.silenceDays != b.silenceDays { return (a.silenceDays ?? 0) > (b.silenceDays ?? 0) }
            return leads[a.leadIndex].id < leads[b.leadIndex].id
        }.map(\.leadIndex)
    }

    /// Follow-ups due up to a week ahead, earliest first.
    func agendaOrder(_ facts: [LeadFacts]) -> [Int] {
        let leads = content.records.leads
        return facts.filter { $0.agendaBucket != nil }.sorted { a, b in
            let (x, y) = (leads[a.leadIndex].nextFollowUp!.value, leads[b.leadIndex].nextFollowUp!.value)
            if x != y { return x < y }
            return leads[a.leadIndex].id < leads[b.leadIndex].id
        }.map(\.leadIndex)
    }

    /// Leads created and won per month and per quarter, oldest first.
    func history(_ facts: [LeadFacts], filled tracked: [TrackFacts]) -> [PeriodCount] {
        var created: [String: Int] = [:]
        var converted: [String: Int] = [:]
        var filled: [String: Int] = [:]
        for day in tracked.compactMap(\.filledOn) {
            filled[day.monthKey, default: 0] += 1
            filled[day.quarterKey, default: 0] += 1
        }
        for fact in facts {
            let lead = content.records.leads[fact.leadIndex]
            if let day = lead.created?.value {
                created[day.monthKey, default: 0] += 1
                created[day.quarterKey, default: 0] += 1
            }
            if fact.isWon, let day = fact.wonOn {
                converted[day.monthKey, default: 0] += 1
                converted[day.quarterKey, default: 0] += 1
            }
        }
        return Set(created.keys).union(converted.keys).union(filled.keys).sorted().map { period in
            PeriodCount(
                period: period, isQuarter: period.contains("Q"), created: created[period] ?? 0,
                converted: converted[period] ?? 0, filled: filled[period] ?? 0)
        }
    }

    /// Interactions per week, the last week being the as-of date and the six days before.
    func weeklyInteractions(weeks: Int) -> [WeekCount] {
        var counts = [Int](repeating: 0, count: weeks)
        for interaction in content.records.interactions {
            guard let day = interaction.date?.value.day else { continue }
            let ago = asOf.days(since: day)
            guard ago >= 0, ago / 7 < weeks else { continue }
            counts[weeks - 1 - ago / 7] += 1
        }
        return counts.enumerated().map { week, count in
            WeekCount(start: asOf.adding(days: -((weeks - 1 - week) * 7 + 6)), count: count)
        }
    }

    func headline(_ facts: [LeadFacts]) -> Headline {
        var byTemperature: [Temperature: Int] = [:]
        for fact in facts where fact.isOpen {
            if let temperature = content.records.leads[fact.leadIndex].temperature?.value {
                byTemperature[temperature, default: 0] += 1
            }
        }
        let days = content.records.interactions.compactMap { $0.date.map { asOf.days(since: $0.value.day) } }
        return Headline(
            openLeads: facts.count { $0.isOpen }, openByTemperature: byTemperature,
            interactionsLast7Days: days.count { (0..<7).contains($0) },
            interactionsLast30Days: days.count { (0..<30).contains($0) },
            wonLeads: facts.count { $0.isWon }, totalLeads: facts.count)
    }

    /// Leads by pipeline and by month and quarter of creation, with where each is now.
    func cohorts(_ report: Report) -> [Cohort] {
        var cohorts: [String: Cohort] = [:]
        for fact in report.facts {
            let lead = content.records.leads[fact.leadIndex]
            guard let created = lead.created?.value else { continue }
            let outcome = report.converted(fact.leadIndex)?.state
            let status = lead.status?.value ?? ""
            for period in [created.monthKey, created.quarterKey] {
                let key = fact.pipeline.name + " " + period
                var cohort =
                    cohorts[key]
                    ?? Cohort(
                        period: period, isQuarter: period.contains("Q"), pipeline: fact.pipeline.name, leads: [],
                        converted: [], filled: [], completed: [], lost: [], open: [])
                cohort.leads.append(fact.leadIndex)
                if fact.isWon { cohort.converted.append(fact.leadIndex) }
                if outcome?.isFilled == true { cohort.filled.append(fact.leadIndex) }
                if outcome == .completed { cohort.completed.append(fact.leadIndex) }
                if (fact.hasKnownStatus && fact.pipeline.isClosed(status)) || outcome?.isLost == true {
                    cohort.lost.append(fact.leadIndex)
                }
                // Still open: the lead, or the job or application it was won into (not yet filled or lost).
                if fact.isOpen || outcome == .open { cohort.open.append(fact.leadIndex) }
                cohorts[key] = cohort
            }
        }
        let order = content.configuration.pipelines.map(\.name)
        let byID = { (positions: [Int]) in
            positions.sorted { self.content.records.leads[$0].id < self.content.records.leads[$1].id }
        }
        return cohorts.values.map { cohort in
            var sorted = cohort
            sorted.leads = byID(cohort.leads)
            return sorted
        }.sorted { a, b in
            if a.period != b.period { return a.period < b.period }
            return (order.firstIndex(of: a.pipeline) ?? order.count) < (order.firstIndex(of: b.pipeline) ?? order.count)
        }
    }

    /// Deal values per pipeline and currency: open, weighted by each stage's probability, and won.
    /// `lostPlacements`: leads won into a job or application that ended without a placement, whose
    /// value was not realised.
    func forecast(_ facts: [LeadFacts], lostPlacements: Set<Int> = []) -> [Forecast] {
        var totals: [String: Forecast] = [:]
        var order: [String] = []
        for fact in facts {
            let lead = content.records.leads[fact.leadIndex]
            guard let value = lead.value?.value, fact.hasKnownStatus, let status = lead.status?.value else { continue }
            let currency = lead.currency?.value.uppercased() ?? content.configuration.currency
            let key = fact.pipeline.name + " " + currency
            if totals[key] == nil {
                order.append(key)
                totals[key] = Forecast(
                    pipeline: fact.pipeline.name, currency: currency, openValue: 0, weightedValue: 0, wonValue: 0)
            }
            if fact.isOpen {
                totals[key]!.openValue += value
                totals[key]!.weightedValue += value * (fact.pipeline.probability[status] ?? 0)
            } else if fact.isWon, !lostPlacements.contains(fact.leadIndex) {
                totals[key]!.wonValue += value
            }
        }
        let pipelines = content.configuration.pipelines.map(\.name)
        return order.compactMap { totals[$0] }.sorted { a, b in
            let (x, y) = (pipelines.firstIndex(of: a.pipeline) ?? 0, pipelines.firstIndex(of: b.pipeline) ?? 0)
            return x != y ? x < y : a.currency < b.currency
        }
    }
}
