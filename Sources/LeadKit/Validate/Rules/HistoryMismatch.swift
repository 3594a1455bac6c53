/// `history-mismatch`: the last history entry is not the lead's status.
public struct HistoryMismatch: RecordRule {
    public static let code = DiagnosticCode.historyMismatch
    public static let severity = Severity.error
    public static let summary = "the last history entry is not the status"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.leads.compactMap { lead in
            guard let last = lead.history.last, let status = context.stage(of: lead).status,
                last.status.value != status.value
            else { return nil }
            return Self.diagnostic(
                at: last.status.location,
                "the last history entry is \(last.status.value) but status is \(status.value); append {status: \(status.value), date: …}"
            )
        }
    }
}
