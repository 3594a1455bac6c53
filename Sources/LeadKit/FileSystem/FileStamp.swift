#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says about a file without reading it. Any write, rename or replacement
/// changes at least one of these, as long as it happens in a later tick of the file system clock
/// than the stamp was taken in (see `ReportManifest.trusts`).
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    /// Nanoseconds since 1970: changed by every write and rename, and not settable by programs.
    public var changed: Int64
    public var inode: UInt64

    /// The stamp of the file a path names, following symbolic links; nil when it cannot be examined.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }

    func combine(into fingerprint: inout Fingerprint) {
        fingerprint.combine(UInt64(bitPattern: size))
        fingerprint.combine(UInt64(bitPattern: modified))
        fingerprint.combine(UInt64(bitPattern: changed))
        fingerprint.combine(inode)
    }
}
