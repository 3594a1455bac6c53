import Foundation

/// The content folder as an editor sees it: every record file parsed once and kept, the text of
/// open documents in place of the disk's, and the folder checked by `leads check`'s rules.
///
/// The folder is read once, at start; after that only files the client reports changed
/// (`workspace/didChangeWatchedFiles`) are read again. An edit re-parses only the changed file
/// and re-checks only the records it can have changed the findings of: the changed ones, the
/// ones that name them, and the ones they name (the rules that check one record at a time look
/// others up through the index); the rules that compare records with each other (duplicates)
/// run over the whole folder.
final class LanguageWorkspace {
    /// One file: its bytes, its record, the problems parsing found, and the ids it names.
    struct Entry {
        var file: SourceFile
        var record: ParsedRecord?
        var diagnostics: [Diagnostic]
        var mentions: Set<String>
    }

    /// The content folder's absolute path.
    let root: String
    /// The folder as diagnostics name it, as `leads check` run from the editor's workspace folder
    /// does (`content/leads/acme.md`).
    let displayRoot: String
    /// The day date rules are checked against.
    let asOf: Day
    private let loader: ContentLoader
    private var entries: [String: Entry] = [:]
    /// The files' paths in byte order, as the folder walk lists them; sorted again, once, after
    /// files came or went (a `git pull` may bring thousands).
    private var paths: [String] {
        if pathsChanged {
            sortedPaths = entries.keys.sorted(by: FolderWalker.bytesPrecede)
            pathsChanged = false
        }
        return sortedPaths
    }
    private var sortedPaths: [String] = []
    private var pathsChanged = false
    private var config: SourceFile?
    /// What `config.yml` says, which record files are parsed with.
    private var configuration: Configuration
    private var configDiagnostics: [Diagnostic] = []
    private var folderDiagnostics: [Diagnostic] = []

    /// Every record, in path order, and where each file's record is in it.
    private var all = RecordSet()
    private var slots: [String: (kind: RecordKind, position: Int)] = [:]
    private var index = RecordIndex(RecordSet())
    private var allIsCurrent = false
    private var indexIsCurrent = false
    /// Files by the id they define, and the files that name an id.
    private var pathsByID: [String: Set<String>] = [:]
    private var mentionedBy: [String: Set<String>] = [:]
    /// What changed since the last check: files, and ids they named before or after.
    private var dirty: Set<String> = []
    private var dirtyMentions: Set<String> = []
    private var checksEverything = true
    /// The findings of the one-record rules, by file path inside the folder; of the comparing rules.
    private var checkedFindings: [String: [Diagnostic]] = [:]
    private var comparedFindings: [Diagnostic] = []

    /// The folder as last checked.
    private(set) var checked: CheckedContent
    /// Diagnostics by absolute file path, as last checked.
    private(set) var diagnosticsByFile: [String: [Diagnostic]] = [:]

    /// `displayRoot`: how diagnostics name the folder; its absolute path when nil.
    init(root: String, displayRoot: String? = nil, asOf: Day) throws {
        let root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = root
        self.displayRoot = displayRoot ?? root
        self.asOf = asOf
        loader = ContentLoader(root: root, displayRoot: displayRoot ?? root)
        let listing = try loader.list(stamped: false)
        let loaded = loader.read(listing)
        config = loaded.config
        folderDiagnostics = loaded.diagnostics
        (configuration, configDiagnostics) = ConfigParser.parse(loaded.config)
        checked = CheckedContent(
            records: RecordSet(), index: RecordIndex(RecordSet()), configuration: configuration, diagnostics: [],
            fileCount: 0)
        let configuration = configuration
        let parsed = ParallelMap.map(loaded.files) { file in Self.entry(file, configuration) }
        for entry in parsed { add(entry) }
        pathsChanged = true
        recheck()
    }

    private static func entry(_ file: SourceFile, _ configuration: Configuration) -> Entry {
        let result = RecordParser.parse(file, configuration: configuration)
        let mentions = RecordDocument(bytes: file.bytes, kind: file.kind).mentions()
        return Entry(file: file, record: result.record, diagnostics: result.diagnostics, mentions: mentions)
    }

