import Foundation

/// What git knows of the content folder, read in one pass: the commits that touched record files
/// (oldest first), and per record file every version — how it changed and, for leads,
/// applications and jobs, the values the history views follow (status, owner, next follow-up,
/// milestones) — renames followed, with the working tree's uncommitted changes last.
public struct RecordHistory: Sendable {
    public struct Commit: Sendable, Equatable {
        public var hash: String
        /// 7 characters, as `git log --oneline` shows it.
        public var short: String
        public var author: String
        /// The author date's day as the author wrote it (their time zone).
        public var day: Day
        public var subject: String
    }

    public enum Change: Sendable, Equatable {
        case added
        case modified
        case renamed(from: String)
        case deleted
    }

    /// The values of one version of a lead, application or job.
    public struct Values: Sendable, Equatable {
        public var status: String?
        public var pipeline: String?
        public var owner: String?
        public var nextFollowUp: String?
        /// Milestones reached, as `NAME DATE`.
        public var milestones: [String] = []
        /// An application's or job's lead.
        public var lead: String?
    }

    public struct Version: Sendable {
        /// The position in `commits`; nil for the working tree's uncommitted change.
        public var commit: Int?
        /// The file's path in the content folder in this version.
        public var path: String
        public var change: Change
        public var values: Values?
    }

    public var commits: [Commit] = []
    /// Per record, by its path in the content folder now (the last path for a deleted one),
    /// oldest version first.
    public var records: [String: [Version]] = [:]
    /// Records deleted since, each with its versions (the last one the deletion).
    public var deleted: [[Version]] = []
    /// The commit the history was read up to (HEAD, or the revision of `build --at`).
    public var head: String?
    /// Why the views are empty or partial (`--no-git`, no repository, a shallow clone); nil when
    /// the whole history was read.
    public var note: String?
    /// A shallow clone's cut-off commits (positions in `commits`): they show the state the clone
    /// starts from, not changes made on their day.
    public var boundary: Set<Int> = []

    /// No history, and why.
    public static func unavailable(_ reason: String) -> RecordHistory {
        RecordHistory(note: reason)
    }

    /// The record's versions, oldest first; empty when git has none.
    public func versions(of relativePath: String) -> [Version] {
        records[relativePath] ?? []
    }

    /// The commit that last changed the file, if any.
    public func lastCommit(of relativePath: String) -> Commit? {
        versions(of: relativePath).last { $0.commit != nil }.flatMap { $0.commit.map { commits[$0] } }
    }
}

