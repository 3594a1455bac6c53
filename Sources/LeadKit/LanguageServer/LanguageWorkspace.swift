import Foundation

/// The content folder as an editor sees it: every record file parsed once and kept, the text of
/// open documents in place of the disk's, and the whole folder checked by `leads check`'s rules.
///
/// A keystroke re-parses only the changed document; the cross-record rules then run again over
/// the kept records and a fresh index. The folder is read once, at start; after that only files
/// the client reports changed (`workspace/didChangeWatchedFiles`) are read again.
final class LanguageWorkspace {
    /// One file: its bytes, its record and the problems parsing found.
    struct Entry {
        var file: SourceFile
        var record: ParsedRecord?
        var diagnostics: [Diagnostic]
    }

    /// The content folder's absolute path; diagnostics name files by absolute path under it.
    let root: String
    /// The day date rules are checked against.
    let asOf: Day
    private let loader: ContentLoader
    private var entries: [String: Entry] = [:]
    private var paths: [String] = []
    private var config: SourceFile?
    /// What `config.yml` says, which record files are parsed with.
    private var configuration: Configuration
    private var folderDiagnostics: [Diagnostic] = []
    /// The folder as last checked.
    private(set) var checked: CheckedContent
    /// Diagnostics by absolute file path, as last checked.
    private(set) var diagnosticsByFile: [String: [Diagnostic]] = [:]

    init(root: String, asOf: Day) throws {
        let root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = root
        self.asOf = asOf
        loader = ContentLoader(root: root, displayRoot: root)
        let listing = try loader.list(stamped: false)
        let loaded = loader.read(listing)
        config = loaded.config
        folderDiagnostics = loaded.diagnostics
        let configuration = ConfigParser.parse(loaded.config).configuration
        self.configuration = configuration
        checked = CheckedContent(
            records: RecordSet(), index: RecordIndex(RecordSet()), configuration: configuration, diagnostics: [],
            fileCount: 0)
        let parsed = ParallelMap.map(loaded.files) { file in
            (file, RecordParser.parse(file, configuration: configuration))
        }
        for (file, result) in parsed {
            entries[file.relativePath] = Entry(file: file, record: result.record, diagnostics: result.diagnostics)
        }
        paths = entries.keys.sorted()
        recheck()
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

    /// The kind of record a path holds: `.md` files in a record folder.
    static func kind(of relativePath: String) -> RecordKind? {
        let components = relativePath.split(separator: "/")
        guard components.count >= 2, relativePath.hasSuffix(".md") else { return nil }
        return RecordKind(folder: String(components[0]))
    }

    /// Replaces a file's text (an edit in the editor, or the disk's after a change) and
    /// re-parses it; `config.yml` re-parses every file, since the configuration shapes them all.
    /// Call `recheck()` after a batch of updates.
    func update(_ relativePath: String, bytes: [UInt8]) {
        if relativePath == "config.yml" {
            config = SourceFile(
                kind: nil, relativePath: relativePath, displayPath: absolutePath(relativePath), bytes: bytes)
            reparseAll()
            return
        }
        guard let kind = Self.kind(of: relativePath) else { return }
        let file = SourceFile(
            kind: kind, relativePath: relativePath, displayPath: absolutePath(relativePath), bytes: bytes)
        let result = RecordParser.parse(file, configuration: configuration)
        if entries[relativePath] == nil {
            let at = paths.firstIndex { $0 > relativePath } ?? paths.count
            paths.insert(relativePath, at: at)
        }
        entries[relativePath] = Entry(file: file, record: result.record, diagnostics: result.diagnostics)
    }

    /// Forgets a deleted file.
    func remove(_ relativePath: String) {
        if relativePath == "config.yml" {
            config = nil
            reparseAll()
            return
        }
        guard entries.removeValue(forKey: relativePath) != nil else { return }
        paths.removeAll { $0 == relativePath }
    }

    /// Reads a file from disk again after the client reported it created, changed or deleted.
    func reload(_ relativePath: String) {
        let path = absolutePath(relativePath)
        if case .success(let bytes) = FileBytes.contents(of: path, limit: ContentLoader.maximumFileSize) {
            update(relativePath, bytes: bytes)
        } else {
            remove(relativePath)
        }
        if let listing = try? loader.list(stamped: false) { folderDiagnostics = listing.diagnostics }
    }

    /// The bytes the workspace holds for a file (the editor's for an open document).
    func bytes(_ relativePath: String) -> [UInt8]? {
        relativePath == "config.yml" ? config?.bytes : entries[relativePath]?.file.bytes
    }

    /// Every record file with the bytes the workspace holds for it, in path order.
    func files() -> [(path: String, bytes: [UInt8])] {
        paths.compactMap { path in entries[path].map { (path, $0.file.bytes) } }
    }

    /// Runs the cross-record rules over every kept record, as `leads check` does.
    func recheck() {
        var records = RecordSet()
        var diagnostics = folderDiagnostics
        let (configuration, configDiagnostics) = ConfigParser.parse(config)
        diagnostics += configDiagnostics
        for path in paths {
            guard let entry = entries[path] else { continue }
            diagnostics += entry.diagnostics
            switch entry.record {
            case .lead(let lead): records.leads.append(lead)
            case .interaction(let interaction): records.interactions.append(interaction)
            case .contact(let contact): records.contacts.append(contact)
            case .company(let company): records.companies.append(company)
            case .application(let application): records.applications.append(application)
            case .job(let job): records.jobs.append(job)
            case nil: break
            }
        }
        let index = RecordIndex(records)
        diagnostics += RecordValidator(records: records, index: index, configuration: configuration, asOf: asOf)
            .validate()
        diagnostics.sort()
        checked = CheckedContent(
            records: records, index: index, configuration: configuration, diagnostics: diagnostics,
            fileCount: paths.count + (config == nil ? 0 : 1))
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            byFile[diagnostic.location.file, default: []].append(diagnostic)
        }
        diagnosticsByFile = byFile
    }

    private func reparseAll() {
        let configuration = ConfigParser.parse(config).configuration
        self.configuration = configuration
        let files = paths.compactMap { entries[$0]?.file }
        for (file, result) in zip(
            files, ParallelMap.map(files) { RecordParser.parse($0, configuration: configuration) })
        {
            entries[file.relativePath] = Entry(file: file, record: result.record, diagnostics: result.diagnostics)
        }
    }
}
