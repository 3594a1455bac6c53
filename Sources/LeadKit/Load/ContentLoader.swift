import Foundation

/// The first stage: finds the files of a content folder and reads their bytes.
public struct ContentLoader: Sendable {
    /// The largest file read; anything bigger is reported rather than parsed.
    public static let maximumFileSize = 16 * 1024 * 1024
    /// The configuration's path inside the folder.
    public static let configName = "config.yml"

    /// The content folder on disk.
    public var root: String
    /// The prefix of every displayed path; by default the folder as the user named it.
    public var displayRoot: String

    public init(root: String, displayRoot: String? = nil) {
        self.root = root
        self.displayRoot = displayRoot ?? root
    }

    /// Lists and reads the folder.
    public func load() throws -> LoadedContent {
        read(try list(stamped: false))
    }

    /// Finds the record files and `config.yml` without reading them; `stamped`: with their stamps.
    public func list(stamped: Bool = true) throws -> ContentListing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw LoadError.missingFolder(root)
        }
        guard isDirectory.boolValue else { throw LoadError.notAFolder(root) }

        var files: [ListedFile] = []
        var config: ListedFile?
        var diagnostics: [Diagnostic] = []
        let listing = FolderWalker(root: root).walk()
        for folder in listing.unreadable where folder.relativePath.isEmpty || isRecordPath(folder.relativePath) {
            diagnostics.append(
                UnreadableFile.folderNotRead(
                    folder.reason,
                    at: SourceLocation(
                        file: folder.relativePath.isEmpty ? displayRoot : displayPath(folder.relativePath), line: 1,
                        column: 1)))
        }
        for link in listing.skipped where isRecordPath(link.relativePath) {
            diagnostics.append(
                UnreadableFile.linkNotFollowed(
                    link.reason, at: SourceLocation(file: displayPath(link.relativePath), line: 1, column: 1)))
        }
        for relativePath in listing.files {
            guard let slash = relativePath.utf8.firstIndex(of: UInt8(ascii: "/")) else {
                if relativePath == Self.configName {
                    config = ListedFile(relativePath: relativePath, kind: nil, stamp: nil)
                } else if relativePath.hasSuffix(".md") {
                    diagnostics.append(
                        StrayFile.ignored(at: SourceLocation(file: displayPath(relativePath), line: 1, column: 1)))
                }
                continue
            }
            guard let kind = RecordKind(folder: String(relativePath[..<slash])), relativePath.hasSuffix(".md") else {
                continue
            }
            files.append(ListedFile(relativePath: relativePath, kind: kind, stamp: nil))
        }
        if stamped {
            files = ParallelMap.map(files, chunkSize: 256) { file in
                var file = file
                file.stamp = FileStamp.of(pathOnDisk(file.relativePath))
                return file
            }
            if let listed = config { config?.stamp = FileStamp.of(pathOnDisk(listed.relativePath)) }
        }
        return ContentListing(files: files, config: config, diagnostics: diagnostics)
    }

    /// Reads the listed files on every core.
    public func read(_ listing: ContentListing) -> LoadedContent {
        var diagnostics = listing.diagnostics
        let config = listing.config.flatMap { read($0.relativePath, kind: nil, diagnostics: &diagnostics) }
        // Reading is most of the load stage on a cold cache; both cores wait on the disk at once.
        let reads = ParallelMap.map(listing.files) { listed in
            var problems: [Diagnostic] = []
            let file = read(listed.relativePath, kind: listed.kind, diagnostics: &problems)
            return (file, problems)
        }
        var files: [SourceFile] = []
        files.reserveCapacity(reads.count)
        for (file, problems) in reads {
            if let file { files.append(file) }
            diagnostics += problems
        }
        return LoadedContent(files: files, config: config, diagnostics: diagnostics)
    }

    /// Whether a path is one the loader would read: a Markdown file in a record folder, or config.yml.
    func isRecordPath(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        if components.count == 1 {
            return relativePath == Self.configName || relativePath.hasSuffix(".md")
                || RecordKind(folder: relativePath) != nil
        }
        return RecordKind(folder: String(components[0])) != nil
    }

    /// A path inside the folder as diagnostics show it: `content/leads/acme.md`.
    public func displayPath(_ relativePath: String) -> String {
        var prefix = displayRoot
        while prefix.count > 1, prefix.hasSuffix("/") { prefix.removeLast() }
        if prefix == "." { return relativePath }
        return prefix + "/" + relativePath
    }

    func read(_ relativePath: String, kind: RecordKind?, diagnostics: inout [Diagnostic]) -> SourceFile? {
        let display = displayPath(relativePath)
        let location = SourceLocation(file: display, line: 1, column: 1)
        switch FileBytes.contents(of: pathOnDisk(relativePath), limit: ContentLoader.maximumFileSize) {
        case .success(let bytes):
            return SourceFile(kind: kind, relativePath: relativePath, displayPath: display, bytes: bytes)
        case .failure(.tooLarge(let size)):
            diagnostics.append(UnreadableFile.tooLarge(size, limit: ContentLoader.maximumFileSize, at: location))
        case .failure(.unreadable(let reason)):
            diagnostics.append(UnreadableFile.cannotRead(reason, at: location))
        }
        return nil
    }

    /// The bytes of a file inside the folder; nil when it cannot be read.
    func bytes(of relativePath: String) -> [UInt8]? {
        try? FileBytes.contents(of: pathOnDisk(relativePath), limit: ContentLoader.maximumFileSize).get()
    }

    func pathOnDisk(_ relativePath: String) -> String {
        root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath
    }
}
