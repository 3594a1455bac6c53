/// `empty-list-item`: a list item YAML reads as empty — in Markdown-notes habit `- #go`, where `#`
/// starts a YAML comment and the tag is silently dropped. The item is left out; the warning says to
/// quote it. (issue 14: a diagnostic wherever text would be lost.)
public enum EmptyListItem: Rule {
    public static let code = DiagnosticCode.emptyListItem
    public static let severity = Severity.warning
    public static let summary =
        "a list item YAML reads as empty, as `- #go` is (`#` starts a comment): quote it, `- '#go'`"

    static func empty(in key: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(
            at: location,
            "an empty item in '\(key)' is left out; if it was a #tag, YAML read it as a comment: quote it, like '#go'")
    }
}
