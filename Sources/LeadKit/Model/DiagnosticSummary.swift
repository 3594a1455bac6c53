/// The closing line of a check: `2 errors, 1 warning in 57 files`.
public enum DiagnosticSummary {
    public static func line(errors: Int, warnings: Int, files: Int) -> String {
        "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
