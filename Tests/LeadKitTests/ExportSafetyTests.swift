import Foundation
import Testing

@testable import LeadKit

/// `leads export csv` is safe to open in a spreadsheet: a cell that would start a formula (`=`, `+`,
/// `-`, `@`, tab, CR) gets a leading `'` as OWASP recommends, `--raw` writes cells as they are,
/// `--bom` adds the byte order mark Excel needs, and `leads import csv` takes the `'` off again.
/// Run with the real `leads` binary.
@Suite struct ExportSafetyTests {
    static let contact = """
        ---
        name: "@mallory"
        email: m@example.com
        phone: "+49 30 1234567"
        role: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
        ---

        """

    static let header = "id,name,email,phone,company_id,company,role,linkedin,client_since,notes,file\r\n"

    @Test func formulaCellsAreNeutralisedAndRawKeepsThem() throws {
        let folder = try ScratchFolder(["contacts/mallory.md": Self.contact])
        defer { folder.remove() }
        let safe = try folder.leads(["export", "csv", "--kind", "contacts"], asOf: "2026-11-23")
        #expect(safe.status == 0, "\(safe.stderr)")
        #expect(
            safe.stdout == Self.header
                + "mallory,'@mallory,m@example.com,'+49 30 1234567,,,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",,,,contacts/mallory.md\r\n"
        )
        let raw = try folder.leads(["export", "csv", "--kind", "contact", "--raw"], asOf: "2026-11-23")
        #expect(
            raw.stdout == Self.header
                + "mallory,@mallory,m@example.com,+49 30 1234567,,,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",,,,contacts/mallory.md\r\n"
        )
    }

    /// A value that itself starts with `'` and a formula character keeps its `'` through an export
    /// and an import: the export adds one more.
    @Test func aValueStartingWithAQuoteRoundTrips() {
        #expect(RecordExport.neutralised("'-dash") == "''-dash")
        #expect(RecordExport.unneutralised(RecordExport.neutralised("'-dash")) == "'-dash")
        #expect(RecordExport.neutralised("'t Hooft") == "'t Hooft")
        #expect(RecordExport.unneutralised(RecordExport.neutralised("=1+1")) == "=1+1")
    }

    @Test func numbersAreNotNeutralised() throws {
        let lead = """
            ---
            role: Support contract
            company: Initech
            source: OTHER
            temperature: WARM
            status: DISCOVERY
            created: 2026-11-02
            value: -1500
            ---

            """
        let folder = try ScratchFolder(["leads/initech.md": lead])
        defer { folder.remove() }
        let run = try folder.leads(["export", "csv", "--kind", "lead"], asOf: "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n")
        let column = try #require(
            lines[0].split(separator: ",", omittingEmptySubsequences: false).firstIndex(of: "value"))
        #expect(lines[1].split(separator: ",", omittingEmptySubsequences: false)[column] == "-1500")
    }

    @Test func bomIsWrittenOnlyWhenAsked() throws {
        let folder = try ScratchFolder(["contacts/mallory.md": Self.contact])
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("contacts.csv")
        let run = try folder.leads(
            ["export", "csv", "--kind", "contact", "--bom", "--output", file.path], asOf: "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            Array(try Data(contentsOf: file).prefix(5)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "i"), UInt8(ascii: "d")])
        let json = try folder.leads(["export", "json", "--bom"], asOf: "2026-11-23")
        #expect(json.status != 0)
        #expect(json.stderr.contains("--bom and --raw are for csv"))
    }

    /// Exported with the `'` guards, imported into an empty folder: the values and the notes are the
    /// originals.
    @Test func importTakesTheGuardOffAgain() throws {
        let noted = "---\nname: Trent\n---\n- met at the meetup, \"Q3\" budget\n\n=2+2 is not a formula here\n"
        let folder = try ScratchFolder(["contacts/mallory.md": Self.contact, "contacts/trent.md": noted])
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("contacts.csv")
        #expect(
            try folder.leads(
                ["export", "csv", "--kind", "contact", "--bom", "--output", file.path], asOf: "2026-11-23"
            )
            .status == 0)
        let copy = try ScratchFolder()
        defer { copy.remove() }
        try FileManager.default.createDirectory(
            at: copy.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        let imported = try copy.leads(["import", "csv", file.path, "--kind", "contact"], asOf: "2026-11-23")
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = try folder.leads(["export", "csv", "--kind", "contact", "--raw"], asOf: "2026-11-23")
        let again = try copy.leads(["export", "csv", "--kind", "contact", "--raw"], asOf: "2026-11-23")
        #expect(again.stdout == original.stdout)
        #expect(again.stdout.contains(",@mallory,") && again.stdout.contains(",+49 30 1234567,"))
        #expect(
            try copy.read("contacts/trent.md").hasSuffix(
                "---\n- met at the meetup, \"Q3\" budget\n\n=2+2 is not a formula here\n"))
    }
}
