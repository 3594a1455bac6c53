/// `missing-field`: a field the schema table marks required is absent or empty. Found by the parser.
public enum MissingField: Rule {
    public static let code = DiagnosticCode.missingField
    public static let severity = Severity.error
    public static let summary = "a required field is absent or empty (`role:`, `role: \"\"`, `~`, `null`)"

    /// At the opening `---` of the block (or the entry) that lacks the key.
    static func absent(_ key: String, in subject: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "\(subject) is missing required field '\(key)'")
    }

    /// At the key written with no value.
    static func empty(_ key: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "required field '\(key)' is empty")
    }
}
