/// A milestone on the agenda: booked in the next seven days (an interview, a start date), or a
/// decision point reached without an answer.
public struct MilestoneDue: Sendable {
    public var kind: RecordKind
    /// The position in `RecordSet.applications` or `RecordSet.jobs`.
    public var index: Int
    public var record: String
    /// The lead the record was converted from, for whom to contact.
    public var lead: Int?
    public var step: MilestoneStep
    public var date: Day
    public var bucket: AgendaBucket
    /// What to do about it, e.g. "Call on the day to confirm the start".
    public var action: String?
}

extension MilestoneDue {
    /// The agenda entries of one application or job: only active ones (open, or filled and in
    /// probation) have milestones ahead.
    static func of(_ facts: TrackFacts, track: MilestoneTrack, asOf: Day) -> [MilestoneDue] {
        guard facts.state.isActive else { return [] }
        var due: [MilestoneDue] = []
        for entry in facts.upcoming {
            guard let date = entry.date?.value, date.days(since: asOf) <= 7 else { continue }
            due.append(item(facts, track, entry.milestone.value, date: date, bucket: .next7Days))
        }
        for entry in facts.undecided {
            guard let date = entry.date?.value else { continue }
            due.append(item(facts, track, entry.milestone.value, date: date, bucket: date == asOf ? .today : .overdue))
        }
        return due
    }

    private static func item(
        _ facts: TrackFacts, _ track: MilestoneTrack, _ code: String, date: Day, bucket: AgendaBucket
    ) -> MilestoneDue {
        let step = track.step(code) ?? MilestoneStep(code, code)
        return MilestoneDue(
            kind: facts.kind, index: facts.index, record: facts.id, lead: facts.lead, step: step, date: date,
            bucket: bucket, action: action(code, kind: facts.kind, bucket: bucket))
    }

    /// A recruiter calls the placed candidate on their first day; a job seeker's own start needs no reminder.
    static func action(_ code: String, kind: RecordKind, bucket: AgendaBucket) -> String? {
        if code == MilestoneTrack.startDate { return kind == .job ? "Call on the day to confirm the start" : nil }
        if bucket != .next7Days { return "Record the decision: outcome YES or NO" }
        return nil
    }
}
