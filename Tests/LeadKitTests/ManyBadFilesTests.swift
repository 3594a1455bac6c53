import Testing

@testable import LeadKit

/// One bad file never hides another: a single run reports every problem of the folder.
@Suite struct ManyBadFilesTests {
    static let valid: [String: String] = [
        "companies/acme.md": Valid.company,
        "contacts/ada.md": Valid.contact,
        "leads/acme-platform.md": Valid.lead,
        "interactions/2026-10-02-acme-platform-email.md": Valid.interaction,
    ]

    static let broken: [String: String] = [
        "leads/no-block.md": "role: Platform Engineer\n",
        "leads/bad-status.md": """
        ---
        role: Data Engineer
        company: "[[acme]]"
        source: LINKEDIN
        temperature: COLD
        status: WARM
        created: 2026-10-01
        ---
        """,
        "leads/bad-date.md": """
        ---
        role: Analytics Engineer
        company: "[[acme]]"
        source: LINKEDIN
        temperature: COLD
        status: DISCOVERY
        created: 01/10/2026
        ---
        """,
        "interactions/2026-10-03-nobody-call.md": """
        ---
        lead: "[[nobody]]"
        date: 2026-10-03
        type: PHONE_CALL
        summary: Wrong number
        ---
        """,
        "companies/nameless.md": """
        ---
        website: https://nameless.example
        ---
        """,
        "applications/unclosed.md": """
        ---
        lead: "[[acme-platform]]"
        title: Platform Engineer

        """,
        "contacts/typo.md": """
        ---
        name: Bo Nilsson
        emial: bo@acme.example
        ---
        """,
        "companies/syntax.md": """
        ---
        name: [Orbit
        ---
        """,
    ]

    static let expected: [String: [String]] = [
        "content/applications/unclosed.md": ["1:1 invalid-front-matter"],
        "content/companies/nameless.md": ["1:1 missing-field"],
        "content/companies/syntax.md": ["3:1 invalid-front-matter"],
        "content/contacts/not-utf8.md": ["2:9 invalid-encoding"],
        "content/contacts/typo.md": ["3:1 unknown-field"],
        "content/interactions/2026-10-03-nobody-call.md": ["2:7 broken-link"],
        "content/leads/bad-date.md": ["7:10 invalid-date"],
        "content/leads/bad-status.md": ["6:9 invalid-value"],
        "content/leads/no-block.md": ["1:1 invalid-front-matter"],
        "content/stray.md": ["1:1 stray-file"],
    ]

    @Test func everyBadFileIsReportedInOneRun() throws {
        var files = (Self.valid.merging(Self.broken) { a, _ in a }).mapValues { Array($0.utf8) }
        files["contacts/not-utf8.md"] = Array("---\nname: Bj".utf8) + [0xF6] + Array("rn\n---\n".utf8)
        files["stray.md"] = Array("# not a record\n".utf8)
        let checked = try ContentFolder(bytes: files).check()

        var found: [String: [String]] = [:]
        for diagnostic in checked.diagnostics {
            let place = "\(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.code.rawValue)"
            found[diagnostic.location.file, default: []].append(place)
        }
        #expect(found == Self.expected, "\(listing(checked.diagnostics))")
        for file in Self.valid.keys {
            #expect(found["content/" + file] == nil, "\(file) is valid")
        }

        #expect(checked.errorCount == 8)
        #expect(checked.warningCount == 2)
        // Records and config are counted; the stray file is not read.
        #expect(checked.fileCount == 13)
        #expect(checked.diagnostics == checked.diagnostics.sorted(), "diagnostics come sorted by file and line")
    }
}
