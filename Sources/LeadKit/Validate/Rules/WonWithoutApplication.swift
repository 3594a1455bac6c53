/// `won-without-application`: a lead at its pipeline's won stage without the record it converted
/// into — the won stage's `converts_into`: an `application` (networking), a `client` (sales) or a
/// `job` (recruiting). The code keeps its first name, which users' scripts know.
public struct WonWithoutApplication: RecordRule {
    public static let code = DiagnosticCode.wonWithoutApplication
    public static let severity = Severity.error
    public static let summary =
        "won stage without the record it converts into: `application` (networking), `client` (sales) or `job` (recruiting)"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.leads.compactMap { lead in
            let (pipeline, status) = context.stage(of: lead)
            guard let status, pipeline.isWon(status.value) else { return nil }
            let target = pipeline.convertsInto
            let link: Located<Link>? =
                switch target {
                case .application: lead.application
                case .client: lead.client
                case .job: lead.job
                }
            guard link == nil else { return nil }
            return Self.diagnostic(
                at: status.location,
                "lead is \(status.value) but has no '\(target.field)'; run `leads convert \(lead.id)`, which creates the \(target.rawValue) and links it"
            )
        }
    }
}
