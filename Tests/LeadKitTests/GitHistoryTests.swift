import Foundation
import Testing

/// The pipeline's memory is git: real repositories in temporary folders, author and committer
/// dates pinned, and the real `leads` binary.
@Suite struct GitHistoryTests {
    /// A content folder inside a fresh git repository.
    struct Repository {
        let folder: ScratchFolder

        init() throws {
            folder = try ScratchFolder([:])
            try git(["init", "-q", "-b", "main"])
            try git(["config", "user.name", "Ann"])
            try git(["config", "user.email", "ann@example.com"])
        }

        var url: URL { folder.url }

        @discardableResult
        func git(_ arguments: [String], date: String = "2026-11-01") throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
            process.currentDirectoryURL = url
            var environment = ProcessInfo.processInfo.environment
            environment["GIT_AUTHOR_DATE"] = "\(date)T10:00:00+0000"
            environment["GIT_COMMITTER_DATE"] = "\(date)T10:00:00+0000"
            environment["TZ"] = "UTC"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
            return String(decoding: data, as: UTF8.self)
        }

        /// Writes files below `content/` and commits everything.
        func commit(_ message: String, on date: String, _ files: [String: String] = [:]) throws {
            try folder.write(files)
            try git(["add", "-A"], date: date)
            try git(["commit", "-q", "--allow-empty", "-m", message], date: date)
        }

