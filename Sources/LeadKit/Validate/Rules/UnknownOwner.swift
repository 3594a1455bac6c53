/// `unknown-owner`: a lead's `owner` or `claimed_by` that is not one of `config.yml`'s `owners`
/// (case and surrounding spaces ignored). Without a list of owners any name is fine.
public struct UnknownOwner: RecordRule {
    public static let code = DiagnosticCode.unknownOwner
    public static let severity = Severity.warning
    public static let summary =
        "an `owner` or `claimed_by` not among `config.yml`'s `owners` (case and spaces ignored), with \"did you mean\""

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        let owners = context.configuration.owners
        guard !owners.isEmpty else { return [] }
        let keys = Set(owners.map(\.key))
        let names = owners.map(\.name)
        return context.records.leads.flatMap { lead in
            [(lead.owner, "owner"), (lead.claimedBy, "claimed_by")].compactMap { written, field in
                guard let written, !keys.contains(Owner.key(written.value)) else { return nil }
                return Self.diagnostic(
                    at: written.location,
                    "'\(field)' names '\(written.value)', who is not one of the owners in config.yml ("
                        + names.joined(separator: ", ") + ")" + Suggestion.didYouMean(written.value, in: names))
            }
        }
    }
}
