/// `interaction-before-lead`: an interaction dated before its lead was created.
public struct InteractionBeforeLead: RecordRule {
    public static let code = DiagnosticCode.interactionBeforeLead
    public static let severity = Severity.warning
    public static let summary = "an interaction dated before its lead's `created`"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.interactions.compactMap { interaction in
            guard let date = interaction.date, let target = interaction.lead?.value.target,
                let position = context.index.leads[target],
                let created = context.all.leads[position].created, date.value.day < created.value
            else { return nil }
            return Self.diagnostic(
                at: date.location,
                "interaction is dated \(date.value.day), before lead '\(target)' was created on \(created.value)")
        }
    }
}
