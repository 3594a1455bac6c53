extension IncrementalBuild {
    /// What a build checked, and what its next build will plan from.
    struct Checked {
        /// Every record of the folder, checked.
        var content: CheckedContent
        var sources: SourceTable
        /// See `recentContents`.
        var recentContents: [String: Fingerprint]
        /// The parse cache the writer stores beside the manifest (and then lets go); nil for
        /// `--clean` and `--owner` builds.
        var parseCache: ParseCache?
        /// How many content files were parsed rather than taken from the parse cache.
        var parsedCount: Int
        /// See `ParseCache.Parsed.onlyNotesChanged`.
        var onlyNotesChanged: Bool
    }

    /// read `config.yml` → read and parse the files (from the parse cache where it can) → validate
    /// → the source table. A report of one owner's leads (`narrowed`) keeps no parse cache (nor,
    /// `manifest`, a source table): each holds every file of the folder, and such a report is made
    /// to be published, so each of its builds parses and plans anew. The files' parses live only as
    /// long as this stage, but for the parse cache.
    func check(_ listing: ContentListing, loader: ContentLoader, asOf: Day, times: inout StageTimes) -> Checked {
        var configProblems = listing.diagnostics
        let config = listing.config.flatMap { loader.read($0.relativePath, kind: nil, diagnostics: &configProblems) }
        let (configuration, configDiagnostics) = ConfigParser.parse(config)
        let configFingerprint = config.map { Fingerprint.of($0.bytes) }
        let key =
            narrowed
            ? nil
            : reuse.map {
                ParseCache.key(engine: $0.engine, displayRoot: loader.displayRoot, config: configFingerprint)
            }
        let parsed = ParseCache.parse(
            listing, loader: loader, configuration: configuration,
            cache: key.flatMap { ParseCacheReader(output: output, key: $0) })
        times.lap("read and parse")
        let content = Leads.validate(
            parsed.content, configuration: configuration,
            earlier: configProblems + parsed.readDiagnostics + configDiagnostics,
            fileCount: parsed.files.count + (config == nil ? 0 : 1), asOf: asOf)
        times.lap("validate")
        let fingerprints = parsed.files.map { (path: $0.relativePath, fingerprint: $0.fingerprint) }
        let sources = SourceTable(files: fingerprints, config: configFingerprint, records: content.records)
        let recent = recentContents(
            listing: listing,
            fingerprints: (configFingerprint.map { [(ContentLoader.configName, $0)] } ?? []) + fingerprints)
        times.lap("source table")
        return Checked(
            content: content, sources: sources, recentContents: recent,
            parseCache: key.flatMap { key in
                reuse.map {
                    ParseCache(key: key, startedAt: $0.startedAt, files: parsed.files, records: content.records)
                }
            },
            parsedCount: parsed.parsedCount,
            // The cache vouches for the report's pages only when the report's own build wrote it.
            onlyNotesChanged: parsed.onlyNotesChanged && parsed.cacheIdentity != nil
                && parsed.cacheIdentity == previous?.parsedFingerprint)
    }
}
