/// `illegal-transition`: a history step the pipeline forbids (`Pipeline.transitionProblem`).
public struct IllegalTransition: RecordRule {
    public static let code = DiagnosticCode.illegalTransition
    public static let severity = Severity.error
    public static let summary =
        "history goes backward or leaves the won stage (forward skips are fine; a closed stage may reopen to any open stage, not straight to won)"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.leads.flatMap { lead in
            let pipeline = context.configuration.pipeline(for: lead)
            return context.historySteps(of: lead, in: pipeline).compactMap { previous, entry in
                pipeline.transitionProblem(from: previous.status.value, to: entry.status.value).map {
                    Self.diagnostic(at: entry.status.location, $0)
                }
            }
        }
    }
}
