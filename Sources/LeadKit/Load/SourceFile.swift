/// One file read from the content folder, not yet parsed.
public struct SourceFile: Sendable {
    /// The record kind its folder implies; nil for `config.yml`.
    public var kind: RecordKind?
    /// The path inside the content folder, with `/` separators.
    public var relativePath: String
    /// The path as shown in diagnostics, e.g. `content/leads/acme.md`.
    public var displayPath: String
    public var bytes: [UInt8]

    public init(kind: RecordKind?, relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.kind = kind
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// The file stem: a record's id, in NFC (`RecordID.normalized`).
    public var stem: String { Self.stem(of: relativePath) }

    /// The stem of the file at `path`: its name without `.md`, in NFC.
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return RecordID.normalized(name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
    }
}

/// A file the loader will read: where it is, what kind of record it holds, and its stamp.
public struct ListedFile: Sendable {
    public var relativePath: String
    /// nil for `config.yml`.
    public var kind: RecordKind?
    /// nil when the file could not be examined (it vanished, or cannot be accessed).
    public var stamp: FileStamp?
}

/// The files of a content folder before they are read, sorted by path.
public struct ContentListing: Sendable {
    public var files: [ListedFile]
    public var config: ListedFile?
    /// Problems with the folder itself: links not followed, stray files.
    public var diagnostics: [Diagnostic]
}

/// What the load stage found: record files, the optional config and problems with the folder itself.
public struct LoadedContent: Sendable {
    public var files: [SourceFile]
    public var config: SourceFile?
    public var diagnostics: [Diagnostic]
}

/// Failures of the environment rather than of the content: these stop the run.
public enum LoadError: Error, CustomStringConvertible, Equatable {
    case missingFolder(String)
    case notAFolder(String)

    public var description: String {
        switch self {
        case .missingFolder(let path):
            "content folder '\(path)' does not exist (leads init makes one; --content DIR or LEADS_CONTENT name another)"
        case .notAFolder(let path): "'\(path)' is not a folder"
        }
    }
}
