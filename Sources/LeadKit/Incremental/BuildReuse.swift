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
