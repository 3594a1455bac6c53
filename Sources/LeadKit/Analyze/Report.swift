/// Everything the pages and `report.json` show, computed from checked content.
public struct Report: Sendable {
    public var asOf: Day
    public var content: CheckedContent
    /// One per lead, in the order of `content.records.leads`.
    public var facts: [LeadFacts]
    /// One per application, in the order of `content.records.applications`.
    public var applications: [TrackFacts]
    /// One per job, in the order of `content.records.jobs`.
    public var jobs: [TrackFacts]
    /// Milestones booked in the next seven days and decisions waiting, earliest first.
    public var milestonesDue: [MilestoneDue]
    /// Open applications and jobs without progress (`no_progress`), oldest progress first.
    public var stalled: [TrackFacts]
    /// Per pipeline, per month and per quarter of creation, oldest first.
    public var cohorts: [Cohort]
    /// Per pipeline and currency, for pipelines with deal values.
    public var forecast: [Forecast]
    /// Each owner's day: their agenda, stale and open leads.
    public var owners: [OwnerDay] = []
    /// Claims on unowned leads, valid and expired.
    public var claims: [Claim] = []
    /// Open leads nobody owns: the pool, claimed or not (positions, by id).
    public var unassigned: [Int] = []
    /// Leads needing attention, most urgent first (HOT first, then the longest silence, then id).
    public var stale: [Int]
    /// Follow-ups due up to a week ahead, earliest first, then id.
    public var agenda: [Int]
    /// Leads not won with a follow-up date — open ones, and closed ones checking back later — in
    /// file order (the calendar's events).
    public var followUps: [Int]
    /// One board per configured pipeline, in configuration order.
    public var boards: [PipelineBoard]
    /// The applications' and the jobs' boards, for kinds that have records.
    public var trackBoards: [TrackBoard]
    public var backLinks: BackLinks
    public var interactionLog: InteractionLog
    public var funnel: [FunnelStage]
    public var funnelBySource: [SourceFunnel]
    public var history: [PeriodCount]
    /// Interactions per week over the last 26 weeks, oldest first, the last week ending on the as-of date.
    public var weeklyInteractions: [WeekCount]
    public var headline: Headline
    /// What git knows of the content (nil when the history was not asked for, as in `check`):
    /// its `note` says why the history views are empty or partial.
    public var gitHistory: RecordHistory? = nil
    /// The changes the history shows, committed ones oldest first, then the uncommitted ones.
    public var changes: [RecordChange] = []
    /// Positions in `changes` by `kind/id`, for a record's own changes.
    public var changesByRecord: [String: [Int]] = [:]
    /// Per lead position, where its file's history dates differ from its commits' (lead page notes).
    public var historyNotes: [Int: [String]] = [:]
    /// The commit a `build --at` report shows; nil for the working tree.
    public var atCommit: RecordHistory.Commit? = nil

    public var records: RecordSet { content.records }

    /// The agenda's leads in one bucket, earliest first.
    public func agenda(_ bucket: AgendaBucket) -> [Int] {
        agenda.filter { facts[$0].agendaBucket == bucket }
    }

    /// Where a lead ended up, for filters: `open`, `won`, `filled`, `completed` (its job or application),
    /// `lost` (a closed stage, or a job or application that ended without a placement), or `unknown`
    /// (a status its pipeline does not have).
    public func outcome(ofLead position: Int) -> String {
        let fact = facts[position]
        guard fact.hasKnownStatus else { return "unknown" }
        if fact.isOpen { return "open" }
        if !fact.isWon { return "lost" }
        switch converted(position)?.state {
        case .filled?: return "filled"
        case .completed?: return "completed"
        case let state? where state.isLost: return "lost"
        default: return "won"
        }
    }

    /// The application or job `facts` are about.
    public func trackedRecord(_ facts: TrackFacts) -> any TrackedRecord {
        facts.kind == .job ? records.jobs[facts.index] : records.applications[facts.index]
    }

    /// The facts of the application or job at `index`.
    public func track(_ kind: RecordKind, _ index: Int) -> TrackFacts {
        kind == .job ? jobs[index] : applications[index]
    }

    /// The application or job a lead converted into: the one its won-stage field links, else the
    /// first that names the lead.
    public func converted(_ lead: Int) -> TrackFacts? {
        let record = records.leads[lead]
        let index = content.index
        if let target = record.job?.value.target, let position = index.jobs[target] { return jobs[position] }
        if let target = record.application?.value.target, let position = index.applications[target] {
            return applications[position]
        }
        if let position = index.jobsByLead[record.id]?.first { return jobs[position] }
        return index.applicationsByLead[record.id]?.first.map { applications[$0] }
    }
}

/// One stage of a pipeline's conversion funnel.
public struct FunnelStage: Sendable {
    public var pipeline: String
    public var status: String
    public var reached: Int
    /// reached(next) / reached(this); nil for the last stage or when none reached this one.
    public var conversionToNext: Double?
    /// Median days leads spent here before moving on, from history dates.
    public var medianDaysInStage: Double?
    /// The spread of those stays: the lower and upper quartile, in days; nil without stays.
    public var quartileDaysInStage: (lower: Double, upper: Double)?
}

/// The funnel of one source within one pipeline.
public struct SourceFunnel: Sendable {
    public var pipeline: String
    public var source: String
    /// Reached counts in stage order.
    public var reached: [Int]
}

/// Leads created and converted, and placements filled, in one month or quarter.
public struct PeriodCount: Sendable {
    /// `YYYY-MM` or `YYYY-Qn`.
    public var period: String
    public var isQuarter: Bool
    public var created: Int
    public var converted: Int
    /// Applications and jobs filled in the period (by `TrackFacts.filledOn`).
    public var filled: Int
}

/// Interactions logged in one week.
public struct WeekCount: Sendable {
    /// The week's first day; weeks end on the as-of date and the six days before it.
    public var start: Day
    public var count: Int
}

/// The figures at the top of the dashboard.
public struct Headline: Sendable {
    public var openLeads: Int
    public var openByTemperature: [Temperature: Int]
    public var interactionsLast7Days: Int
    public var interactionsLast30Days: Int
    public var wonLeads: Int
    public var totalLeads: Int

    /// Won leads over all leads, nil without leads.
    public var conversionRate: Double? {
        totalLeads == 0 ? nil : Double(wonLeads) / Double(totalLeads)
    }
}
