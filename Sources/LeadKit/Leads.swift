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

/// The engine's entry points, each a straight line of named stages.
public enum Leads {
    /// load files → parse records → validate.
    /// `displayRoot` replaces the folder's path in diagnostics, e.g. for reproducible output in tests.
    public static func check(content root: String, asOf: Day, displayRoot: String? = nil) throws -> CheckedContent {
        let loaded = try ContentLoader(root: root, displayRoot: displayRoot).load()
        let (configuration, configDiagnostics) = ConfigParser.parse(loaded.config)
        let parsed = RecordParser.parseAll(loaded.files)
        let index = RecordIndex(parsed.records)
        let validated = RecordValidator(
            records: parsed.records, index: index, configuration: configuration, asOf: asOf
        ).validate()
        let diagnostics = (loaded.diagnostics + configDiagnostics + parsed.diagnostics + validated).sorted()
        return CheckedContent(
            records: parsed.records, index: index, configuration: configuration, diagnostics: diagnostics,
            fileCount: loaded.files.count + (loaded.config == nil ? 0 : 1))
    }
}

extension Leads {
    /// check → analyze → render → write. Content problems do not stop a build; they are in the report.
    public static func build(
        content root: String, templates: String?, output: String, asOf: Day, displayRoot: String? = nil
    ) throws -> CheckedContent {
        let checked = try check(content: root, asOf: asOf, displayRoot: displayRoot)
        let report = ReportAnalyzer(content: checked, asOf: asOf).analyze()
        let files = try SiteRenderer(report: report, templates: try TemplateSet.load(folder: templates)).render()
        try SiteWriter(output: output).write(files)
        return checked
    }
}