        func leads(_ arguments: [String], asOf: String) throws -> LeadsProcess.Output {
            try folder.leads(arguments, asOf: asOf, environment: ["TZ": "UTC"])
        }
    }

    static func lead(_ status: String, extra: String = "") -> String {
        "---\nrole: SRE\ncompany: Acme\nsource: OTHER\ntemperature: WARM\nstatus: \(status)\ncreated: 2026-11-01\n\(extra)---\n"
    }

    static let call = "---\nlead: \"[[acme]]\"\ndate: 2026-11-02\ntype: PHONE_CALL\nsummary: Intro\n---\n"

    /// A lead that never had a `history:` list, moved in three commits: its stages come from them.
    @Test func stageHistoryFromThreeCommits() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add Acme", on: "2026-11-01", ["leads/acme.md": Self.lead("DISCOVERY")])
        try repository.commit(
            "Acme woke up", on: "2026-11-05",
            ["leads/acme.md": Self.lead("WAKING_UP"), "interactions/call.md": Self.call])
        try repository.commit("Acme is warm", on: "2026-11-12", ["leads/acme.md": Self.lead("WARM_LEAD")])

        let list = try repository.leads(["ls", "--format", "json"], asOf: "2026-11-20")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["days_in_stage"] as? Int == 8, "since the commit that made it WARM_LEAD")

        let site = try repository.folder.build(asOf: "2026-11-20")
        let report = try site.reportJSON()
        let funnel = try #require(report["funnel"] as? [[String: Any]]).filter {
            $0["pipeline"] as? String == "networking"
        }
        let reached = Dictionary(
            uniqueKeysWithValues: funnel.map { ($0["status"] as? String ?? "", $0["reached"] as? Int ?? -1) })
        #expect(reached["DISCOVERY"] == 1 && reached["WAKING_UP"] == 1 && reached["WARM_LEAD"] == 1)
        #expect(reached["REFERRAL_SECURED"] == 0)
        let median = funnel.first { $0["status"] as? String == "DISCOVERY" }?["median_days_in_stage"] as? Double
        #expect(median == 4)
        let page = site.page("leads/acme.html")
        #expect(page.contains("<span class=\"chip\">Waking up</span> <span class=\"muted\">Thu 5 Nov 2026 · "))
        #expect(page.contains(" · Ann · “Acme woke up”</span></li>"))
        #expect(page.contains("Last changed Thu 12 Nov 2026 by Ann: “Acme is warm”"))
        // The commits are in the timeline with the interaction, newest first.
        let moved = try #require(page.range(of: "<h3>Moved Waking up → Warm lead</h3>"))
        let call = try #require(page.range(of: "<h3>Intro</h3>"))
        #expect(moved.lowerBound < call.lowerBound)
    }

    /// A file's own `history:` wins; a date it gives more than a day off the commit's is a note.
    @Test func theFilesHistoryWinsWithANoteWhereItDisagrees() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add Acme", on: "2026-11-01", ["leads/acme.md": Self.lead("DISCOVERY")])
        let history = "history:\n  - {status: DISCOVERY, date: 2026-11-01}\n  - {status: WAKING_UP, date: 2026-11-02}\n"
        try repository.commit(
            "Acme woke up", on: "2026-11-09",
            ["leads/acme.md": Self.lead("WAKING_UP", extra: history), "interactions/call.md": Self.call])
        let page = try repository.folder.build(asOf: "2026-11-20").page("leads/acme.html")
        #expect(page.contains("Mon 2 Nov 2026 · from the file"))
        #expect(page.contains("history says WAKING_UP on 2026-11-02; commit "))
        #expect(page.contains("(Ann, “Acme woke up”) set it on 2026-11-09"))
    }

    @Test func aRenameIsFollowed() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add", on: "2026-11-01", ["leads/acme-old.md": Self.lead("DISCOVERY")])
        try repository.git(["mv", "content/leads/acme-old.md", "content/leads/acme.md"], date: "2026-11-03")
        try repository.commit("Rename", on: "2026-11-03")
        try repository.commit(
            "Woke up", on: "2026-11-06", ["leads/acme.md": Self.lead("WAKING_UP"), "interactions/call.md": Self.call])
        let changes = try repository.leads(
            ["changes", "--since", "2026-11-01", "--format", "json"], asOf: "2026-11-10")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(changes.stdout.utf8)) as? [[String: Any]])
        let lead = list.filter { $0["kind"] as? String == "lead" }.map {
            "\($0["change"] as? String ?? "") \($0["record"] as? String ?? "") \($0["from"] as? String ?? "-") \($0["to"] as? String ?? "-")"
        }
        // Every change is listed under the id the lead has now, so its page and links keep them.
        #expect(lead == ["created acme - DISCOVERY", "edited acme acme-old acme", "moved acme DISCOVERY WAKING_UP"])
        let page = try repository.folder.build(asOf: "2026-11-10").page("leads/acme.html")
        #expect(page.contains("Discovery</span> <span class=\"muted\">Sun 1 Nov 2026 · "))
        // The timeline keeps the commit made under the old name.
        #expect(page.contains("Created at Discovery"))
        #expect(page.contains("Moved Discovery → Waking up"))

        // A rename not committed yet (staged by `git mv`) is a rename too.
        try repository.git(["mv", "content/leads/acme.md", "content/leads/acme-sre.md"], date: "2026-11-07")
        let pending = try repository.leads(["changes", "--format", "json"], asOf: "2026-11-10")
        let uncommitted = try #require(
            try JSONSerialization.jsonObject(with: Data(pending.stdout.utf8)) as? [[String: Any]]
        ).filter { $0["commit"] is NSNull }
        #expect(
            uncommitted.map { "\($0["change"] ?? "") \($0["from"] ?? "") \($0["to"] ?? "")" } == [
                "edited acme acme-sre"
            ])
    }

    /// `git status` quotes a path with a space or a non-ASCII letter unless asked not to: such
    /// files' uncommitted changes and renames are found all the same.
    @Test func uncommittedChangesToFilesWithSpacesAndAccentsAreFound() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit(
            "Add", on: "2026-11-01",
            ["leads/space lead.md": Self.lead("DISCOVERY"), "leads/zoë.md": Self.lead("DISCOVERY")])
        try repository.folder.write([
            "leads/space lead.md": Self.lead("WAKING_UP"), "leads/new one.md": Self.lead("DISCOVERY"),
        ])
        try repository.git(["mv", "content/leads/zoë.md", "content/leads/zoë 2.md"])
        let pending = try repository.leads(["changes", "--format", "json"], asOf: "2026-11-10")
        let uncommitted = try #require(
            try JSONSerialization.jsonObject(with: Data(pending.stdout.utf8)) as? [[String: Any]]
        ).filter { $0["commit"] is NSNull }.map {
            "\($0["change"] as? String ?? "") \($0["record"] as? String ?? "") \($0["from"] as? String ?? "-") \($0["to"] as? String ?? "-")"
        }
        #expect(
            uncommitted.sorted() == [
                "created new one - DISCOVERY", "edited zoë 2 zoë zoë 2", "moved space lead DISCOVERY WAKING_UP",
            ])
        let page = try repository.folder.build(asOf: "2026-11-10").page("leads/space lead.html")
        #expect(page.contains("Changed since the last commit"))
    }

    /// A week with moves, a conversion, a deletion and uncommitted edits, as `leads changes` and
    /// `report.json` list it.
    @Test func theChangeListOfAWeek() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        let contact = "---\nname: Jonas Weber\nemail: jonas@example.com\n---\n"
        try repository.commit(
            "Start", on: "2026-11-01",
            [
                "leads/acme.md": Self.lead("WARM_LEAD", extra: "contact: \"[[jonas]]\"\n"),
                "contacts/jonas.md": contact,
                "interactions/call.md": Self.call, "leads/globex.md": Self.lead("DISCOVERY"),
            ])
        try repository.commit(
            "Referral", on: "2026-11-16",
            ["leads/acme.md": Self.lead("REFERRAL_SECURED", extra: "contact: \"[[jonas]]\"\nowner: Ann\n")])
        let convert = try repository.leads(["convert", "acme"], asOf: "2026-11-17")
        #expect(convert.status == 0, "\(convert.stderr)")
        try repository.commit("Convert Acme", on: "2026-11-17")
        try FileManager.default.removeItem(at: repository.url.appendingPathComponent("content/leads/globex.md"))
        try repository.commit("Drop Globex", on: "2026-11-18")
        // Not committed: a follow-up set by the command line.
        #expect(try repository.leads(["set", "acme", "next_follow_up=2026-11-30"], asOf: "2026-11-20").status == 0)

        let run = try repository.leads(["changes", "--format", "json"], asOf: "2026-11-20")
        #expect(run.status == 0, "\(run.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let lines = list.map {
            [
                $0["date"], $0["commit"] is NSNull ? "uncommitted" : "committed", $0["kind"], $0["change"],
                $0["record"], $0["from"], $0["to"],
            ]
            .map { value in (value as? String).map { $0 } ?? "-" }.joined(separator: " ")
        }
        #expect(
            lines == [
                "2026-11-16 committed lead moved acme WARM_LEAD REFERRAL_SECURED",
                "2026-11-17 committed application created acme - -",
                "2026-11-17 committed lead converted acme REFERRAL_SECURED CONVERTED",
                "2026-11-18 committed lead deleted globex DISCOVERY -",
                "2026-11-20 uncommitted lead rescheduled acme - 2026-11-30",
            ])
        let text = try repository.leads(["changes"], asOf: "2026-11-20").stdout
        #expect(
            text.hasPrefix(
                "Not committed yet\n  lead acme  follow-up none → 2026-11-30\nWed 18 Nov 2026\n  lead globex  deleted  · Ann · "
            ))

        let site = try repository.folder.build(asOf: "2026-11-20")
        let owner = site.page("owners/ann.html")
        #expect(owner.contains("What changed this week"))
        #expect(owner.contains("converted Referral secured → Converted"))
        #expect(!owner.contains("globex"), "not Ann's lead")
        let report = try site.reportJSON()
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(changes.count == 9, "the whole history: 4 records added in Start, then the week's 5")
        #expect((changes.last?["commit"]) is NSNull)
    }

    /// `build --at` a tag or a day gives the report a clean build of that commit's checkout gives.
    @Test func buildAtATagOrADayIsTheReportOfThatCommit() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add", on: "2026-11-01", ["leads/acme.md": Self.lead("DISCOVERY")])
        try repository.commit(
            "Woke", on: "2026-11-05", ["leads/acme.md": Self.lead("WAKING_UP"), "interactions/call.md": Self.call])
        try repository.git(["tag", "v1"])
        try repository.commit("Warm", on: "2026-11-09", ["leads/acme.md": Self.lead("WARM_LEAD")])
        try repository.folder.write(["leads/acme.md": Self.lead("REFERRAL_SECURED")])  // uncommitted

        // `leads diff` between a tag and HEAD, or between two days (the last commit on or before each).
        for arguments in [["diff", "v1"], ["diff", "2026-11-05", "2026-11-09"], ["diff", "v1", "--format", "json"]] {
            let diff = try repository.leads(arguments, asOf: "2026-11-20")
            #expect(diff.status == 0, "\(arguments): \(diff.stderr)")
            #expect(diff.stdout.contains("Waking up → Warm lead") || diff.stdout.contains("\"to\" : \"WARM_LEAD\""))
            #expect(!diff.stdout.contains("Discovery →") && !diff.stdout.contains("\"to\" : \"WAKING_UP\""))
        }
        let tooEarly = try repository.leads(["diff", "2026-10-01"], asOf: "2026-11-20")
        #expect(tooEarly.status == 2)
        #expect(tooEarly.stderr.contains("no commit on or before 2026-10-01"))

        let atTag = try repository.leads(["build", "--at", "v1", "--output", "at-tag"], asOf: "2026-11-05")
        #expect(atTag.status == 0, "\(atTag.stderr)")
        #expect(atTag.stdout.contains("wrote the report as of commit "))
        let atDay = try LeadsProcess.run(
            ["build", "--content", "content", "--at", "2026-11-07", "--output", "at-day"], in: repository.url,
            environment: ["TZ": "UTC"])
        #expect(atDay.status == 0, "\(atDay.stderr)")
        try repository.git(["worktree", "add", "-q", "checkout", "v1"])
        let clean = try LeadsProcess.run(
            ["build", "--content", "checkout/content", "--as-of", "2026-11-05", "--output", "clean"],
            in: repository.url,
            environment: ["TZ": "UTC"])
        #expect(clean.status == 0, "\(clean.stderr)")
        func json(_ folder: String) throws -> Data {
            try Data(contentsOf: repository.url.appendingPathComponent("\(folder)/report.json"))
        }
        #expect(try json("at-tag") == json("clean"))
        #expect(try json("at-day") == json("clean"))
        let page = try String(contentsOf: repository.url.appendingPathComponent("at-tag/index.html"), encoding: .utf8)
        #expect(page.contains("· commit ") && page.contains("“Woke”"))
        // The working tree was not touched.
        #expect(try repository.folder.read("leads/acme.md") == Self.lead("REFERRAL_SECURED"))
    }

    /// `--no-git`, no repository and a shallow clone: everything works, and the report says why the
    /// history views are empty or partial.
    @Test func withoutAWholeHistoryTheReportSaysWhy() throws {
        let plain = try ScratchFolder(["leads/acme.md": Self.lead("DISCOVERY")])
        defer { plain.remove() }
        let outside = try plain.build(asOf: "2026-11-20")
        #expect(outside.page("changes.html").contains("No history here: the content folder is not in a git work tree."))
        let refused = try plain.leads(["changes"], asOf: "2026-11-20")
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: no history for content: the content folder is not in a git work tree\n")

        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add", on: "2026-11-01", ["leads/acme.md": Self.lead("DISCOVERY")])
        try repository.commit(
            "Woke", on: "2026-11-05", ["leads/acme.md": Self.lead("WAKING_UP"), "interactions/call.md": Self.call])
        let off = try repository.leads(["build", "--no-git", "--output", "off"], asOf: "2026-11-20")
        #expect(off.status == 0)
        let offPage = try String(contentsOf: repository.url.appendingPathComponent("off/changes.html"), encoding: .utf8)
        #expect(offPage.contains("No history here: --no-git: the history views are off."))

        let shallow = repository.url.appendingPathComponent("shallow")
        try repository.git(["clone", "-q", "--depth", "1", "file://" + repository.url.path, shallow.path])
        let run = try LeadsProcess.run(
            ["build", "--content", "content", "--as-of", "2026-11-20", "--output", "out"], in: shallow)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: shallow.appendingPathComponent("out/changes.html"), encoding: .utf8)
        #expect(page.contains("this is a shallow clone"))
    }

    /// What re-running the issue's cases turned up: `leads move` on a lead whose stages were only
    /// committed seeds its history from the commits; an uncommitted move counts from today; a
    /// commit with a status the pipeline does not have is no stage; a move to a subfolder is no
    /// change; `--until` a past day leaves the uncommitted changes out.
    @Test func theEdgesOfTheHistory() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add", on: "2026-11-01", ["leads/acme.md": Self.lead("DISCOVERY")])
        try repository.commit(
            "Woke", on: "2026-11-05", ["leads/acme.md": Self.lead("WAKING_UP"), "interactions/call.md": Self.call])
        try repository.commit("Typo", on: "2026-11-07", ["leads/acme.md": Self.lead("WARM")])
        try repository.commit("Warm", on: "2026-11-09", ["leads/acme.md": Self.lead("WARM_LEAD")])
        let move = try repository.leads(
            ["move", "acme", "ARCHIVED", "--date", "2026-11-12"], asOf: "2026-11-12")
        #expect(move.status == 0, "\(move.stderr)")
        #expect(
            try repository.folder.read("leads/acme.md").hasSuffix(
                """
                history:
                  - {status: DISCOVERY, date: 2026-11-01}
                  - {status: WAKING_UP, date: 2026-11-05}
                  - {status: WARM_LEAD, date: 2026-11-09}
                  - {status: ARCHIVED, date: 2026-11-12}
                ---

                """))
        try repository.commit("Referral", on: "2026-11-12")
        try FileManager.default.createDirectory(
            at: repository.url.appendingPathComponent("content/leads/2026"), withIntermediateDirectories: true)
        try repository.git(["mv", "content/leads/acme.md", "content/leads/2026/acme.md"], date: "2026-11-13")
        try repository.commit("File it", on: "2026-11-13")
        try repository.folder.write(["leads/globex.md": Self.lead("DISCOVERY")])
        try repository.commit("Globex", on: "2026-11-14")
        // By hand, not committed: Globex woke up.
        try repository.folder.write(["leads/globex.md": Self.lead("WAKING_UP")])

        let list = try repository.leads(["ls", "--format", "json"], asOf: "2026-11-16")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let globex = try #require(rows.first { $0["id"] as? String == "globex" })
        #expect(globex["days_in_stage"] as? Int == 0)
        #expect((globex["history"] as? [[String: String]])?.map { $0["status"] ?? "" } == ["DISCOVERY", "WAKING_UP"])
        let acme = try #require(rows.first { $0["id"] as? String == "acme" })
        #expect(!((acme["history"] as? [[String: String]]) ?? []).contains { $0["status"] == "WARM" })

        let changes = try repository.leads(
            ["changes", "--since", "2026-11-13", "--format", "json"], asOf: "2026-11-16")
        let list2 = try #require(try JSONSerialization.jsonObject(with: Data(changes.stdout.utf8)) as? [[String: Any]])
        #expect(
            list2.map { "\($0["record"] as? String ?? "") \($0["change"] as? String ?? "")" } == [
                "globex created", "globex moved",
            ])
        let past = try repository.leads(["changes", "--until", "2026-11-14", "--format", "json"], asOf: "2026-11-16")
        let list3 = try #require(try JSONSerialization.jsonObject(with: Data(past.stdout.utf8)) as? [[String: Any]])
        #expect(list3.allSatisfy { !($0["commit"] is NSNull) })
    }

    /// A shallow clone's first commit is where its history starts: no "created" for every record,
    /// and days in stage as without history.
    @Test func aShallowCloneStartsWhereItsHistoryStarts() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add", on: "2026-09-01", ["leads/acme.md": Self.lead("DISCOVERY")])
        try repository.commit("Globex", on: "2026-11-01", ["leads/globex.md": Self.lead("DISCOVERY")])
        let shallow = repository.url.appendingPathComponent("shallow")
        try repository.git(["clone", "-q", "--depth", "1", "file://" + repository.url.path, shallow.path])
        let changes = try LeadsProcess.run(
            ["changes", "--content", "content", "--as-of", "2026-11-05", "--since", "2026-01-01", "--format", "json"],
            in: shallow)
        #expect(changes.stdout == "[\n\n]\n", "\(changes.stdout)")
        let list = try LeadsProcess.run(
            ["ls", "--content", "content", "--as-of", "2026-11-05", "--format", "json"], in: shallow)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["days_in_stage"] as? Int } == [4, 4], "since created, as without history")
        // The clone's one commit holds every file: when each last changed is not known.
        let build = try LeadsProcess.run(["build", "--content", "content", "--as-of", "2026-11-05"], in: shallow)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: shallow.appendingPathComponent("output/leads/acme.html"), encoding: .utf8)
        #expect(
            page.contains("Last changed on or before Sun 1 Nov 2026 (this shallow clone&#39;s history starts there)"))
        let changesPage = try String(
            contentsOf: shallow.appendingPathComponent("output/changes.html"), encoding: .utf8)
        #expect(changesPage.contains("Partial history: this is a shallow clone"))
    }

    /// A build keeps what it read in `.leads/history` (ignored by git) and the next one reads only
    /// the commits made since; the report is the one a build without the cache makes, also after
    /// the history was rewritten under it.
    @Test func theHistoryIsCachedAndReadOnlyFromTheLastCommitOn() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit("Add", on: "2026-11-01", ["leads/acme.md": Self.lead("DISCOVERY")])
        try repository.commit(
            "Woke", on: "2026-11-05", ["leads/acme.md": Self.lead("WAKING_UP"), "interactions/call.md": Self.call])
        _ = try repository.folder.build(asOf: "2026-11-20")
        #expect(repository.folder.exists(".leads/history"))
        #expect(!(try repository.git(["status", "--porcelain"]).contains(".leads")), "the cache is not for git")
        try repository.git(["mv", "content/leads/acme.md", "content/leads/acme-sre.md"], date: "2026-11-08")
        try repository.commit("Rename", on: "2026-11-08")
        try repository.commit("Warm", on: "2026-11-09", ["leads/acme-sre.md": Self.lead("WARM_LEAD")])
        func report(clean: Bool = false) throws -> Data {
            let run = try repository.leads(
                ["build", "--output", "cached"] + (clean ? ["--clean"] : []), asOf: "2026-11-20")
            #expect(run.status == 0, "\(run.stderr)")
            return try Data(contentsOf: repository.url.appendingPathComponent("cached/report.json"))
        }
        // Without the cache, and built anew: a build with nothing changed would not read the history.
        func fresh() throws -> Data {
            try FileManager.default.removeItem(at: repository.url.appendingPathComponent("content/.leads/history"))
            return try report(clean: true)
        }
        let incremental = try report()
        #expect(try incremental == fresh())
        #expect(String(decoding: incremental, as: UTF8.self).contains("\"to\" : \"WARM_LEAD\""))
        // Rewritten: the cached commit is no longer in HEAD's history.
        try repository.git(["commit", "-q", "--amend", "-m", "Warm, reworded"], date: "2026-11-10")
        let rewritten = try report()
        #expect(try rewritten == fresh())
        let head = try repository.git(["rev-parse", "--short=7", "HEAD"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(String(decoding: rewritten, as: UTF8.self).contains("\"commit\" : \"\(head)\""))
        // Read with another config.yml (milestone names depend on it): read again whole.
        let before = try repository.folder.read(".leads/history")
        try repository.folder.write(["config.yml": "currency: USD\n"])
        #expect(try report() == fresh())
        #expect(try repository.folder.read(".leads/history") != before)
    }

    /// Builds the report incrementally (`incremental/`) and anew (`clean/`) and expects the same
    /// files; returns how many record pages the incremental build kept without planning them.
    @discardableResult
    static func expectCleanReport(_ repository: Repository, _ step: String) throws -> Int {
        let incremental = try repository.leads(
            ["build", "--output", "incremental", "--timings"], asOf: "2026-11-20")
        #expect(incremental.status == 0)
        #expect(!incremental.stdout.contains("up to date"), "\(step)")
        let clean = try repository.leads(["build", "--output", "clean", "--clean"], asOf: "2026-11-20")
        #expect(clean.status == 0)
        let (a, b) = (
            repository.url.appendingPathComponent("incremental"), repository.url.appendingPathComponent("clean")
        )
        func files(_ folder: URL) throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".leads-") }
                .sorted()
        }
        #expect(try files(a) == files(b), "\(step)")
        for file in try files(a) {
            let (x, y) = (a.appendingPathComponent(file), b.appendingPathComponent(file))
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: x.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            #expect(try Data(contentsOf: x) == Data(contentsOf: y), "\(step): \(file)")
        }
        let counted = incremental.stderr.split(separator: "\n").first { $0.hasPrefix("record pages kept") }
        return counted.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    /// Staging a rename changes the history views without changing a file or HEAD: the rebuild
    /// after `git add` (and after `git reset`) is the report a clean build writes, not "up to date".
    @Test func stagingARenameAndUndoingItRebuildAsACleanBuildWould() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        try repository.commit(
            "Add", on: "2026-11-01",
            [
                "leads/acme.md": Self.lead("DISCOVERY"), "leads/other.md": Self.lead("WAKING_UP"),
                "interactions/call.md": Self.call,
            ])
        _ = try repository.leads(["build", "--output", "incremental"], asOf: "2026-11-20")
        try FileManager.default.moveItem(
            at: repository.url.appendingPathComponent("content/leads/acme.md"),
            to: repository.url.appendingPathComponent("content/leads/acme-sre.md"))
        try Self.expectCleanReport(repository, "renamed, not staged")
        try repository.git(["add", "-A"])
        try Self.expectCleanReport(repository, "the rename staged")
        try repository.git(["reset", "-q"])
        try Self.expectCleanReport(repository, "the rename unstaged")
    }

    /// In a repository, edits that change what the working tree's uncommitted changes say plan the
    /// pages of the records they name, not every page; each rebuild is a clean build's report.
    @Test func uncommittedChangesPlanThePagesOfTheRecordsTheyName() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        var files: [String: String] = [:]
        for id in ["a", "b", "c", "d", "e", "f"] {
            files["leads/\(id).md"] = Self.lead("DISCOVERY").replacingOccurrences(of: "Acme", with: "Company \(id)")
        }
        // The reports stay out of git, so that `git stash -u` leaves them alone.
        try Data("incremental/\nclean/\n".utf8).write(to: repository.url.appendingPathComponent(".gitignore"))
        try repository.commit("Add", on: "2026-11-01", files)
        _ = try repository.leads(["build", "--output", "incremental"], asOf: "2026-11-20")
        let lead = { (id: String) in repository.url.appendingPathComponent("content/leads/\(id).md") }
        func append(_ text: String, to id: String) throws {
            try (String(contentsOf: lead(id), encoding: .utf8) + text).write(
                to: lead(id), atomically: false, encoding: .utf8)
        }
        try append("\nA first note.\n", to: "a")
        #expect(try Self.expectCleanReport(repository, "a edited after the commit") > 0)
        try append("\nA second note.\n", to: "a")
        #expect(try Self.expectCleanReport(repository, "a edited again") > 0)
        try String(contentsOf: lead("b"), encoding: .utf8).replacingOccurrences(of: "role: SRE", with: "role: SRE II")
            .write(to: lead("b"), atomically: false, encoding: .utf8)
        #expect(try Self.expectCleanReport(repository, "b retitled") > 0)
        try repository.git(["add", "-A"])
        try Self.expectCleanReport(repository, "both staged")
        try repository.git(["mv", "content/leads/c.md", "content/leads/c2.md"])
        // A rename files c's commits under c2, which can renumber every change: all pages planned.
        try Self.expectCleanReport(repository, "c renamed with git mv")
        try repository.git(["reset", "-q"])
        try Self.expectCleanReport(repository, "everything unstaged")
        // No file changes, and no commit: only what git tracks does.
        try repository.git(["rm", "--cached", "-q", "content/leads/d.md"])
        try Self.expectCleanReport(repository, "d no longer tracked")
        try repository.git(["add", "content/leads/d.md"])
        try Self.expectCleanReport(repository, "d tracked again")
        try repository.git(["stash", "-u", "-q"])
        try Self.expectCleanReport(repository, "everything stashed")
        try repository.git(["stash", "pop", "-q"])
        try Self.expectCleanReport(repository, "and popped")
        try repository.commit("Edits", on: "2026-11-10")
        try Self.expectCleanReport(repository, "committed")
    }
}
