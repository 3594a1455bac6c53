import Foundation
import Testing

@testable import LeadKit

/// The write commands, run as a user runs them: the real `leads` binary on a temporary content folder,
/// asserting the exact files it leaves behind.
@Suite struct AuthoringCommandTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leads-authoring-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// Writes files below `content/` (text as given: line endings and a BOM included).
    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let url = scratch.appendingPathComponent("content/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: scratch.appendingPathComponent("content/" + path)), as: UTF8.self)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: scratch.appendingPathComponent("content/" + path).path)
    }

    /// Every file below `content/`, by path, with its text; `leads undo`'s journal is leads' own
    /// state, not content.
    func snapshot() throws -> [String: String] {
        var files: [String: String] = [:]
        let root = scratch.appendingPathComponent("content").path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if path == ".leads/journal.json" { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try read(path)
            }
        }
        return files
    }

    func leads(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws
        -> LeadsProcess.Output
    {
        try LeadsProcess.run(
            arguments + ["--content", "content", "--as-of", "2026-11-23"], in: scratch, stdin: stdin,
            environment: environment)
    }

    func check() throws -> LeadsProcess.Output {
        try leads(["check"])
    }

    static let company = "---\nname: Acme Corp\n---\n"
    static let contact = "---\nname: Ada Lovelace\nemail: ada@acme.example\ncompany: \"[[acme-corp]]\"\n---\n"

    /// A lead written by hand: a comment, odd quoting, an unknown key, trailing spaces in the notes.
    static let handWritten = """
        ---
        # Met at the meetup
        role: 'Platform Engineer'   # quoted on purpose
        company: "[[acme-corp]]"
        source: LINKEDIN
        temperature: HOT
        status: WAKING_UP # since the call
        created: 2026-11-01
        contact: "[[ada-lovelace]]"
        custom_key: keep me
        history:
          - {status: DISCOVERY, date: 2026-11-01}
          - {status: WAKING_UP, date: 2026-11-05}
        ---
        Notes with trailing spaces   \n
        """

    static let interaction = """
        ---
        lead: "[[acme-platform]]"
        date: 2026-11-05
        type: PHONE_CALL
        summary: First call
        ---
        - They run Kubernetes.

        """

    func writeSample(lead: String = Self.handWritten) throws {
        try write([
            "companies/acme-corp.md": Self.company, "contacts/ada-lovelace.md": Self.contact,
            "leads/acme-platform.md": lead,
            "interactions/2026-11-05-acme-platform-first-call.md": Self.interaction,
        ])
    }

    // MARK: init

    @Test func initCreatesAFolderThatPassesCheckAndRefusesAFullOne() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try LeadsProcess.run(["init", "content", "--as-of", "2026-11-23"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("created content/config.yml"))
        #expect(exists(".leads/.gitignore") && exists("leads/northwind-logistics-staff-backend-engineer.md"))
        // The report goes beside the content folder, and is ignored there.
        #expect(run.stdout.contains("created .gitignore: /output/ (the report) is not committed\n"))
        #expect(
            try String(contentsOf: scratch.appendingPathComponent(".gitignore"), encoding: .utf8)
                == "# The report leads build writes.\n/output/\n")
        for kind in ["leads", "interactions", "contacts", "companies", "applications"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: scratch.appendingPathComponent("content/" + kind).path)
            #expect(names.count == 1, "one example in \(kind)/")
        }
        let checked = try check()
        #expect(checked.stdout == "0 errors, 0 warnings in 6 files\n", "\(checked.stdout)")
        // Byte for byte the committed example folder.
        let expected = LeadsProcess.packageRoot.appendingPathComponent("Tests/LeadKitTests/Fixtures/init/expected")
        var golden: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: expected.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: expected.path + "/" + path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                golden[path] = try String(contentsOfFile: expected.path + "/" + path, encoding: .utf8)
            }
        }
        #expect(try snapshot() == golden)

        let before = try snapshot()
        let again = try LeadsProcess.run(["init", "content"], in: scratch)
        #expect(again.status == 1)
        #expect(again.stderr == "error: refusing to initialize content: it exists and is not an empty folder\n")
        #expect(try snapshot() == before)
    }

    // MARK: new

    @Test func newLeadWritesAFileAsAPersonWouldAndNumbersCollisions() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try write(["companies/acme-corp.md": Self.company, "contacts/ada-lovelace.md": Self.contact])
        let run = try leads([
            "new", "lead", "--role", "Staff Engineer", "--company", "Acme Corp", "--source", "linkedin",
            "--temperature", "hot", "--contact", "Ada Lovelace", "--follow-up", "2026-11-30",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "created content/leads/acme-corp-staff-engineer.md: new lead acme-corp-staff-engineer (DISCOVERY), follow-up 2026-11-30\n"
        )
        #expect(
            try read("leads/acme-corp-staff-engineer.md") == """
                ---
                role: Staff Engineer
                company: "[[acme-corp]]"
                source: LINKEDIN
                temperature: HOT
                status: DISCOVERY
                created: 2026-11-23
                next_follow_up: 2026-11-30
                contact: "[[ada-lovelace]]"
                history:
                  - {status: DISCOVERY, date: 2026-11-23}
                ---

                """)
        let second = try leads(["new", "lead", "--role", "Staff Engineer", "--company", "acme-corp"])
        #expect(second.stdout.hasPrefix("created content/leads/acme-corp-staff-engineer-2.md"), "\(second.stdout)")
        #expect(try check().status == 0)
    }

    @Test func newLeadWithoutARoleIsAUsageErrorWhenNobodyCanBeAsked() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try write(["companies/acme-corp.md": Self.company])
        let run = try leads(["new", "lead", "--company", "Acme Corp"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: missing --role (stdin is not a terminal to ask for it)\n")
        #expect(!exists("leads"))
    }

    @Test func newContactAndCompany() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try write(["companies/acme-corp.md": Self.company])
        let contact = try leads([
            "new", "contact", "--name", "José Núñez", "--email", "jose@acme.example", "--phone", "+34 600 000 000",
            "--company", "Acme Corp", "--role", "CTO: hands-on",
        ])
        #expect(contact.status == 0, "\(contact.stderr)")
        #expect(
            try read("contacts/jose-nunez.md") == """
                ---
                name: José Núñez
                email: jose@acme.example
                phone: "+34 600 000 000"
                company: "[[acme-corp]]"
                role: "CTO: hands-on"
                ---

                """)
        let company = try leads(["new", "company", "--name", "Orbit Data", "--website", "https://orbit.example"])
        #expect(company.status == 0, "\(company.stderr)")
        #expect(try read("companies/orbit-data.md") == "---\nname: Orbit Data\nwebsite: https://orbit.example\n---\n")
        #expect(try check().status == 0)
    }

    /// Runs a command on a terminal: `script` gives it one as stdin and passes `input` on to it.
    func onATerminal(_ command: String, input: String, environment: [String: String] = [:]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = scratch
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try? stdin.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            Issue.record("\(command) did not finish on its terminal")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalAMissingValueIsAskedForAndNotesComeFromTheEditor() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        let leads = try LeadsProcess.executable().path
        let status = try onATerminal(
            "'\(leads)' new lead --company 'Acme Corp' --content content --as-of 2026-11-23", input: "Data Engineer\n")
        #expect(status == 0)
        #expect(
            try read("leads/acme-corp-data-engineer.md").hasPrefix(
                "---\nrole: Data Engineer\ncompany: \"[[acme-corp]]\"\n"))

        let editor = scratch.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf -- '- Written in the editor.\\n' > \"$1\"\n".write(
            to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let logged = try onATerminal(
            "'\(leads)' log acme-platform --type EMAIL --summary 'Sent my CV' --content content --as-of 2026-11-23",
            input: "", environment: ["EDITOR": editor.path])
        #expect(logged == 0)
        #expect(
            try read("interactions/2026-11-23-acme-platform-sent-my-cv.md").hasSuffix("---\n- Written in the editor.\n")
        )
    }

    // MARK: log

    @Test func logWritesTheInteractionAndSetsTheFollowUpSurgically() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        let run = try leads(
            [
                "log", "acme-platform", "--type", "meeting", "--summary", "Coffee with Ada", "--sentiment", "positive",
                "--next-action", "Send the write-up", "--follow-up", "2026-11-30",
            ], stdin: "- Hiring in Q1.\n- Go and Rust.\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                created content/interactions/2026-11-23-acme-platform-coffee-with-ada.md: MEETING with acme-platform, with Ada Lovelace [[ada-lovelace]] (the lead's contact; --contact to change)
                updated content/leads/acme-platform.md: next_follow_up 2026-11-30
                content/leads/acme-platform.md:10:1: warning: unknown field 'custom_key' in lead [unknown-field]

                """, "the checker runs again on the files written")
        #expect(
            try read("interactions/2026-11-23-acme-platform-coffee-with-ada.md") == """
                ---
                lead: "[[acme-platform]]"
                date: 2026-11-23
                type: MEETING
                summary: Coffee with Ada
                sentiment: POSITIVE
                next_action: Send the write-up
                contact: "[[ada-lovelace]]"
                ---
                - Hiring in Q1.
                - Go and Rust.

                """)
        // A new key goes before the history list, not under the item another command may append.
        let expected = Self.handWritten.replacingOccurrences(
            of: "custom_key: keep me\nhistory:\n", with: "custom_key: keep me\nnext_follow_up: 2026-11-30\nhistory:\n")
        #expect(try read("leads/acme-platform.md") == expected)
    }

    // MARK: move

    @Test func moveChangesOnlyStatusAndHistoryKeepingCRLFAndTheBOM() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let crlf = "\u{FEFF}" + Self.handWritten.replacingOccurrences(of: "\n", with: "\r\n")
        try writeSample(lead: crlf)
        let run = try leads(["move", "acme-platform", "warm_lead"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "updated content/leads/acme-platform.md: status WAKING_UP → WARM_LEAD\n"
                + "content/leads/acme-platform.md:10:1: warning: unknown field 'custom_key' in lead [unknown-field]\n")
        let expected = crlf.replacingOccurrences(of: "status: WAKING_UP # since", with: "status: WARM_LEAD # since")
            .replacingOccurrences(
                of: "  - {status: WAKING_UP, date: 2026-11-05}\r\n",
                with: "  - {status: WAKING_UP, date: 2026-11-05}\r\n  - {status: WARM_LEAD, date: 2026-11-23}\r\n")
        #expect(try read("leads/acme-platform.md") == expected)
        #expect(try check().status == 0)
    }

    @Test func moveWritesTheHistoryALeadDidNotHaveAndKeepsAFlowList() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let noHistory = Self.handWritten.replacingOccurrences(
            of: "history:\n  - {status: DISCOVERY, date: 2026-11-01}\n  - {status: WAKING_UP, date: 2026-11-05}\n",
            with: "")
        try writeSample(lead: noHistory)
        #expect(try leads(["move", "acme-platform", "WARM_LEAD", "--date", "2026-11-20"]).status == 0)
        #expect(
            try read("leads/acme-platform.md")
                == noHistory.replacingOccurrences(
                    of: "custom_key: keep me\n",
                    with: """
                        custom_key: keep me
                        history:
                          - {status: WAKING_UP, date: 2026-11-01}
                          - {status: WARM_LEAD, date: 2026-11-20}

                        """
                ).replacingOccurrences(of: "status: WAKING_UP # since", with: "status: WARM_LEAD # since"))

        let flow = Self.handWritten.replacingOccurrences(
            of: "history:\n  - {status: DISCOVERY, date: 2026-11-01}\n  - {status: WAKING_UP, date: 2026-11-05}\n",
            with: "history: [{status: DISCOVERY, date: 2026-11-01}, {status: WAKING_UP, date: 2026-11-05}]\n")
        try write(["leads/acme-platform.md": flow])
        #expect(try leads(["move", "acme-platform", "ARCHIVED"]).status == 0)
        #expect(
            try read("leads/acme-platform.md").contains(
                "history: [{status: DISCOVERY, date: 2026-11-01}, {status: WAKING_UP, date: 2026-11-05}, {status: ARCHIVED, date: 2026-11-23}]\n"
            ))
        #expect(try check().status == 0)
    }

    @Test func moveRefusesWhatThePipelineForbidsAndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        let before = try snapshot()

        let backward = try leads(["move", "acme-platform", "DISCOVERY"])
        #expect(backward.status == 1)
        #expect(
            backward.stderr.hasPrefix(
                "error: cannot move acme-platform from WAKING_UP to DISCOVERY: history goes backward"))
        let won = try leads(["move", "acme-platform", "CONVERTED"])
        #expect(won.status == 1)
        #expect(won.stderr.contains("run `leads convert acme-platform`"))
        let unknown = try leads(["move", "acme-platform", "WARM"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean WARM_LEAD?"))
        let missing = try leads(["move", "acme-plattform", "WARM_LEAD"])
        #expect(missing.stderr == "error: no lead 'acme-plattform' in content/leads; did you mean acme-platform?\n")
        #expect(try snapshot() == before)
    }

    /// The rules are not repeated by the commands: the planned folder is checked in memory by the
    /// same checker, and a change that would add an error is refused with its diagnostic.
    @Test func aMoveTheRulesForbidIsRefusedByTheCheckerBeforeAnythingIsWritten() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample(lead: Self.handWritten.replacingOccurrences(of: "contact: \"[[ada-lovelace]]\"\n", with: ""))
        let before = try snapshot()
        let run = try leads(["move", "acme-platform", "REFERRAL_SECURED"])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                error: refusing to write: the change would leave this error (nothing was written):
                content/leads/acme-platform.md:7:9: error: a secured referral needs the person who refers you; add 'contact: "[[contact-id]]"' [referral-without-contact]

                """)
        #expect(try snapshot() == before)
    }

    @Test func aFileWithErrorsIsNotRewritten() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample(lead: Self.handWritten.replacingOccurrences(of: "temperature: HOT", with: "temperature: TEPID"))
        let before = try snapshot()
        let run = try leads(["move", "acme-platform", "WARM_LEAD"])
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: refusing to change content/leads/acme-platform.md: it has 1 error; fix it first (leads check shows it)\n"
        )
        #expect(try snapshot() == before)
    }

    // MARK: convert and milestones

    @Test func convertCarriesTheHistoryIntoTheApplication() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        let run = try leads(["convert", "acme-platform", "--url", "https://acme.example/jobs/7"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                created content/applications/acme-platform.md: application for acme-platform
                updated content/leads/acme-platform.md: status WAKING_UP → CONVERTED, application [[acme-platform]]
                content/leads/acme-platform.md:10:1: warning: unknown field 'custom_key' in lead [unknown-field]

                """)
        #expect(
            try read("applications/acme-platform.md") == """
                ---
                lead: "[[acme-platform]]"
                title: Platform Engineer
                company: "[[acme-corp]]"
                url: https://acme.example/jobs/7
                applied: 2026-11-23
                ---
                Converted from [[acme-platform]] on 2026-11-23.

                ## Timeline

                ### 2026-11-05 · Phone call: First call

                From [[2026-11-05-acme-platform-first-call]]

                > - They run Kubernetes.

                """)
        let lead = try read("leads/acme-platform.md")
        #expect(lead.contains("status: CONVERTED # since the call\n"))
        #expect(lead.contains("custom_key: keep me\napplication: \"[[acme-platform]]\"\nhistory:\n"))
        #expect(lead.contains("  - {status: CONVERTED, date: 2026-11-23}\n---\n"))
        #expect(try check().status == 0)

        let again = try leads(["convert", "acme-platform"])
        #expect(again.status == 1)
        #expect(again.stderr == "error: acme-platform is already CONVERTED\n")

        let milestone = try leads(["milestone", "acme-platform", "cv received", "--date", "2026-11-24"])
        #expect(milestone.status == 0, "\(milestone.stderr)")
        #expect(
            milestone.stdout == "updated content/applications/acme-platform.md: milestone CV_RECEIVED on 2026-11-24\n")
        #expect(
            try read("applications/acme-platform.md").contains(
                "applied: 2026-11-23\nmilestones:\n  - {name: CV_RECEIVED, date: 2026-11-24}\n---\n"))
        let second = try leads(["milestone", "acme-platform", "INTERVIEW_BOOKED"])
        #expect(second.status == 0)
        #expect(
            try read("applications/acme-platform.md").contains(
                "  - {name: CV_RECEIVED, date: 2026-11-24}\n  - {name: INTERVIEW_BOOKED, date: 2026-11-23}\n"))
        let duplicate = try leads(["milestone", "acme-platform", "INTERVIEW_BOOKED"])
        #expect(duplicate.stderr == "error: acme-platform already records INTERVIEW_BOOKED\n")
        #expect(try check().status == 0)
    }

    @Test func aConversionInterruptedBetweenItsWritesLeavesAValidFolder() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        let run = try leads(["convert", "acme-platform"], environment: ["LEADS_INTERRUPT_AFTER_WRITES": "1"])
        #expect(run.status == 75, "the process stopped after its first write")
        #expect(exists("applications/acme-platform.md"))
        #expect(try read("leads/acme-platform.md") == Self.handWritten, "the lead is untouched")
        let checked = try check()
        #expect(checked.status == 0, "\(checked.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: scratch.appendingPathComponent("content/leads").path)
        #expect(leftovers == ["acme-platform.md"], "no temporary file is left behind")
    }

    /// A command that fails between its writes (a full disk) undoes what it wrote: no interaction file
    /// is left without the follow-up it came with, and it says it wrote nothing.
    @Test func aFailedLogLeavesNothingOfItsOwnBehind() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        let before = try snapshot()
        let run = try leads(
            ["log", "acme-platform", "--type", "EMAIL", "--summary", "Sent", "--follow-up", "2026-11-30"],
            environment: ["LEADS_FAIL_AFTER_WRITES": "1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("No space left on device"))
        #expect(try snapshot() == before)
    }

    /// Run again after the kill, the conversion completes: it adopts the application it had written,
    /// and the folder is the one an uninterrupted run makes.
    @Test func anInterruptedConversionCompletesWhenRunAgain() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        let whole = try leads(["convert", "acme-platform"])
        #expect(whole.status == 0)
        let uninterrupted = try snapshot()
        try FileManager.default.removeItem(at: scratch)

        try writeSample()
        #expect(
            try leads(["convert", "acme-platform"], environment: ["LEADS_INTERRUPT_AFTER_WRITES": "1"]).status == 75)
        let resumed = try leads(["convert", "acme-platform"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.hasPrefix("updated content/leads/acme-platform.md: status WAKING_UP → CONVERTED"))
        #expect(try snapshot() == uninterrupted)
    }

    // MARK: merge

    /// A merge killed after any of its writes completes when run again, to the folder an
    /// uninterrupted merge makes — without appending the duplicate's notes twice.
    @Test func anInterruptedMergeCompletesWhenRunAgain() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = [
            "contacts/ada.md": "---\nname: Ada L.\nemail: ada@acme.example\nrole: CTO\n---\nMet at PyCon.\n",
            "interactions/2026-11-05-acme-platform-first-call.md": Self.interaction.replacingOccurrences(
                of: "summary: First call\n", with: "summary: First call\ncontact: \"[[ada]]\"\n"),
        ]
        try writeSample()
        try write(files)
        #expect(try leads(["merge", "ada-lovelace", "ada"]).status == 0)
        let uninterrupted = try snapshot()
        // Three writes: the interaction re-pointed, the kept contact, the duplicate deleted.
        for point in 1...2 {
            try FileManager.default.removeItem(at: scratch)
            try writeSample()
            try write(files)
            let killed = try leads(
                ["merge", "ada-lovelace", "ada"], environment: ["LEADS_INTERRUPT_AFTER_WRITES": String(point)])
            #expect(killed.status == 75)
            #expect(try leads(["merge", "ada-lovelace", "ada"]).status == 0, "killed after \(point)")
            #expect(try snapshot() == uninterrupted, "killed after \(point) write(s)")
        }
    }

    @Test func mergeFillsRewritesLinksAndDeletesTheDuplicate() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeSample()
        try write([
            "contacts/ada.md":
                "---\nname: Ada L.\nemail: ada@acme.example\nphone: \"+44 20 0000\"\nrole: CTO\n---\nMet at PyCon.\n",
            "interactions/2026-11-05-acme-platform-first-call.md": Self.interaction.replacingOccurrences(
                of: "summary: First call\n", with: "summary: First call\ncontact: \"[[ada]]\"\n")
                + "Ask [[ada|Ada]] about the team.\n",
        ])
        let before = try snapshot()
        let dry = try leads(["merge", "ada-lovelace", "ada", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("--- a/content/contacts/ada.md\n+++ /dev/null\n"))
        #expect(dry.stdout.contains("-contact: \"[[ada]]\"\n+contact: \"[[ada-lovelace]]\"\n"))
        #expect(try snapshot() == before, "a dry run writes nothing")

        let run = try leads(["merge", "ada-lovelace", "ada"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                updated content/interactions/2026-11-05-acme-platform-first-call.md: [[ada]] → [[ada-lovelace]]
                updated content/contacts/ada-lovelace.md: filled phone, role from ada; notes of ada appended; kept name (ada's in the notes)
                deleted content/contacts/ada.md: merged into ada-lovelace

                """)
        #expect(
            try read("contacts/ada-lovelace.md") == """
                ---
                name: Ada Lovelace
                email: ada@acme.example
                company: "[[acme-corp]]"
                phone: "+44 20 0000"
                role: CTO
                ---

                ## Merged from Ada L.

                Met at PyCon.

                Its values that differ from this contact's (this contact's were kept):

                - name: Ada L.

                """)
        #expect(!exists("contacts/ada.md"))
        let interaction = try read("interactions/2026-11-05-acme-platform-first-call.md")
        #expect(interaction.contains("contact: \"[[ada-lovelace]]\"") && interaction.contains("[[ada-lovelace|Ada]]"))
        #expect(try check().status == 0)
    }

    // MARK: the round trip

    @Test func newLogMoveConvertMilestoneOnTheSampleEndsCleanAndInTheReport() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sample = LeadsProcess.packageRoot.appendingPathComponent("content")
        try FileManager.default.copyItem(at: sample, to: scratch.appendingPathComponent("content"))
        func ok(_ arguments: [String]) throws {
            let run = try leads(arguments)
            #expect(run.status == 0, "leads \(arguments.joined(separator: " ")): \(run.stdout)\(run.stderr)")
        }
        try ok(["new", "company", "--name", "Quill Robotics"])
        try ok([
            "new", "contact", "--name", "Mira Quill", "--email", "mira@quill.example", "--company", "Quill Robotics",
        ])
        try ok([
            "new", "lead", "--role", "Robotics Engineer", "--company", "Quill Robotics", "--source", "REFERRAL",
            "--contact", "mira-quill",
        ])
        try ok(["log", "quill-robotics-robotics-engineer", "--type", "PHONE_CALL", "--summary", "Intro call"])
        try ok(["move", "quill-robotics-robotics-engineer", "WARM_LEAD"])
        try ok(["move", "quill-robotics-robotics-engineer", "REFERRAL_SECURED"])
        try ok(["convert", "quill-robotics-robotics-engineer"])
        try ok(["milestone", "quill-robotics-robotics-engineer", "CV_RECEIVED"])
        let checked = try check()
        #expect(checked.status == 0)
        #expect(checked.stdout.hasPrefix("0 errors, 0 warnings"), "\(checked.stdout)")
        let built = try leads(["build", "--output", "output"])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(
            contentsOf: scratch.appendingPathComponent("output/applications/quill-robotics-robotics-engineer.html"),
            encoding: .utf8)
        #expect(page.contains("Robotics Engineer") && page.contains("Intro call") && page.contains("CV received"))
        let applications = try String(
            contentsOf: scratch.appendingPathComponent("output/applications.html"), encoding: .utf8)
        #expect(applications.contains("Robotics Engineer"))
    }
}
