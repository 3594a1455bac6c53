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
        check(try ContentLoader(root: root, displayRoot: displayRoot).load(), asOf: asOf)
    }

    /// parse records → validate, for files already read.
    static func check(_ loaded: LoadedContent, asOf: Day) -> CheckedContent {
        let (configuration, configDiagnostics) = ConfigParser.parse(loaded.config)
        let parsed = RecordParser.parseAll(loaded.files, custom: configuration.customFields)
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
    /// list files → (nothing changed? done) → read → check → analyze → render → write.
    ///
    /// Content problems do not stop a build; they are in the report. With `reuse`, a build reads the
    /// manifest of the report it replaces: when no input changed it writes nothing, and otherwise it
    /// renders only the pages whose view model changed.
    public static func build(
        content root: String, templates: String?, output: String, asOf: Day, displayRoot: String? = nil,
        baseURL: String? = nil, reuse: BuildReuse? = nil
    ) throws -> BuildSummary {
        let loader = ContentLoader(root: root, displayRoot: displayRoot)
        let listing = try loader.list()
        let templateSet = try TemplateSet.load(folder: templates)
        let previous = reuse.flatMap { ReportManifest.read(output: output, engine: $0.engine) }
        let inputs = BuildInputs(
            listing: listing, templates: templateSet.fingerprint, asOf: asOf, displayRoot: loader.displayRoot,
            baseURL: baseURL, engine: reuse?.engine ?? ""
        ).fingerprint
        if let previous, previous.isUpToDate(inputs: inputs, listing: listing) {
            return BuildSummary(upToDate: previous)
        }
        let checked = check(loader.read(listing), asOf: asOf)
        let report = ReportAnalyzer(content: checked, asOf: asOf).analyze()
        let site = SiteRenderer(
            report: report, templates: templateSet, keeping: previous?.files.mapValues(\.fingerprint) ?? [:],
            baseURL: baseURL
        ).render()
        let counts = try SiteWriter(output: output).write(
            site,
            manifest: ReportManifest(
                inputs: inputs, reuse: reuse, fileCount: checked.fileCount, diagnostics: checked.diagnostics))
        return BuildSummary(built: checked, written: counts.written, kept: counts.kept)
    }
}

/// What lets a build reuse the report it replaces.
public struct BuildReuse: Sendable {
    /// When this build started, in seconds since 1970 (only the command line asks the clock): files
    /// changed within a second of it are read again next time, whatever their stamps say.
    public var startedAt: Int64
    /// Names the program, e.g. its executable's size and modification time, so that a new version of
    /// leads never keeps pages an older one rendered.
    public var engine: String

    public init(startedAt: Int64, engine: String) {
        self.startedAt = startedAt
        self.engine = engine
    }
}

/// What a build did and found.
public struct BuildSummary: Sendable {
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// How many files were read (records and config).
    public var fileCount: Int
    /// Nothing changed since the previous build, so nothing was written.
    public var upToDate: Bool
    /// Files of the report written anew, and kept from the previous report.
    public var written: Int
    public var kept: Int

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    init(upToDate manifest: ReportManifest) {
        diagnostics = manifest.diagnostics
        fileCount = manifest.fileCount
        upToDate = true
        written = 0
        kept = manifest.files.count
    }

    init(built checked: CheckedContent, written: Int, kept: Int) {
        diagnostics = checked.diagnostics
        fileCount = checked.fileCount
        upToDate = false
        self.written = written
        self.kept = kept
    }
}
