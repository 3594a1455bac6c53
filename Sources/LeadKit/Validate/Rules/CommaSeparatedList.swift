/// `comma-separated-list`: one text with commas where a list is expected (`tags: backend, go`),
/// which YAML reads as the single item "backend, go". It is kept as that one item; the warning
/// shows the list form.
public enum CommaSeparatedList: Rule {
    public static let code = DiagnosticCode.commaSeparatedList
    public static let severity = Severity.warning
    public static let summary =
        "one comma-separated text where a list is expected (`tags: backend, go` is one tag): write `[backend, go]`"

    static func oneItem(_ written: Located<String>, key: String) -> Diagnostic {
        let items = written.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return diagnostic(
            at: written.location,
            "'\(key)' is the one item '\(written.value)'; for \(items.count) items write [\(items.joined(separator: ", "))]"
        )
    }
}
