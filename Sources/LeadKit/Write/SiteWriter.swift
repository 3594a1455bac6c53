#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Failures writing the report: the previous report is left as it was.
public enum WriteError: Error, CustomStringConvertible {
    case notAReport(String)
    case failed(String, String)

    public var description: String {
        switch self {
        case .notAReport(let path):
            "'\(path)' exists and is not a report written by leads (no .leads-report file); refusing to replace it"
        case .failed(let path, let reason): "cannot write '\(path)': \(reason)"
        }
    }
}

/// The last stage: writes the report into a staging folder beside the output, then swaps it in.
///
/// A build that fails or is interrupted leaves the previous report whole, and no page of a
/// deleted record survives, because the output folder is replaced as a whole.
public struct SiteWriter: Sendable {
    /// Marks a folder as ours, so a mistyped `--output` never deletes someone's documents.
    public static let marker = ".leads-report"

    public var output: String

    public init(output: String) {
        var path = output
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.output = path
    }

    /// Writes the files into a staging folder (linking the kept ones from the current report), adds
    /// `manifest` with the stamps of what was written, and swaps the folder in. Returns how many files
    /// were written anew and how many kept. `previous`: the current report's manifest entries, still
    /// as written (`ReportManifest.read`): a kept file's link has the stamp its entry holds.
    @discardableResult
    public func write(
        _ site: RenderedSite, manifest: ReportManifest, previous: [String: ReportManifest.Entry] = [:]
    ) throws -> (written: Int, kept: Int) {
        var none: ParseCache?
        return try write(site, manifest: manifest, previous: previous, parseCache: &none)
    }

    /// `write(_:manifest:previous:)`, with the parse cache beside the manifest: it is written first
    /// and then let go, before any page is rendered.
    @discardableResult
    func write(
        _ site: RenderedSite, manifest: ReportManifest, previous: [String: ReportManifest.Entry] = [:],
        parseCache: inout ParseCache?
    ) throws -> (written: Int, kept: Int) {
        // Two builds of one report (or a build and `serve`'s rebuild) take turns: they share the
        // staging folder's name. The lock is on the folder the report sits in; it lasts this call.
        let lock: ContentLock?
        do {
            lock = try ContentLock.acquire(root: place.parent, content: false, timeout: .seconds(600))
        } catch {
            throw WriteError.failed(output, error.description)
        }
        defer { withExtendedLifetime(lock) {} }
        var existing = stat()
        let outputExists = lstat(output, &existing) == 0
        if outputExists, !isReplaceable(existing) { throw WriteError.notAReport(output) }

        let staging = sibling("staging")
        try removeLeftover(staging)
        try makeFolder(staging)
        var counts = (written: 0, kept: 0)
        do {
            _ = try writeFile(staging + "/" + SiteWriter.marker, Array("written by leads build\n".utf8))
            var cacheIdentity: Fingerprint?
            if let cache = parseCache {
                try writeFile(staging + "/" + ParseCache.fileName) { fd in
                    cacheIdentity = cache.write(to: fd)
                    return cacheIdentity != nil
                }
                parseCache = nil
            }
            var folders: Set<String> = []
            var manifest = manifest
            manifest.files = [:]
            manifest.parsedFingerprint = cacheIdentity
            try site.forEachBatch { files in
                for file in files {
                    var folder = staging
                    for part in file.path.split(separator: "/").dropLast() {
                        folder += "/" + part
                        if folders.insert(folder).inserted { try makeFolder(folder) }
                    }
                    let target = staging + "/" + file.path
                    let stamp: (size: Int64, modified: Int64)
                    if let bytes = file.bytes {
                        let written = try writeFile(target, bytes)
                        stamp = (written.size, written.modified)
                        counts.written += 1
                    } else {
                        stamp = try keep(file.path, at: target, as: previous[file.path])
                        counts.kept += 1
                    }
                    manifest.files[file.path] = ReportManifest.Entry(
                        fingerprint: file.fingerprint, size: stamp.size, modified: stamp.modified)
                }
            }
            if let sources = manifest.sources {
                _ = try writeFile(staging + "/" + SourceTable.fileName, sources.encoded)
                manifest.sourcesFingerprint = Fingerprint.of(sources.encoded)
            }
            _ = try writeFile(staging + "/" + ReportManifest.fileName, try manifest.encoded())
            if outputExists {
                let retired = sibling("old")
                try removeLeftover(retired)
                guard rename(output, retired) == 0 else { throw failure(output) }
                guard rename(staging, output) == 0 else {
                    _ = rename(retired, output)
                    throw failure(output)
                }
                try? remove(retired)
            } else {
                guard rename(staging, output) == 0 else { throw failure(output) }
            }
        } catch {
            try? remove(staging)
            throw error
        }
        return counts
    }

