/// What every record rule reads: the parsed records, how to find them, the configuration and the
/// date taken as today. Pure: rules never touch the disk or the clock.
public struct ValidationContext: Sendable {
    /// The records to check.
    public let records: RecordSet
    /// Every record of the folder, which the index's positions point into: `records` itself,
    /// unless the language server checks only the records an edit can have changed.
    public let all: RecordSet
    public let index: RecordIndex
    public let configuration: Configuration
    public let asOf: Day

    public init(records: RecordSet, index: RecordIndex, configuration: Configuration, asOf: Day) {
        self.init(checking: records, within: records, index: index, configuration: configuration, asOf: asOf)
    }

    /// A context that checks `records`, a part of `all`.
    public init(
        checking records: RecordSet, within all: RecordSet, index: RecordIndex, configuration: Configuration, asOf: Day
    ) {
        self.records = records
        self.all = all
        self.index = index
        self.configuration = configuration
        self.asOf = asOf
    }

    /// The ids of every record of `kind`, for "did you mean".
    func ids(of kind: RecordKind) -> [String] {
        switch kind {
        case .lead: Array(index.leads.keys)
        case .interaction: Array(index.interactions.keys)
        case .contact: Array(index.contacts.keys)
        case .company: Array(index.companies.keys)
        case .application: Array(index.applications.keys)
        case .job: Array(index.jobs.keys)
        }
    }

    /// The furthest ordered stage a lead's history or status shows (0 for the first stage).
    func furthestRank(of lead: Lead, in pipeline: Pipeline) -> Int {
        let statuses = lead.history.map(\.status.value) + [lead.status?.value].compactMap { $0 }
        return statuses.compactMap { pipeline.rank(of: $0) }.max() ?? 0
    }

    /// Consecutive history entries whose stages both belong to the pipeline; an entry with an unknown
    /// stage (reported by `invalid-value`) breaks the chain, so it is not blamed twice.
    func historySteps(of lead: Lead, in pipeline: Pipeline) -> [(previous: HistoryEntry, entry: HistoryEntry)] {
        var steps: [(HistoryEntry, HistoryEntry)] = []
        var previous: HistoryEntry?
        for entry in lead.history {
            guard pipeline.contains(entry.status.value) else {
                previous = nil
                continue
            }
            if let previous { steps.append((previous, entry)) }
            previous = entry
        }
        return steps
    }

    /// The lead's pipeline, and its status when that is a stage of it.
    func stage(of lead: Lead) -> (pipeline: Pipeline, status: Located<String>?) {
        let pipeline = configuration.pipeline(for: lead)
        return (pipeline, lead.status.flatMap { pipeline.contains($0.value) ? $0 : nil })
    }
}
