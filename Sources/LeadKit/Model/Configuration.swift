/// Pipelines and thresholds from `config.yml`, or the built-in defaults.
public struct Configuration: Sendable {
    /// In order; the first is the default for leads without `pipeline`.
    public var pipelines: [Pipeline]
    public var sources: [String]
    /// Days without an interaction after which an open lead is stale, by temperature.
    public var staleAfterDays: [Temperature: Int]
    public var acknowledgeWithinHours: Int
    /// Extra fields per kind (`fields: {application: {candidate: text, fee: number}}`), in the order declared.
    public var customFields: [RecordKind: [CustomField]] = [:]

    public init(
        pipelines: [Pipeline] = [.networking, .sales],
        sources: [String] = Configuration.defaultSources,
        staleAfterDays: [Temperature: Int] = [.hot: 7, .warm: 14, .cold: 30],
        acknowledgeWithinHours: Int = 24
    ) {
        self.pipelines = pipelines
        self.sources = sources
        self.staleAfterDays = staleAfterDays
        self.acknowledgeWithinHours = acknowledgeWithinHours
    }

    public static let defaultSources = [
        "LINKEDIN", "NETWORKING_EVENT", "REFERRAL", "WEBSITE", "COLD_CALL", "EMAIL", "EVENT", "JOB_BOARD", "OTHER",
    ]

    public static let builtIn = Configuration()

    public var defaultPipeline: Pipeline { pipelines[0] }

    public func pipeline(named name: String) -> Pipeline? {
        pipelines.first { $0.name == name }
    }

    /// The pipeline a lead belongs to: its `pipeline` when that exists, else the default.
    public func pipeline(for lead: Lead) -> Pipeline {
        lead.pipeline.flatMap { pipeline(named: $0.value) } ?? defaultPipeline
    }

    public func staleAfter(_ temperature: Temperature) -> Int {
        staleAfterDays[temperature] ?? Configuration.builtIn.staleAfterDays[temperature]!
    }
}
