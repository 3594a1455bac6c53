/// `referral-without-contact`: a lead at a stage its pipeline marks `requires_contact` (built in:
/// networking's REFERRAL_SECURED, which needs the person who refers you) without a `contact`.
public struct ReferralWithoutContact: RecordRule {
    public static let code = DiagnosticCode.referralWithoutContact
    public static let severity = Severity.error
    public static let summary =
        "a stage that requires a contact (REFERRAL_SECURED; `requires_contact` in `config.yml`) without `contact`"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.records.leads.compactMap { lead in
            let (pipeline, status) = context.stage(of: lead)
            guard let status, pipeline.requiresContact(status.value), lead.contact == nil else { return nil }
            return Self.diagnostic(
                at: status.location,
                "a secured referral needs the person who refers you; add 'contact: \"[[contact-id]]\"'")
        }
    }
}
