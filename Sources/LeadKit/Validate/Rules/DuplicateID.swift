/// `duplicate-id`: two files of one kind with the same stem, also when they differ only in letter
/// case (their pages would collide on a case-insensitive disk).
public struct DuplicateID: RecordRule {
    public static let code = DiagnosticCode.duplicateID
    public static let severity = Severity.error
    public static let summary = "two files of one kind with the same stem (also differing only in case)"

    public init() {}

    static let comparesRecords = true

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.index.duplicates.map { duplicate, original in
            Self.diagnostic(
                at: duplicate.start,
                "\(duplicate.kind.rawValue) id '\(duplicate.id)' is already used by \(original.file)"
                    + (duplicate.id == original.id ? "" : " (ids may not differ only in letter case)")
                    + "; rename one of the files")
        }
    }
}
