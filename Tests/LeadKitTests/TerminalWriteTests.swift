import Foundation
import Testing

/// Changing any field in one command, snoozing, undoing, and an argument parser that does not fight
/// the user: values starting with `-`, dates in words, ids by prefix or name, "did you mean" for
/// commands and values, and the content folder found from wherever the command runs.
@Suite struct TerminalWriteTests {
    static let lead = """
        ---
        role: Staff Engineer
        company: "[[northwind]]"
        source: REFERRAL
        temperature: WARM
        status: WAKING_UP
        created: 2026-11-01
        contact: "[[jonas-weber]]"
        ---
        Met at the meetup.

        """
    static let files = [
        "config.yml": "owners: [{name: Bob}, {name: Ann}]\n",
        "companies/northwind.md": "---\nname: Northwind Logistics\n---\n",
        "contacts/jonas-weber.md": "---\nname: Jonas Weber\nemail: jonas@example.com\n---\n",
        "contacts/ana-ruiz.md": "---\nname: Ana Ruiz\n---\n",
        "leads/northwind-staff.md": lead,
        "interactions/2026-11-02-call.md":
            "---\nlead: \"[[northwind-staff]]\"\ndate: 2026-11-02\ntype: PHONE_CALL\nsummary: Intro\n---\n",
    ]

    @Test func setChangesSeveralFieldsTypedByTheSchema() throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let run = try folder.leads(
            [
                "set", "northwind-s", "temperature=hot", "owner=Bob", "next_follow_up=+7d", "contact=Ana Ruiz",
                "source=",
            ],
            asOf: "2026-11-23")
        #expect(run.status == 1, "the source is required: refused, nothing written")
        #expect(run.stderr.contains("missing required field 'source'"))
        #expect(try folder.read("leads/northwind-staff.md") == Self.lead)

