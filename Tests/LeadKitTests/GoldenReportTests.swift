import Foundation
import Testing

@testable import LeadKit

/// The report of a small fixture, compared byte for byte with the committed expected output.
///
/// Re-record with `RECORD_GOLDEN=1 swift test --filter GoldenReportTests`; a recording run fails on purpose,
/// so a re-recorded golden is always looked at before it is committed.
@Suite struct GoldenReportTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")
    static let asOf = Day(parsing: "2026-11-23")!

    @Test func reportMatchesGolden() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("leads-golden-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Leads.build(
            content: Self.fixture.appendingPathComponent("content").path, templates: nil, output: output,
            asOf: Self.asOf, displayRoot: "content")

        let expected = Self.fixture.appendingPathComponent("expected").path
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try? FileManager.default.removeItem(atPath: expected)
            try FileManager.default.copyItem(atPath: output, toPath: expected)
            // The build manifest and source table record stamps, times and fingerprints: not part of
            // the report's contract.
            try? FileManager.default.removeItem(atPath: expected + "/" + ReportManifest.fileName)
            try? FileManager.default.removeItem(atPath: expected + "/" + SourceTable.fileName)
            Issue.record("recorded a new golden report in \(expected); review and commit it, then run again")
            return
        }
        let actualFiles = try files(in: output)
        let expectedFiles = try files(in: expected)
        #expect(actualFiles == expectedFiles, "the report's file list changed")
        for file in actualFiles where expectedFiles.contains(file) {
            let actual = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/" + file)))
            let golden = try [UInt8](Data(contentsOf: URL(fileURLWithPath: expected + "/" + file)))
            if actual != golden {
                let diff = GoldenDiff.of(file, golden: golden, actual: actual)
                Issue.record("\(file) differs from the golden copy; RECORD_GOLDEN=1 re-records it\n\(diff)")
            }
        }
    }

    @Test func aGoldenFailureShowsAUnifiedDiff() {
        let golden = "<h1>Leads</h1>\n<p>3 open</p>\n<p>1 won</p>\n<footer></footer>\n"
        let actual = "<h1>Leads</h1>\n<p>4 open</p>\n<p>1 won</p>\n<footer></footer>\n"
        #expect(
            GoldenDiff.of("index.html", golden: Array(golden.utf8), actual: Array(actual.utf8)) == """
                --- golden/index.html
                +++ actual/index.html
                @@ -1,4 +1,4 @@
                 <h1>Leads</h1>
                -<p>3 open</p>
                +<p>4 open</p>
                 <p>1 won</p>
                 <footer></footer>
                """)
    }

    @Test func aLongGoldenDiffIsCutAfterSixtyLines() {
        let golden = (1...100).map { "line \($0)\n" }.joined()
        let actual = (1...100).map { "LINE \($0)\n" }.joined()
        let diff = GoldenDiff.of("style.css", golden: Array(golden.utf8), actual: Array(actual.utf8))
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
        // Two header lines, one hunk header and 200 changed lines, of which 60 are shown.
        #expect(lines.count == 61)
        #expect(lines[0...3] == ["--- golden/style.css", "+++ actual/style.css", "@@ -1,100 +1,100 @@", "-line 1"])
        #expect(lines.last == "… 143 more lines of diff")
    }

    @Test func aGoldenDiffOfLinesThatAreTheSameSaysWhatIsLeft() {
        let diff = GoldenDiff.of("app.js", golden: Array("x\n".utf8), actual: Array("x".utf8))
        #expect(diff.hasPrefix("every line is the same, the bytes are not (2 golden, 1 actual)"))
    }

    @Test func anInteractionShowsItsOwnProblemsOnTheLeadPage() throws {
        let output = try build()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // orbit-data itself is fine; its planned meeting is dated after the as-of date.
        let page = try String(contentsOfFile: output + "/leads/orbit-data.html", encoding: .utf8)
        #expect(page.contains("[future-interaction]"))
        #expect(!page.contains("id=\"problems\""), "the lead has no problems of its own")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try build()
        let second = try build()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let files = try files(in: first)
        #expect(files == (try self.files(in: second)))
        for file in files {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: first + "/" + file))
                    == Data(contentsOf: URL(fileURLWithPath: second + "/" + file)), "\(file) differs between builds")
        }
    }

    @Test func reportJSONFollowsTheContract() throws {
        let output = try build()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(json.keys) == [
                "as_of", "pipelines", "stale", "funnel", "agenda", "outcomes", "cohorts", "forecast", "owners",
                "claims", "changes", "diagnostics",
            ])
        #expect(json["as_of"] as? String == "2026-11-23")

        let agenda = try #require(json["agenda"] as? [[String: Any]])
        let buckets = agenda.map { "\($0["lead"]!)=\($0["bucket"]!)@\($0["due"]!)" }
        #expect(
            buckets == [
                "lumen-platform=overdue@2026-11-20", "orbit-data=today@2026-11-23",
                "fresh-lead=next_7_days@2026-11-26",
            ])

        let everything = try #require(json["stale"] as? [[String: Any]])
        let stale = everything.filter { $0["record"] == nil }
        // The application lumen-staff has had no milestone since 2026-09-10 and none booked.
        let stalled = everything.filter { $0["record"] != nil }
        #expect(
            stalled.map { "\($0["record"]!) \($0["lead"]!) \($0["reasons"]!)" } == [
                "lumen-staff lumen-staff [\"no_progress\"]"
            ])
        let reasons = Dictionary(
            uniqueKeysWithValues: stale.map { ($0["lead"] as! String, $0["reasons"] as! [String]) })
        // HOT first, then the longest silence: lumen-platform (5 days) before fresh-lead (2 days), then the WARM
        // shop-deal (silent since 2026-10-06) before orbit-data (2026-10-10; its 2026-11-30 meeting is not yet).
        #expect(stale.map { $0["lead"] as! String } == ["lumen-platform", "fresh-lead", "shop-deal", "orbit-data"])
        #expect(reasons["lumen-platform"] == ["overdue_follow_up"])
        #expect(reasons["orbit-data"] == ["no_recent_interaction"])
        #expect(reasons["shop-deal"] == ["no_recent_interaction"])
        #expect(reasons["fresh-lead"] == ["unacknowledged"])
        #expect(stale.first { $0["lead"] as? String == "fresh-lead" }?["last_interaction"] is NSNull)

        let funnel = try #require(json["funnel"] as? [[String: Any]])
        let networking = funnel.filter { $0["pipeline"] as? String == "networking" }
        // Reached: every counted lead reaches DISCOVERY; lumen-staff skipped WAKING_UP but counts for it.
        #expect(networking.map { $0["reached"] as! Int } == [4, 3, 3, 2, 1])
        #expect(networking[0]["status"] as? String == "DISCOVERY")
        #expect(networking[0]["conversion_to_next"] as? Double == 0.75)
        #expect(networking[4]["conversion_to_next"] is NSNull)

        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(
            diagnostics.map { $0["code"] as! String }.sorted() == [
                "broken-link", "future-interaction", "invalid-value", "invalid-value",
            ])
    }

    func build() throws -> String {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("leads-golden-\(UUID().uuidString)").path
        _ = try Leads.build(
            content: Self.fixture.appendingPathComponent("content").path, templates: nil, output: output,
            asOf: Self.asOf, displayRoot: "content")
        return output
    }

    /// The report's files; not the build manifest, which records the stamps of the files written, nor
    /// the source table beside it.
    func files(in folder: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if path != ReportManifest.fileName, path != SourceTable.fileName,
                FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
