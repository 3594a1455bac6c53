import Testing

@testable import LeadKit

/// The table of content files kept beside a report, which the next build plans its pages from.
@Suite struct SourceTableTests {
    func file(_ path: String, _ text: String) -> SourceFile {
        SourceFile(
            kind: LanguageWorkspace.kind(of: path), relativePath: path, displayPath: "content/" + path,
            bytes: Array(text.utf8))
    }

    @Test func everyLineDecodesToTheRowItWasMadeFrom() throws {
        let files = [
            file("leads/a%b.md", "---\nrole: R\ncompany: \"[[acme]]\"\n---\nSee [[bo|Bo]] and [[x\ty]].\n"),
            file("contacts/bo.md", "---\nname: Bo\n---\n"),
            file("leads/caf\u{E9}.md", "---\nrole: R\ncompany: Plain Name\n---\n"),
        ]
        let parsed = RecordParser.parseAll(files, configuration: Configuration())
        let table = SourceTable(
            files: files.map { ($0.relativePath, Fingerprint.of($0.bytes)) }, config: nil, records: parsed.records)
        let lines = PagePlan.lines(table.encoded)
        #expect(lines.count == 3)
        for (line, row) in zip(lines, table.rows) {
            #expect(SourceTable.row(decoding: table.encoded[line]) == row)
        }
        let lead = try #require(table.rows.first { $0.path == "leads/a%b.md" })
        #expect(lead.id == "a%b")
        // The label counts as a name too: more names only plan more pages.
        #expect(lead.mentions == ["Bo", "acme", "bo", "x\ty"])
        // A company written as text is named too: a company with that id would show its name.
        #expect(table.rows.first { $0.path == "leads/café.md" }?.mentions == ["Plain Name"])
    }

    @Test func noteTargetsIncludeEveryTargetTheNoteLinksScannerFinds() {
        for note in [
            "[[a]] and [[b|label]]", "[[[x]]", "[[a[b]] [[c]]", "no link [[ ]] [[", "two\n[[lines\n]] [[ok ]]",
            "[[ spaced id | l ]]",
        ] {
            let scanned = Set(NoteLink.scan(Substring(note)).map(\.target))
            #expect(scanned.isSubset(of: SourceTable.noteTargets(note)), "\(note)")
        }
    }
}
