/// `stray-file`: a Markdown file directly in the content folder, which no kind claims.
public enum StrayFile: Rule {
    public static let code = DiagnosticCode.strayFile
    public static let severity = Severity.warning
    public static let summary = "a `.md` file directly in `content/`"

    static func ignored(at location: SourceLocation) -> Diagnostic {
        diagnostic(
            at: location,
            "Markdown file outside the record folders is ignored; move it into one of "
                + RecordKind.allCases.map { $0.folder + "/" }.joined(separator: ", "))
    }
}
