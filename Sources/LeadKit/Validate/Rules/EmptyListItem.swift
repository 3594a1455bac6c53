/// `empty-list-item`: a list item or value YAML reads as empty — in Markdown-notes habit `- #go` or
/// `tags: #backend`, where `#` starts a YAML comment and the tag is silently dropped. The item is
/// left out; the warning, at the `#`, says to quote it. (issue 14: a diagnostic wherever text would
/// be lost.)
public enum EmptyListItem: Rule {
    public static let code = DiagnosticCode.emptyListItem
    public static let severity = Severity.warning
    public static let summary =
        "a list item or value YAML reads as empty, as `- #go` and `tags: #go` are (`#` starts a comment): quote it, `- '#go'`"

    static func commentedItem(in key: String, _ word: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(
            at: location,
            "an item of '\(key)' is empty to YAML: '\(word)' starts a comment, so it is left out; quote it: - '\(word)'"
        )
    }

    static func commentedValue(_ key: String, _ word: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(
            at: location,
            "'\(key)' is empty to YAML: '\(word)' starts a comment, so it is left out; quote it: \(key): '\(word)'")
    }

    static func empty(in key: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(
            at: location,
            "an empty item in '\(key)' is left out; if it was a #tag, YAML read it as a comment: quote it, like '#go'")
    }
}
