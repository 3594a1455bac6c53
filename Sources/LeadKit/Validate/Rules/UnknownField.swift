/// `unknown-field`: a key neither the kind's schema table nor `config.yml`'s custom fields declare.
public enum UnknownField: Rule {
    public static let code = DiagnosticCode.unknownField
    public static let severity = Severity.warning
    public static let summary =
        "a key the schema does not know (nor `config.yml`'s `fields`), with \"did you mean\""

    static func unknown(_ name: String, in subject: String, known: [String], at location: SourceLocation)
        -> Diagnostic
    {
        diagnostic(at: location, "unknown field '\(name)' in \(subject)" + Suggestion.didYouMean(name, in: known))
    }
}
