import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The path of a request to `leads serve`, decoded, and the file of the report it names.
///
/// A path is refused as malformed when its percent-encoding is invalid or it holds a control
/// character (a NUL, a newline, DEL…) once decoded; it names nothing when it goes up (`..`), into a
/// dotfile, or, once every symbolic link is resolved, anywhere outside the report folder.
struct ReportPath: Equatable {
    /// Decoded, starting with `/`, e.g. `/leads/orbit-data.html`.
    var path: String
    /// The path's non-empty parts, e.g. `["leads", "orbit-data.html"]`.
    var components: [String]

    /// nil when `target` (the path part of the request target as sent, percent-encoded, without the
    /// query) is not a path or decodes to one with a control character.
    init?(target: String) {
        guard target.hasPrefix("/"), let path = target.removingPercentEncoding,
            !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        self.path = path
        components = path.split(separator: "/").map(String.init)
    }

    /// Whether the path asks for a page of the report (a folder or an `.html` file), which a failed
    /// build replaces even when it does not exist.
    var isPage: Bool {
        path.hasSuffix("/") || path.hasSuffix(".html")
    }

    /// The real path of the file the path names in `output` (a folder's `index.html`), or nil when
    /// it names no regular file inside the report: `..`, dotfiles and links leading out of the report
    /// (or into a dotfile) name nothing.
    func file(in output: String) -> String? {
        guard !components.contains(where: Self.isHidden), let root = FolderWalker.realPath(output) else { return nil }
        var file = ([output] + components).joined(separator: "/")
        if Self.mode(of: file) == S_IFDIR { file += "/index.html" }
        guard let real = FolderWalker.realPath(file), real.hasPrefix(root + "/"),
            !real.dropFirst(root.count + 1).split(separator: "/").contains(where: { Self.isHidden(String($0)) }),
            Self.mode(of: real) == S_IFREG
        else { return nil }
        return real
    }

    /// `.`, `..` and names starting with a dot (the report's manifest, an editor's swap file).
    static func isHidden(_ component: String) -> Bool {
        component.hasPrefix(".")
    }

    /// The type bits of the file at `path`, links followed; nil when there is none.
    static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}
