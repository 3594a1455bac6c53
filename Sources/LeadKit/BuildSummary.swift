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
    /// Of the kept files, the record pages kept without building their view model, because no
    /// record they can show changed (`PagePlan`).
    public var unplanned = 0
    /// How many of the site-wide pages (dashboard, board, lists, `report.json`, …) were kept
    /// without building them, because only notes changed (`PagePlan.keepsSiteWide`).
    public var unplannedSiteWide = 0
    /// How many content files were read and parsed; the others came from the parse cache
    /// (`ParseCache`), or nothing was built.
    public var parsed = 0
    /// How long each stage took (`leads build --timings`).
    public var times = StageTimes()

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
