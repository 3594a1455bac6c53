import Foundation
import Testing

/// `leads today`, `show` and `ls`, run as a user runs them on the sample folder: the numbers are the
/// report's own, output is plain text off a terminal (colour only on one, never with `NO_COLOR`),
/// and JSON everywhere data is printed.
@Suite struct TerminalReadTests {
    static let root = LeadsProcess.packageRoot
    static let asOf = "2026-11-23"

    /// `leads ARGUMENTS` on the sample, without git: the sample's commits are this project's, so
    /// what the views say must not change with them.
    static func leads(_ arguments: [String], environment: [String: String] = [:]) throws -> LeadsProcess.Output {
        try LeadsProcess.run(
            arguments + ["--content", "content", "--as-of", asOf, "--no-git"], in: root, environment: environment)
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The agenda and stale entries of `leads today --format json` are `report.json`'s, field for field.
    @Test func todayIsTheReportsAgendaAndStaleList() throws {
        let folder = try ScratchFolder([:])
        defer { folder.remove() }
        let build = try LeadsProcess.run(
            // The sample sits in this project's repository: its commits are not a pipeline's (make report
            // builds it with --no-git too).
            ["build", "--content", "content", "--as-of", Self.asOf, "--output", folder.url.path + "/out", "--no-git"],
            in: Self.root
        )
        #expect(build.status == 0, "\(build.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.url.appendingPathComponent("out/report.json")))
                as? [String: Any])
        let today = try #require(try Self.json(try Self.leads(["today", "--format", "json"]).stdout) as? [String: Any])
        let keys = ["kind", "lead", "due", "bucket", "record", "milestone"]
        func project(_ entries: Any?, _ keys: [String]) -> [[String: String]] {
            ((entries as? [[String: Any]]) ?? []).map { entry in
                Dictionary(uniqueKeysWithValues: keys.map { ($0, (entry[$0] as? String) ?? "") })
            }
        }
        let agenda = project(today["agenda"], keys)
        #expect(!agenda.isEmpty)
        #expect(agenda == project(report["agenda"], keys))
        let staleKeys = ["lead", "record", "last_interaction", "next_follow_up"]
        #expect(project(today["stale"], staleKeys) == project(report["stale"], staleKeys))
        #expect(
            ((today["stale"] as? [[String: Any]]) ?? []).map { $0["reasons"] as? [String] ?? [] }
                == ((report["stale"] as? [[String: Any]]) ?? []).map { $0["reasons"] as? [String] ?? [] })
        // Each entry says whom to contact and how.
        let first = try #require(
            (today["agenda"] as? [[String: Any]])?.first { $0["lead"] as? String == "spree-health-platform" })
        #expect(
            first["contact"] as? [String: String] == [
                "name": "Lukas Brandt", "email": "lukas.brandt@spree-health.example",
            ])
        #expect((first["last_interaction"] as? [String: String])?["type"] == "EMAIL")
        #expect(
            first["next_action"] as? String == "Ping Lukas in mid-November to ask whether the 2027 budget was approved")
    }

    @Test func todayAsTextForOneOwner() throws {
        let run = try Self.leads(["today", "--owner", "sam"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("Next 7 days\n  Tue 24 Nov 2026  Booking search performance audit · Kranich Travel"))
        #expect(run.stdout.contains("      Inês Krämer  ines.kraemer@kranich-travel.example  +49 341 5550 2290\n"))
        #expect(!run.stdout.contains("Maya"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    /// On a terminal (a pseudo-terminal made by `script`) headings are bold; `NO_COLOR` turns it off.
    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        let binary = try LeadsProcess.executable().path
        func onTerminal(_ environment: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = [
                "-qec", "\(environment) \(binary) today --content content --as-of \(Self.asOf)", "/dev/null",
            ]
            process.currentDirectoryURL = Self.root
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal("env -u NO_COLOR TERM=xterm")
        #expect(coloured.contains("\u{1B}[1mOverdue\u{1B}[0m"), "\(coloured.prefix(300))")
        let plain = try onTerminal("env TERM=xterm NO_COLOR=1")
        #expect(plain.contains("Overdue") && !plain.contains("\u{1B}["))
    }

    @Test func showALeadByAUniquePrefix() throws {
        let run = try Self.leads(["show", "northwind-staff"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(
            lines.first
                == "Staff Backend Engineer · Northwind Logistics  lead northwind-staff-engineer · content/leads/northwind-staff-engineer.md"
        )
        #expect(lines.contains("  status:           WARM_LEAD"))
        #expect(lines.contains("Timeline"))
        #expect(
            lines.contains(
                "  2026-11-20T17:30  Phone call  “Call with Jonas about timing against the Kelvin Grid deadline”  next: Hear back from Jonas whether an informal chat with the VP can happen before 27 November"
            ))
    }

    @Test func showAJobWithItsMilestonesAsJSON() throws {
        let run = try Self.leads(["show", "job/copperleaf", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let record = try #require(try Self.json(run.stdout) as? [String: Any])
        #expect(record["kind"] as? String == "job")
        #expect(record["id"] as? String == "copperleaf-backend-engineers")
        #expect(record["next_milestone"] as? String == "INTERVIEWS_ARRANGED")
        let milestones = try #require(record["milestones"] as? [[String: Any]])
        #expect(milestones.first?["name"] as? String == "CVS_RECEIVED")
        #expect((record["fields"] as? [String: Any])?["company"] as? String == "Copperleaf Energy")
    }

    @Test func showRefusesAnAmbiguousOrUnknownId() throws {
        let ambiguous = try Self.leads(["show", "kelvin"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.hasPrefix("error: 'kelvin' could be "))
        #expect(ambiguous.stderr.contains("give more of the id"))
        let unknown = try Self.leads(["show", "copperlef-backend-engineers"])
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "error: no record 'copperlef-backend-engineers'; did you mean copperleaf-backend-engineers?\n")
    }

    /// The recruiter's question: which leads from October and November are filled?
    @Test func lsFiltersSortsAndPrintsJSONAndCSV() throws {
        let filled = try Self.leads([
            "ls", "--created", "2026-09-01..2026-11-30", "--outcome", "filled", "--format", "json",
        ])
        #expect(filled.status == 0, "\(filled.stderr)")
        let rows = try #require(try Self.json(filled.stdout) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["hafenwerk-senior-data-engineer"])

        let stale = try Self.leads(["ls", "leads", "--stale", "--owner", "MAYA", "--sort", "days_in_stage"])
        let lines = stale.stdout.components(separatedBy: "\n")
        #expect(lines.first?.hasPrefix("id ") == true)
        #expect(lines.dropFirst().first?.hasPrefix("lumio-senior-backend ") == true, "fewest days first")
        #expect(lines.contains("6 leads"))

        let jobs = try Self.leads(["ls", "jobs", "--format", "csv"])
        #expect(
            jobs.stdout.hasPrefix(
                "id,lead_id,title,company_id,company,contact_id,contact,openings,fee,opened,milestones"))
        #expect(jobs.stdout.components(separatedBy: "\r\n").count == 6)

        let hot = try Self.leads(["ls", "--temperature", "hot", "--stage", "warm_lead", "--format", "json"])
        let hotRows = try #require(try Self.json(hot.stdout) as? [[String: Any]])
        #expect(
            !hotRows.isEmpty
                && hotRows.allSatisfy {
                    $0["temperature"] as? String == "HOT" && $0["status"] as? String == "WARM_LEAD"
                })

        let badSort = try Self.leads(["ls", "--sort", "follow_up"])
        #expect(badSort.status == 2)
        #expect(badSort.stderr.contains("--sort: no column 'follow_up' in leads"))
        let badKind = try Self.leads(["ls", "leeds"])
        #expect(
            badKind.stderr
                == "error: unknown kind 'leeds'; expected one of lead, interaction, contact, company, application, job; did you mean leads?\n"
        )
    }
}
