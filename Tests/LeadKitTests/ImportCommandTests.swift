import Foundation
import Testing

@testable import LeadKit

/// `leads import linkedin` on a realistic export: notes above the header, quoted fields with commas
/// and quotes, empty emails and companies, non-ASCII names, and people listed twice.
@Suite struct ImportCommandTests {
    static let connections = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/linkedin/Connections.csv")
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leads-import-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("content"), withIntermediateDirectories: true)
    }

    func leads(_ arguments: [String], environment: [String: String] = [:]) throws -> LeadsProcess.Output {
        try LeadsProcess.run(
            arguments + ["--content", "content", "--as-of", "2026-11-23"], in: scratch, environment: environment)
    }

    func names(_ kind: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("content/\(kind)").path))
            ?? []).sorted()
    }

    /// The distinct people and company names of the fixture, read with a CSV reader of our own.
    func expected() throws -> (people: Int, companies: Set<String>) {
        let table = try CSVTable(text: String(contentsOf: Self.connections, encoding: .utf8), headerStart: "First Name")
        var profiles = Set<String>()
        var companies = Set<String>()
        for (_, fields) in table.rows {
            profiles.insert(
                table.value("URL", in: fields).lowercased().replacingOccurrences(of: "https://www.", with: "")
                    .replacingOccurrences(of: "http://", with: "").trimmingCharacters(
                        in: CharacterSet(charactersIn: "/")))
            let company = table.value("Company", in: fields)
            if !company.isEmpty { companies.insert(company) }
        }
        return (profiles.count, companies)
    }

    /// Every file of the content folder by path, for comparing two runs.
    func contents() throws -> [String: String] {
        let root = scratch.appendingPathComponent("content")
        var files: [String: String] = [:]
        for kind in ["companies", "contacts", "leads"] {
            for name in names(kind) {
                files[kind + "/" + name] = try String(
                    contentsOf: root.appendingPathComponent(kind + "/" + name), encoding: .utf8)
            }
        }
        return files
    }

    /// An import killed after any of its writes (companies, then contacts, then leads) completes when
    /// run again, to the folder an uninterrupted import makes: the missing leads of contacts it had
    /// already made are made, none twice.
    @Test func anInterruptedLinkedInImportCompletesWhenRunAgain() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (people, companies) = try expected()
        let arguments = ["import", "linkedin", Self.connections.path, "--leads"]
        #expect(try leads(arguments).status == 0)
        let uninterrupted = try contents()
        let writes = companies.count + people * 2
        for point in [1, companies.count, companies.count + 1, companies.count + people, writes - 1] {
            let content = scratch.appendingPathComponent("content")
            try FileManager.default.removeItem(at: content)
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            let killed = try leads(arguments, environment: ["LEADS_INTERRUPT_AFTER_WRITES": String(point)])
            #expect(killed.status == 75)
            let resumed = try leads(arguments)
            #expect(resumed.status == 0, "killed after \(point): \(resumed.stderr)")
            #expect(try contents() == uninterrupted, "killed after \(point) writes")
        }
    }

    @Test func aLinkedInExportImportsCleanlyAndOnlyOnce() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (people, companies) = try expected()
        #expect(people == 48 && companies.count == 9, "the fixture's own shape")

        let dry = try leads(["import", "linkedin", Self.connections.path, "--leads", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("would create ") }.count == people * 2
                + companies.count)
        #expect(names("contacts").isEmpty, "a dry run writes nothing")

        let run = try leads(["import", "linkedin", Self.connections.path, "--leads"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(names("contacts").count == people)
        #expect(names("companies").count == companies.count)
        #expect(names("leads").count == people)
        #expect(
            run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("skipped ") }.count == 2, "\(run.stdout)")
        let check = try leads(["check"])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("0 errors, 0 warnings"), "\(check.stdout)")

        #expect(
            try String(contentsOf: scratch.appendingPathComponent("content/contacts/zoe-tanaka.md"), encoding: .utf8)
                == """
                ---
                name: Zoë Tanaka
                email: zo-tanaka@example.com
                company: "[[parcelly]]"
                role: Staff Engineer, Platform
                linkedin: https://www.linkedin.com/in/zoë-tanaka-534
                ---
                Connected on LinkedIn on 2025-11-08.

                """)
        #expect(
            try String(contentsOf: scratch.appendingPathComponent("content/companies/acme-inc.md"), encoding: .utf8)
                == "---\nname: Acme, Inc.\n---\n")

        let again = try leads(["import", "linkedin", Self.connections.path, "--leads"])
        #expect(again.status == 0)
        #expect(!again.stdout.contains("created "), "\(again.stdout)")
        #expect(again.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("skipped ") }.count == 50)
    }

    @Test func aContactAlreadyThereByEmailIsLeftAsItIs() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let mine = "---\nname: Zoe T.\nemail: ZO-TANAKA@example.com\n---\nMy notes.\n"
        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("content/contacts"), withIntermediateDirectories: true)
        try mine.write(to: scratch.appendingPathComponent("content/contacts/zoe.md"), atomically: true, encoding: .utf8)
        let run = try leads(["import", "linkedin", Self.connections.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("skipped Zoë Tanaka (line 7): already contacts/zoe.md"), "\(run.stdout)")
        #expect(
            try String(contentsOf: scratch.appendingPathComponent("content/contacts/zoe.md"), encoding: .utf8) == mine)
        #expect(names("leads").isEmpty, "no leads without --leads")
    }

    @Test func notALinkedInExportIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let other = scratch.appendingPathComponent("other.csv")
        try "First Name,Surname\nAda,Lovelace\n".write(to: other, atomically: true, encoding: .utf8)
        let run = try leads(["import", "linkedin", other.path])
        #expect(run.status == 1)
        #expect(run.stderr == "error: not a LinkedIn connections export: no 'Last Name' column\n")
    }

    // MARK: spreadsheets

    static let sheet = #"""
        Company,Role,Source,Temperature,Next follow-up,Tags,Notes,Owner email
        "Acme, Inc.",Platform Engineer,LinkedIn,hot,2026-11-30,"go; k8s","Met at ""KubeCon""",maya@example.com
        Orbit,Data Engineer,referral,TEPID,,,,
        Quill,CTO,event,warm,2026-13-01,,,

        """#

    @Test func aSpreadsheetWithABadRowImportsNothingUnlessAskedTo() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("leads.csv")
        try Self.sheet.write(to: file, atomically: true, encoding: .utf8)

        let refused = try leads(["import", "csv", file.path, "--kind", "lead"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: rows are not valid; nothing was imported"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\nrow 2 (line 3): unknown temperature 'TEPID'"))
        #expect(refused.stderr.contains("\nrow 3 (line 4): invalid date '2026-13-01' for 'next_follow_up'"))
        #expect(names("leads").isEmpty)

        let run = try leads(["import", "csv", file.path, "--kind", "lead", "--skip-invalid"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(names("leads") == ["acme-inc-platform-engineer.md"])
        #expect(run.stdout.contains("columns not imported: Owner email"))
        #expect(
            run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("skipped invalid row ") }.count == 2)
        #expect(
            try String(
                contentsOf: scratch.appendingPathComponent("content/leads/acme-inc-platform-engineer.md"),
                encoding: .utf8)
                    == """
                    ---
                    role: Platform Engineer
                    company: Acme, Inc.
                    source: LINKEDIN
                    temperature: HOT
                    status: DISCOVERY
                    created: 2026-11-23
                    next_follow_up: 2026-11-30
                    tags: [go, k8s]
                    ---
                    Met at "KubeCon"

                    """)
        #expect(try leads(["check"]).status == 0)
    }

    @Test func columnsCanBeMappedToFields() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("people.csv")
        try "Full name,E-mail,Firm\r\nAda Lovelace,ada@example.com,Analytical Engines\r\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let dry = try leads([
            "import", "csv", file.path, "--kind", "contact", "--map", "Full name=name", "--map", "E-mail=email",
            "--map", "Firm=company", "--dry-run",
        ])
        #expect(dry.stdout.hasPrefix("would create content/contacts/ada-lovelace.md"), "\(dry.stdout)\(dry.stderr)")
        #expect(names("contacts").isEmpty)
        let run = try leads([
            "import", "csv", file.path, "--kind", "contact", "--map", "Full name=name", "--map", "E-mail=email",
            "--map", "Firm=company",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try String(contentsOf: scratch.appendingPathComponent("content/contacts/ada-lovelace.md"), encoding: .utf8)
                == "---\nname: Ada Lovelace\nemail: ada@example.com\ncompany: Analytical Engines\n---\n")
        let wrong = try leads(["import", "csv", file.path, "--kind", "contact", "--map", "Firm=employer"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasPrefix("error: --map Firm=employer: 'employer' is not a field of a contact"))
    }
}
