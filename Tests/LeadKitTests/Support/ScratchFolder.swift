import Foundation
import Testing

/// A temporary folder with a `content/` folder in it, where tests run the real `leads` binary as a
/// user would: `leads convert …`, `leads check`, `leads build`. Remove it with `remove()`.
struct ScratchFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("leads-scratch-\(UUID().uuidString)")

    init(_ files: [String: String] = [:]) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write(files)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes files below `content/`.
    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let file = url.appendingPathComponent("content/" + path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    /// The text of a file below `content/`.
    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent("content/" + path)), as: UTF8.self)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("content/" + path).path)
    }

    /// `leads ARGUMENTS --content content --as-of AS_OF`, run in the folder with `environment` added.
    func leads(_ arguments: [String], asOf: String, environment: [String: String] = [:]) throws
        -> LeadsProcess.Output
    {
        try LeadsProcess.run(
            arguments + ["--content", "content", "--as-of", asOf], in: url, environment: environment)
    }

    /// Every file below `content/` by path, for comparing two runs.
    func contents() throws -> [String: String] {
        let root = url.appendingPathComponent("content")
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path) ?? .init()
        where !path.hasPrefix(".") {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files[path] = try read(path)
            }
        }
        return files
    }

    /// `leads check`'s summary line and any diagnostics, with its exit status.
    func check(asOf: String) throws -> LeadsProcess.Output {
        try leads(["check"], asOf: asOf)
    }

    /// `leads build --output output`, then every page it wrote.
    func build(asOf: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuiltSite {
        let run = try leads(["build", "--output", "output"], asOf: asOf)
        #expect(run.status == 0, "leads build: \(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
        return BuiltSite(files: try BuiltSite.read(url.appendingPathComponent("output").path))
    }
}
