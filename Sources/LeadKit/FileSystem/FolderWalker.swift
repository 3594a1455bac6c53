#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists the files below a folder with POSIX calls: no stat per file where the directory entry says
/// enough, and symbolic links followed only while they stay inside the folder.
struct FolderWalker {
    /// The folder on disk.
    let root: String

    /// A link that is not followed: it leaves the folder, loops, or points nowhere.
    struct SkippedLink {
        var relativePath: String
        var reason: String
    }

    /// The files below the folder (sorted by bytes), the links not followed, and the folders that
    /// could not be opened (with the system's reason), so none is skipped in silence.
    func walk() -> (files: [String], skipped: [SkippedLink], unreadable: [SkippedLink]) {
        guard let realRoot = Self.realPath(root) else { return ([], [], []) }
        var files: [String] = []
        var skipped: [SkippedLink] = []
        var unreadable: [SkippedLink] = []
        var visited: Set<String> = [realRoot]
        // An explicit stack instead of recursion: folder depth is up to the user.
        var pending: [(path: String, relative: String)] = [(root, "")]
        while let (folder, relative) = pending.popLast() {
            var subfolders: [(path: String, relative: String)] = []
            let listed: [(name: String, type: UInt8)]
            switch entries(of: folder) {
            case .success(let entries): listed = entries
            case .failure(let failure):
                unreadable.append(SkippedLink(relativePath: relative, reason: failure.reason))
                continue
            }
            for (name, directType) in listed {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                // Most entries are record files the directory entry already names as such: their
                // path on disk is not needed, and 100,000 of them are not worth a string each.
                if directType == UInt8(DT_REG) {
                    files.append(childRelative)
                    continue
                }
                let path = folder + "/" + name
                var type = directType == UInt8(DT_UNKNOWN) ? fileType(path, following: false) : directType
                if type == UInt8(DT_LNK) {
                    guard let target = Self.realPath(path) else {
                        skipped.append(SkippedLink(relativePath: childRelative, reason: "points nowhere or loops"))
                        continue
                    }
                    guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                        skipped.append(
                            SkippedLink(
                                relativePath: childRelative, reason: "points outside the content folder, to \(target)"))
                        continue
                    }
                    type = fileType(target, following: true)
                    if type == UInt8(DT_DIR), !visited.insert(target).inserted {
                        skipped.append(
                            SkippedLink(relativePath: childRelative, reason: "leads to a folder already read"))
                        continue
                    }
                } else if type == UInt8(DT_DIR), let real = Self.realPath(path) {
                    // Folders reached directly count as read too, so a link back to one is not followed.
                    visited.insert(real)
                }
                if type == UInt8(DT_DIR) {
                    subfolders.append((path, childRelative))
                } else if type == UInt8(DT_REG) {
                    files.append(childRelative)
                }
            }
            pending += subfolders.reversed()
        }
        files = Self.sortedByBytes(files)
        skipped.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        unreadable.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return (files, skipped, unreadable)
    }

    /// The visible entries of a folder with their `DT_*` types: real folders before links, then by name,
    /// so which path reaches a linked folder does not depend on the order the file system lists them in.
    /// Only folders and links are sorted: the files are sorted once at the end, and a folder of a hundred
    /// thousand records would otherwise be sorted twice.
    func entries(of folder: String) -> Result<[(name: String, type: UInt8)], DirectoryEntries.Failure> {
        DirectoryEntries.list(folder).map { all in
            let entries = all.filter { !$0.name.hasPrefix(".") }
            let files = entries.filter { $0.type == UInt8(DT_REG) }
            return entries.filter { $0.type != UInt8(DT_REG) }.sorted { a, b in
                let (linkA, linkB) = (a.type == UInt8(DT_LNK), b.type == UInt8(DT_LNK))
                if linkA != linkB { return !linkA }
                return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
            } + files
        }
    }

    /// `paths` in `bytesPrecede` order, compared as copies of their bytes laid end to end: sorting
    /// the strings themselves retained and released two of them per comparison, a fifth of a
    /// no-change rebuild at 100,000 files.
    static func sortedByBytes(_ paths: [String]) -> [String] {
        var blob: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(paths.count)
        for path in paths {
            let start = blob.count
            blob.append(contentsOf: path.utf8)
            spans.append((start, blob.count - start))
        }
        var order = Array(paths.indices)
        blob.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in
                order.sort { a, b in
                    let (x, y) = (spans[a], spans[b])
                    let common = min(x.count, y.count)
                    let result =
                        common == 0 ? 0 : memcmp(bytes.baseAddress! + x.start, bytes.baseAddress! + y.start, common)
                    return result != 0 ? result < 0 : x.count < y.count
                }
            }
        }
        return order.map { paths[$0] }
    }

    /// Byte order, as `memcmp` sees it: fast, and independent of Unicode normalization.
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// The path with every link and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The `DT_*` type of a path.
    func fileType(_ path: String, following: Bool) -> UInt8 {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return UInt8(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        case S_IFLNK: return UInt8(DT_LNK)
        default: return UInt8(DT_UNKNOWN)
        }
    }
}