        let set = try folder.leads(
            ["set", "northwind-s", "temperature=hot", "owner=Bob", "next_follow_up=+7d", "contact=Ana Ruiz"],
            asOf: "2026-11-23")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(
            set.stdout
                == "updated content/leads/northwind-staff.md: temperature WARM → HOT, owner – → Bob, next_follow_up – → 2026-11-30, contact [[jonas-weber]] → [[ana-ruiz]]\n"
        )
        #expect(
            try folder.read("leads/northwind-staff.md")
                == Self.lead.replacingOccurrences(of: "temperature: WARM", with: "temperature: HOT")
                .replacingOccurrences(of: "[[jonas-weber]]", with: "[[ana-ruiz]]")
                .replacingOccurrences(of: "---\nMet", with: "owner: Bob\nnext_follow_up: 2026-11-30\n---\nMet"))
    }

    @Test(arguments: [
        (["status=WARM_LEAD"], "error: status changes with its history: leads move northwind-staff STAGE\n"),
        (["tags=a"], "error: 'tags' is a list; edit it in the file\n"),
        (["temprature=HOT"], "did you mean temperature?"),
        (["temperature"], "error: 'temperature' is not field=value, e.g. owner=Bob\n"),
        (["temperature=TEPID"], "unknown temperature 'TEPID'; expected one of HOT, WARM, COLD"),
    ])
    func setRefusesWhatItCannotWrite(_ assignments: [String], _ message: String) throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let run = try folder.leads(["set", "northwind-staff"] + assignments, asOf: "2026-11-23")
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try folder.read("leads/northwind-staff.md") == Self.lead)
    }

    @Test func snoozeMovesTheFollowUpAndNotesWhy() throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let run = try folder.leads(
            ["snooze", "northwind", "next monday", "--reason", "-waiting for the budget"], asOf: "2026-11-25")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "updated content/leads/northwind-staff.md: next_follow_up – → 2026-11-30\n")
        let text = try folder.read("leads/northwind-staff.md")
        #expect(text.contains("next_follow_up: 2026-11-30\n---\n"))
        #expect(text.hasSuffix("- 2026-11-25: follow-up moved to 2026-11-30: -waiting for the budget\n"))
        let earlier = try folder.leads(["snooze", "northwind", "yesterday"], asOf: "2026-11-25")
        #expect(earlier.stderr == "error: a snooze is until a later day than 2026-11-25, not 2026-11-24\n")
    }

    @Test func undoTakesBackTheLastCommandOnlyWhileItsFilesAreUntouched() throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let before = try folder.contents()
        let move = try folder.leads(["move", "northwind", "WARM_LEAD"], asOf: "2026-11-23")
        #expect(move.status == 0, "\(move.stderr)")
        let undo = try folder.leads(["undo"], asOf: "2026-11-23")
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(
            undo.stdout
                == "took back `leads move northwind WARM_LEAD --content content --as-of 2026-11-23`:\n  updated content/leads/northwind-staff.md: as before `status WAKING_UP → WARM_LEAD`\n"
        )
        #expect(try folder.contents() == before)
        let again = try folder.leads(["undo"], asOf: "2026-11-23")
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "error: nothing to undo in content: no write command to take back (undo takes back the last one, once)\n"
        )

        // A file edited since: refused, nothing changed.
        let log = try folder.leads(["log", "northwind", "--type", "email", "--summary", "Hello"], asOf: "2026-11-23")
        #expect(log.status == 0, "\(log.stderr)")
        try folder.write(["interactions/2026-11-23-northwind-staff-hello.md": "edited by hand\n"])
        let refused = try folder.leads(["undo"], asOf: "2026-11-23")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("changed since; undo only takes back files left as the command wrote them"))
        #expect(try folder.read("interactions/2026-11-23-northwind-staff-hello.md") == "edited by hand\n")
        // The journal is leads' own and never committed.
        #expect(try folder.read(".leads/.gitignore").hasSuffix("*\n"))
    }

    /// Values starting with `-` are values; dates in words; a lead by the start of its id or its role.
    @Test func argumentsTheWayPeopleTypeThem() throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let run = try folder.leads(
            [
                "log", "Staff Engineer", "--type", "phone call", "--summary", "-20% discount", "--body",
                "- Two openings in Q1", "--date", "yesterday", "--follow-up", "+2w",
            ], asOf: "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        let file = "interactions/2026-11-22-northwind-staff-20-discount.md"
        #expect(try folder.read(file).contains("date: 2026-11-22\ntype: PHONE_CALL\nsummary: -20% discount\n"))
        #expect(try folder.read(file).hasSuffix("---\n- Two openings in Q1\n"))
        #expect(run.stdout.contains("updated content/leads/northwind-staff.md: next_follow_up 2026-12-07\n"))
    }

    @Test(arguments: [
        (["biuld"], 2, "error: unknown command 'biuld'; did you mean build? (leads --help lists them)\n"),
        (
            ["log", "northwind", "--type", "call", "--summary", "x"], 1,
            "error: unknown type 'call'; expected one of EMAIL, PHONE_CALL, MEETING, MESSAGE; did you mean PHONE_CALL?\n"
        ),
        (
            ["new", "lead", "--role", "x", "--company", "y", "--follow-up", "someday"], 1,
            "error: --follow-up must be a date like 2026-03-14, 2026-03-14T09:30, today, tomorrow, +3d, +2w or next monday, not 'someday'\n"
        ),
        (["show", "jonas"], 0, "Jonas Weber  contact jonas-weber"),
        (
            ["show", "n"], 1,
            "error: 'n' could be 2 records: lead northwind-staff, company northwind; give more of the id"
        ),
        (["export", "csv", "--kind", "leads"], 0, "id,role,company_id"),
    ])
    func didYouMeanAndPrefixes(_ arguments: [String], _ status: Int32, _ expected: String) throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let run = try folder.leads(arguments, asOf: "2026-11-23")
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        #expect((run.stdout + run.stderr).contains(expected), "\(run.stdout)\(run.stderr)")
    }

    /// Without `--content`: the folder is found from the project root, from inside it, or from
    /// `$LEADS_CONTENT`; the report goes beside it, and a `templates/` without `.mustache` files is
    /// not the report's.
    @Test func theContentFolderIsFoundFromWhereverTheCommandRuns() throws {
        let folder = try ScratchFolder([:])
        defer { folder.remove() }
        func run(_ arguments: [String], in path: String, environment: [String: String] = [:]) throws
            -> LeadsProcess.Output
        {
            try LeadsProcess.run(arguments, in: folder.url.appendingPathComponent(path), environment: environment)
        }
        let initialized = try run(["init", "--as-of", "2026-11-23"], in: ".")
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("created .gitignore: /output/ (the report) is not committed"))
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("body { color: red }".utf8).write(to: folder.url.appendingPathComponent("templates/style.css"))

        let inside = try run(["check", "--as-of", "2026-11-23"], in: "content/leads")
        #expect(inside.stdout == "0 errors, 0 warnings in 6 files\n", "\(inside.stderr)")
        let built = try run(["build", "--as-of", "2026-11-23"], in: "content/leads")
        #expect(built.stdout.contains("wrote report to ../../output/index.html"), "\(built.stdout)\(built.stderr)")
        #expect(built.stderr.isEmpty, "a templates/ of other things is left alone: \(built.stderr)")
        let css = try String(contentsOf: folder.url.appendingPathComponent("output/style.css"), encoding: .utf8)
        #expect(!css.contains("color: red"))

        // With a template in it, the folder is the report's templates, and the build says so.
        try Data("<p>{{page.title}}</p>".utf8).write(to: folder.url.appendingPathComponent("templates/lead.mustache"))
        let overridden = try run(["build", "--as-of", "2026-11-23"], in: "content")
        #expect(
            overridden.stderr == "templates from ../templates: lead.mustache, style.css replace the built-in ones\n",
            "\(overridden.stdout)")
        #expect(
            try String(contentsOf: folder.url.appendingPathComponent("output/style.css"), encoding: .utf8)
                == "body { color: red }")

        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        let fromEnvironment = try run(
            ["check", "--as-of", "2026-11-23"], in: "elsewhere",
            environment: ["LEADS_CONTENT": folder.url.path + "/content"])
        // `elsewhere` is inside the project, so the walk up finds the folder before the variable.
        #expect(fromEnvironment.stdout == "0 errors, 0 warnings in 6 files\n")
        let outside = try LeadsProcess.run(
            ["check", "--as-of", "2026-11-23"], in: FileManager.default.temporaryDirectory,
            environment: ["LEADS_CONTENT": folder.url.path + "/content"])
        #expect(outside.stdout == "0 errors, 0 warnings in 6 files\n", "\(outside.stderr)")
    }

    /// What re-running the cases turned up: a dry run that tells the truth, a hint to the
    /// record that has the field, a field given twice, a snooze that would not postpone, and free
    /// text other YAML readers would take for a boolean or a number written quoted.
    @Test func theEdgesOfSetSnoozeAndUndo() throws {
        var files = Self.files
        files["jobs/northwind-staff.md"] = "---\nlead: \"[[northwind-staff]]\"\ntitle: Staff Engineer\n---\n"
        let folder = try ScratchFolder(files)
        defer { folder.remove() }
        let fee = try folder.leads(["set", "northwind-staff", "fee=12000"], asOf: "2026-11-23")
        #expect(
            fee.stderr
                == "error: lead northwind-staff has no field 'fee'; job/northwind-staff has it: leads set job/northwind-staff fee=12000\n"
        )
        let twice = try folder.leads(["set", "lead/northwind-staff", "owner=Bob", "owner=Ann"], asOf: "2026-11-23")
        #expect(twice.stderr == "error: 'owner' is given twice; give each field once\n")

        #expect(try folder.leads(["snooze", "northwind", "+7d"], asOf: "2026-11-23").status == 0)
        let earlier = try folder.leads(["snooze", "northwind", "+3d"], asOf: "2026-11-23")
        #expect(
            earlier.stderr
                == "error: the next follow-up is already 2026-11-30; a snooze moves it later (to bring it forward: leads set northwind-staff next_follow_up=2026-11-26)\n"
        )
        try folder.write(["leads/northwind-staff.md": Self.lead])
        let dry = try folder.leads(["undo", "--dry-run"], asOf: "2026-11-23")
        #expect(dry.status == 1)
        #expect(dry.stderr.contains("changed since; undo only takes back files left as the command wrote them"))

        let log = try folder.leads(
            ["log", "lead/northwind", "--type", "email", "--summary", "yes"], asOf: "2026-11-23")
        #expect(log.status == 0, "\(log.stderr)")
        #expect(try folder.read("interactions/2026-11-23-northwind-staff-yes.md").contains("summary: \"yes\"\n"))
    }

    @Test(arguments: [
        (
            ["ls", "--temperature", "hto"],
            "error: --temperature: no 'hto'; expected one of HOT, WARM, COLD; did you mean HOT?\n"
        ),
        (["ls", "contacts", "--stale"], "error: --stale is for leads, applications and jobs, not contacts\n"),
        (["ls", "jobs", "--temperature", "hot"], "error: --temperature is for leads, not jobs\n"),
    ])
    func lsRefusesFiltersNoRecordCanMatch(_ arguments: [String], _ message: String) throws {
        let folder = try ScratchFolder(Self.files)
        defer { folder.remove() }
        let run = try folder.leads(arguments, asOf: "2026-11-23")
        #expect(run.status == 2)
        #expect(run.stderr == message)
    }

    /// `leads init pipeline`, then every command from the project root without `--content`.
    @Test func aFolderMadeByInitIsFoundFromItsParent() throws {
        let folder = try ScratchFolder([:])
        defer { folder.remove() }
        let made = try LeadsProcess.run(["init", "pipeline", "--as-of", "2026-11-23"], in: folder.url)
        #expect(made.stdout.hasSuffix("next: leads check, then leads build (from here or inside pipeline)\n"))
        let check = try LeadsProcess.run(["check", "--as-of", "2026-11-23"], in: folder.url)
        #expect(check.stdout == "0 errors, 0 warnings in 6 files\n", "\(check.stderr)")
        let owner = try LeadsProcess.run(["today", "--owner", "bob", "--as-of", "2026-11-23"], in: folder.url)
        #expect(owner.status == 2)
        #expect(owner.stderr == "error: --owner: nobody called 'bob' owns a lead; no lead has an owner yet\n")
        let elsewhere = try LeadsProcess.run(["check"], in: folder.url.appendingPathComponent("pipeline/leads"))
        #expect(elsewhere.status == 0)
        let missing = try LeadsProcess.run(["check"], in: FileManager.default.temporaryDirectory)
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == "error: content folder 'content' does not exist (leads init makes one; --content DIR or LEADS_CONTENT name another)\n"
        )
    }
}
