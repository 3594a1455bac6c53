/// Where an application or a job stands as of the as-of date.
public enum OutcomeState: String, Sendable, CaseIterable, Codable {
    case open
    /// `START_DATE` is dated on or before the as-of date, or `outcome: FILLED`.
    case filled
    /// `PROBATION_COMPLETED` is reached.
    case completed
    /// `outcome: LOST`, or a decision point answered `NO` with no milestone after it.
    case lost
    case cancelled
    case rejected
    case withdrawn

    /// Filled and completed placements count as filled in cohorts.
    public var isFilled: Bool { self == .filled || self == .completed }

    /// Still going through its track: open, or filled and waiting for the probation to pass.
    public var isActive: Bool { self == .open || self == .filled }

    /// Closed without a placement.
    public var isLost: Bool { !isFilled && self != .open }
}

/// What the report computes about one application or job: its outcome, how far its milestone track
/// got, what is due next, and whether it has stopped moving.
public struct TrackFacts: Sendable {
    public var kind: RecordKind
    /// The position in `RecordSet.applications` or `RecordSet.jobs`.
    public var index: Int
    public var id: String
    /// The lead it was converted from, when the link resolves.
    public var lead: Int?
    public var state: OutcomeState
    /// The furthest step of the track reached (dated on or before the as-of date, or undated).
    public var furthest: MilestoneEntry?
    /// The step due next: the earliest one booked after the as-of date, else the first step of the
    /// track after the furthest one reached; nil when the track is done or the record is closed (a
    /// filled placement still has its probation ahead).
    public var next: MilestoneStep?
    /// When `next` is booked for, if it is.
    public var nextDue: Day?
    /// The milestones booked after the as-of date, earliest first.
    public var upcoming: [MilestoneEntry]
    /// Decision points reached without an answer (`outcome: YES|NO`), oldest first.
    public var undecided: [MilestoneEntry]
    /// The newest milestone reached, else the day it was opened or applied for.
    public var lastProgress: Day?
    /// `no_progress` when open and without a new milestone for longer than the configured days.
    public var staleReasons: [StaleReason]
    /// The day it was filled: its START_DATE when reached, else the day closed with `outcome: FILLED`.
    public var filledOn: Day?
}

extension TrackFacts {
    /// The facts of `record` at `position`, as of `asOf`.
    static func of<Record: TrackedRecord>(
        _ record: Record, at position: Int, started: Day?, lead: Int?, configuration: Configuration, asOf: Day
    ) -> TrackFacts {
        let track = configuration.track(Record.kind)
        let entries = record.milestones
        func rank(_ entry: MilestoneEntry) -> Int { track.rank(of: entry.milestone.value) ?? -1 }
        func reached(_ entry: MilestoneEntry) -> Bool { entry.date.map { $0.value <= asOf } ?? true }

        let done = entries.filter(reached)
        let furthest = done.max { rank($0) < rank($1) }
        let upcoming = entries.filter { !reached($0) }.sorted { $0.date!.value < $1.date!.value }
        let state = state(record, done: done, rank: rank, track: track)
        var next: MilestoneStep?
        var nextDue: Day?
        if state.isActive {
            // The earliest step booked ahead; once filled, only one further along the track than the
            // furthest reached (an earlier step still booked is out of order: `milestone-order`).
            let reachedRank = furthest.map(rank) ?? -1
            if let booked = upcoming.first(where: { state == .open || rank($0) > reachedRank }) {
                next = track.step(booked.milestone.value)
                nextDue = booked.date?.value
            } else {
                let after = (furthest.map(rank) ?? -1) + 1
                next = after < track.steps.count ? track.steps[after] : nil
            }
        }
        let undecided = done.filter { track.step($0.milestone.value)?.isDecision == true && $0.outcome == nil }
        let lastProgress = done.compactMap { $0.date?.value }.max() ?? started
        var reasons: [StaleReason] = []
        if state == .open, upcoming.isEmpty, let lastProgress,
            asOf.days(since: lastProgress) > configuration.noProgressAfterDays[Record.kind, default: 14]
        {
            reasons.append(.noProgress)
        }
        let started = done.first { $0.milestone.value == MilestoneTrack.startDate }?.date?.value
        return TrackFacts(
            kind: Record.kind, index: position, id: record.header.id, lead: lead, state: state, furthest: furthest,
            next: next, nextDue: nextDue, upcoming: upcoming, undecided: undecided, lastProgress: lastProgress,
            staleReasons: reasons, filledOn: state.isFilled ? (started ?? record.closed?.value) : nil)
    }

    private static func state<Record: TrackedRecord>(
        _ record: Record, done: [MilestoneEntry], rank: (MilestoneEntry) -> Int, track: MilestoneTrack
    ) -> OutcomeState {
        // Completed once probation is reached after a start that is reached too (or not recorded).
        let startBooked = record.milestones.contains { $0.milestone.value == MilestoneTrack.startDate }
        let started = done.contains { $0.milestone.value == MilestoneTrack.startDate }
        let completed =
            done.contains { $0.milestone.value == MilestoneTrack.probationCompleted } && (started || !startBooked)
        switch record.outcome?.value {
        case .filled?: return completed ? .completed : .filled
        case .lost?: return .lost
        case .cancelled?: return .cancelled
        case .rejected?: return .rejected
        case .withdrawn?: return .withdrawn
        case nil: break
        }
        if completed { return .completed }
        if done.contains(where: { $0.milestone.value == MilestoneTrack.startDate }) { return .filled }
        let furthestRank = done.map(rank).max() ?? -1
        let refused = done.contains { entry in
            entry.outcome?.value == .no && track.step(entry.milestone.value)?.isDecision == true
                && rank(entry) == furthestRank
        }
        return refused ? .lost : .open
    }
}
