import Foundation
import Testing

@testable import LeadKit

/// `leads check` end to end: the real executable on fixture folders, as a user runs it.
///
/// Each run starts in `Fixtures/<case>/` with `--content content`, so the printed paths are the ones below.
@Suite struct CheckCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let errors = fixtures.appendingPathComponent("check-errors")
    static let clean = fixtures.appendingPathComponent("check-clean")

    static let expectedErrors = """
        content/interactions/2026-12-01-acme-platform-call.md:3:7: warning: interaction is dated 2026-12-01, \
        after today (2026-11-23); log interactions once they happened [future-interaction]
        content/leads/acme-platform.md:6:9: error: unknown status 'WARM' for pipeline networking; expected one of \
        DISCOVERY, WAKING_UP, WARM_LEAD, REFERRAL_SECURED, CONVERTED, ARCHIVED; did you mean WARM_LEAD? [invalid-value]
        content/leads/orbit-data.md:3:10: error: 'company' links to company 'orbit', but there is no \
        companies/orbit.md [broken-link]
        content/notes.md:1:1: warning: Markdown file outside the record folders is ignored; move it into one of \
        leads/, interactions/, contacts/, companies/, applications/, jobs/ [stray-file]
        2 errors, 2 warnings in 5 files

        """

    @Test func errorsArePrintedCompilerStyleThenSummedUp() throws {
        let run = try LeadsProcess.run(["check", "--content", "content", "--as-of", "2026-11-23"], in: Self.errors)
        #expect(run.status == 1)
        #expect(run.stdout == Self.expectedErrors)
        #expect(run.stderr == "")
    }

    @Test func jsonOutputHasOneObjectPerDiagnostic() throws {
        let run = try LeadsProcess.run(
            ["check", "--content", "content", "--as-of", "2026-11-23", "--format", "json"], in: Self.errors)
        #expect(run.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let objects = try #require(parsed as? [[String: Any]], "expected a JSON array of objects:\n\(run.stdout)")
        for object in objects {
            #expect(Set(object.keys) == ["severity", "code", "file", "line", "column", "message"])
        }
        // The same diagnostics as the text format, field by field.
        let lines = objects.map { object in
            "\(object["file"] as? String ?? "?"):\(object["line"] as? Int ?? -1):\(object["column"] as? Int ?? -1): "
                + "\(object["severity"] as? String ?? "?"): \(object["message"] as? String ?? "?") "
                + "[\(object["code"] as? String ?? "?")]"
        }
        let textLines = Self.expectedErrors.split(separator: "\n").dropLast().map(String.init)
        #expect(lines == textLines)
    }

    @Test func aCleanFolderExitsZero() throws {
        let run = try LeadsProcess.run(["check", "--content", "content", "--as-of", "2026-11-23"], in: Self.clean)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "0 errors, 0 warnings in 8 files\n")
    }

    @Test func strictFailsOnWarningsAlone() throws {
        let folder = ContentFolder([
            "companies/acme.md": Valid.company,
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            emial: ada@acme.example
            ---
            """,
        ])
        try folder.withFolder { root in
            let directory = URL(fileURLWithPath: root)
            let lenient = try LeadsProcess.run(["check", "--content", ".", "--as-of", "2026-11-23"], in: directory)
            #expect(lenient.status == 0)
            #expect(lenient.stdout.hasSuffix("0 errors, 1 warning in 2 files\n"), "\(lenient.stdout)")
            let strict = try LeadsProcess.run(
                ["check", "--content", ".", "--as-of", "2026-11-23", "--strict"], in: directory)
            #expect(strict.status == 1)
            #expect(strict.stdout == lenient.stdout)
        }
    }

    @Test func aMissingContentFolderIsAUsageError() throws {
        let run = try LeadsProcess.run(
            ["check", "--content", "no-such-folder", "--as-of", "2026-11-23"], in: Self.errors)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("content folder 'no-such-folder' does not exist"), "\(run.stderr)")
    }

    @Test(arguments: ["2026-13-01", "23.11.2026", "today"])
    func aBadAsOfDateIsAUsageError(_ asOf: String) throws {
        let run = try LeadsProcess.run(["check", "--content", "content", "--as-of", asOf], in: Self.errors)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("--as-of must be a date like 2026-03-14, not '\(asOf)'"), "\(run.stderr)")
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let run = try LeadsProcess.run(["check", "--content", "content", "--format", "xml"], in: Self.errors)
        #expect(run.status == 2)
        #expect(run.stdout == "")
    }
}
