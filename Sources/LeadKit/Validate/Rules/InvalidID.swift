/// `invalid-id`: a record file whose name makes an id longer than 150 bytes (UTF-8) or holding a
/// control character. Its page and calendar entries could not be written portably (a file name is
/// at most 255 bytes, and `leads build` adds to it), so the record is left out of the run, with
/// this error at `check` time instead of a failed build. Found by the parser.
public enum InvalidID: Rule {
    public static let code = DiagnosticCode.invalidID
    public static let severity = Severity.error
    public static let summary =
        "a file name that makes an id longer than 150 bytes or with a control character (the record is left out)"

    /// The longest id, in UTF-8 bytes.
    static let maximumBytes = 150

    /// The error for `id` when it is not portable, else nil.
    static func check(_ id: String, file: String) -> Diagnostic? {
        let location = SourceLocation(file: file, line: 1, column: 1)
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return diagnostic(
                at: location, "the file name holds a control character, so it makes no usable id; rename the file")
        }
        let bytes = id.utf8.count
        guard bytes > maximumBytes else { return nil }
        return diagnostic(
            at: location,
            "the file name makes an id of \(bytes) bytes; ids are at most \(maximumBytes) (its page's file name adds to it); rename the file, the record is left out until then"
        )
    }
}
