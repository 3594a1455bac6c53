import Foundation
import Testing

/// Two people work one lead in two clones of a git repository: one logs a call with a follow-up, the
/// other moves the lead. What the commands add does not collide, so `git pull` merges without a
/// conflict and the merged folder passes `leads check`. Real `git`, real `leads`.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
struct GitMergeTests {
    static let lead = """
        ---
        role: Platform Engineer
        company: Acme
        source: OTHER
        temperature: WARM
        status: WAKING_UP
        created: 2026-11-01
        contact: "[[ada]]"
        history:
          - {status: DISCOVERY, date: 2026-11-01}
          - {status: WAKING_UP, date: 2026-11-10}
        ---

        """

    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in [
            ("GIT_AUTHOR_NAME", "Test"), ("GIT_AUTHOR_EMAIL", "test@example.com"), ("GIT_COMMITTER_NAME", "Test"),
            ("GIT_COMMITTER_EMAIL", "test@example.com"), ("GIT_CONFIG_NOSYSTEM", "1"), ("HOME", folder.path),
        ] {
            environment[key] = value
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aLogWithAFollowUpAndAMoveOnTwoClonesMergeCleanly() throws {
        let origin = try ScratchFolder([
            "leads/acme.md": Self.lead, "contacts/ada.md": "---\nname: Ada\nemail: ada@acme.example\n---\n",
            "interactions/2026-11-10-acme-call.md":
                "---\nlead: \"[[acme]]\"\ndate: 2026-11-10\ntype: PHONE_CALL\nsummary: Intro\n---\n",
        ])
        defer { origin.remove() }
        try git(["init", "-q", "-b", "main"], in: origin.url)
        try git(["add", "-A"], in: origin.url)
        try git(["commit", "-q", "-m", "start"], in: origin.url)
        let alice = FileManager.default.temporaryDirectory.appendingPathComponent("leads-alice-\(UUID().uuidString)")
        let bob = FileManager.default.temporaryDirectory.appendingPathComponent("leads-bob-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: alice)
            try? FileManager.default.removeItem(at: bob)
        }
        for clone in [alice, bob] {
            #expect(try git(["clone", "-q", origin.url.path, clone.path], in: origin.url).status == 0)
        }
        let asOf = ["--content", "content", "--as-of", "2026-11-23"]
        #expect(
            try LeadsProcess.run(
                ["log", "acme", "--type", "EMAIL", "--summary", "Sent the deck", "--follow-up", "2026-11-30"] + asOf,
                in: alice
            ).status == 0)
        try git(["add", "-A"], in: alice)
        try git(["commit", "-q", "-m", "log"], in: alice)
        #expect(try git(["push", "-q", "origin", "HEAD:alice"], in: alice).status == 0)

        #expect(try LeadsProcess.run(["move", "acme", "WARM_LEAD"] + asOf, in: bob).status == 0)
        try git(["commit", "-q", "-am", "move"], in: bob)
        try git(["fetch", "-q", "origin", "alice"], in: bob)
        let merge = try git(["merge", "--no-edit", "FETCH_HEAD"], in: bob)
        #expect(merge.status == 0, "git merge: \(merge.output)")
        let merged = try String(contentsOf: bob.appendingPathComponent("content/leads/acme.md"), encoding: .utf8)
        #expect(merged.contains("next_follow_up: 2026-11-30\n"))
        #expect(
            merged.contains("status: WARM_LEAD\n") && merged.contains("  - {status: WARM_LEAD, date: 2026-11-23}\n"))
        let check = try LeadsProcess.run(["check"] + asOf, in: bob)
        #expect(check.stdout == "0 errors, 0 warnings in 4 files\n", "\(check.stdout)")
    }

    static let job = """
        ---
        lead: "[[acme]]"
        title: Platform Engineer
        opened: 2026-11-10
        milestones:
          - {name: CVS_RECEIVED, date: 2026-11-12}
        ---
        Shortlist of three.

        """

    /// Two clones of a repository set up with `leads git-setup`, the driver pointing at this build.
    func clones() throws -> (origin: ScratchFolder, alice: URL, bob: URL) {
        let lead = """
            ---
            role: Platform Engineer
            company: Acme
            source: OTHER
            temperature: WARM
            pipeline: recruiting
            status: JOB_ORDER
            created: 2026-11-01
            contact: "[[ada]]"
            job: "[[acme]]"
            history:
              - {status: IDENTIFIED, date: 2026-11-01}
              - {status: JOB_ORDER, date: 2026-11-10}
            ---

            """
        let origin = try ScratchFolder([
            "leads/acme.md": lead, "jobs/acme.md": Self.job,
            "contacts/ada.md": "---\nname: Ada\nemail: ada@acme.example\n---\n",
            "interactions/2026-11-02-acme-call.md":
                "---\nlead: \"[[acme]]\"\ndate: 2026-11-02\ntype: PHONE_CALL\nsummary: Intro\n---\n",
        ])
        try git(["init", "-q", "-b", "main"], in: origin.url)
        #expect(try LeadsProcess.run(["git-setup", "--content", "content"], in: origin.url).status == 0)
        try git(["add", "-A"], in: origin.url)
        try git(["commit", "-q", "-m", "start"], in: origin.url)
        let alice = FileManager.default.temporaryDirectory.appendingPathComponent("leads-alice-\(UUID().uuidString)")
        let bob = FileManager.default.temporaryDirectory.appendingPathComponent("leads-bob-\(UUID().uuidString)")
        let driver = try LeadsProcess.executable().path + " merge-file %O %A %B %P"
        for clone in [alice, bob] {
            try git(["clone", "-q", origin.url.path, clone.path], in: origin.url)
            try git(["config", "merge.leads.driver", driver], in: clone)
        }
        return (origin, alice, bob)
    }

    @Test func milestonesRecordedOnTwoClonesAreUnitedByDate() throws {
        let (origin, alice, bob) = try clones()
        defer {
            origin.remove()
            try? FileManager.default.removeItem(at: alice)
            try? FileManager.default.removeItem(at: bob)
        }
        let asOf = ["--content", "content", "--as-of", "2026-11-23"]
        #expect(
            try LeadsProcess.run(
                ["milestone", "acme", "Interviews arranged", "--date", "2026-11-20"] + asOf, in: alice
            ).status == 0)
        try git(["commit", "-q", "-am", "arranged"], in: alice)
        try git(["push", "-q", "origin", "HEAD:alice"], in: alice)
        #expect(
            try LeadsProcess.run(["milestone", "acme", "Interviews booked", "--date", "2026-11-15"] + asOf, in: bob)
                .status == 0)
        try git(["commit", "-q", "-am", "booked"], in: bob)
        try git(["fetch", "-q", "origin", "alice"], in: bob)
        let merge = try git(["merge", "--no-edit", "FETCH_HEAD"], in: bob)
        #expect(merge.status == 0, "git merge: \(merge.output)")
        let job = try String(contentsOf: bob.appendingPathComponent("content/jobs/acme.md"), encoding: .utf8)
        #expect(
            job
                == Self.job.replacingOccurrences(
                    of: "  - {name: CVS_RECEIVED, date: 2026-11-12}\n",
                    with:
                        "  - {name: CVS_RECEIVED, date: 2026-11-12}\n  - {name: INTERVIEWS_BOOKED, date: 2026-11-15}\n"
                        + "  - {name: INTERVIEWS_ARRANGED, date: 2026-11-20}\n"))
        let check = try LeadsProcess.run(["check"] + asOf, in: bob)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func aValueBothSidesChangedIsARealConflict() throws {
        let (origin, alice, bob) = try clones()
        defer {
            origin.remove()
            try? FileManager.default.removeItem(at: alice)
            try? FileManager.default.removeItem(at: bob)
        }
        let asOf = ["--content", "content", "--as-of", "2026-11-23"]
        for (clone, title) in [(alice, "Staff Platform Engineer"), (bob, "Principal Platform Engineer")] {
            let path = clone.appendingPathComponent("content/jobs/acme.md")
            let text = try String(contentsOf: path, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "title: Platform Engineer", with: "title: \(title)").utf8).write(
                to: path)
            try git(["commit", "-q", "-am", title], in: clone)
        }
        try git(["push", "-q", "origin", "HEAD:alice"], in: alice)
        try git(["fetch", "-q", "origin", "alice"], in: bob)
        let merge = try git(["merge", "--no-edit", "FETCH_HEAD"], in: bob)
        #expect(merge.status != 0)
        let job = try String(contentsOf: bob.appendingPathComponent("content/jobs/acme.md"), encoding: .utf8)
        #expect(
            job.contains(
                "<<<<<<< ours\ntitle: Principal Platform Engineer\n=======\ntitle: Staff Platform Engineer\n>>>>>>> theirs\n"
            ))
        let check = try LeadsProcess.run(["check"] + asOf, in: bob)
        #expect(check.stdout.contains("[merge-conflict]"), "\(check.stdout)")
    }

    /// Alice archives the lead while Bob moves it on: which move stands is theirs to say, so the
    /// merge stops with the status as a conflict (both moves kept in the history) instead of a
    /// clean merge decided by dates — or by who pulled first on a tie.
    @Test func twoClonesMovingALeadToDifferentStagesConflictOnTheStatus() throws {
        let origin = try ScratchFolder([
            "leads/acme.md": Self.lead, "contacts/ada.md": "---\nname: Ada\nemail: ada@acme.example\n---\n",
        ])
        defer { origin.remove() }
        try git(["init", "-q", "-b", "main"], in: origin.url)
        #expect(try LeadsProcess.run(["git-setup", "--content", "content"], in: origin.url).status == 0)
        try git(["add", "-A"], in: origin.url)
        try git(["commit", "-q", "-m", "start"], in: origin.url)
        let alice = FileManager.default.temporaryDirectory.appendingPathComponent("leads-alice-\(UUID().uuidString)")
        let bob = FileManager.default.temporaryDirectory.appendingPathComponent("leads-bob-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: alice)
            try? FileManager.default.removeItem(at: bob)
        }
        let driver = try LeadsProcess.executable().path + " merge-file %O %A %B %P"
        for clone in [alice, bob] {
            try git(["clone", "-q", origin.url.path, clone.path], in: origin.url)
            try git(["config", "merge.leads.driver", driver], in: clone)
        }
        let asOf = ["--content", "content", "--as-of", "2026-11-23"]
        #expect(
            try LeadsProcess.run(["move", "acme", "ARCHIVED", "--reason", "went quiet"] + asOf, in: alice).status == 0)
        try git(["commit", "-q", "-am", "archive"], in: alice)
        try git(["push", "-q", "origin", "HEAD:alice"], in: alice)
        #expect(try LeadsProcess.run(["move", "acme", "WARM_LEAD"] + asOf, in: bob).status == 0)
        try git(["commit", "-q", "-am", "move on"], in: bob)
        try git(["fetch", "-q", "origin", "alice"], in: bob)
        let merge = try git(["merge", "--no-edit", "FETCH_HEAD"], in: bob)
        #expect(merge.status != 0, "\(merge.output)")
        let merged = try String(contentsOf: bob.appendingPathComponent("content/leads/acme.md"), encoding: .utf8)
        #expect(
            merged.contains("<<<<<<< ours\nstatus: WARM_LEAD\n=======\nstatus: ARCHIVED\n>>>>>>> theirs\n"), "\(merged)"
        )
        #expect(merged.contains("  - {status: WARM_LEAD, date: 2026-11-23}\n"))
        #expect(merged.contains("  - {status: ARCHIVED, date: 2026-11-23}\n"))
        #expect(merged.contains("lost_reason: went quiet\n"))
        let check = try LeadsProcess.run(["check"] + asOf, in: bob)
        #expect(check.stdout.contains("[merge-conflict]"), "\(check.stdout)")
    }

    /// `leads init` in a git clone registers the merge driver as `leads git-setup` would.
    @Test func initInAGitCloneRegistersTheMergeDriver() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try git(["init", "-q", "-b", "main"], in: folder.url)
        let initialized = try LeadsProcess.run(["init", "team", "--as-of", "2026-11-23"], in: folder.url)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("git now merges team/**/*.md with `leads merge-file`"))
        #expect(
            try git(["config", "--get", "merge.leads.driver"], in: folder.url).output
                == "leads merge-file %O %A %B %P\n")
        #expect(
            try String(contentsOf: folder.url.appendingPathComponent("team/.gitattributes"), encoding: .utf8)
                == "*.md merge=leads\n")
    }
}
