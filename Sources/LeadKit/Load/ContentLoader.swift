import Foundation

/// The first stage: finds the files of a content folder and reads their bytes.
public struct ContentLoader: Sendable {
    /// The largest file read; anything bigger is reported rather than parsed.
    public static let maximumFileSize = 16 * 1024 * 1024

    /// The content folder on disk.
    public var root: String
    /// The prefix of every displayed path; by default the folder as the user named it.
    public var displayRoot: String

    public init(root: String, displayRoot: String? = nil) {
        self.root = root
        self.displayRoot = displayRoot ?? root
    }

    public func load() throws -> LoadedContent {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw LoadError.missingFolder(root)
        }
        guard isDirectory.boolValue else { throw LoadError.notAFolder(root) }

        var files: [SourceFile] = []
        var config: SourceFile?
        var diagnostics: [Diagnostic] = []
        for relativePath in listFiles() {
            let components = relativePath.split(separator: "/")
            let display = displayPath(relativePath)
            let location = SourceLocation(file: display, line: 1, column: 1)
            if components.count == 1 {
                if relativePath == "config.yml" {
                    config = read(relativePath, kind: nil, diagnostics: &diagnostics)
                } else if relativePath.hasSuffix(".md") {
                    diagnostics.append(
                        .warning(
                            .strayFile, at: location,
                            "Markdown file outside the record folders is ignored; move it into one of "
                                + RecordKind.allCases.map { $0.folder + "/" }.joined(separator: ", ")))
                }
                continue
            }
            guard let kind = RecordKind(folder: String(components[0])), relativePath.hasSuffix(".md") else {
                continue
            }
            if let file = read(relativePath, kind: kind, diagnostics: &diagnostics) {
                files.append(file)
            }
        }
        return LoadedContent(files: files, config: config, diagnostics: diagnostics)
    }

    func displayPath(_ relativePath: String) -> String {
        var prefix = displayRoot
        while prefix.count > 1, prefix.hasSuffix("/") { prefix.removeLast() }
        if prefix == "." { return relativePath }
        return prefix + "/" + relativePath
    }

    /// Every regular file below the root, as sorted relative paths; hidden entries (`.git`, `.obsidian`) are skipped.
    func listFiles() -> [String] {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: rootURL, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        let base = rootURL.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                continue
            }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            paths.append(String(path.dropFirst(base.count + 1)))
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func read(_ relativePath: String, kind: RecordKind?, diagnostics: inout [Diagnostic]) -> SourceFile? {
        let display = displayPath(relativePath)
        let location = SourceLocation(file: display, line: 1, column: 1)
        switch FileBytes.contents(of: pathOnDisk(relativePath), limit: ContentLoader.maximumFileSize) {
        case .success(let bytes):
            return SourceFile(kind: kind, relativePath: relativePath, displayPath: display, bytes: bytes)
        case .failure(.tooLarge(let size)):
            diagnostics.append(
                .error(
                    .unreadableFile, at: location,
                    "file is \(size / 1024 / 1024) MB; the limit is \(ContentLoader.maximumFileSize / 1024 / 1024) MB"))
        case .failure(.unreadable(let reason)):
            diagnostics.append(.error(.unreadableFile, at: location, "cannot read file: \(reason)"))
        }
        return nil
    }

    func pathOnDisk(_ relativePath: String) -> String {
        (root as NSString).appendingPathComponent(relativePath)
    }
}
