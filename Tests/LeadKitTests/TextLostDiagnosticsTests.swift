import Foundation
import Testing

@testable import LeadKit

/// Where YAML would silently drop or change what was typed, `leads check` says so: an Obsidian-style
/// `- #go` tag is a YAML comment (an empty item), and `tags: backend, go` is one tag.
@Suite struct TextLostDiagnosticsTests {
    static func lead(tags: String) -> String {
        """
        ---
        role: Engineer
        company: Acme
        source: OTHER
        temperature: WARM
        status: DISCOVERY
        created: 2026-11-01
        \(tags)
        ---

        """
    }

    @Test func aHashTagListItemIsAnEmptyItemWarningAtTheItem() throws {
        let found = try diagnostics(["leads/acme.md": Self.lead(tags: "tags:\n  - #go\n  - rust")])
        #expect(
            found.map(\.formatted) == [
                "content/leads/acme.md:9:5: warning: an item of 'tags' is empty to YAML: '#go' starts a comment, so it is left out; quote it: - '#go' [empty-list-item]"
            ])
    }

    /// `tags: #backend` is no tags to YAML; `# note` with a space is a comment meant as one.
    @Test func aHashTagValueIsAWarningAtTheHash() throws {
        let found = try diagnostics(["leads/acme.md": Self.lead(tags: "tags: #backend\nowner: # nobody yet")])
        #expect(
            found.map(\.formatted) == [
                "content/leads/acme.md:8:7: warning: 'tags' is empty to YAML: '#backend' starts a comment, so it is left out; quote it: tags: '#backend' [empty-list-item]"
            ])
    }

    @Test func aCommaSeparatedTagsTextIsOneTagWithAWarning() throws {
        let found = try diagnostics(["leads/acme.md": Self.lead(tags: "tags: backend, go")])
        #expect(
            found.map(\.formatted) == [
                "content/leads/acme.md:8:7: warning: 'tags' is the one item 'backend, go'; for 2 items write [backend, go] [comma-separated-list]"
            ])
    }

    @Test func quotedAndListedTagsAreFine() throws {
        #expect(try diagnostics(["leads/acme.md": Self.lead(tags: "tags: ['#go', 'a, b']")]).isEmpty)
        #expect(try diagnostics(["leads/acme.md": Self.lead(tags: "tags: [backend, go]")]).isEmpty)
        #expect(try diagnostics(["leads/acme.md": Self.lead(tags: "tags: backend")]).isEmpty)
    }

    /// A date in the right form that is not on the calendar says so; a time with seconds or a zone
    /// says which form is accepted, with the value rewritten in it.
    @Test(arguments: [
        ("created: 2026-02-29", "7:10", "invalid date '2026-02-29' for 'created'; it is not a real date"),
        ("created: 2026-13-01", "7:10", "invalid date '2026-13-01' for 'created'; it is not a real date"),
        (
            "created: 1 March 2026", "7:10",
            "invalid date '1 March 2026' for 'created'; expected YYYY-MM-DD, e.g. 2026-03-14"
        ),
        (
            "created: 2026-11-01\nnext_follow_up: 2026-12-01T10:00:00", "8:17",
            "invalid date '2026-12-01T10:00:00' for 'next_follow_up'; times are kept to the minute: write 2026-12-01T10:00"
        ),
        (
            "created: 2026-11-01\nnext_follow_up: 2026-12-01T10:00+01:00", "8:17",
            "invalid date '2026-12-01T10:00+01:00' for 'next_follow_up'; times are local, without a time zone: write 2026-12-01T10:00"
        ),
    ])
    func aDateSaysWhatIsWrongWithIt(lines: String, position: String, message: String) throws {
        let lead = Self.lead(tags: "").replacingOccurrences(of: "created: 2026-11-01\n\n", with: lines + "\n")
        let found = try diagnostics(["leads/acme.md": lead])
        #expect(found.map(\.formatted) == ["content/leads/acme.md:\(position): error: \(message) [invalid-date]"])
    }

    /// A company or contact written as text that names an existing record — case, spacing,
    /// punctuation and a legal suffix ignored — is a `could-link` warning with the `[[id]]` to write;
    /// a different name (`Northwind` for `Northwind Logistics`) is not.
    @Test func textNamingAnExistingRecordCouldLink() throws {
        let found = try diagnostics([
            "companies/northwind-logistics.md": "---\nname: Northwind Logistics GmbH\n---\n",
            "contacts/ada.md": "---\nname: Ada Lovelace\ncompany: northwind  logistics, inc.\n---\n",
            "leads/acme.md": Self.lead(tags: "contact_name: ada lovelace").replacingOccurrences(
                of: "company: Acme", with: "company: Northwind Logistics"),
            "leads/other.md": Self.lead(tags: "").replacingOccurrences(of: "company: Acme", with: "company: Northwind"),
        ])
        #expect(
            found.map(\.formatted) == [
                "content/contacts/ada.md:3:10: warning: 'northwind  logistics, inc.' is the company Northwind Logistics GmbH; write company: \"[[northwind-logistics]]\" to link it [could-link]",
                "content/leads/acme.md:3:10: warning: 'Northwind Logistics' is the company Northwind Logistics GmbH; write company: \"[[northwind-logistics]]\" to link it [could-link]",
                "content/leads/acme.md:8:15: warning: 'ada lovelace' is the contact Ada Lovelace; write contact: \"[[ada]]\" to link it [could-link]",
            ])
    }

    /// An id over 150 bytes (counted in UTF-8: 76 `é` are 152) or with a control character is an
    /// `invalid-id` error at check time and the record is left out, so the build does not fail on
    /// "File name too long"; 150 bytes are fine.
    @Test func anUnportableIdIsAnErrorAtCheckTimeAndTheBuildStillRuns() throws {
        let lead = Self.lead(tags: "")
        let long = String(repeating: "é", count: 76)
        let found = try diagnostics([
            "leads/\(long).md": lead, "leads/\(String(repeating: "a", count: 150)).md": lead,
            "leads/bell\u{7}.md": lead,
        ])
        #expect(
            found.map(\.formatted)
                == [
                    "content/leads/\(long).md:1:1: error: the file name makes an id of 152 bytes; ids are at most 150 (its page's file name adds to it); rename the file, the record is left out until then [invalid-id]",
                    "content/leads/bell\u{7}.md:1:1: error: the file name holds a control character, so it makes no usable id; rename the file [invalid-id]",
                ].sorted())

        let folder = try ScratchFolder(["leads/\(String(repeating: "a", count: 252)).md": lead, "leads/ok.md": lead])
        defer { folder.remove() }
        let build = try folder.leads(["build", "--output", "out"], asOf: "2026-11-23")
        #expect(build.stdout.contains("wrote report to out/index.html"), "\(build.stdout)\(build.stderr)")
        #expect(build.stdout.contains("1 error"))
        #expect(FileManager.default.fileExists(atPath: folder.url.path + "/out/leads/ok.html"))
    }

    /// `tags: [#backend]` is a comment to YAML, so the list never closes and libyaml reports the
    /// line after; the error is at the `#`, saying to quote it.
    @Test(arguments: [
        ("tags: [#backend]", "8:8", "#backend"), ("tags: [backend, #go]", "8:17", "#go"),
        ("tags: [\"#ok\", #go] # note", "8:15", "#go"), ("tags: {a: #b}", "8:11", "#b"),
    ])
    func aHashInsideBracketsIsReportedWhereItIs(_ line: String, _ position: String, _ word: String) throws {
        let found = try diagnostics(["leads/acme.md": Self.lead(tags: line + "\nowner: x")])
        #expect(
            found.map(\.formatted) == [
                "content/leads/acme.md:\(position): error: '\(word)' inside [ ] or { } starts a YAML comment, so the rest of the line is ignored and the list is never closed; quote it: '\(word)' [invalid-front-matter]"
            ])
    }

    /// A folder of records that cannot be opened is an `unreadable-file` error naming it, never
    /// skipped in silence. Root reads every folder, so as root the check runs as `nobody`.
    @Test func anUnreadableFolderIsReported() throws {
        let folder = try ScratchFolder(["leads/2025/old.md": Self.lead(tags: ""), "leads/new.md": Self.lead(tags: "")])
        defer {
            chmod(folder.url.path + "/content/leads/2025", 0o755)
            folder.remove()
        }
        #expect(chmod(folder.url.path, 0o755) == 0)
        #expect(chmod(folder.url.path + "/content/leads/2025", 0o000) == 0)
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let run = try LeadsProcess.run(
            ["check", "--content", "content", "--as-of", "2026-11-23"], in: folder.url, launcher: launcher)
        #expect(
            run.stdout == """
                content/leads/2025:1:1: error: cannot read folder: Permission denied; the records in it are not checked or shown [unreadable-file]
                1 error, 0 warnings in 1 file

                """, "\(run.stderr)")
    }
}
