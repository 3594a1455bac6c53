/// Why an open lead needs attention.
public enum StaleReason: String, Sendable, CaseIterable, Codable {
    case overdueFollowUp = "overdue_follow_up"
    case noRecentInteraction = "no_recent_interaction"
    case unacknowledged
    /// An open application or job with no new milestone for longer than its kind's threshold.
    case noProgress = "no_progress"
}

/// Where a follow-up falls relative to the as-of date.
public enum AgendaBucket: String, Sendable, CaseIterable, Codable {
    case overdue
    case today
    case next7Days = "next_7_days"
}

/// What the report computes about one lead.
public struct LeadFacts: Sendable {
    public var leadIndex: Int
    public var pipeline: Pipeline
    /// Whether `status` is one of the pipeline's statuses.
    public var hasKnownStatus: Bool
    public var isOpen: Bool
    public var isWon: Bool
    public var daysInStage: Int?
    /// Interactions in date order (oldest first), as indexes into `RecordSet.interactions`.
    public var interactions: [Int]
    /// The newest interaction dated on or before the as-of date.
    public var lastInteraction: Int?
    /// Days since the last interaction, or since `created` when there is none.
    public var silenceDays: Int?
    public var staleReasons: [StaleReason]
    /// Where the follow-up falls: open and closed leads (a "check back later"), never won ones.
    public var agendaBucket: AgendaBucket?
    /// The next follow-up is after the as-of date: silence is on purpose, not `no_recent_interaction`.
    public var isSnoozed: Bool
    /// The furthest ordered stage reached, for the funnel.
    public var reachedRank: Int
    /// The day the lead reached its won stage, when history says.
    public var wonOn: Day?
}
