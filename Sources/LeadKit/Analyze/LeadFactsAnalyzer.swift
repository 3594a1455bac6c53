/// Computes each lead's days in stage, last interaction, staleness and agenda bucket.
public struct LeadFactsAnalyzer: Sendable {
    public let content: CheckedContent
    public let asOf: Day

    public init(content: CheckedContent, asOf: Day) {
        self.content = content
        self.asOf = asOf
    }

    public func analyze() -> [LeadFacts] {
        content.records.leads.indices.map(facts(for:))
    }

    func facts(for position: Int) -> LeadFacts {
        let lead = content.records.leads[position]
        let configuration = content.configuration
        let pipeline = configuration.pipeline(for: lead)
        let status = lead.status?.value
        let known = status.map(pipeline.contains) ?? false
        let isOpen = known && pipeline.isOpen(status!)
        let isWon = known && pipeline.isWon(status!)

        let stageSince = lead.history.last(where: { $0.status.value == status })?.date?.value ?? lead.created?.value
        let interactions = content.index.interactionsByLead[lead.id] ?? []
        let lastInteraction = interactions.last { position in
            content.records.interactions[position].date.map { $0.value.day <= asOf } ?? false
        }
        let lastContactDay = lastInteraction.flatMap { content.records.interactions[$0].date?.value.day }
        let silenceDays = (lastContactDay ?? lead.created?.value).map { asOf.days(since: $0) }

        var reasons: [StaleReason] = []
        var bucket: AgendaBucket?
        let due = lead.nextFollowUp?.value.day
        // A closed lead's follow-up ("check back in Q1") stays on the agenda; a won lead's is done.
        if let due, known, !isWon {
            if due < asOf {
                bucket = .overdue
            } else if due == asOf {
                bucket = .today
            } else if due.days(since: asOf) <= 7 {
                bucket = .next7Days
            }
        }
        // Snoozed: a follow-up set for later says the silence is on purpose.
        let isSnoozed = due.map { $0 > asOf } ?? false
        if isOpen {
            if let due, due < asOf { reasons.append(.overdueFollowUp) }
            if !isSnoozed, let temperature = lead.temperature?.value, let silenceDays,
                silenceDays > configuration.staleAfter(temperature)
            {
                reasons.append(.noRecentInteraction)
            }
            if interactions.isEmpty, let created = lead.created?.value,
                asOf.days(since: created) * 24 > configuration.acknowledgeWithinHours
            {
                reasons.append(.unacknowledged)
            }
        }

        var reachedRank = 0
        if known || !lead.history.isEmpty {
            let historyRanks = lead.history.compactMap { pipeline.rank(of: $0.status.value) }
            if let furthest = (historyRanks + [status.flatMap(pipeline.rank(of:))].compactMap { $0 }).max() {
                reachedRank = furthest
            }
        }
        let wonOn = lead.history.first { pipeline.isWon($0.status.value) }?.date?.value

        return LeadFacts(
            leadIndex: position, pipeline: pipeline, hasKnownStatus: known, isOpen: isOpen, isWon: isWon,
            daysInStage: stageSince.map { max(0, asOf.days(since: $0)) },
            interactions: interactions, lastInteraction: lastInteraction, silenceDays: silenceDays,
            staleReasons: reasons, agendaBucket: bucket, isSnoozed: isSnoozed, reachedRank: reachedRank, wonOn: wonOn)
    }
}
