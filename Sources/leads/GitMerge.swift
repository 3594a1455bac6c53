import ArgumentParser
import Foundation
import LeadKit

/// `leads merge-file BASE OURS THEIRS [PATH]`: git's merge driver for content files (registered by
/// `leads git-setup`). Merges the front-matter by meaning and the body by lines (with `git
/// merge-file`), writes the result over OURS as git expects, and exits 0 when clean, 1 when a
/// conflict is left (with git's markers). A file it cannot read as a record is merged by `git
/// merge-file` alone, as git would have.
struct MergeFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file", abstract: "Git's merge driver for lead files (see leads git-setup).")

    @Argument(help: "The common ancestor's version (git's %O).") var base: String
    @Argument(help: "Ours, overwritten with the result (git's %A).") var ours: String
    @Argument(help: "Theirs (git's %B).") var theirs: String
    @Argument(help: "The file's path in the repository (git's %P), for messages.") var path: String?

    func run() throws {
        let read = { (file: String) throws -> [UInt8] in Array(try Data(contentsOf: URL(fileURLWithPath: file))) }
        let (o, a, b) = (try read(base), try read(ours), try read(theirs))
        let result: (bytes: [UInt8], conflicted: Bool)
        do {
            let merged = try RecordMerge.merge(
                base: o, ours: a, theirs: b, oursLabel: "ours", theirsLabel: "theirs",
                mergeLines: { Self.gitMergeFile(base: $0, ours: $1, theirs: $2) })
            result = (merged.bytes, merged.conflicted)
        } catch {
            guard
                let lines = Self.gitMergeFile(
                    base: String(decoding: o, as: UTF8.self), ours: String(decoding: a, as: UTF8.self),
                    theirs: String(decoding: b, as: UTF8.self))
            else {
                printError("error: cannot merge \(path ?? ours): \(error)")
                throw ExitCode(2)
            }
            result = (Array(lines.text.utf8), lines.conflicted)
        }
        try Data(result.bytes).write(to: URL(fileURLWithPath: ours))
        if result.conflicted {
            printError("conflict in \(path ?? ours): both sides changed the same value; resolve it, then `leads check`")
            throw ExitCode(1)
        }
    }

    /// Three texts merged line by line by `git merge-file`; nil when git cannot be run.
    static func gitMergeFile(base: String, ours: String, theirs: String) -> (text: String, conflicted: Bool)? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leads-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let files = ["ours", "base", "theirs"].map { folder.appendingPathComponent($0) }
            for (file, text) in zip(files, [ours, base, theirs]) { try Data(text.utf8).write(to: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs"] + files.map(\.path)
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus >= 0, process.terminationStatus < 128 else { return nil }
            return (String(decoding: data, as: UTF8.self), process.terminationStatus > 0)
        } catch {
            return nil
        }
    }
}

/// `leads git-setup`: registers `leads merge-file` as the merge driver of the content folder's
/// Markdown files in the repository (`.gitattributes` in the content folder, the driver in the
/// repository's git config).
struct GitSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup", abstract: "Let git merge lead files by meaning (leads merge-file).")

    @Option(name: .long, help: "The content folder.") var content: String = "content"

    func run() throws {
        let attributes = URL(fileURLWithPath: content).appendingPathComponent(".gitattributes")
        let line = "*.md merge=leads"
        let existing = (try? String(contentsOf: attributes, encoding: .utf8)) ?? ""
        if !existing.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == line }) {
            let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + line + "\n"
            try Data(text.utf8).write(to: attributes)
            print("updated \(attributes.relativePath): \(line)")
        }
        guard Self.registerDriver(in: content) else {
            printError("error: git config failed in \(content): is it inside a git repository?")
            throw ExitCode(1)
        }
        print("git now merges \(content)/**/*.md with `leads merge-file` (leads must be on the PATH)")
    }

    /// Runs `git -C folder ARGUMENTS` quietly; true when git ran and exited 0.
    static func git(_ arguments: [String], in folder: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether `folder` is inside a git work tree (false when git is missing).
    static func isInsideWorkTree(_ folder: String) -> Bool {
        git(["rev-parse", "--is-inside-work-tree"], in: folder)
    }

    /// Names the `leads` merge driver in the repository's config; false when git config failed.
    static func registerDriver(in folder: String) -> Bool {
        git(["config", "merge.leads.name", "leads: lead files merged by meaning"], in: folder)
            && git(["config", "merge.leads.driver", "leads merge-file %O %A %B %P"], in: folder)
    }
}
