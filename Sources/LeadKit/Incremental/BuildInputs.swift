/// Everything a report is made from, as one fingerprint: the content files by path and stamp, the
/// templates, the as-of date, how paths are shown and the program itself.
struct BuildInputs {
    let listing: ContentListing
    let templates: Fingerprint
    let asOf: Day
    let displayRoot: String
    let baseURL: String?
    /// `--owner`: a report of one owner's leads is made from the same files but is another report.
    var owner: String? = nil
    let engine: String
    /// With the history views: the commit the history is read up to (a new commit, even one that
    /// changes no file, makes another report); nil without them.
    var git: String? = nil
    /// With the history views: the stamp of git's index (`GitRepository.indexStamp`), so that
    /// staging a change makes another report even when no file changed; not part of `context`,
    /// since what it changes on pages is in the uncommitted changes `IncrementalBuild.site` adds.
    var gitIndex: String? = nil

    /// nil when a file could not be examined: then nothing can be assumed unchanged.
    var fingerprint: Fingerprint? {
        var fingerprint = context
        fingerprint.combine(gitIndex ?? "")
        for file in (listing.config.map { [$0] } ?? []) + listing.files {
            guard let stamp = file.stamp else { return nil }
            fingerprint.combine(file.relativePath)
            stamp.combine(into: &fingerprint)
        }
        return fingerprint
    }

    /// Every input but the content files: what every page of the report is made with.
    var context: Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.combine(ReportManifest.formatVersion)
        fingerprint.combine(engine)
        fingerprint.combine(displayRoot)
        fingerprint.combine(baseURL ?? "")
        fingerprint.combine(owner.map { "owner:" + Owner.key($0) } ?? "")
        fingerprint.combine(asOf.description)
        fingerprint.combine(git.map { "git:" + $0 } ?? "")
        fingerprint.combine(templates.value)
        // Links not followed and stray files are reported from the listing alone.
        for diagnostic in listing.diagnostics { fingerprint.combine(diagnostic.formatted) }
        return fingerprint
    }
}