    /// The path inside the content folder of a file URI's path; nil outside the folder.
    func relativePath(ofFile path: String) -> String? {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count + 1))
    }

    /// The absolute path of a path inside the content folder.
    func absolutePath(_ relativePath: String) -> String {
        root + "/" + relativePath
    }

    /// The path inside the content folder of a file as diagnostics name it; "" for the folder.
    func relativePath(ofDisplay display: String) -> String? {
        if display == loader.displayPath("") || display == displayRoot { return "" }
        let prefix = loader.displayPath("")
        if prefix.isEmpty { return display.hasPrefix("/") ? nil : display }
        guard display.hasPrefix(prefix) else { return nil }
        return String(display.dropFirst(prefix.count))
    }

    /// The absolute path of a file as diagnostics name it.
    func absolutePath(ofDisplay display: String) -> String {
        guard let relative = relativePath(ofDisplay: display) else { return display }
        return relative.isEmpty ? root : absolutePath(relative)
    }

    /// The kind of record a path holds: `.md` files in a record folder.
    static func kind(of relativePath: String) -> RecordKind? {
        let components = relativePath.split(separator: "/")
        // Hidden files and folders are skipped, as the folder walk skips them.
        guard components.count >= 2, relativePath.hasSuffix(".md"), !components.contains(where: { $0.hasPrefix(".") })
        else { return nil }
        return RecordKind(folder: String(components[0]))
    }

    /// Replaces a file's text (an edit in the editor, or the disk's after a change) and
    /// re-parses it; `config.yml` re-parses every file, since the configuration shapes them all.
    /// Call `recheck()` after a batch of updates.
    func update(_ relativePath: String, bytes: [UInt8]) {
        if relativePath == "config.yml" {
            config = SourceFile(
                kind: nil, relativePath: relativePath, displayPath: loader.displayPath(relativePath), bytes: bytes)
            reparseAll()
            return
        }
        guard let kind = Self.kind(of: relativePath) else { return }
        let file = SourceFile(
            kind: kind, relativePath: relativePath, displayPath: loader.displayPath(relativePath), bytes: bytes)
        let entry = Self.entry(file, configuration)
        let old = entries[relativePath]
        if old == nil { pathsChanged = true }
        remove(mentionsOf: relativePath)
        add(entry)
        dirty.insert(relativePath)
        dirtyMentions.formUnion(entry.mentions)
        // The record replaces the old one where it stands, unless the index must change with it.
        if let old, let slot = slots[relativePath], let record = entry.record, Self.sameIndexKeys(old.record, record) {
            all.replace(slot.kind, at: slot.position, with: record)
        } else {
            allIsCurrent = false
        }
    }

    /// Forgets a deleted file.
    func remove(_ relativePath: String) {
        if relativePath == "config.yml" {
            config = nil
            reparseAll()
            return
        }
        guard entries[relativePath] != nil else { return }
        remove(mentionsOf: relativePath)
        entries[relativePath] = nil
        checkedFindings[relativePath] = nil
        pathsChanged = true
        dirty.insert(relativePath)
        allIsCurrent = false
    }

    /// Lists the folder again and reads what appeared, forgets what vanished: after a client
    /// reported a folder created, deleted or renamed (it may not report the files in it).
    /// `keeping`: open documents, whose text is the editor's.
    func resync(keeping open: Set<String>) {
        guard let listing = try? loader.list(stamped: false) else { return }
        folderDiagnostics = listing.diagnostics
        let listed = Set(listing.files.map(\.relativePath))
        for path in paths where !listed.contains(path) && !open.contains(path) { remove(path) }
        for path in listed where entries[path] == nil { read(path) }
    }

    /// Reads files from disk again after the client reported them created, changed or deleted,
    /// then lists the folder once for its own problems (stray files, links not followed).
    func reload(_ relativePaths: [String]) {
        for path in relativePaths { read(path) }
        if let listing = try? loader.list(stamped: false) { folderDiagnostics = listing.diagnostics }
    }

    private func read(_ relativePath: String) {
        if case .success(let bytes) = FileBytes.contents(
            of: absolutePath(relativePath), limit: ContentLoader.maximumFileSize)
        {
            update(relativePath, bytes: bytes)
        } else {
            remove(relativePath)
        }
    }

    /// The bytes the workspace holds for a file (the editor's for an open document).
    func bytes(_ relativePath: String) -> [UInt8]? {
        relativePath == "config.yml" ? config?.bytes : entries[relativePath]?.file.bytes
    }

    /// Every record file with the bytes the workspace holds for it, in path order.
    func files() -> [(path: String, bytes: [UInt8])] {
        paths.compactMap { path in entries[path].map { (path, $0.file.bytes) } }
    }

    /// Checks what changed since the last check, as `leads check` would check the whole folder.
    func recheck() {
        if !allIsCurrent {
            all = RecordSet()
            slots = [:]
            for path in paths {
                guard let record = entries[path]?.record else { continue }
                slots[path] = all.append(record)
            }
            allIsCurrent = true
            indexIsCurrent = false
        }
        if !indexIsCurrent {
            index = RecordIndex(all)
            indexIsCurrent = true
        }
        let scope = checksEverything ? Set(paths) : affected()
        var part = RecordSet()
        for path in paths where scope.contains(path) {
            if let record = entries[path]?.record { _ = part.append(record) }
        }
        let validator = RecordValidator(records: all, index: index, configuration: configuration, asOf: asOf)
        let (found, compared) = checksEverything ? validator.validate(only: all) : validator.validate(only: part)
        for path in scope { checkedFindings[path] = nil }
        for diagnostic in found {
            guard let path = relativePath(ofDisplay: diagnostic.location.file) else { continue }
            checkedFindings[path, default: []].append(diagnostic)
        }
        comparedFindings = compared
        dirty.removeAll()
        dirtyMentions.removeAll()
        checksEverything = false

        var diagnostics = folderDiagnostics + configDiagnostics + comparedFindings
        for path in paths {
            if let entry = entries[path] { diagnostics += entry.diagnostics }
            if let findings = checkedFindings[path] { diagnostics += findings }
        }
        diagnostics.sort()
        checked = CheckedContent(
            records: all, index: index, configuration: configuration, diagnostics: diagnostics,
            fileCount: paths.count + (config == nil ? 0 : 1))
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            byFile[absolutePath(ofDisplay: diagnostic.location.file), default: []].append(diagnostic)
        }
        diagnosticsByFile = byFile
    }

    /// The files whose findings the changes can have changed: the changed ones, the ones that
    /// name an id a changed file defines, and the ones a changed file names (before or after).
    private func affected() -> Set<String> {
        var scope = dirty.filter { entries[$0] != nil }
        for path in dirty {
            scope.formUnion(mentionedBy[Self.id(of: path)] ?? [])
        }
        for id in dirtyMentions {
            scope.formUnion(pathsByID[id] ?? [])
        }
        return scope
    }

    private static func id(of relativePath: String) -> String {
        SourceFile.stem(of: relativePath)
    }

    private func add(_ entry: Entry) {
        let path = entry.file.relativePath
        entries[path] = entry
        pathsByID[Self.id(of: path), default: []].insert(path)
        for id in entry.mentions { mentionedBy[id, default: []].insert(path) }
    }

    private func remove(mentionsOf path: String) {
        guard let old = entries[path] else { return }
        dirtyMentions.formUnion(old.mentions)
        for id in old.mentions { mentionedBy[id]?.remove(path) }
        pathsByID[Self.id(of: path)]?.remove(path)
    }

    /// Whether a new version of a record leaves the index as it was: the index keys records by
    /// id (the file's, unchanged) and interactions, applications and jobs by their lead, with
    /// interactions in date order.
    private static func sameIndexKeys(_ old: ParsedRecord?, _ new: ParsedRecord) -> Bool {
        switch (old, new) {
        case (.lead?, .lead), (.contact?, .contact), (.company?, .company): true
        case (.interaction(let a)?, .interaction(let b)):
            a.lead?.value.target == b.lead?.value.target && a.date?.value == b.date?.value
        case (.application(let a)?, .application(let b)): a.lead?.value.target == b.lead?.value.target
        case (.job(let a)?, .job(let b)): a.lead?.value.target == b.lead?.value.target
        default: false
        }
    }

    private func reparseAll() {
        (configuration, configDiagnostics) = ConfigParser.parse(config)
        let configuration = configuration
        let files = paths.compactMap { entries[$0]?.file }
        for entry in ParallelMap.map(files, { Self.entry($0, configuration) }) {
            remove(mentionsOf: entry.file.relativePath)
            add(entry)
        }
        allIsCurrent = false
        checksEverything = true
    }
}
