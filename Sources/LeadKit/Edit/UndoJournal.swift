import Foundation

/// The last write command's changes, kept in the content folder's `.leads/journal.json` (a folder
/// git ignores) so that `leads undo` can take them back — only while every file it touched is
/// still exactly as the command left it.
public struct UndoJournal: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        /// `created`, `updated` or `deleted`, as `FileChange.Kind`.
        var kind: String
        var path: String
        /// The bytes before and after (base64 in the file); nil for a file created or deleted.
        var before: Data?
        var after: Data?
        var summary: String
    }

    /// The command line that made the changes, for messages: `leads move acme WARM_LEAD`.
    public var command: String
    var entries: [Entry]

    /// Inside the content folder; hidden, so never read as content.
    static let folder = ".leads"
    static let file = ".leads/journal.json"

    public init(command: String, changes: [FileChange]) {
        self.command = command
        entries = changes.map {
            Entry(
                kind: $0.kind.rawValue, path: $0.path, before: $0.before.map { Data($0) },
                after: $0.after.map { Data($0) }, summary: $0.summary)
        }
    }

    /// Writes the journal (replacing the previous one), with `.leads/.gitignore` so git never
    /// commits it. Atomic, as every write of ours.
    public func save(root: String) throws(EditError) {
        let writer = ContentWriter(root: root)
        try Self.makeFolder(root: root)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { throw EditError("cannot encode the undo journal") }
        try writer.write(FileChange(kind: .update, path: Self.file, before: nil, after: Array(data), summary: ""))
    }

    /// Makes `.leads/` with the `.gitignore` that keeps it (the journal, the history cache) out
    /// of git, unless it is there.
    /// The `.gitignore` of `.leads/`: everything in it, itself included.
    static let ignoreText = "# leads' own state (the undo journal): never committed.\n*\n"

    static func makeFolder(root: String) throws(EditError) {
        let ignore = ContentLoader(root: root).pathOnDisk(folder + "/.gitignore")
        guard !FileManager.default.fileExists(atPath: ignore) else { return }
        try ContentWriter(root: root).write(
            FileChange(
                kind: .update, path: folder + "/.gitignore", before: nil,
                after: Array(ignoreText.utf8), summary: ""))
    }

    /// The journal of the content folder at `root`, nil when there is none (or it cannot be read).
    public static func load(root: String) -> UndoJournal? {
        let path = ContentLoader(root: root).pathOnDisk(file)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(UndoJournal.self, from: data)
    }

    /// Removes the journal: an undo is done once.
    public static func clear(root: String) {
        try? FileManager.default.removeItem(atPath: ContentLoader(root: root).pathOnDisk(file))
    }

    /// The changes that take the recorded ones back, last first: a created file is deleted, an
    /// updated one gets its old bytes, a deleted one comes back. Each expects the file exactly as
    /// the command left it, so `ContentWriter.apply` refuses the lot if one was edited since.
    public var inverse: [FileChange] {
        entries.reversed().compactMap { entry in
            let before = entry.before.map { Array($0) }
            let after = entry.after.map { Array($0) }
            switch FileChange.Kind(rawValue: entry.kind) {
            case .create?:
                return after.map { .delete(entry.path, was: $0, "removed again") }
            case .update?:
                guard let before, let after else { return nil }
                return .update(entry.path, from: after, to: before, "as before `\(entry.summary)`")
            case .delete?:
                return before.map {
                    FileChange(kind: .create, path: entry.path, before: nil, after: $0, summary: "restored")
                }
            case nil:
                return nil
            }
        }
    }
}
