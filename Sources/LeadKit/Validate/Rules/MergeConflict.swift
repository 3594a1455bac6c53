/// `merge-conflict`: a file git left with conflict markers (`<<<<<<<`, `=======`, `>>>>>>>` at the
/// start of a line). Reported once, at the first marker, instead of the YAML errors the markers
/// would cause; the file is then read as its first side ("ours"), so links to it still resolve and
/// a conflicted `config.yml` keeps its pipelines rather than cascading into every lead.
public enum MergeConflict: Rule {
    public static let code = DiagnosticCode.mergeConflict
    public static let severity = Severity.error
    public static let summary =
        "git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) left in a file (reported once, at the first marker; the first side is read)"

    /// The conflict in `text`, if any: the line of its first opening marker, what the two sides are
    /// called (`HEAD`, a branch), and the text with every conflict resolved to its first side. Markers
    /// that never close into a whole conflict are left for the YAML reader to report.
    static func find(in text: String) -> (line: Int, ours: String, theirs: String, firstSide: String)? {
        var first: (line: Int, ours: String, theirs: String)?
        var kept = ""
        var opening: (line: Int, label: String)?
        var inSecondSide = false
        // Split by scalars: in a CRLF file "\r\n" is one Character and would not split on "\n".
        for (offset, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        {
            let raw = String(String.UnicodeScalarView(line))
            let content = raw.hasSuffix("\r") ? raw.dropLast() : Substring(raw)
            if opening == nil, content.hasPrefix("<<<<<<<") {
                opening = (offset + 1, content.dropFirst(7).trimmingSpaces)
            } else if opening != nil, !inSecondSide, content.hasPrefix("=======") {
                inSecondSide = true
            } else if let open = opening, inSecondSide, content.hasPrefix(">>>>>>>") {
                if first == nil { first = (open.line, open.label, content.dropFirst(7).trimmingSpaces) }
                opening = nil
                inSecondSide = false
            } else if !inSecondSide {
                kept += raw + "\n"
            }
        }
        guard let found = first, opening == nil else { return nil }
        if !text.hasSuffix("\n"), kept.hasSuffix("\n") { kept.removeLast() }
        return (found.line, found.ours, found.theirs, kept)
    }

    static func conflict(at location: SourceLocation, ours: String, theirs: String) -> Diagnostic {
        let sides = (ours.isEmpty ? "one side" : "'\(ours)'") + " and " + (theirs.isEmpty ? "the other" : "'\(theirs)'")
        return diagnostic(
            at: location,
            "unresolved merge conflict between \(sides); keep what is right, delete the <<<<<<<, ======= and >>>>>>> lines"
        )
    }
}
