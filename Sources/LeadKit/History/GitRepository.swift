import Foundation

/// The content folder's git repository, read with the `git` command line and fixed output formats
/// (as Hugo's GitInfo does): the one place the history views start `git`. Foundation's `Process`
/// runs it, as it runs `git merge-file` for the merge driver: the rest of leads is synchronous,
/// and swift-subprocess's API is async only.
public struct GitRepository: Sendable {
    /// The work tree's top folder.
    public let top: String
    /// The content folder inside it, with a final `/` (`content/`), or "" when it is the top.
    public let prefix: String
    /// Whether the clone is shallow: its history starts at a cut-off commit.
    public let isShallow: Bool
    /// The full hash of HEAD when the repository was opened.
    public let head: String
    /// The repository's git folder, absolute (`.git`, or a worktree's).
    public let gitDirectory: String

    /// Why there is no history to read.
    public enum Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        case turnedOff
        case notARepository
        case gitMissing
        case noCommits

        public var description: String {
            switch self {
            case .turnedOff: "--no-git: the history views are off"
            case .notARepository: "the content folder is not in a git work tree"
            case .gitMissing: "git cannot be run"
            case .noCommits: "the repository has no commits yet"
            }
        }
    }

    /// The repository holding `content`, or why there is none.
    public static func open(_ content: String) -> Result<GitRepository, Unavailable> {
        guard
            let probe = run(
                ["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "--absolute-git-dir"],
                in: content)
        else { return .failure(.gitMissing) }
        guard probe.status == 0 else { return .failure(.notARepository) }
        let lines = String(decoding: probe.output, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4 else { return .failure(.notARepository) }
        let top = String(lines[0])
        guard let head = run(["rev-parse", "--verify", "-q", "HEAD"], in: top), head.status == 0 else {
            return .failure(.noCommits)
        }
        return .success(
            GitRepository(
                top: top, prefix: String(lines[1]), isShallow: lines[2] == "true",
                head: String(decoding: head.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                gitDirectory: String(lines[3])))
    }

    /// The stamp of the index (what is staged), as hexadecimal: staging a rename changes the
    /// history views without changing a content file or HEAD.
    public var indexStamp: String {
        guard let stamp = FileStamp.of(gitDirectory + "/index") else { return "no index" }
        var fingerprint = Fingerprint()
        stamp.combine(into: &fingerprint)
        return fingerprint.hex
    }

    /// `git -C top ARGUMENTS`, with `input` on its standard input: its output and exit status, nil
    /// when git cannot be started.
    func git(_ arguments: [String], input: Data? = nil) -> (output: Data, status: Int32)? {
        Self.run(arguments, in: top, input: input)
    }

    static func run(_ arguments: [String], in folder: String, input: Data? = nil) -> (output: Data, status: Int32)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Paths as bytes, no pager, no colour, no user configuration changing the formats.
        process.arguments =
            ["git", "-c", "core.quotepath=off", "-c", "log.showSignature=false", "-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        // `git status` must not refresh the index: the index's stamp is an input of the build.
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do {
            try process.run()
        } catch {
            return nil
        }
        // Written on another thread: git writes while it reads, and both pipes have limits.
        if let input {
            Thread.detachNewThread {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (data, process.terminationStatus)
    }

    /// The full hash of a revision (`v1.0`, `main~2`, a hash), nil when it names no commit.
    public func commit(_ revision: String) -> String? {
        guard let result = git(["rev-parse", "--verify", "-q", revision + "^{commit}"]), result.status == 0 else {
            return nil
        }
        return String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A commit's hash, author, author day and subject; nil when `revision` names no commit.
    public func describe(_ revision: String) -> RecordHistory.Commit? {
        guard
            let result = git(["log", "-1", "--date=short", "--format=%H%x1f%an%x1f%ad%x1f%s", revision + "^{commit}"]),
            result.status == 0
        else { return nil }
        let fields = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .newlines)
            .split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4, let day = Day(parsing: fields[2]) else { return nil }
        return RecordHistory.Commit(
            hash: fields[0], short: String(fields[0].prefix(7)), author: fields[1], day: day,
            subject: fields[3...].joined(separator: "\u{1F}"))
    }

    /// The last commit reachable from HEAD whose author day (as the history shows it, in the
    /// author's time zone) is on or before `day`, nil when there is none.
    public func lastCommit(onOrBefore day: Day) -> String? {
        guard let result = git(["log", "--date=short", "--format=%H %ad", "HEAD"]), result.status == 0 else {
            return nil
        }
        for line in String(decoding: result.output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let authored = Day(parsing: parts[1]), authored <= day { return String(parts[0]) }
        }
        return nil
    }

    /// The contents of blobs by object name or `rev:path`, in order; nil for one git does not have.
    /// One `git cat-file --batch` for all of them.
    func blobs(_ names: [String]) -> [[UInt8]?] {
        guard !names.isEmpty else { return [] }
        let input = Data(names.map { $0 + "\n" }.joined().utf8)
        guard let result = git(["cat-file", "--batch"], input: input) else { return names.map { _ in nil } }
        let bytes = [UInt8](result.output)
        var position = 0
        var found: [[UInt8]?] = []
        for _ in names {
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ")
            position = newline + 1
            guard header.count == 3, let size = Int(header[2]), position + size <= bytes.count else {
                found.append(nil)
                continue
            }
            found.append(Array(bytes[position..<(position + size)]))
            position += size + 1
        }
        return found + Array(repeating: nil, count: names.count - found.count)
    }

    /// The content folder as it was in `commit`, read from git objects without touching the
    /// working tree: `config.yml` and the record files of the kinds' folders, in the order the
    /// loader reads a folder (paths by bytes), shown as `loader` shows paths.
    public func content(at commit: String, loader: ContentLoader) -> LoadedContent {
        let scope = prefix.isEmpty ? "." : prefix
        guard let listing = git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", scope]), listing.status == 0 else {
            return LoadedContent(files: [], config: nil, diagnostics: [])
        }
        var entries: [(path: String, object: String, kind: RecordKind?)] = []
        for entry in String(decoding: listing.output, as: UTF8.self).split(separator: "\u{0}") {
            // `100644 blob <object>\t<path>`
            guard let tab = entry.firstIndex(of: "\t") else { continue }
            let meta = entry[..<tab].split(separator: " ")
            let full = String(entry[entry.index(after: tab)...])
            guard meta.count == 3, meta[1] == "blob", full.hasPrefix(prefix) else { continue }
            let path = String(full.dropFirst(prefix.count))
            if path == "config.yml" {
                entries.append((path, String(meta[2]), nil))
            } else if let kind = RecordHistory.recordKind(path),
                !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            {
                entries.append((path, String(meta[2]), kind))
            }
        }
        entries.sort { FolderWalker.bytesPrecede($0.path, $1.path) }
        var files: [SourceFile] = []
        var config: SourceFile?
        for (entry, bytes) in zip(entries, blobs(entries.map(\.object))) {
            let file = SourceFile(
                kind: entry.kind, relativePath: entry.path, displayPath: loader.displayPath(entry.path),
                bytes: bytes ?? [])
            if entry.kind == nil { config = file } else { files.append(file) }
        }
        return LoadedContent(files: files, config: config, diagnostics: [])
    }

    /// The commits reachable from `to` but not from `from` (`git rev-list from..to`), as short
    /// hashes; nil when a revision names no commit.
    public func commits(from: String?, to: String) -> Set<String>? {
        let range = from.map { "\($0)..\(to)" } ?? to
        guard let result = git(["rev-list", range]), result.status == 0 else { return nil }
        return Set(String(decoding: result.output, as: UTF8.self).split(separator: "\n").map { String($0.prefix(7)) })
    }

    /// Whether `ancestor` is an ancestor of `commit` (`git merge-base --is-ancestor`).
    func isAncestor(_ ancestor: String, of commit: String) -> Bool {
        git(["merge-base", "--is-ancestor", ancestor, commit])?.status == 0
    }

    /// What a `--at`, `--since` or `--until` value names: a day (`2026-11-01`, or words like
    /// `-7d` that name no revision), else a revision; nil for neither. A `YYYY-MM-DD` is a day
    /// even when a branch has that name.
    public func dayOrRevision(_ text: String, asOf: Day) -> Either? {
        if let day = DateWords.day(text, asOf: asOf), Day(parsing: text) != nil || commit(text) == nil {
            return .day(day)
        }
        return commit(text).map(Either.revision)
    }

    /// A day or a commit (its full hash).
    public enum Either: Sendable, Equatable {
        case day(Day)
        case revision(String)
    }
}
