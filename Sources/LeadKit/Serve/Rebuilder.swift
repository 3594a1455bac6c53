/// Builds the report, then again whenever the content or templates change: the loop behind both
/// `leads serve` and `leads build --watch`.
public struct Rebuilder: Sendable {
    /// Every build is made from these, unchanged from the first build to the last.
    public var options: BuildOptions
    /// Seconds since 1970, asked once at the start of each build: the library never reads the clock
    /// itself, the command line passes it in.
    public var clock: @Sendable () -> Int64

    public init(options: BuildOptions, clock: @escaping @Sendable () -> Int64) {
        self.options = options
        self.clock = clock
    }

    /// One build: what it did and found, or the error that stopped it (a broken template, an
    /// unwritable output, a missing content folder). Content problems do not stop a build; they are
    /// in the summary and the report.
    public func build() -> Result<BuildSummary, any Error> {
        Result { try Leads.build(options, startedAt: clock()) }
    }

    /// Builds, then again after every change, calling `after` with each outcome; never returns.
    /// Saves are noticed by `FolderWatcher`'s polling of the content and templates folders.
    public func run(after: (Result<BuildSummary, any Error>) -> Void) -> Never {
        let watcher = FolderWatcher(folders: options.watchedFolders)
        var known = watcher.signature()
        after(build())
        while true {
            known = watcher.waitForChange(from: known)
            after(build())
        }
    }
}
