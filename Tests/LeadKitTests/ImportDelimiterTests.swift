import Foundation
import Testing

@testable import LeadKit

/// `import csv` reads the spreadsheets Excel writes outside the English locales (`;`-separated) and
/// skips the blank rows spreadsheets leave (`,,,`), instead of failing every row; when rows do
/// fail, it says which columns it left out and which `--map` would fix it.
@Suite struct ImportDelimiterTests {
    func importing(_ text: String, _ extra: [String] = []) throws -> (ScratchFolder, LeadsProcess.Output) {
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.url.appendingPathComponent("people.csv"))
        let run = try folder.leads(["import", "csv", "people.csv", "--kind", "contact"] + extra, asOf: "2026-11-23")
        return (folder, run)
    }

    @Test func aSemicolonFileIsDetectedAndItsCommasStayInTheValues() throws {
        let (folder, run) = try importing(
            "name;company;role\r\nAnna Schmidt;Beispiel GmbH;CTO, Platform\r\n;;\r\nJonas Weber;Nordwind AG;Engineer\r\n"
        )
        defer { folder.remove() }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("read as semicolon-separated (--delimiter to change)\n"))
        #expect(
            try folder.read("contacts/anna-schmidt.md")
                == "---\nname: Anna Schmidt\ncompany: Beispiel GmbH\nrole: CTO, Platform\n---\n")
        #expect(folder.exists("contacts/jonas-weber.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path + "/content/contacts").count == 2)
    }

    /// A quote opened and never closed would make the rest of the file one cell: the import is
    /// refused at the quote, in the file's own terms.
    @Test func anUnclosedQuoteIsRefusedWhereItOpens() throws {
        let (folder, run) = try importing("name,role\nAda Lovelace,\"Engineer\nBo Li,CTO\n")
        defer { folder.remove() }
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: people.csv:2:14: a quoted field starts here and is never closed, so the rest of the file would be one cell; close it with \" (a \" inside a quoted field is written \"\")\n"
        )
        #expect(!folder.exists("contacts/ada-lovelace.md"))
    }

    /// Text after a closing quote would be joined to the field without its quotes: refused there.
    @Test func textAfterAClosingQuoteIsRefusedWhereItStarts() throws {
        let (folder, run) = try importing("name,role\nAda Lovelace,\"Lead\" Engineer\n")
        defer { folder.remove() }
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: people.csv:2:21: a quoted field ends before this text, which would be joined to it without its quotes; a \" inside a quoted field is written \"\"\n"
        )
    }

    /// Two people of the same name with different emails are two people.
    @Test func theSameNameWithAnotherEmailIsAnotherPerson() throws {
        let (folder, run) = try importing("name,email\n张伟,zw@example.com\n张伟,zw2@example.com\n张伟,zw@example.com\n")
        defer { folder.remove() }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.exists("contacts/zhang-wei.md") && folder.exists("contacts/zhang-wei-2.md"))
        #expect(run.stdout.contains("skipped row 3 (line 4): the same as row 1\n"))
    }

    @Test func tabsAndAGivenDelimiterWork() throws {
        let (tabs, run) = try importing("name\tcompany\nAnna Schmidt\tBeispiel, Inc.\n")
        defer { tabs.remove() }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try tabs.read("contacts/anna-schmidt.md").contains("company: Beispiel, Inc.\n"))

        // One column holding `;`: forced to commas, the `;` stays in the value.
        let (forced, given) = try importing("name,company\nAnna;Schmidt,Beispiel\n", ["--delimiter", ","])
        defer { forced.remove() }
        #expect(given.status == 0, "\(given.stderr)")
        #expect(try forced.read("contacts/anna-schmidt.md").contains("name: Anna;Schmidt\n"))
        let (unused, bad) = try importing("name\nA\n", ["--delimiter", "x"])
        defer { unused.remove() }
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--delimiter is one of , ; tab, not 'x'"))
    }

    @Test func blankSpreadsheetRowsAreSkipped() throws {
        let (folder, run) = try importing(
            "name,company,role\r\n,,\r\nAnna Schmidt,Beispiel GmbH,CTO\r\n,,\r\n\r\n , ,\r\n")
        defer { folder.remove() }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path + "/content/contacts") == [
                "anna-schmidt.md"
            ])
    }

    /// A company sheet headed `Company` fails every row for want of a `name`: the error lists the
    /// columns left out and proposes the `--map` that fixes it.
    @Test func aFailedImportListsTheColumnsLeftOutAndSuggestsAMap() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("Company,Website\r\nAcme Inc,acme.example\r\n".utf8).write(
            to: folder.url.appendingPathComponent("companies.csv"))
        let run = try folder.leads(["import", "csv", "companies.csv", "--kind", "company"], asOf: "2026-11-23")
        #expect(run.status == 1)
        #expect(
            run.stderr.hasSuffix(
                "row 1 (line 2): company is missing required field 'name' [missing-field]\ncolumns not imported: Company\nno column is 'name': did you mean --map 'Company=name'?\n"
            ), "\(run.stderr)")
        let fixed = try folder.leads(
            ["import", "csv", "companies.csv", "--kind", "company", "--map", "Company=name"], asOf: "2026-11-23")
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try folder.read("companies/acme-inc.md").hasPrefix("---\nname: Acme Inc\n"))
    }
}

/// `import csv` of the same sheet twice adds nothing the second time: a record already there (by id,
/// email, LinkedIn address, name and company, a lead's company and role) is skipped and listed,
/// and a row repeating an earlier one is skipped too.
@Suite struct ImportCSVAgainTests {
    @Test func importingTheSameSheetTwiceSkipsWhatIsThere() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        let sheet =
            "name,email,company\r\nAnna Schmidt,anna@x.example,Beispiel GmbH\r\n"
            + "Anna Schmidt,ANNA@x.example,Beispiel GmbH\r\nJonas Weber,,Nordwind\r\n"
        try Data(sheet.utf8).write(to: folder.url.appendingPathComponent("people.csv"))
        let first = try folder.leads(["import", "csv", "people.csv", "--kind", "contact"], asOf: "2026-11-23")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout == """
                created content/contacts/anna-schmidt.md: row 1
                created content/contacts/jonas-weber.md: row 3
                skipped row 2 (line 3): the same as row 1

                """)
        let again = try folder.leads(["import", "csv", "people.csv", "--kind", "contact"], asOf: "2026-11-23")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            again.stdout == """
                skipped row 1 (line 2): already contacts/anna-schmidt.md
                skipped row 2 (line 3): already contacts/anna-schmidt.md
                skipped row 3 (line 4): already contacts/jonas-weber.md

                """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path + "/content/contacts").count == 2)

        let leads = "company,role,source,temperature\r\nAcme,Platform Engineer,OTHER,WARM\r\n"
        try Data(leads.utf8).write(to: folder.url.appendingPathComponent("leads.csv"))
        #expect(try folder.leads(["import", "csv", "leads.csv", "--kind", "lead"], asOf: "2026-11-23").status == 0)
        let leadsAgain = try folder.leads(["import", "csv", "leads.csv", "--kind", "lead"], asOf: "2026-11-23")
        #expect(leadsAgain.stdout == "skipped row 1 (line 2): already leads/acme-platform-engineer.md\n")
    }
}
