/// `invalid-encoding`: the file is not UTF-8 text. Found by `SourceText.decode`.
public enum InvalidEncoding: Rule {
    public static let code = DiagnosticCode.invalidEncoding
    public static let severity = Severity.error
    public static let summary = "not UTF-8 (invalid bytes, UTF-16), NUL bytes"
}
