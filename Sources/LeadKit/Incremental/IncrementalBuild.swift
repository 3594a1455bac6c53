/// The incremental stage, wrapped around the pure pipeline as beancount's loader cache and Zola's
/// rebuild wrap theirs: it reads the manifest of the report being replaced, decides whether
/// anything needs building at all, tells the renderer which pages it may keep, and makes the
/// manifest the writer stores with the new report.
struct IncrementalBuild {
    /// The manifest of the report being replaced, when this program wrote it; nil without reuse.
    let previous: ReportManifest?
    /// The fingerprint of every input; nil when a file could not be examined.
    let inputs: Fingerprint?
    /// Every input but the content files (`BuildInputs.context`).
    let context: Fingerprint
    let reuse: BuildReuse?
    let output: String

    /// `--owner`: a report of one owner's leads is theirs to publish, so it keeps nothing that
    /// holds every record of the folder (`check`).
    let narrowed: Bool

    init(output: String, inputs: BuildInputs, reuse: BuildReuse?) {
        self.reuse = reuse
        self.output = output
        narrowed = inputs.owner != nil
        self.inputs = inputs.fingerprint
        context = inputs.context
        previous = reuse.flatMap { ReportManifest.read(output: output, engine: $0.engine) }
    }

    /// The previous report's manifest when no input changed since it was written and every file of
    /// it is as written: then nothing is built.
    ///
    /// A file changed less than a second before the previous build started is read again and
    /// compared with the bytes that build read (`ReportManifest.contents`): one read, not a
    /// rebuild, so the rebuild right after a save is as quick as any other with nothing to do.
    func upToDate(_ listing: ContentListing, reading read: (String) -> [UInt8]?) -> ReportManifest? {
        guard let previous, previous.isUpToDate(inputs: inputs, listing: listing, reading: read) else { return nil }
        return previous
    }

    /// The fingerprints of the previous report's pages still as written: a page rendering to the
    /// same fingerprint is kept (hard-linked) instead of rendered again.
    var keeping: [String: Fingerprint] {
        previous?.files.mapValues(\.fingerprint) ?? [:]
    }

    /// The manifest of the new report; the writer adds each file's stamp. `contents`: see
    /// `recentContents`; `sources`, `site` and `uncommitted`: what the next build plans its pages
    /// from.
    func manifest(
        for checked: CheckedContent, contents: [String: Fingerprint] = [:], sources: SourceTable? = nil,
        site: Fingerprint? = nil, uncommitted: [String] = []
    ) -> ReportManifest {
        var manifest = ReportManifest(
            inputs: inputs, reuse: reuse, fileCount: checked.fileCount, diagnostics: checked.diagnostics)
        // A report of one owner's leads keeps no path of anyone else's files.
        manifest.contents = narrowed ? [:] : contents
        manifest.sources = narrowed ? nil : sources
        manifest.site = site
        manifest.uncommitted = uncommitted
        return manifest
    }

    /// What every page of the report shows beside its records: the inputs but the content files
    /// (the commit the history is read up to among them), `config.yml`'s bytes, how many problems
    /// the header counts, and the committed changes in order. Pages link to changes by their
    /// number, and a rename in the working tree files a record's commits under its new id, which
    /// can move every other record's changes.
    func site(sources: SourceTable, report: Report) -> Fingerprint {
        var site = context
        site.combine(sources.config.map { $0.value } ?? 0)
        site.combine(report.content.diagnostics.count)
        for change in report.changes where !change.isUncommitted {
            for part in [change.record, change.kind, change.change, change.commit ?? ""] { site.combine(part) }
        }
        return site
    }

    /// The working tree's uncommitted changes, one line each (`id<TAB>kind<TAB>change…`), in the
    /// report's order: what the next build compares, since staging a rename changes record pages
    /// without changing a file, and the changes page numbers them.
    static func uncommitted(_ report: Report) -> [String] {
        report.changes.filter(\.isUncommitted).map { change in
            [change.record, change.kind, change.change, change.from ?? "", change.to ?? "", change.date]
                .joined(separator: "\t")
        }
    }

    /// Which pages to plan: the ones `PagePlan` finds when the previous report was made with the
    /// same `site` and its source table is intact; otherwise every page. When the uncommitted
    /// changes are not the ones the previous report showed, every record named in either list
    /// counts as changed (their pages show them, and link to them by their number). A report of
    /// one owner's leads (`narrowed`) keeps no source table, so all of its pages are planned.
    /// `onlyNotesChanged`: see `PagePlan.make`.
    func plan(
        sources: SourceTable, checked: CheckedContent, site: Fingerprint, uncommitted: [String],
        onlyNotesChanged: Bool
    ) -> PagePlan {
        guard !narrowed, let previous, previous.site == site,
            let table = SourceTable.read(output: output, expected: previous.sourcesFingerprint)
        else { return .everything }
        let before = previous.uncommitted ?? []
        let named = before == uncommitted ? [] : Set((before + uncommitted).map { String($0.prefix { $0 != "\t" }) })
        return PagePlan.make(
            previous: (table, previous.diagnostics), sources: sources, diagnostics: checked.diagnostics,
            changed: named, onlyNotesChanged: onlyNotesChanged)
    }

    /// The fingerprints of the bytes read of the files whose stamps this build cannot trust
    /// (changed less than a second before it started), by path: the next build compares them.
    /// `fingerprints`: every file read (`config.yml` too), by path inside the folder.
    func recentContents(listing: ContentListing, fingerprints: [(path: String, fingerprint: Fingerprint)])
        -> [String: Fingerprint]
    {
        let listed = (listing.config.map { [$0] } ?? []) + listing.files
        let recent = Set(
            listed.filter { !ReportManifest.trusts($0.stamp, startedAt: reuse?.startedAt) }.map(\.relativePath))
        guard !recent.isEmpty else { return [:] }
        var contents: [String: Fingerprint] = [:]
        for (path, fingerprint) in fingerprints where recent.contains(path) { contents[path] = fingerprint }
        return contents
    }
}