extension RecordHistory {
    /// Reads the history of `repository`'s content folder up to `revision` (HEAD by default) in one
    /// `git log` and one `git cat-file --batch`; with `workingTree`, the uncommitted changes of the
    /// folder at `root` too, and the committed part is kept in (and continued from) the folder's
    /// `.leads/history` (`HistoryCache`). `configuration` reads the versions' fields.
    /// `paths` (in the content folder) limits the walk to those files, for one record's history.
    public static func read(
        _ repository: GitRepository, revision: String = "HEAD", workingTree root: String? = nil,
        paths: [String]? = nil, configuration: Configuration
    ) -> RecordHistory {
        var history = RecordHistory()
        history.head = revision == "HEAD" ? repository.head : repository.commit(revision)
        if repository.isShallow {
            history.note = "this is a shallow clone: the history starts at its oldest commit, not at the first"
        }
        // The builds of a working tree keep what they read in `.leads/history` and read only the
        // commits made since (a history rewritten under it is read again whole).
        let cacheable = root != nil && paths == nil && revision == "HEAD" && !repository.isShallow
        let setting = root.map(HistoryCache.configuration(root:)) ?? ""
        var state = HistoryState(head: history.head ?? "", configuration: setting)
        var range = [revision]
        if cacheable, let root, let head = history.head, let cached = HistoryCache.load(root: root),
            cached.configuration == setting, cached.head == head || repository.isAncestor(cached.head, of: head)
        {
            state = cached
            state.head = head
            range = cached.head == head ? [] : ["\(cached.head)..\(head)"]
        }
        let prefix = repository.prefix
        var wanted: [(record: Int, index: Int, object: String, kind: RecordKind)] = []
        if !range.isEmpty {
            let format = "--format=%x1e%H%x1f%h%x1f%an%x1f%ad%x1f%s"
            guard
                let log = repository.git(
                    // No pathspec: limiting the walk to the folder costs git a second tree walk per
                    // commit (twice the time on a big flat folder); paths outside it are skipped below.
                    ["log", "--reverse", "-M", "--raw", "--no-abbrev", "--date=short", format] + range
                        + (paths.map { ["--"] + $0.map { prefix + $0 } } ?? []))
            else { return unavailable(GitRepository.Unavailable.gitMissing.description) }
            wanted = apply(log.output, to: &state, prefix: prefix)
        }
        // The values of every new version that has them: one cat-file for all, parsed on every core.
        let blobs = repository.blobs(wanted.map(\.object))
        let jobs = zip(wanted, blobs).map { item, bytes in
            (state.store[item.record][item.index].path, item.kind, bytes)
        }
        let parsed = ParallelMap.map(jobs, chunkSize: 256) { path, kind, bytes in
            bytes.flatMap { values(of: $0, path: path, kind: kind, configuration) }
        }
        for (item, values) in zip(wanted, parsed) { state.store[item.record][item.index].values = values }
        if cacheable, let root, !range.isEmpty, !state.head.isEmpty {
            HistoryCache.save(state, root: root)
        }
        history.commits = state.commits
        // A shallow clone's oldest commits, listed by git in `shallow` beside its objects.
        if repository.isShallow, let path = repository.git(["rev-parse", "--git-path", "shallow"]) {
            let file = String(decoding: path.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let full = file.hasPrefix("/") ? file : repository.top + "/" + file
            let shallow = Set(
                ((try? String(contentsOfFile: full, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
            history.boundary = Set(history.commits.indices.filter { shallow.contains(history.commits[$0].hash) })
        }
        var keyOf = state.keyOf
        var store = state.store
        if let root {
            addUncommitted(repository, root: root, keyOf: &keyOf, store: &store, configuration: configuration)
        }
        // Filed under the path each record has now; the others were deleted.
        let live = Set(keyOf.values)
        for (path, record) in keyOf { history.records[path] = store[record] }
        history.deleted = store.indices.filter { !live.contains($0) && !store[$0].isEmpty }.map { store[$0] }
        return history
    }

    /// Adds the commits of a `git log --reverse --raw` output to `state`, following renames; the
    /// versions of leads, applications and jobs whose values are to be read, with their blobs.
    static func apply(_ output: Data, to state: inout HistoryState, prefix: String) -> [(
        record: Int, index: Int, object: String, kind: RecordKind
    )] {
        var wanted: [(record: Int, index: Int, object: String, kind: RecordKind)] = []
        for block in String(decoding: output, as: UTF8.self).split(separator: "\u{1E}") {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let day = Day(parsing: fields[3]) else { continue }
            let commit = state.commits.count
            state.commits.append(
                Commit(
                    hash: fields[0], short: String(fields[0].prefix(7)), author: fields[2], day: day,
                    subject: fields[4...].joined(separator: "\u{1F}")))
            for line in lines.dropFirst() {
                // `:100644 100644 <old blob> <new blob> M\tpath`, or `R100\told path\tnew path`.
                let parts = line.split(separator: "\t").map(String.init)
                let meta = parts.first?.split(separator: " ") ?? []
                guard line.hasPrefix(":"), meta.count >= 5, let status = meta[4].first, parts.count >= 2 else {
                    continue
                }
                let blob = String(meta[3])
                let newPath = parts[parts.count - 1]
                guard newPath.hasPrefix(prefix) else { continue }
                let path = String(newPath.dropFirst(prefix.count))
                guard let kind = recordKind(path) else { continue }
                var change: Change
                switch status {
                case "A": change = .added
                case "D": change = .deleted
                case "R":
                    let old = String(parts[1].dropFirst(prefix.count))
                    change = recordKind(old) == kind ? .renamed(from: old) : .added
                    if case .renamed = change, let record = state.keyOf.removeValue(forKey: old) {
                        state.keyOf[path] = record
                    }
                default: change = .modified
                }
                let record = state.keyOf[path] ?? state.store.count
                if record == state.store.count { state.store.append([]) }
                state.keyOf[path] = record
                state.store[record].append(Version(commit: commit, path: path, change: change, values: nil))
                if change == .deleted {
                    // A later file of the same name is another record.
                    state.keyOf[path] = nil
                } else if [.lead, .application, .job].contains(kind) {
                    // An interaction's own fields do not change what the views follow: not read.
                    // By blob name: `commit:path` makes git walk the tree for each (slow in big folders).
                    wanted.append((record, state.store[record].count - 1, blob, kind))
                }
            }
        }
        return wanted
    }

    /// The kind of a record file by its folder; nil for anything else.
    static func recordKind(_ path: String) -> RecordKind? {
        guard path.hasSuffix(".md"), let folder = path.split(separator: "/").first else { return nil }
        return RecordKind(folder: String(folder))
    }

    /// The followed values of one version's bytes.
    static func values(of bytes: [UInt8], path: String, kind: RecordKind, _ configuration: Configuration) -> Values? {
        let file = SourceFile(kind: kind, relativePath: path, displayPath: path, bytes: bytes)
        guard let parsed = RecordParser.parse(file, configuration: configuration).record else { return nil }
        switch parsed {
        case .lead(let lead):
            return Values(
                status: lead.status?.value, pipeline: lead.pipeline?.value, owner: lead.owner?.value,
                nextFollowUp: lead.nextFollowUp?.value.description)
        case .application(let application):
            return Values(milestones: application.milestones.map(describe), lead: application.lead?.value.target)
        case .job(let job):
            return Values(milestones: job.milestones.map(describe), lead: job.lead?.value.target)
        case .interaction, .contact, .company:
            return nil
        }
    }

    static func describe(_ entry: MilestoneEntry) -> String {
        entry.milestone.value + (entry.date.map { " \($0.value)" } ?? "")
    }

    /// The working tree's changes to record files, as versions without a commit.
    static func addUncommitted(
        _ repository: GitRepository, root: String, keyOf: inout [String: Int], store: inout [[Version]],
        configuration: Configuration
    ) {
        let prefix = repository.prefix
        guard
            let status = repository.git(
                [
                    "status", "--porcelain=v1", "-z", "--untracked-files=all", "--",
                    prefix.isEmpty ? "." : prefix,
                ])
        else { return }
        // `-z`: paths as they are, NUL after each (without it, a path with a space or a quote
        // comes quoted and escaped); a rename's entry is followed by its old path.
        var entries = status.output.split(separator: 0, omittingEmptySubsequences: true).makeIterator()
        while let entry = entries.next() {
            guard entry.count > 3 else { continue }
            let code = String(decoding: entry.prefix(2), as: UTF8.self)
            let full = String(decoding: entry.dropFirst(3), as: UTF8.self)
            var renamedFrom: String?
            // A staged rename, `R  new` then `old`: the record keeps its versions under its new path.
            if code.contains("R") || code.contains("C"), let source = entries.next() {
                let old = String(decoding: source, as: UTF8.self)
                if code.contains("R"), old.hasPrefix(prefix), full.hasPrefix(prefix),
                    let record = keyOf.removeValue(forKey: String(old.dropFirst(prefix.count)))
                {
                    keyOf[String(full.dropFirst(prefix.count))] = record
                    renamedFrom = String(old.dropFirst(prefix.count))
                }
            }
            guard full.hasPrefix(prefix) else { continue }
            let path = String(full.dropFirst(prefix.count))
            guard let kind = recordKind(path) else { continue }
            let known = keyOf[path]
            let change: Change
            if code.contains("D") {
                change = .deleted
            } else if let renamedFrom {
                change = .renamed(from: renamedFrom)
            } else if code == "??" || code.contains("A") || known == nil {
                change = .added
            } else {
                change = .modified
            }
            var values: Values?
            if change != .deleted,
                case .success(let bytes) = FileBytes.contents(
                    of: ContentLoader(root: root).pathOnDisk(path), limit: ContentLoader.maximumFileSize)
            {
                values = Self.values(of: bytes, path: path, kind: kind, configuration)
            }
            let record = known ?? store.count
            if record == store.count { store.append([]) }
            store[record].append(Version(commit: nil, path: path, change: change, values: values))
            keyOf[path] = change == .deleted ? nil : record
        }
    }
}
