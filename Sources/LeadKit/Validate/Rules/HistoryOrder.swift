/// `history-order`: history dates that go back in time, or start before the lead was created.
public struct HistoryOrder: RecordRule {
    public static let code = DiagnosticCode.historyOrder
    public static let severity = Severity.error
    public static let summary = "history dates decrease, or start before `created`"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for lead in context.records.leads {
            let pipeline = context.configuration.pipeline(for: lead)
            for (previous, entry) in context.historySteps(of: lead, in: pipeline) {
                if let before = previous.date?.value, let date = entry.date, date.value < before {
                    diagnostics.append(
                        Self.diagnostic(
                            at: date.location,
                            "history date \(date.value) is before the previous entry's \(before); list history oldest first"
                        ))
                }
            }
            if let created = lead.created, let first = lead.history.first?.date, first.value < created.value {
                diagnostics.append(
                    Self.diagnostic(
                        at: first.location,
                        "history starts on \(first.value), before the lead was created on \(created.value)"))
            }
        }
        return diagnostics
    }
}
