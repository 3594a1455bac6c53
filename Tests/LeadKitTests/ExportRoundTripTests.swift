import Foundation
import Testing

@testable import LeadKit

/// `leads export csv` of every kind, then `leads import csv` of those files into an empty folder,
/// gives the same records: every field (links, history, milestones with outcomes, custom fields,
/// notes, formula-like text, quotes and commas) compared through a second export, which lists
/// every field of every kind. Run with the real `leads` binary.
@Suite struct ExportRoundTripTests {
    static let fixture = LeadsProcess.packageRoot.appendingPathComponent("Tests/LeadKitTests/Fixtures/round-trip")
    static let kinds = ["leads", "interactions", "contacts", "companies", "applications", "jobs"]

    /// Every file of a folder by its path inside it.
    static func files(in folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? .init()
        where path.hasSuffix(".md") || path.hasSuffix(".yml") {
            files[path] = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
        }
        return files
    }

    /// The CSV of each kind from `source`, and from a folder made by importing them all at once.
    static func roundTrip(_ source: URL) throws -> (before: [String: String], after: [String: String], run: String) {
        let folder = try ScratchFolder([:])
        defer { folder.remove() }
        let exports = folder.url.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        var before: [String: String] = [:]
        for kind in kinds {
            let run = try LeadsProcess.run(
                ["export", "csv", "--kind", kind, "--content", source.path, "--as-of", "2026-11-30"], in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            before[kind] = run.stdout
            try Data(run.stdout.utf8).write(to: exports.appendingPathComponent("\(kind).csv"))
        }
        if let config = try? Data(contentsOf: source.appendingPathComponent("config.yml")) {
            try folder.write(["config.yml": String(decoding: config, as: UTF8.self)])
        }
        let imported = try folder.leads(["import", "csv"] + kinds.map { "export/\($0).csv" }, asOf: "2026-11-30")
        #expect(imported.status == 0, "\(imported.stderr)")
        var after: [String: String] = [:]
        for kind in kinds {
            after[kind] = try folder.leads(["export", "csv", "--kind", kind], asOf: "2026-11-30").stdout
        }
        let check = try folder.check(asOf: "2026-11-30")
        #expect(check.status == 0 && check.stdout.hasPrefix("0 errors, 0 warnings"), "\(check.stdout)")
        return (before, after, imported.stdout)
    }

    @Test(arguments: kinds)
    func everyFieldOfEveryKindComesBack(_ kind: String) throws {
        let (before, after, _) = try Self.roundTrip(Self.fixture.appendingPathComponent("content"))
        #expect(before[kind]?.components(separatedBy: "\r\n").count ?? 0 > 2, "the fixture has \(kind)")
        #expect(after[kind] == before[kind])
    }

    /// Importing an export into the folder it came from adds nothing: every row is already there.
    @Test func importingTheExportAgainAddsNothing() throws {
        let folder = try ScratchFolder([:])
        defer { folder.remove() }
        let source = Self.fixture.appendingPathComponent("content")
        try folder.write(try Self.files(in: source))
        let exports = folder.url.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        for kind in Self.kinds {
            let csv = try folder.leads(["export", "csv", "--kind", kind], asOf: "2026-11-30").stdout
            try Data(csv.utf8).write(to: exports.appendingPathComponent("\(kind).csv"))
        }
        let before = try folder.contents()
        let again = try folder.leads(["import", "csv"] + Self.kinds.map { "export/\($0).csv" }, asOf: "2026-11-30")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try folder.contents() == before)
        #expect(again.stdout.contains("skipped export/leads.csv row 1 (line 2): already leads/brightsail-qa.md"))
        #expect(
            again.stdout.contains(
                "export/leads.csv: columns not imported: days_in_stage, last_interaction, stale_reasons, file"))
    }

    @Test func aLeadFileComesBackWithItsHistoryAndNotes() throws {
        let folder = try ScratchFolder([:])
        defer { folder.remove() }
        let source = Self.fixture.appendingPathComponent("content")
        let exports = folder.url.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        for kind in Self.kinds {
            let run = try LeadsProcess.run(
                ["export", "csv", "--kind", kind, "--content", source.path, "--as-of", "2026-11-30"], in: folder.url)
            try Data(run.stdout.utf8).write(to: exports.appendingPathComponent("\(kind).csv"))
        }
        try folder.write(["config.yml": try Self.files(in: source)["config.yml"]!])
        let run = try folder.leads(["import", "csv"] + Self.kinds.map { "export/\($0).csv" }, asOf: "2026-11-30")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try folder.read("leads/northwind-staff.md") == """
                ---
                role: Staff Engineer
                company: "[[northwind-logistics]]"
                source: REFERRAL
                temperature: WARM
                status: CONVERTED
                created: 2026-10-01
                next_follow_up: 2026-12-01T09:30
                contact: "[[li-wei]]"
                application: "[[northwind-staff]]"
                owner: sam
                tags: ["#backend", go]
                value: 1500.5
                currency: EUR
                history:
                  - {status: DISCOVERY, date: 2026-10-01}
                  - {status: WARM_LEAD, date: 2026-10-10}
                  - {status: REFERRAL_SECURED, date: 2026-10-20}
                  - {status: CONVERTED, date: 2026-11-02}
                budget: 90000
                stakeholders: [CTO, "VP, Eng"]
                ---
                # Why

                @ the referral: <Kelvin Grid> knows them.

                """)
        #expect(
            try folder.read("jobs/brightsail-qa.md").contains(
                "milestones:\n  - {name: CVS_RECEIVED, date: 2026-09-10}\n  - {name: DECISION_CONTENDER, date: 2026-09-20, outcome: YES}\n"
            ))
    }

    /// JSON carries values: enum values as in files, history and milestones as objects, links as ids
    /// beside the linked record's name (a client's too).
    @Test func theJSONExportCarriesValuesNotLabels() throws {
        let source = Self.fixture.appendingPathComponent("content")
        let run = try LeadsProcess.run(
            ["export", "json", "--content", source.path, "--as-of", "2026-11-30"], in: Self.fixture)
        let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let leads = try #require(json["leads"] as? [[String: Any]])
        let lead = try #require(leads.first { $0["id"] as? String == "northwind-staff" })
        #expect(lead["status"] as? String == "CONVERTED")
        #expect(lead["company_id"] as? String == "northwind-logistics")
        #expect(lead["company"] as? String == "Northwind Logistics, Inc.")
        #expect(lead["value"] as? Double == 1500.5)
        #expect(lead["tags"] as? [String] == ["#backend", "go"])
        #expect(
            lead["history"] as? [[String: String]] == [
                ["status": "DISCOVERY", "date": "2026-10-01"], ["status": "WARM_LEAD", "date": "2026-10-10"],
                ["status": "REFERRAL_SECURED", "date": "2026-10-20"], ["status": "CONVERTED", "date": "2026-11-02"],
            ])
        let job = try #require((json["jobs"] as? [[String: Any]])?.first)
        #expect(
            job["milestones"] as? [[String: String]] == [
                ["name": "CVS_RECEIVED", "date": "2026-09-10"],
                ["name": "DECISION_CONTENDER", "date": "2026-09-20", "outcome": "YES"],
            ])
        let interaction = try #require(
            (json["interactions"] as? [[String: Any]])?.first {
                $0["id"] as? String == "2026-11-01-northwind-staff-call"
            })
        #expect(interaction["type"] as? String == "PHONE_CALL")
        #expect(interaction["sentiment"] as? String == "POSITIVE")
        #expect(interaction["date"] as? String == "2026-11-01T10:15")

        let sales = try LeadsProcess.run(
            ["export", "csv", "--kind", "lead", "--content", "examples/sales-team", "--as-of", "2026-11-30"],
            in: LeadsProcess.packageRoot)
        let rows = sales.stdout.components(separatedBy: "\r\n").map { $0.components(separatedBy: ",") }
        let columns = try #require(rows.first)
        let client = try #require(rows.first { $0.first == "nordlicht-apotheke-api-audit" })
        let id = try #require(columns.firstIndex(of: "client_id"))
        #expect(client[id] == "nordlicht-apotheke")
        #expect(client[id + 1] == "Nordlicht Apotheke")
    }

    /// The sample and the three example folders come back whole too: the JSON export of the imported
    /// folder equals the original's.
    @Test(arguments: ["content", "examples/job-seeker", "examples/recruiter", "examples/sales-team"])
    func theShippedFoldersComeBack(_ path: String) throws {
        let (before, after, _) = try Self.roundTrip(LeadsProcess.packageRoot.appendingPathComponent(path))
        for kind in Self.kinds { #expect(after[kind] == before[kind], "\(path): \(kind)") }
    }
}
