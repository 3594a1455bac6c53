/// The incremental stage, wrapped around the pure pipeline as beancount's loader cache and Zola's
/// rebuild wrap theirs: it reads the manifest of the report being replaced, decides whether
/// anything needs building at all, tells the renderer which pages it may keep, and makes the
/// manifest the writer stores with the new report.
struct IncrementalBuild {
    /// The manifest of the report being replaced, when this program wrote it; nil without reuse.
    let previous: ReportManifest?
    /// The fingerprint of every input; nil when a file could not be examined.
    let inputs: Fingerprint?
    let reuse: BuildReuse?

    init(output: String, inputs: BuildInputs, reuse: BuildReuse?) {
        self.reuse = reuse
        self.inputs = inputs.fingerprint
        previous = reuse.flatMap { ReportManifest.read(output: output, engine: $0.engine) }
    }

    /// The previous report's manifest when no input changed since it was written and every file of
    /// it is as written: then nothing is built.
    func upToDate(_ listing: ContentListing) -> ReportManifest? {
        guard let previous, previous.isUpToDate(inputs: inputs, listing: listing) else { return nil }
        return previous
    }

    /// The fingerprints of the previous report's pages still as written: a page rendering to the
    /// same fingerprint is kept (hard-linked) instead of rendered again.
    var keeping: [String: Fingerprint] {
        previous?.files.mapValues(\.fingerprint) ?? [:]
    }

    /// The manifest of the new report; the writer adds each file's stamp.
    func manifest(for checked: CheckedContent) -> ReportManifest {
        ReportManifest(inputs: inputs, reuse: reuse, fileCount: checked.fileCount, diagnostics: checked.diagnostics)
    }
}
