/// A checked content folder: the records, how to find them, and every problem found.
public struct CheckedContent: Sendable {
    public var records: RecordSet
    public var index: RecordIndex
    public var configuration: Configuration
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// How many files were read (records and config).
    public var fileCount: Int

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
