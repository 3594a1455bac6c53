/// `broken-link`: a link field (a schema entry of type `.link`) naming no record of its kind.
public struct BrokenLink: RecordRule {
    public static let code = DiagnosticCode.brokenLink
    public static let severity = Severity.error
    public static let summary =
        "a link to no record of the expected kind, or to something that is not an id (`[[../x]]`)"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        links(Lead.schema, context.records.leads, context)
            + links(Interaction.schema, context.records.interactions, context)
            + links(Contact.schema, context.records.contacts, context)
            + links(Company.schema, context.records.companies, context)
            + links(Application.schema, context.records.applications, context)
            + links(Job.schema, context.records.jobs, context)
    }

    private func links<Record>(_ schema: RecordSchema<Record>, _ records: [Record], _ context: ValidationContext)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        for field in schema.fields where field.type == .client {
            for record in records {
                guard case .link(let link)? = field.value(record) else { continue }
                if link.value.isWellFormedID, context.index.contains(link.value.target, kind: .contact) { continue }
                if let problem = Self.problem(link, field: field.key, kind: .company, context) {
                    diagnostics.append(problem)
                }
            }
        }
        for field in schema.fields {
            guard case .link(let kind, let textAllowed) = field.type else { continue }
            for record in records {
                guard case .link(let link)? = field.value(record) else { continue }
                // A company written as plain text is a name, not a link.
                if textAllowed && !link.value.isBracketed { continue }
                if let problem = Self.problem(link, field: field.key, kind: kind, context) {
                    diagnostics.append(problem)
                }
            }
        }
        return diagnostics
    }

    static func problem(_ link: Located<Link>, field: String, kind: RecordKind, _ context: ValidationContext)
        -> Diagnostic?
    {
        let target = link.value.target
        guard link.value.isWellFormedID else {
            return diagnostic(
                at: link.location,
                "'\(field)' link '\(target)' is not a record id; ids are file names without folders or '.md'")
        }
        guard context.index.contains(target, kind: kind) else {
            return diagnostic(
                at: link.location,
                "'\(field)' links to \(kind.rawValue) '\(target)', but there is no \(kind.folder)/\(target).md"
                    + Suggestion.didYouMean(target, in: context.ids(of: kind)))
        }
        return nil
    }
}
