/// `sales-lead-unreachable`: a lead of a pipeline with `requires_reachable_contact` (built in:
/// sales) whose contact has neither an email nor a phone, or that has neither a contact nor an
/// `email` or `phone` of its own.
public struct SalesLeadUnreachable: RecordRule {
    public static let code = DiagnosticCode.salesLeadUnreachable
    public static let severity = Severity.error
    public static let summary =
        "a sales lead without a contact that has an email or phone (or an `email` or `phone` of its own)"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.leads.compactMap { lead in
            let (pipeline, status) = context.stage(of: lead)
            guard let status, pipeline.requiresReachableContact else { return nil }
            guard let link = lead.contact else {
                // A person not (yet) kept as a contact record, reachable by what the lead itself says.
                if lead.email != nil || lead.phone != nil { return nil }
                return Self.diagnostic(
                    at: lead.pipeline?.location ?? status.location,
                    "a \(pipeline.name) lead needs a 'contact' with an email or a phone (or its own 'email' or 'phone')"
                )
            }
            guard let position = context.index.contacts[link.value.target] else { return nil }
            let contact = context.all.contacts[position]
            guard contact.email == nil && contact.phone == nil else { return nil }
            return Self.diagnostic(
                at: link.location,
                "\(pipeline.name) lead's contact '\(link.value.target)' has no email or phone; add one to \(contact.header.file)"
            )
        }
    }
}
