/// `future-interaction`: an interaction dated after the as-of date; interactions record what happened.
public struct FutureInteraction: RecordRule {
    public static let code = DiagnosticCode.futureInteraction
    public static let severity = Severity.warning
    public static let summary = "an interaction dated after the as-of date"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.interactions.compactMap { interaction in
            guard let date = interaction.date, date.value.day > context.asOf else { return nil }
            return Self.diagnostic(
                at: date.location,
                "interaction is dated \(date.value), after today (\(context.asOf)); log interactions once they happened"
            )
        }
    }
}
