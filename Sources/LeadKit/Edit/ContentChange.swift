#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file a command creates, changes or deletes, by its path inside the content folder.
public struct FileChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case create = "created"
        case update = "updated"
        case delete = "deleted"
    }

    public var kind: Kind
    public var path: String
    /// The bytes the file must still have when the change is written (nil for a new file).
    public var before: [UInt8]?
    /// nil for a deleted file.
    public var after: [UInt8]?
    /// What changed, for the user: `status WARM_LEAD → REFERRAL_SECURED`.
    public var summary: String

    public static func create(_ path: String, _ text: String, _ summary: String = "") -> FileChange {
        FileChange(kind: .create, path: path, before: nil, after: Array(text.utf8), summary: summary)
    }

    public static func update(_ path: String, from before: [UInt8], to after: [UInt8], _ summary: String) -> FileChange
    {
        FileChange(kind: .update, path: path, before: before, after: after, summary: summary)
    }

    public static func delete(_ path: String, was before: [UInt8], _ summary: String = "") -> FileChange {
        FileChange(kind: .delete, path: path, before: before, after: nil, summary: summary)
    }

    /// `created content/leads/acme-staff.md` with the summary after a colon; `planned`: `would create …`.
    public func line(root: String, planned: Bool = false) -> String {
        let verb = planned ? "would " + String(kind.rawValue.dropLast()) : kind.rawValue
        return "\(verb) \(ContentLoader(root: root).displayPath(path))" + (summary.isEmpty ? "" : ": \(summary)")
    }
}

/// Writes a command's changes to the content folder: each file atomically (a temporary file in the
/// same folder, flushed, then renamed over it), in the order the command planned them so that the
/// folder is valid after every single write.
public struct ContentWriter: Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// Refuses the whole set before writing anything if a file is not as the plan expects: a new file
    /// already exists, a changed file was edited meanwhile, or a path leaves the content folder.
    /// `stamps`: the stamps the files had when they were read (`Workspace.stamps`); a file whose stamp
    /// is known is compared by stamp, without reading it again, others by their bytes.
    /// `interruptAfter` stops the process after that many writes: the tests' way to pull the plug.
    /// `failAfter` makes the write after that many fail, as a full disk would: the tests' way to see
    /// the roll-back.
    public func apply(
        _ changes: [FileChange], stamps: [String: FileStamp] = [:], interruptAfter: Int? = nil, failAfter: Int? = nil
    ) throws(EditError) {
        try verify(changes, stamps: stamps)
        for (done, change) in changes.enumerated() {
            if let interruptAfter, done == interruptAfter { exit(75) }
            do throws(EditError) {
                if let failAfter, done == failAfter {
                    throw EditError("cannot write \(change.path): No space left on device")
                }
                try write(change)
            } catch {
                // A command that fails leaves nothing of its own behind: what it wrote is undone.
                rollBack(changes[..<done])
                throw error
            }
        }
    }

    /// Refuses the set as `apply` would, writing nothing: for a dry run that must say the truth.
    public func verify(_ changes: [FileChange], stamps: [String: FileStamp] = [:]) throws(EditError) {
        for change in changes { try verify(change, stamp: stamps[change.path]) }
    }

    /// Undoes written changes, last first: a new file is removed, a changed or deleted one gets its
    /// old bytes back. Best effort: the error that stopped the command is what is reported.
    func rollBack(_ written: ArraySlice<FileChange>) {
        for change in written.reversed() {
            switch change.kind {
            case .create:
                unlink(ContentLoader(root: root).pathOnDisk(change.path))
            case .update, .delete:
                guard let before = change.before else { continue }
                try? write(FileChange(kind: .update, path: change.path, before: nil, after: before, summary: ""))
            }
        }
    }

    func verify(_ change: FileChange, stamp: FileStamp?) throws(EditError) {
        let path = ContentLoader(root: root).pathOnDisk(change.path)
        guard !change.path.hasPrefix("/"), !change.path.split(separator: "/").contains("..") else {
            throw EditError("refusing to write \(path): it is outside the content folder")
        }
        try requireInside(parentOf: path)
        switch change.kind {
        case .create:
            if FileStamp.of(path) != nil || isLink(path) {
                throw EditError("refusing to overwrite \(path): it already exists")
            }
        case .update, .delete:
            if isLink(path) { throw EditError("refusing to change \(path): it is a symbolic link") }
            let unchanged: Bool
            if let stamp {
                unchanged = FileStamp.of(path) == stamp
            } else if case .success(let bytes) = FileBytes.contents(of: path, limit: ContentLoader.maximumFileSize) {
                unchanged = bytes == change.before
            } else {
                unchanged = false
            }
            guard unchanged else { throw EditError("\(path) changed while leads was working; run the command again") }
        }
    }

    /// The folder a file goes into must resolve to a place inside the content folder.
    func requireInside(parentOf path: String) throws(EditError) {
        guard let rootReal = FolderWalker.realPath(root) else {
            throw EditError("content folder '\(root)' does not exist")
        }
        var parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if parent.isEmpty { parent = path.hasPrefix("/") ? "/" : "." }
        // A folder that does not exist yet is created inside the nearest one that does.
        while FolderWalker.realPath(parent) == nil, let slash = parent.lastIndex(of: "/") {
            parent = String(parent[..<slash])
        }
        guard let parentReal = FolderWalker.realPath(parent),
            parentReal == rootReal || parentReal.hasPrefix(rootReal + "/")
        else {
            throw EditError("refusing to write \(path): it is outside the content folder")
        }
    }

    func write(_ change: FileChange) throws(EditError) {
        let path = ContentLoader(root: root).pathOnDisk(change.path)
        guard let bytes = change.after else {
            guard unlink(path) == 0 else { throw failure(path) }
            return
        }
        try makeFolders(for: path)
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        let name = String(path[(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)...])
        // A name of this process's own, made with O_EXCL: two writers never share a temporary file.
        let temporary = folder + "/." + name + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).leads-tmp"
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(temporary) }
        guard FileBytes.write(bytes, to: fd) else {
            close(fd)
            unlink(temporary)
            throw failure(temporary)
        }
        // The user's notes: on disk before the rename makes them the file.
        let synced = fsync(fd) == 0
        guard close(fd) == 0, synced else {
            unlink(temporary)
            throw failure(temporary)
        }
        if change.kind == .create {
            // A link fails if the name exists, so a file made meanwhile is never replaced.
            defer { unlink(temporary) }
            guard link(temporary, path) == 0 else {
                throw errno == EEXIST ? EditError("refusing to overwrite \(path): it already exists") : failure(path)
            }
        } else {
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                throw failure(path)
            }
        }
    }

    func makeFolders(for path: String) throws(EditError) {
        var folder = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw failure(folder) }
        }
    }

    func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    func failure(_ path: String) -> EditError {
        EditError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}
