/// `invalid-date`: a date field that is not a real date in the expected form. Found by the parser.
public enum InvalidDate: Rule {
    public static let code = DiagnosticCode.invalidDate
    public static let severity = Severity.error
    public static let summary =
        "not `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM` where a time is allowed), or not a real date"

    static func notADay(_ written: Located<String>, key: String) -> Diagnostic {
        diagnostic(
            at: written.location, "invalid date '\(written.value)' for '\(key)'; " + why(written.value, time: false))
    }

    static func notADayTime(_ written: Located<String>, key: String) -> Diagnostic {
        diagnostic(
            at: written.location, "invalid date '\(written.value)' for '\(key)'; " + why(written.value, time: true))
    }

    /// What is wrong, as precisely as the text allows: a date in the right form that is not on the
    /// calendar (`2026-02-29`), a time with seconds or a time zone (`T10:00:00+01:00`), else the forms.
    static func why(_ text: String, time: Bool) -> String {
        let notReal = "it is not a real date"
        let trimmed = text.trimmingSpaces
        let date = String(trimmed.prefix(10))
        let forms = time ? "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM" : "expected YYYY-MM-DD, e.g. 2026-03-14"
        let digits = date.enumerated().allSatisfy { offset, character in
            offset == 4 || offset == 7 ? character == "-" : character.isASCII && character.isNumber
        }
        guard date.count == 10, digits else { return forms }
        if Day(parsing: date) == nil { return notReal }
        guard time, trimmed.count > 10 else { return forms }
        let clock = trimmed.dropFirst(11)
        let hasSeconds = clock.count >= 8 && clock.dropFirst(5).first == ":"
        let hasZone = clock.dropFirst(5).contains { $0 == "Z" || $0 == "+" || $0 == "-" }
        let example = date + "T" + clock.prefix(5)
        if hasZone {
            return "times are local, without a time zone: write \(example)"
        }
        if hasSeconds { return "times are kept to the minute: write \(example)" }
        return forms
    }
}
