import Foundation

/// Where the content folder is when the command line does not say: found by walking up from the
/// working directory, as git finds its repository, so `leads` works from the project's root, from
/// inside `content/` and from any folder below it.
public struct ContentLocation: Sendable, Equatable {
    /// How the folder was found.
    public enum Source: String, Sendable {
        /// `--content`.
        case given
        /// A folder holding `.leads/` (written by `leads init`), or a `config.yml` beside a record
        /// folder, here or above, or such a `content/` folder here or above.
        case found
        /// `$LEADS_CONTENT`.
        case environment
        /// `./content`, the default.
        case fallback
    }

    /// The content folder as commands show it: relative to the working directory when found
    /// (`content`, `.`, `../..`), as given otherwise.
    public var content: String
    public var source: Source

    /// The folder that holds the content folder, where the report (`output/`), the templates
    /// (`templates/`) and the `.gitignore` go by default: the content folder's parent when it was
    /// found or named by `$LEADS_CONTENT`; `.` when `--content` named it (as before).
    public var projectRoot: String {
        switch source {
        case .given, .fallback: return "."
        case .environment:
            // `$LEADS_CONTENT` names one place: the report and templates are beside it.
            let parent = (content as NSString).deletingLastPathComponent
            return parent.isEmpty ? "." : parent
        case .found:
            if !content.contains("/"), content != ".", content != ".." { return "." }
            if content.hasSuffix("/content") { return String(content.dropLast("/content".count)) }
            return content == "." ? ".." : content + "/.."
        }
    }

    /// `--content` when given; else the nearest content folder here or above (a folder with a
    /// `.leads/` marker, or with `config.yml` and a record folder — checked in each folder and in
    /// its `content/`); else the one folder here with a `.leads/` marker (`leads init pipeline`);
    /// else `$LEADS_CONTENT`; else `content`.
    public static func locate(given: String?, workingDirectory: String, environment: [String: String])
        -> ContentLocation
    {
        if let given { return ContentLocation(content: given, source: .given) }
        var folder = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        var up = 0
        while true {
            let prefix = up == 0 ? "" : Array(repeating: "..", count: up).joined(separator: "/")
            if isContentFolder(folder.path) {
                return ContentLocation(content: prefix.isEmpty ? "." : prefix, source: .found)
            }
            if isContentFolder(folder.appendingPathComponent("content").path) {
                return ContentLocation(content: prefix.isEmpty ? "content" : prefix + "/content", source: .found)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
            up += 1
        }
        // `leads init pipeline`, then commands from the project root: the one folder here made by init.
        let here = URL(fileURLWithPath: workingDirectory)
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: here.path)) ?? []).filter { name in
            !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: here.appendingPathComponent(name + "/.leads").path)
        }
        if children.count == 1 { return ContentLocation(content: children[0], source: .found) }
        if let variable = environment["LEADS_CONTENT"], !variable.isEmpty {
            return ContentLocation(content: variable, source: .environment)
        }
        return ContentLocation(content: "content", source: .fallback)
    }

    /// A folder `leads init` made (`.leads/`), or one with `config.yml` and at least one record
    /// folder: a `config.yml` alone belongs to too many other tools.
    static func isContentFolder(_ path: String) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: path + "/.leads") { return true }
        guard manager.fileExists(atPath: path + "/config.yml") else { return false }
        return RecordKind.allCases.contains { kind in
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: path + "/" + kind.folder, isDirectory: &isFolder) && isFolder.boolValue
        }
    }
}
