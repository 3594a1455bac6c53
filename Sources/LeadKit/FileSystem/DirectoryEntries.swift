#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists a folder with `readdir`: each name with its `DT_*` type, without `.` and `..`.
enum DirectoryEntries {
    /// The entries in the order the file system gives them; nil when the folder cannot be opened.
    static func read(_ path: String) -> [(name: String, type: UInt8)]? {
        try? list(path).get()
    }

    /// Why a folder could not be opened: the system's words for `errno`, e.g. "Permission denied".
    struct Failure: Error {
        var reason: String
    }

    /// The entries, or why the folder could not be opened.
    static func list(_ path: String) -> Result<[(name: String, type: UInt8)], Failure> {
        guard let directory = opendir(path) else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return .success(entries)
    }
}
