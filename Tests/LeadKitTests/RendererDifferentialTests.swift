import Foundation
import Mustache
import Testing

@testable import LeadKit

/// Every page rendered by the report's own template renderer is byte for byte the page
/// swift-mustache renders from the same templates and view model: the sample content, a generated
/// folder of 1,000 leads, and a git repository whose history fills the changes page and timelines.
@Suite struct RendererDifferentialTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The view model as swift-mustache reads it: named fields through `MustacheParent`.
    final class OracleObject: MustacheParent {
        let fields: [String: Any]
        init(_ fields: [String: Any]) { self.fields = fields }
        func child(named name: String) -> Any? { fields[name] }
    }

    static func oracleValue(_ data: TemplateData) -> Any? {
        switch data {
        case .null: nil
        case .text(let text): text
        case .integer(let number): number
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.compactMap(oracleValue)
        case .object(let object): OracleObject(object.fields.compactMapValues(oracleValue))
        }
    }

    /// The built-in templates, rendered by swift-mustache.
    static func oracle() throws -> TemplateSet {
        var library = MustacheLibrary()
        for (name, bytes) in TemplateSet.builtIn where name.hasSuffix(".mustache") {
            library.register(
                try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)),
                named: String(name.dropLast(".mustache".count)))
        }
        var templates = try TemplateSet.load(folder: nil)
        templates.substitute = { [library] template, data in
            library.render(oracleValue(data) ?? OracleObject([:]), withTemplate: template).map { Array($0.utf8) }
        }
        return templates
    }

    /// Renders every file of `report` with both renderers and lists the paths that differ.
    static func differences(_ report: Report) throws -> (files: Int, differing: [String]) {
        let ours = SiteRenderer(report: report, templates: try TemplateSet.load(folder: nil)).render()
        let theirs = SiteRenderer(report: report, templates: try oracle()).render()
        var files = 0
        var differing: [String] = []
        var rendered: [String: [UInt8]] = [:]
        try ours.forEachBatch { batch in
            for file in batch { rendered[file.path] = file.bytes }
        }
        try theirs.forEachBatch { batch in
            for file in batch {
                files += 1
                if rendered[file.path] != file.bytes { differing.append(file.path) }
            }
        }
        #expect(rendered.count == files)
        return (files, differing)
    }

    static func report(of folder: String, asOf: Day, history: RecordHistory? = nil) throws -> Report {
        let content = try Leads.check(content: folder, asOf: asOf)
        return ReportAnalyzer(content: content, asOf: asOf, history: history ?? .unavailable("not read")).analyze()
    }

    @Test func theSampleContentRendersTheSameWithBoth() throws {
        let report = try Self.report(
            of: Self.packageRoot.appendingPathComponent("content").path, asOf: Day(year: 2026, month: 11, day: 30)!)
        let result = try Self.differences(report)
        #expect(result.files > 40)
        #expect(result.differing.isEmpty, "rendered differently: \(result.differing.prefix(20))")
    }

    @Test func aGeneratedThousandLeadFolderRendersTheSameWithBoth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leads-differential-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = [
            "python3", Self.packageRoot.appendingPathComponent("bench/generate.py").path, "--leads", "1000", "--out",
            folder.path,
        ]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        try #require(generate.terminationStatus == 0)
        let report = try Self.report(of: folder.path, asOf: Day(year: 2026, month: 11, day: 30)!)
        #expect(report.records.leads.count == 1000)
        let result = try Self.differences(report)
        #expect(result.files > 1500)
        #expect(result.differing.isEmpty, "rendered differently: \(result.differing.prefix(20))")
    }

    @Test func aFolderWithGitHistoryRendersTheSameWithBoth() throws {
        let repository = try GitHistoryTests.Repository()
        try repository.commit(
            "Add Acme", on: "2026-11-02",
            ["leads/acme.md": GitHistoryTests.lead("DISCOVERY"), "interactions/call.md": GitHistoryTests.call])
        try repository.commit(
            "Acme is waking up", on: "2026-11-05", ["leads/acme.md": GitHistoryTests.lead("WAKING_UP")])
        try repository.commit("Acme is warm", on: "2026-11-09", ["leads/acme.md": GitHistoryTests.lead("WARM_LEAD")])
        try repository.folder.write(["leads/acme.md": GitHistoryTests.lead("REFERRAL_SECURED")])
        let root = repository.url.appendingPathComponent("content").path
        let asOf = Day(year: 2026, month: 11, day: 12)!
        let content = try Leads.check(content: root, asOf: asOf)
        let history = RecordHistory.read(
            try GitRepository.open(root).get(), workingTree: root, configuration: content.configuration)
        let report = ReportAnalyzer(content: content, asOf: asOf, history: history).analyze()
        #expect(!report.changes.isEmpty)
        let result = try Self.differences(report)
        #expect(result.differing.isEmpty, "rendered differently: \(result.differing.prefix(20))")
    }
}
