extension ParseCache {
    /// What `parse` found for the listed files.
    struct Parsed: Sendable {
        /// The records and parse problems, as `RecordParser.parseAll` finds them for the files as
        /// `ContentLoader.read` reads them.
        var content: ParsedContent
        /// Problems reading the files.
        var readDiagnostics: [Diagnostic]
        /// Every file read or taken from the cache, in the listing's order (not `config.yml`).
        var files: [ParsedFile]
        /// How many of them were parsed rather than taken from the cache.
        var parsedCount: Int
        /// Whether every file that changed since the cache was made changed in its notes only (the
        /// same head, `ParseCache.head`), with no file added or deleted; false without a cache.
        var onlyNotesChanged: Bool
        /// The identity of the cache read, when it was read whole (`ParseCacheReader.identity`).
        var cacheIdentity: Fingerprint?
    }

    /// One file's way through `parse`.
    private enum Step: Sendable {
        /// Taken from the cache without reading the file.
        case cached(ParseCacheReader.Entry)
        /// To be read; the cache's entry is used when the bytes are the ones it was made from.
        case read(ParseCacheReader.Entry?)
    }

    /// Reads and parses the listed files on every core, a slice at a time, taking each file whose
    /// stamp the cache can vouch for (or whose bytes are the ones its entry was made from) from
    /// `cache` instead. The result keeps the listing's order, so it does not depend on the cache.
    static func parse(
        _ listing: ContentListing, loader: ContentLoader, configuration: Configuration, cache: ParseCacheReader?
    ) -> Parsed {
        var cache = cache
        var parsed = Parsed(
            content: ParsedContent(records: RecordSet(), diagnostics: []), readDiagnostics: [], files: [],
            parsedCount: 0, onlyNotesChanged: cache != nil)
        parsed.files.reserveCapacity(listing.files.count)
        // A slice at a time, as `RecordParser.parseAll`: 100,000 parse results at once held 140 MB.
        let slice = 4096
        for sliceStart in stride(from: 0, to: listing.files.count, by: slice) {
            let listed = Array(listing.files[sliceStart..<min(sliceStart + slice, listing.files.count)])
            let steps = listed.map { file -> Step in
                guard let entry = cache?.entry(for: file.relativePath) else { return .read(nil) }
                if let stamp = file.stamp, stamp == entry.stamp,
                    let startedAt = cache?.startedAt, ReportManifest.trusts(stamp, startedAt: startedAt)
                {
                    return .cached(entry)
                }
                return .read(entry)
            }
            let results = ParallelMap.map(Array(zip(listed, steps))) { file, step in
                outcome(of: file, step, loader: loader, configuration: configuration)
            }
            for (file, result) in zip(listed, results) {
                parsed.readDiagnostics += result.readDiagnostics
                if !result.notesOnly { parsed.onlyNotesChanged = false }
                guard let fingerprint = result.fingerprint, let head = result.head else { continue }
                if result.parsed { parsed.parsedCount += 1 }
                parsed.content.diagnostics += result.diagnostics
                let place = result.record.map { parsed.content.records.append($0) }
                parsed.files.append(
                    ParsedFile(
                        relativePath: file.relativePath, displayPath: loader.displayPath(file.relativePath),
                        stamp: file.stamp, fingerprint: fingerprint, head: head, diagnostics: result.diagnostics,
                        record: place))
            }
        }
        if cache?.passedOver ?? true { parsed.onlyNotesChanged = false }
        parsed.cacheIdentity = cache?.identity
        cache?.finish()
        return parsed
    }

    /// One file's record and problems; `fingerprint` and `head` are nil when the file could not be
    /// read.
    private struct Outcome: Sendable {
        var fingerprint: Fingerprint?
        var head: Fingerprint?
        var record: ParsedRecord?
        var diagnostics: [Diagnostic] = []
        var readDiagnostics: [Diagnostic] = []
        var parsed = false
        /// Whether the file is as the cache has it but for its notes.
        var notesOnly = true
    }

    private static func outcome(
        of listed: ListedFile, _ step: Step, loader: ContentLoader, configuration: Configuration
    ) -> Outcome {
        var cached: ParseCacheReader.Entry?
        switch step {
        case .cached(let entry):
            if let (diagnostics, record) = entry.decoded() {
                return Outcome(
                    fingerprint: entry.fingerprint, head: entry.head, record: record, diagnostics: diagnostics)
            }
        case .read(let entry): cached = entry
        }
        var problems: [Diagnostic] = []
        guard let file = loader.read(listed.relativePath, kind: listed.kind, diagnostics: &problems) else {
            return Outcome(readDiagnostics: problems, notesOnly: false)
        }
        let fingerprint = Fingerprint.of(file.bytes)
        if let entry = cached, entry.fingerprint == fingerprint, let (diagnostics, record) = entry.decoded() {
            return Outcome(fingerprint: fingerprint, head: entry.head, record: record, diagnostics: diagnostics)
        }
        let (record, diagnostics) = RecordParser.parse(file, configuration: configuration)
        let head = ParseCache.head(of: file.bytes, body: record?.header.body)
        return Outcome(
            fingerprint: fingerprint, head: head, record: record, diagnostics: diagnostics, parsed: true,
            notesOnly: cached?.head == head)
    }
}
