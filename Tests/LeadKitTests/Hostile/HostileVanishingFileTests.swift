import Foundation
import Testing

@testable import LeadKit

/// A file listed by the walk but gone (or unreadable) by the time it is read: the editor saved by
/// rename, or git switched branches mid-build. It is reported; nothing else is affected.
@Suite struct HostileVanishingFileTests {
    @Test func aFileThatDisappearsAfterListingIsReported() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("leads-vanish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("leads"), withIntermediateDirectories: true)
        let loader = ContentLoader(root: root.path, displayRoot: "content")
        var diagnostics: [Diagnostic] = []
        // Read as the loader does after listing, but the file is no longer there.
        let file = loader.read("leads/gone.md", kind: .lead, diagnostics: &diagnostics)
        #expect(file == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .unreadableFile)
        #expect(diagnostics.first?.location == SourceLocation(file: "content/leads/gone.md", line: 1, column: 1))
        #expect(diagnostics.first?.message.contains("No such file") == true, "\(diagnostics)")
    }

    @Test func aFolderEmptiedMidBuildStillBuilds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("leads-vanish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(
            at: content.appendingPathComponent("leads"), withIntermediateDirectories: true)
        let output = root.appendingPathComponent("output").path
        // Everything after the load stage works on records in memory, so a file deleted during
        // rendering changes nothing; an empty folder is a valid (empty) report.
        let checked = try Leads.build(
            content: content.path, templates: nil, output: output, asOf: Day(parsing: "2026-11-23")!)
        #expect(checked.diagnostics.isEmpty)
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
    }
}