    /// An existing output may be replaced when it is an empty folder or one a previous build wrote.
    func isReplaceable(_ info: stat) -> Bool {
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        if access(output + "/" + SiteWriter.marker, F_OK) == 0 { return true }
        return DirectoryEntries.read(output)?.isEmpty ?? false
    }

    /// The folder the report sits in (`.` for a bare name, `/` at the root) and the report's name.
    var place: (parent: String, name: String) {
        guard let slash = output.lastIndex(of: "/") else { return (".", output) }
        let parent = String(output[..<slash])
        return (parent.isEmpty ? "/" : parent, String(output[output.index(after: slash)...]))
    }

    /// A hidden folder beside the report, e.g. `.output.leads-staging`.
    func sibling(_ role: String) -> String {
        let (parent, name) = place
        return (parent == "." ? "" : parent == "/" ? "/" : parent + "/") + ".\(name).leads-\(role)"
    }

    func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure(path) }
    }

    /// A file of the current report, unchanged, becomes a file of the new one: a second link to the
    /// same bytes, so keeping a page costs no copy (and a copy where links are not possible).
    /// `entry`: the file's entry in the current report's manifest, whose stamp a link keeps (a
    /// link is the same file), so it need not be examined again.
    func keep(_ path: String, at target: String, as entry: ReportManifest.Entry? = nil) throws -> (
        size: Int64, modified: Int64
    ) {
        let source = output + "/" + path
        if link(source, target) == 0 {
            if let entry { return (entry.size, entry.modified) }
            if let stamp = FileStamp.of(target) { return (stamp.size, stamp.modified) }
        }
        guard case .success(let bytes) = FileBytes.contents(of: source, limit: Int.max) else { throw failure(source) }
        let stamp = try writeFile(target, bytes)
        return (stamp.size, stamp.modified)
    }

    /// Plain POSIX writes: atomicity comes from the folder swap, so no per-file fsync is needed.
    /// Returns the written file's stamp.
    func writeFile(_ path: String, _ bytes: [UInt8]) throws -> FileStamp {
        try writeFile(path) { FileBytes.write(bytes, to: $0) }
    }

    /// A file written by `write` to its open descriptor a part at a time; `write` returns false
    /// (with `errno` set) when the system refuses.
    @discardableResult
    func writeFile(_ path: String, by write: (Int32) -> Bool) throws -> FileStamp {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        guard write(fd) else { throw failure(path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path) }
        return FileStamp(info)
    }

    func failure(_ path: String) -> WriteError {
        .failed(path, String(cString: strerror(errno)))
    }

    /// A staging or retired folder a failed or killed build left: this build owns it and removes it,
    /// or says which folder is in the way.
    func removeLeftover(_ path: String) throws {
        do {
            try remove(path)
        } catch {
            throw WriteError.failed(
                path, "a previous build left this folder and it cannot be removed (\(error)); remove it by hand")
        }
    }

    /// Removes a folder tree this writer created, making its folders writable first (a report folder
    /// someone made read-only is still ours to replace).
    func remove(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if info.st_mode & S_IWUSR == 0 || info.st_mode & S_IXUSR == 0 {
                chmod(path, (info.st_mode & 0o7777) | S_IRWXU)
            }
            guard let entries = DirectoryEntries.read(path) else { throw failure(path) }
            for (name, _) in entries { try remove(path + "/" + name) }
            guard rmdir(path) == 0 else { throw failure(path) }
        } else {
            guard unlink(path) == 0 else { throw failure(path) }
        }
    }
}
