import Foundation
import Testing

@testable import LeadKit

/// The README's example folders, one per user, and the sample: each passes `leads check` cleanly,
/// so a newcomer's first build shows a report without problems.
@Suite struct ExampleFolderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized
    static let asOf = Day(parsing: "2026-11-23")!

    @Test(arguments: ["content", "examples/job-seeker", "examples/recruiter", "examples/sales-team"])
    func theFolderChecksClean(_ folder: String) throws {
        let checked = try Leads.check(
            content: Self.repository.appendingPathComponent(folder).path, asOf: Self.asOf, displayRoot: folder)
        expectNoDiagnostics(checked.diagnostics)
        #expect(!checked.records.leads.isEmpty)
    }

    @Test func eachExampleUsesItsUsersPipeline() throws {
        let expected = [
            "examples/job-seeker": "networking", "examples/recruiter": "recruiting", "examples/sales-team": "sales",
        ]
        for (folder, pipeline) in expected {
            let checked = try Leads.check(content: Self.repository.appendingPathComponent(folder).path, asOf: Self.asOf)
            let pipelines = Set(checked.records.leads.map { checked.configuration.pipeline(for: $0).name })
            #expect(pipelines == [pipeline], "\(folder) mixes pipelines: \(pipelines)")
        }
    }

    /// The sample shows all three users' pipelines, each with a won lead.
    @Test func theSampleShowsEveryUser() throws {
        let checked = try Leads.check(content: Self.repository.appendingPathComponent("content").path, asOf: Self.asOf)
        let report = ReportAnalyzer(content: checked, asOf: Self.asOf).analyze()
        let won = Set(report.facts.filter(\.isWon).map(\.pipeline.name))
        #expect(won == ["networking", "sales", "recruiting"])
        #expect(Set(report.jobs.map(\.state)) == [.open, .filled, .completed, .lost])
    }
}
