/// Pipelines and thresholds from `config.yml`, or the built-in defaults.
public struct Configuration: Sendable {
    /// In order; the first is the default for leads without `pipeline`.
    public var pipelines: [Pipeline]
    public var sources: [String]
    /// Days without an interaction after which an open lead is stale, by temperature.
    public var staleAfterDays: [Temperature: Int]
    public var acknowledgeWithinHours: Int
    /// The team (`owners`); empty when not listed, and then any owner name is fine.
    public var owners: [Owner] = []
    /// How long a claim on an unowned lead lasts before the lead is back in the pool (`claim_window_hours`).
    public var claimWindowHours = 24
    /// The milestone checklist of applications and jobs (`milestones`).
    public var tracks: [RecordKind: MilestoneTrack] = [.application: .application, .job: .job]
    /// The currency of deal values that name none (`currency`).
    public var currency = "EUR"
    /// Days without a new milestone after which an open application or job is stale (`stale_after_days`'s
    /// `application` and `job`).
    public var noProgressAfterDays: [RecordKind: Int] = [.application: 14, .job: 14]
    /// Extra fields per kind (`fields: {application: {candidate: text, fee: number}}`), in the order declared.
    public var customFields: [RecordKind: [CustomField]] = [:]

    public init(
        pipelines: [Pipeline] = [.networking, .sales, .recruiting],
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

    public func track(_ kind: RecordKind) -> MilestoneTrack {
        tracks[kind] ?? MilestoneTrack(steps: [])
    }

    public func staleAfter(_ temperature: Temperature) -> Int {
        staleAfterDays[temperature] ?? Configuration.builtIn.staleAfterDays[temperature]!
    }
}
