import Testing

@testable import LeadKit

/// Files git left with conflict markers: one `merge-conflict` at the first marker, naming both
/// sides, instead of the YAML errors the markers would cause; the first side is read, so nothing
/// else cascades.
@Suite struct MergeConflictTests {
    static let lead = """
        ---
        role: Platform Engineer
        company: Acme
        source: OTHER
        temperature: WARM
        status: WAKING_UP
        created: 2026-11-01
        history:
          - {status: DISCOVERY, date: 2026-11-01}
          - {status: WAKING_UP, date: 2026-11-20}
        <<<<<<< HEAD
        next_follow_up: 2026-11-30
        =======
          - {status: WARM_LEAD, date: 2026-11-22}
        >>>>>>> origin/main
        ---

        """

    static let call = "---\nlead: \"[[acme]]\"\ndate: 2026-11-05\ntype: PHONE_CALL\nsummary: Intro call\n---\n"

    @Test func aConflictInTheFrontMatterIsOneErrorAtItsFirstMarker() throws {
        let diagnostics = try diagnostics(["leads/acme.md": Self.lead, "interactions/call.md": Self.call])
        #expect(
            diagnostics.map(\.formatted) == [
                "content/leads/acme.md:11:1: error: unresolved merge conflict between 'HEAD' and 'origin/main'; keep what is right, delete the <<<<<<<, ======= and >>>>>>> lines [merge-conflict]"
            ])
    }

    @Test func aConflictInACRLFFileIsFoundToo() throws {
        let crlf = Self.lead.replacingOccurrences(of: "\n", with: "\r\n")
        let diagnostics = try diagnostics(["leads/acme.md": crlf, "interactions/call.md": Self.call])
        #expect(diagnostics.map(\.code) == [.mergeConflict])
        #expect(diagnostics.first?.location.line == 11)
    }

    @Test func aConflictInTheBodyIsReportedAndTheRecordStillResolves() throws {
        let body =
            Self.lead.replacingOccurrences(
                of:
                    "<<<<<<< HEAD\nnext_follow_up: 2026-11-30\n=======\n  - {status: WARM_LEAD, date: 2026-11-22}\n>>>>>>> origin/main\n",
                with: "")
            + "Notes\n<<<<<<< ours\nMet Ada.\n=======\nMet Bo.\n>>>>>>> theirs\n"
        let checked = try check(["leads/acme.md": body, "interactions/call.md": Self.call])
        #expect(checked.diagnostics.map(\.code) == [.mergeConflict])
        #expect(checked.diagnostics.first?.location.line == 13)
        // The first side is read: the interaction's link to the lead still resolves, the body keeps "ours".
        #expect(checked.records.leads.first?.header.body.contains("Met Ada.") == true)
        #expect(checked.records.leads.first?.header.body.contains("Met Bo.") == false)
    }

    /// A conflicted config keeps its first side's pipelines: the leads that use them are not all errors.
    @Test func aConflictInTheConfigDoesNotCascadeIntoEveryLead() throws {
        let diagnostics = try diagnostics([
            "config.yml": """
            pipelines:
              - name: hiring
                stages: [SOURCED, PLACED]
            <<<<<<< HEAD
            currency: EUR
            =======
            currency: USD
            >>>>>>> theirs
            """,
            "leads/acme.md": """
            ---
            role: Engineer
            company: Acme
            source: OTHER
            temperature: WARM
            status: SOURCED
            created: 2026-11-01
            pipeline: hiring
            ---
            """,
        ])
        #expect(
            diagnostics.map(\.formatted).map { String($0.prefix(50)) } == [
                "content/config.yml:4:1: error: unresolved merge co"
            ])
    }

    @Test func aWriteCommandRefusesAConflictedFileWithTheConflictsMessage() throws {
        let folder = try ScratchFolder(["leads/acme.md": Self.lead, "interactions/call.md": Self.call])
        defer { folder.remove() }
        let run = try folder.leads(["move", "acme", "WARM_LEAD"], asOf: "2026-11-23")
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: refusing to change content/leads/acme.md: unresolved merge conflict between 'HEAD' and 'origin/main'; keep what is right, delete the <<<<<<<, ======= and >>>>>>> lines\n"
        )
        #expect(try folder.read("leads/acme.md") == Self.lead)
    }

    /// A conflicted `config.yml` is read from its first side by `leads check`, but nothing is written
    /// from half a configuration: every write command refuses until it is resolved.
    @Test func writeCommandsRefuseWhileTheConfigIsConflicted() throws {
        let config = "<<<<<<< HEAD\nowners: [Alice]\n=======\nowners: [Bob]\n>>>>>>> theirs\n"
        let lead =
            "---\nrole: Engineer\ncompany: Acme\nsource: OTHER\ntemperature: WARM\nstatus: DISCOVERY\ncreated: 2026-11-01\n---\n"
        let folder = try ScratchFolder(["config.yml": config, "leads/acme.md": lead])
        defer { folder.remove() }
        for arguments in [
            ["move", "acme", "WAKING_UP"], ["log", "acme", "--type", "EMAIL", "--summary", "Hello"],
            ["new", "lead", "--role", "Designer", "--company", "Initech"],
        ] {
            let run = try folder.leads(arguments, asOf: "2026-11-23")
            #expect(run.status == 1, "\(arguments)")
            #expect(
                run.stderr.hasPrefix(
                    "error: refusing to write: content/config.yml:1:1: unresolved merge conflict between 'HEAD' and 'theirs'"
                ),
                "\(run.stderr)")
        }
        #expect(try folder.read("leads/acme.md") == lead)
        #expect(!folder.exists("interactions"))
        #expect(try folder.contents().count == 2)
    }
}
