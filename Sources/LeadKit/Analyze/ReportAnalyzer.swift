/// The analyze stage: from checked content and an as-of date to every figure of the report.
public struct ReportAnalyzer: Sendable {
    public let content: CheckedContent
    public let asOf: Day

    public init(content: CheckedContent, asOf: Day) {
        self.content = content
        self.asOf = asOf
    }

    public func analyze() -> Report {
        let facts = LeadFactsAnalyzer(content: content, asOf: asOf).analyze()
        let funnel = FunnelAnalyzer(content: content, facts: facts).analyze()
        let leads = content.records.leads
        return Report(
            asOf: asOf, content: content, facts: facts,
            applications: content.records.applications.enumerated().map {
                ApplicationFacts.of($1, at: $0, asOf: asOf)
            },
            stale: staleOrder(facts), agenda: agendaOrder(facts),
            followUps: facts.filter { $0.isOpen && leads[$0.leadIndex].nextFollowUp != nil }.map(\.leadIndex),
            boards: content.configuration.pipelines.map { PipelineBoard.of($0, facts: facts, leads: leads) },
            backLinks: BackLinks(content.records), interactionLog: InteractionLog(content.records.interactions),
            funnel: funnel.stages, funnelBySource: funnel.bySource, history: history(facts),
            headline: headline(facts))
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
    func history(_ facts: [LeadFacts]) -> [PeriodCount] {
        var created: [String: Int] = [:]
        var converted: [String: Int] = [:]
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
        return Set(created.keys).union(converted.keys).sorted().map { period in
            PeriodCount(
                period: period, isQuarter: period.contains("Q"), created: created[period] ?? 0,
                converted: converted[period] ?? 0)
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
}
