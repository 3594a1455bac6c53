/// `invalid-date`: a date field that is not a real date in the expected form. Found by the parser.
public enum InvalidDate: Rule {
    public static let code = DiagnosticCode.invalidDate
    public static let severity = Severity.error
    public static let summary =
        "not `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM` where a time is allowed), or not a real date"

    static func notADay(_ written: Located<String>, key: String) -> Diagnostic {
        diagnostic(
            at: written.location, "invalid date '\(written.value)' for '\(key)'; expected YYYY-MM-DD, e.g. 2026-03-14")
    }

    static func notADayTime(_ written: Located<String>, key: String) -> Diagnostic {
        diagnostic(
            at: written.location,
            "invalid date '\(written.value)' for '\(key)'; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    }
}
