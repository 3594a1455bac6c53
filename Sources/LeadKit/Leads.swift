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
        let parsed = RecordParser.parseAll(loaded.files, configuration: configuration)
        return validate(
            parsed, configuration: configuration, earlier: loaded.diagnostics + configDiagnostics,
            fileCount: loaded.files.count + (loaded.config == nil ? 0 : 1), asOf: asOf)
    }

    /// validate, for records already parsed; `earlier`: the problems the load and the
    /// configuration found, reported with the validator's.
    static func validate(
        _ parsed: ParsedContent, configuration: Configuration, earlier: [Diagnostic], fileCount: Int, asOf: Day
    ) -> CheckedContent {
        let index = RecordIndex(parsed.records)
        let validated = RecordValidator(
            records: parsed.records, index: index, configuration: configuration, asOf: asOf
        ).validate()
        let diagnostics = (earlier + parsed.diagnostics + validated).sorted()
        return CheckedContent(
            records: parsed.records, index: index, configuration: configuration, diagnostics: diagnostics,
            fileCount: fileCount)
    }
}

extension Leads {
    /// list files → (nothing changed? done) → read → check → analyze → render → write.
    ///
    /// Content problems do not stop a build; they are in the report. With `reuse`, a build reads the
    /// manifest of the report it replaces: when no input changed it writes nothing, and otherwise it
    /// renders only the pages whose view model changed.
    ///
    /// With `git`, the content folder's git history is read once (stage histories, the changes
    /// page, who changed what); without it, or outside a work tree, the report says why those views
    /// are empty.
    public static func build(
        content root: String, templates: String?, output: String, asOf: Day, displayRoot: String? = nil,
        baseURL: String? = nil, owner: String? = nil, reuse: BuildReuse? = nil, git: Bool = false
    ) throws -> BuildSummary {
        let loader = ContentLoader(root: root, displayRoot: displayRoot)
        var times = StageTimes()
        let listing = try loader.list()
        let templateSet = try TemplateSet.load(folder: templates)
        let repository = git ? GitRepository.open(root) : .failure(.turnedOff)
        let head = try? repository.get().head
        let incremental = IncrementalBuild(
            output: output,
            inputs: BuildInputs(
                listing: listing, templates: templateSet.fingerprint, asOf: asOf, displayRoot: loader.displayRoot,
                baseURL: baseURL, owner: owner, engine: reuse?.engine ?? "",
                git: git ? (head ?? "no history") : nil, gitIndex: try? repository.get().indexStamp),
            reuse: reuse)
        times.lap("list")
        if let previous = incremental.upToDate(listing, reading: loader.bytes(of:)) {
            times.lap("compare with the report")
            var summary = BuildSummary(upToDate: previous)
            summary.times = times
            return summary
        }
        times.lap("compare with the report")
        var read = incremental.check(listing, loader: loader, asOf: asOf, times: &times)
        let checked = owner.map { OwnerScope.narrow(read.content, to: $0) } ?? read.content
        let history: RecordHistory
        switch repository {
        case .success(let repository):
            history = RecordHistory.read(repository, workingTree: root, configuration: checked.configuration)
        case .failure(let reason):
            history = .unavailable(reason.description)
        }
        times.lap("history")
        let report = ReportAnalyzer(content: checked, asOf: asOf, history: history).analyze()
        times.lap("analyze")
        let siteFingerprint = incremental.site(sources: read.sources, report: report)
        let uncommitted = IncrementalBuild.uncommitted(report)
        let plan = incremental.plan(
            sources: read.sources, checked: checked, site: siteFingerprint, uncommitted: uncommitted,
            onlyNotesChanged: read.onlyNotesChanged)
        times.lap("plan")
        let site = SiteRenderer(
            report: report, templates: templateSet, keeping: incremental.keeping, baseURL: baseURL, plan: plan
        ).render()
        let manifest = incremental.manifest(
            for: checked, contents: read.recentContents, sources: read.sources, site: siteFingerprint,
            uncommitted: uncommitted)
        let counts = try SiteWriter(output: output).write(
            site, manifest: manifest, previous: incremental.previous?.files ?? [:], parseCache: &read.parseCache)
        times.lap("render and write")
        var summary = BuildSummary(built: checked, written: counts.written, kept: counts.kept)
        summary.unplanned = site.unplanned
        summary.unplannedSiteWide = site.unplannedSiteWide
        summary.parsed = read.parsedCount
        summary.times = times
        return summary
    }
}

extension Leads {
    /// `leads build --at REV`: the report from the content as it was in `commit`, read from git
    /// objects (the working tree untouched), with the history up to that commit; every page is
    /// rendered anew. The pages' header names the commit.
    public static func build(
        at commit: String, repository: GitRepository, content root: String, templates: String?, output: String,
        asOf: Day, displayRoot: String? = nil, baseURL: String? = nil, owner: String? = nil
    ) throws -> BuildSummary {
        let loader = ContentLoader(root: root, displayRoot: displayRoot)
        let templateSet = try TemplateSet.load(folder: templates)
        let incremental = IncrementalBuild(
            output: output,
            inputs: BuildInputs(
                listing: ContentListing(files: [], config: nil, diagnostics: []), templates: templateSet.fingerprint,
                asOf: asOf, displayRoot: loader.displayRoot, baseURL: baseURL, owner: owner, engine: "",
                git: "at " + commit),
            reuse: nil)
        let whole = check(repository.content(at: commit, loader: loader), asOf: asOf)
        let checked = owner.map { OwnerScope.narrow(whole, to: $0) } ?? whole
        let history = RecordHistory.read(repository, revision: commit, configuration: checked.configuration)
        var report = ReportAnalyzer(content: checked, asOf: asOf, history: history).analyze()
        report.atCommit = repository.describe(commit)
        let site = SiteRenderer(report: report, templates: templateSet, keeping: [:], baseURL: baseURL).render()
        let counts = try SiteWriter(output: output).write(site, manifest: incremental.manifest(for: checked))
        return BuildSummary(built: checked, written: counts.written, kept: counts.kept)
    }
}
