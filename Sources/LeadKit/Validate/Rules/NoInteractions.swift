/// `no-interactions`: a lead past its pipeline's first stage with nothing logged about it.
public struct NoInteractions: RecordRule {
    public static let code = DiagnosticCode.noInteractions
    public static let severity = Severity.warning
    public static let summary = "a lead past its first stage with no interaction logged"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.leads.compactMap { lead in
            let (pipeline, status) = context.stage(of: lead)
            guard let status, context.furthestRank(of: lead, in: pipeline) > 0,
                context.index.interactionsByLead[lead.id] == nil
            else { return nil }
            return Self.diagnostic(
                at: status.location,
                "lead is past \(pipeline.firstStage) but no interaction is logged for it; add one in interactions/")
        }
    }
}
