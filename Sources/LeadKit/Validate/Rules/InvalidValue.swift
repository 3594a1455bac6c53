/// `invalid-value`: a value of the wrong type or outside the allowed ones. The parser finds wrong
/// types and unknown fixed values; this rule checks what depends on `config.yml` (sources,
/// pipelines, stages) and on the schema's address and email types, for built-in and custom fields.
public struct InvalidValue: RecordRule {
    public static let code = DiagnosticCode.invalidValue
    public static let severity = Severity.error
    public static let summary =
        "wrong type, unknown enum value (with the allowed values and the closest one), unknown source/pipeline/status, a link field that is not http(s)/mailto/tel"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let configuration = context.configuration
        for lead in context.records.leads {
            let pipeline = configuration.pipeline(for: lead)
            for field in Lead.schema.fields {
                guard case .text(let written)? = field.value(lead) else { continue }
                switch field.type {
                case .pipeline where configuration.pipeline(named: written.value) == nil:
                    diagnostics.append(Self.unknown(written, "pipeline", allowed: configuration.pipelines.map(\.name)))
                case .source where !configuration.sources.contains(written.value):
                    diagnostics.append(Self.unknown(written, "source", allowed: configuration.sources))
                case .stage where !pipeline.contains(written.value):
                    diagnostics.append(Self.unknownStatus(written, in: pipeline))
                default: break
                }
            }
            for entry in lead.history where !pipeline.contains(entry.status.value) {
                diagnostics.append(Self.unknownStatus(entry.status, in: pipeline))
            }
        }
        diagnostics += addresses(Interaction.schema, context.records.interactions)
        diagnostics += addresses(Contact.schema, context.records.contacts)
        diagnostics += addresses(Company.schema, context.records.companies)
        diagnostics += addresses(Application.schema, context.records.applications)
        diagnostics += addresses(Job.schema, context.records.jobs)
        diagnostics += addresses(Lead.schema, context.records.leads)
        return diagnostics
    }

    /// Address and email fields of the schema and of `config.yml`'s custom fields.
    private func addresses<Record>(_ schema: RecordSchema<Record>, _ records: [Record]) -> [Diagnostic]
    where Record: ContentRecord {
        var diagnostics: [Diagnostic] = []
        for record in records {
            var values = schema.fields.compactMap { field in field.value(record).map { (field.key, field.type, $0) } }
            for custom in record.header.custom {
                let type: FieldType? =
                    switch custom.field.kind {
                    case .address: .address
                    case .email: .email
                    default: nil
                    }
                if let type { values.append((custom.field.key, type, custom.value)) }
            }
            for (key, type, value) in values {
                guard case .text(let written) = value else { continue }
                if type == .address, SafeURL.href(for: written.value) == nil {
                    diagnostics.append(
                        Self.diagnostic(
                            at: written.location,
                            "'\(key)' must be an http(s), mailto: or tel: address, not '\(written.value)'"))
                } else if type == .email, !written.value.contains("@") {
                    diagnostics.append(
                        Self.diagnostic(at: written.location, "'\(key)' must be an address like name@example.com"))
                }
            }
        }
        return diagnostics
    }

    /// `unknown temperature 'HOTT'; expected one of HOT, WARM, COLD; did you mean HOT?`
    static func unknown(_ written: Located<String>, _ what: String, allowed: [String], closestTo: String? = nil)
        -> Diagnostic
    {
        diagnostic(at: written.location, unknownMessage(written.value, what, allowed: allowed, closestTo: closestTo))
    }

    /// The same words for a write command's refusal; `closestTo`: the value as normalized for "did you mean".
    static func unknownMessage(_ value: String, _ what: String, allowed: [String], closestTo: String? = nil) -> String {
        "unknown \(what) '\(value)'; expected one of \(allowed.joined(separator: ", "))"
            + Suggestion.didYouMean(closestTo ?? value, in: allowed)
    }

    static func unknownStatus(_ status: Located<String>, in pipeline: Pipeline) -> Diagnostic {
        diagnostic(
            at: status.location,
            "unknown status '\(status.value)' for pipeline \(pipeline.name); expected one of "
                + pipeline.allStatuses.joined(separator: ", ")
                + Suggestion.didYouMean(status.value, in: pipeline.allStatuses))
    }

    /// `'role' must be text, not a list`.
    static func wrongType(_ message: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, message)
    }

    static func notANumber(_ written: Located<String>, key: String) -> Diagnostic {
        diagnostic(at: written.location, "'\(key)' must be a number like 4500 or 12.5, not '\(written.value)'")
    }
}
