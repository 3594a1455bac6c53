/// How leads move stage to stage: counts reached, conversion and time spent, per pipeline and source.
public struct FunnelAnalyzer: Sendable {
    public let content: CheckedContent
    public let facts: [LeadFacts]

    public init(content: CheckedContent, facts: [LeadFacts]) {
        self.content = content
        self.facts = facts
    }

    public func analyze() -> (stages: [FunnelStage], bySource: [SourceFunnel]) {
        var stages: [FunnelStage] = []
        var bySource: [SourceFunnel] = []
        for pipeline in content.configuration.pipelines {
            let members = facts.filter { $0.pipeline.name == pipeline.name && isCounted($0) }
            let reached = reachedCounts(members, pipeline: pipeline)
            let durations = stageDurations(members, pipeline: pipeline)
            for (rank, status) in pipeline.stages.enumerated() {
                let next = rank + 1 < reached.count ? reached[rank + 1] : nil
                stages.append(
                    FunnelStage(
                        pipeline: pipeline.name, status: status, reached: reached[rank],
                        conversionToNext: next.flatMap { reached[rank] > 0 ? Double($0) / Double(reached[rank]) : nil },
                        medianDaysInStage: median(durations[status] ?? []),
                        quartileDaysInStage: quartiles(durations[status] ?? [])))
            }
            let sources = Dictionary(grouping: members) { content.records.leads[$0.leadIndex].source?.value ?? "" }
            for source in sources.keys.sorted() where !source.isEmpty {
                bySource.append(
                    SourceFunnel(
                        pipeline: pipeline.name, source: source,
                        reached: reachedCounts(sources[source]!, pipeline: pipeline)))
            }
        }
        return (stages, bySource)
    }

    /// A lead whose status and history name no stage of its pipeline cannot be placed.
    func isCounted(_ fact: LeadFacts) -> Bool {
        let lead = content.records.leads[fact.leadIndex]
        return fact.hasKnownStatus || lead.history.contains { fact.pipeline.contains($0.status.value) }
    }

    /// A lead reaches every stage up to its furthest; a closed lead without history only the first.
    func reachedCounts(_ members: [LeadFacts], pipeline: Pipeline) -> [Int] {
        var reached = [Int](repeating: 0, count: pipeline.stages.count)
        for fact in members {
            for rank in 0...min(fact.reachedRank, reached.count - 1) { reached[rank] += 1 }
        }
        return reached
    }

    /// Days between entering a stage and the next history entry, per stage.
    func stageDurations(_ members: [LeadFacts], pipeline: Pipeline) -> [String: [Int]] {
        var durations: [String: [Int]] = [:]
        for fact in members {
            let history = content.records.leads[fact.leadIndex].history
            for (entry, next) in zip(history, history.dropFirst()) where entry.status.value != next.status.value {
                guard let start = entry.date?.value, let end = next.date?.value, end >= start else { continue }
                durations[entry.status.value, default: []].append(end.days(since: start))
            }
        }
        return durations
    }

    /// The lower and upper quartile: the medians of the lower and the upper half (the middle value,
    /// with an odd count, in neither half).
    func quartiles(_ values: [Int]) -> (lower: Double, upper: Double)? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        guard sorted.count > 1 else { return (Double(sorted[0]), Double(sorted[0])) }
        let half = sorted.count / 2
        return (median(Array(sorted[..<half]))!, median(Array(sorted[(sorted.count - half)...]))!)
    }

    func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
