/// What a build of the report is made from, checked once by the command line before anything starts.
///
/// `leads build`, `leads build --watch` and `leads serve` each make one of these and build from it
/// alone, so an option given once (the as-of date, the base URL) reaches every rebuild.
public struct BuildOptions: Sendable, Equatable {
    /// The content folder.
    public var content: String
    /// A folder of templates overriding the built-in ones; nil for the built-in ones.
    public var templates: String?
    /// The report folder, replaced as a whole by each build.
    public var output: String
    /// The date taken as today by every date rule.
    public var asOf: Day
    /// Where the report is published (e.g. `https://crm.example/report`), for the calendar's links to
    /// its pages; nil leaves them out.
    public var baseURL: String?
    /// Build only this owner's leads and what they link to (`--owner`); nil for the whole team.
    public var owner: String?
    /// Names the program, as `BuildReuse.engine` does, so that a build keeps the pages of the report
    /// it replaces; nil renders every page anew.
    public var engine: String?
    /// Read the content folder's git history for the history views (`--no-git` turns it off).
    public var git: Bool

    public init(
        content: String, templates: String?, output: String, asOf: Day, baseURL: String? = nil, owner: String? = nil,
        engine: String? = nil, git: Bool = false
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.asOf = asOf
        self.baseURL = baseURL
        self.owner = owner
        self.engine = engine
        self.git = git
    }

    /// The folders whose changes call for a rebuild: the content folder, and the templates folder when
    /// there is one.
    public var watchedFolders: [String] {
        [content] + (templates.map { [$0] } ?? [])
    }
}

extension Leads {
    /// `build(content:templates:output:asOf:baseURL:reuse:)` with `options`. `startedAt` is when this
    /// build started, in seconds since 1970 (only the command line asks the clock); it is used only
    /// when `options.engine` lets the build reuse the previous report.
    public static func build(_ options: BuildOptions, startedAt: Int64) throws -> BuildSummary {
        try build(
            content: options.content, templates: options.templates, output: options.output, asOf: options.asOf,
            baseURL: options.baseURL, owner: options.owner,
            reuse: options.engine.map { BuildReuse(startedAt: startedAt, engine: $0) }, git: options.git)
    }
}
