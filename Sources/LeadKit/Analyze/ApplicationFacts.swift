/// What the report computes about one application.
public struct ApplicationFacts: Sendable {
    public var applicationIndex: Int
    /// The milestone due next: the earliest one dated after the as-of date, else the first of the
    /// checklist after the furthest one recorded; nil when the checklist is complete.
    public var nextMilestone: Milestone?
    /// The milestones dated after the as-of date, as written (for the calendar).
    public var upcoming: [MilestoneEntry]
}

extension ApplicationFacts {
    /// The facts of the application at `position`, as of `asOf`.
    static func of(_ application: Application, at position: Int, asOf: Day) -> ApplicationFacts {
        ApplicationFacts(
            applicationIndex: position, nextMilestone: nextMilestone(application, asOf: asOf),
            upcoming: application.milestones.filter { ($0.date?.value).map { $0 > asOf } ?? false })
    }

    private static func nextMilestone(_ application: Application, asOf: Day) -> Milestone? {
        let upcoming = application.milestones.filter { ($0.date?.value).map { $0 > asOf } ?? false }.min {
            $0.date!.value < $1.date!.value
        }
        if let upcoming { return upcoming.milestone.value }
        let recorded = application.milestones.compactMap { Milestone.allCases.firstIndex(of: $0.milestone.value) }
        let next = (recorded.max() ?? -1) + 1
        return next < Milestone.allCases.count ? Milestone.allCases[next] : nil
    }
}
