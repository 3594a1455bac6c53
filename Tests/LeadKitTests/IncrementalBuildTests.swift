import Foundation
import Testing

@testable import LeadKit

/// A rebuild keeps what did not change, and its report is byte for byte the one a clean build writes.
@Suite struct IncrementalBuildTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/content").path
    static let asOf = Day(parsing: "2026-11-23")!

    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
        "leads-incremental-\(UUID().uuidString)")

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    func copyContent() throws -> String {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.content, toPath: path("content"))
        return path("content")
    }

    /// A build as the command line runs it. `startedAt` in the future makes every file's stamp
    /// trusted, as it is for files saved more than a second before a build starts.
    func build(_ content: String, output: String, startedAt: Int64 = Self.now + 5) throws -> BuildSummary {
        try Leads.build(
            content: content, templates: nil, output: path(output), asOf: Self.asOf, displayRoot: "content",
            reuse: BuildReuse(startedAt: startedAt, engine: "test"))
    }

    func cleanBuild(_ content: String, output: String) throws -> BuildSummary {
        try Leads.build(content: content, templates: nil, output: path(output), asOf: Self.asOf, displayRoot: "content")
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    /// Every file of a report but the build manifest and the parse cache (which hold stamps and
    /// times), by path.
    func files(_ output: String) throws -> [String: Data] {
        let root = path(output)
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder)
            if isFolder.boolValue || [ReportManifest.fileName, ParseCache.fileName].contains(relative) { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        }
        return files
    }

    func expectSameReport(_ incremental: String, _ clean: String) throws {
        let (a, b) = (try files(incremental), try files(clean))
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a where b[name] != bytes {
            Issue.record("\(name) differs from a clean build's")
        }
    }

    func write(_ text: String, to file: String) throws {
        try text.write(toFile: file, atomically: false, encoding: .utf8)
    }

    @Test func aRebuildAfterAddingChangingAndDeletingFilesEqualsACleanBuild() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        let first = try build(content, output: "output")
        #expect(!first.upToDate && first.kept == 0)

        // Change a lead's notes, add an interaction, delete a contact (which breaks a link) and add a lead.
        let lead = content + "/leads/orbit-data.md"
        try write(try String(contentsOfFile: lead, encoding: .utf8) + "\nA new note.\n", to: lead)
        try write(
            "---\nlead: \"[[orbit-data]]\"\ndate: 2026-11-20\ntype: PHONE_CALL\nsummary: Follow-up call\n---\n- Budget approved.\n",
            to: content + "/interactions/2026-11-20-orbit-data-call.md")
        try FileManager.default.removeItem(atPath: content + "/contacts/bo.md")
        try write(
            "---\nrole: Data Engineer\ncompany: Corner Shop\nsource: LINKEDIN\ntemperature: COLD\nstatus: DISCOVERY\ncreated: 2026-11-22\n---\n",
            to: content + "/leads/new-one.md")

        let second = try build(content, output: "output")
        #expect(!second.upToDate)
        #expect(second.kept > 0, "unchanged pages are kept, not rendered again")
        #expect(second.written > 0)
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")
        #expect(!FileManager.default.fileExists(atPath: path("output/contacts/bo.html")))
    }

    @Test func nothingChangedMeansNothingWritten() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        let first = try build(content, output: "output")
        let second = try build(content, output: "output")
        #expect(second.upToDate)
        #expect(second.written == 0)
        #expect(second.diagnostics == first.diagnostics, "the problems are reported again")
        #expect(second.fileCount == first.fileCount)
        try expectSameReport("output", "output")
    }

    @Test func aFileChangedWithinASecondOfTheBuildCostsOneReadNotARebuild() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        // The previous build started now: a file saved in the same second may have changed after it
        // was listed without its stamp changing, so its stamp is not trusted; its bytes are compared.
        _ = try build(content, output: "output", startedAt: Self.now)
        let second = try build(content, output: "output")
        #expect(second.upToDate, "the bytes are the ones the previous build read")
        #expect(second.written == 0)
    }

    @Test func twoRebuildsInARowWithinASecondOfASaveEqualACleanBuild() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        _ = try build(content, output: "output")
        // Saved, then built twice at once, as `leads serve` and `--watch` do.
        let lead = content + "/leads/orbit-data.md"
        try write(try String(contentsOfFile: lead, encoding: .utf8) + "\nSaved just now.\n", to: lead)
        let first = try build(content, output: "output", startedAt: Self.now)
        #expect(!first.upToDate && first.written > 0)
        let second = try build(content, output: "output", startedAt: Self.now)
        #expect(second.upToDate, "nothing changed since the first rebuild: one read of the saved file")
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")

        // Saved again in the same second: the bytes differ from what the last build read.
        try write(try String(contentsOfFile: lead, encoding: .utf8) + "Once more.\n", to: lead)
        let third = try build(content, output: "output", startedAt: Self.now)
        #expect(!third.upToDate && third.written > 0)
        _ = try cleanBuild(content, output: "clean-again")
        try expectSameReport("output", "clean-again")
    }

    @Test func anUntrustedStampWithOtherBytesIsNotUpToDate() throws {
        var manifest = ReportManifest(
            inputs: Fingerprint.of([1]), reuse: BuildReuse(startedAt: 100, engine: "test"), fileCount: 1,
            diagnostics: [])
        manifest.contents["leads/a.md"] = Fingerprint.of(Array("old".utf8))
        // Changed at 100 s, in the second the build started: not trusted by its stamp.
        let stamp = FileStamp(size: 3, modified: 100_000_000_000, changed: 100_000_000_000, inode: 7)
        let listing = ContentListing(
            files: [ListedFile(relativePath: "leads/a.md", kind: .lead, stamp: stamp)], config: nil, diagnostics: [])
        #expect(manifest.isUpToDate(inputs: Fingerprint.of([1]), listing: listing) { _ in Array("old".utf8) })
        #expect(!manifest.isUpToDate(inputs: Fingerprint.of([1]), listing: listing) { _ in Array("new".utf8) })
        #expect(!manifest.isUpToDate(inputs: Fingerprint.of([1]), listing: listing) { _ in nil })
        manifest.contents = [:]
        #expect(!manifest.isUpToDate(inputs: Fingerprint.of([1]), listing: listing) { _ in Array("old".utf8) })
    }

    @Test func aChangedTemplateOrDateRendersAgain() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        _ = try build(content, output: "output")
        let templates = path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let override = String(decoding: TemplateSet.builtIn["_card.mustache"]!, as: UTF8.self) + "<!-- card -->\n"
        try write(override, to: templates + "/_card.mustache")
        let changed = try Leads.build(
            content: content, templates: templates, output: path("output"), asOf: Self.asOf, displayRoot: "content",
            reuse: BuildReuse(startedAt: Self.now + 5, engine: "test"))
        #expect(!changed.upToDate && changed.written > 0)
        let index = try String(contentsOfFile: path("output/index.html"), encoding: .utf8)
        #expect(index.contains("<!-- card -->"))

        let nextDay = try Leads.build(
            content: content, templates: templates, output: path("output"), asOf: Day(parsing: "2026-11-24")!,
            displayRoot: "content", reuse: BuildReuse(startedAt: Self.now + 5, engine: "test"))
        #expect(!nextDay.upToDate && nextDay.written > 0)
    }

    @Test func aPageEditedInTheReportIsWrittenAgain() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        _ = try build(content, output: "output")
        try write("tampered", to: path("output/leads/orbit-data.html"))
        let second = try build(content, output: "output")
        #expect(!second.upToDate, "a report that is not as written is not up to date")
        #expect(second.written == 1)
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")
    }

    @Test func anotherProgramsReportIsNotKept() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        let first = try build(content, output: "output")
        let other = try Leads.build(
            content: content, templates: nil, output: path("output"), asOf: Self.asOf, displayRoot: "content",
            reuse: BuildReuse(startedAt: Self.now + 5, engine: "another leads"))
        #expect(!other.upToDate)
        #expect(other.kept == 0 && other.written == first.written, "a new version renders every page")
    }
}
