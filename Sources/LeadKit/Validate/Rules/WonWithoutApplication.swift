/// `won-without-application`: a lead at its pipeline's won stage without the record it converted
/// into (the won stage's `converts_into`, an application).
public struct WonWithoutApplication: RecordRule {
    public static let code = DiagnosticCode.wonWithoutApplication
    public static let severity = Severity.error
    public static let summary = "won stage without `application`"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.leads.compactMap { lead in
            let (pipeline, status) = context.stage(of: lead)
            guard let status, pipeline.isWon(status.value), lead.application == nil else { return nil }
            return Self.diagnostic(
                at: status.location,
                "lead is \(status.value) but has no 'application'; convert it into an application and link it")
        }
    }
}
