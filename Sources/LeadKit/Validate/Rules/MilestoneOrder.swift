/// `milestone-order`: an application's or a job's milestone dated out of order — before an earlier
/// step of its track, before the record was opened (or applied for), or (by the as-of date) after it
/// was closed. Such a
/// date is probably a typo (a probation completed before the start date would make the placement
/// look complete), but the record stays usable, so it is a warning.
public struct MilestoneOrder: RecordRule {
    public static let code = DiagnosticCode.milestoneOrder
    public static let severity = Severity.warning
    public static let summary =
        "a milestone dated before an earlier step of its track, before its record was opened or applied for, or after it was closed"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.applications.flatMap { check($0, started: $0.applied, context) }
            + context.records.jobs.flatMap { check($0, started: $0.opened, context) }
    }

    private func check<Record: TrackedRecord>(_ record: Record, started: Located<Day>?, _ context: ValidationContext)
        -> [Diagnostic]
    {
        let track = context.configuration.track(Record.kind)
        let kind = Record.kind.rawValue
        var diagnostics: [Diagnostic] = []
        let dated = record.milestones.compactMap { entry in entry.date.map { (entry, $0) } }
        for (entry, date) in dated {
            let code = entry.milestone.value
            let rank = track.rank(of: code) ?? 0
            if let started, date.value < started.value {
                diagnostics.append(
                    Self.diagnostic(
                        at: date.location,
                        "\(code) is dated \(date.value), before the \(kind) began on \(started.value)"))
            } else if let earlier = dated.first(where: {
                (track.rank(of: $0.0.milestone.value) ?? 0) < rank && $0.1.value > date.value
            }) {
                diagnostics.append(
                    Self.diagnostic(
                        at: date.location,
                        "\(code) is dated \(date.value), before \(earlier.0.milestone.value), an earlier step, on \(earlier.1.value)"
                    ))
            }
            // A step booked ahead before the record was closed is simply off; one that happened after is odd.
            if let closed = record.closed, date.value > closed.value, date.value <= context.asOf {
                diagnostics.append(
                    Self.diagnostic(
                        at: date.location,
                        "\(code) is dated \(date.value), after the \(kind) was closed on \(closed.value)"))
            }
        }
        return diagnostics
    }
}
