import Foundation
import Testing

@testable import LeadKit

/// Rebuilds that plan only the pages near what changed (`PagePlan`) write the report a clean build
/// writes, whatever changed: names shown on other pages, links added and removed, interactions
/// moved between months, problems found in files that did not change.
extension IncrementalBuildTests {
    /// The same numbers in every run: a SplitMix64 generator.
    struct SeededNumbers {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((value ^ (value >> 31)) % UInt64(bound))
        }
    }

    /// A folder of sparsely linked records, so that most pages are more than `PagePlan.reach` links
    /// from any one record: companies, contacts at them, leads for them, interactions with notes
    /// linking other records, applications and jobs.
    func writeLinkedFolder(_ root: String, numbers: inout SeededNumbers) throws {
        for folder in ["companies", "contacts", "leads", "interactions", "applications", "jobs"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for c in 0..<30 {
            try write(
                "---\nname: Company \(c)\nindustry: Software\n---\nNotes on company \(c).\n",
                to: "\(root)/companies/c\(c).md")
        }
        for p in 0..<40 {
            try write(
                "---\nname: Person \(p)\nemail: p\(p)@example.com\ncompany: \"[[c\(p % 30)]]\"\nrole: Engineer\n---\n",
                to: "\(root)/contacts/p\(p).md")
        }
        let stages = ["DISCOVERY", "WAKING_UP", "WARM_LEAD", "REFERRAL_SECURED"]
        for l in 0..<60 {
            try write(
                "---\nrole: Role \(l)\ncompany: \"[[c\(l % 30)]]\"\nsource: LINKEDIN\ntemperature: WARM\n"
                    + "status: \(stages[l % 4])\ncreated: 2026-08-\(10 + l % 18)\ncontact: \"[[p\(l % 40)]]\"\n"
                    + "next_follow_up: 2026-11-\(10 + l % 18)\n---\nAbout lead \(l).\n",
                to: "\(root)/leads/l\(l).md")
        }
        for i in 0..<90 {
            let lead = numbers.next(60)
            let month = String(format: "%02d", 8 + numbers.next(4))
            let mention = numbers.next(3) == 0 ? "Mentioned [[l\(numbers.next(60))]] too.\n" : ""
            try write(
                "---\nlead: \"[[l\(lead)]]\"\ndate: 2026-\(month)-1\(numbers.next(9))\ntype: EMAIL\n"
                    + "summary: Interaction \(i)\ncontact: \"[[p\(lead % 40)]]\"\n---\n- Point \(i).\n\(mention)",
                to: "\(root)/interactions/i\(i).md")
        }
        for a in 0..<6 {
            try write(
                "---\nlead: \"[[l\(a * 7)]]\"\ntitle: Application \(a)\ncompany: \"[[c\((a * 7) % 30)]]\"\n"
                    + "applied: 2026-09-0\(a + 1)\nmilestones:\n  - {name: CV_RECEIVED, date: 2026-09-1\(a)}\n---\n",
                to: "\(root)/applications/a\(a).md")
        }
        for j in 0..<4 {
            try write(
                "---\nlead: \"[[l\(j * 11 + 1)]]\"\ntitle: Job \(j)\ncompany: \"[[c\((j * 11 + 1) % 30)]]\"\n"
                    + "contact: \"[[p\(j)]]\"\nopened: 2026-10-0\(j + 1)\n---\n",
                to: "\(root)/jobs/j\(j).md")
        }
    }

    /// Sets `key: value` in a file's front-matter (adding the key when absent), or removes the key
    /// when `value` is nil.
    func setField(_ file: String, _ key: String, _ value: String?) throws {
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        let found = lines.firstIndex { $0.hasPrefix(key + ":") }
        switch (found, value) {
        case (let index?, let value?): lines[index] = key + ": " + value
        case (let index?, nil): lines.remove(at: index)
        case (nil, let value?): lines.insert(key + ": " + value, at: 1)
        case (nil, nil): break
        }
        try write(lines.joined(separator: "\n"), to: file)
    }

    func append(_ text: String, to file: String) throws {
        try write(try String(contentsOfFile: file, encoding: .utf8) + text, to: file)
    }

    /// One edit of many kinds, each one a change a page far from the file can show.
    func edit(_ root: String, step: Int, numbers: inout SeededNumbers) throws -> String {
        let (c, p, l, i) = (numbers.next(30), numbers.next(40), numbers.next(60), numbers.next(90))
        let lead = "\(root)/leads/l\(l).md", contact = "\(root)/contacts/p\(p).md"
        let company = "\(root)/companies/c\(c).md", interaction = "\(root)/interactions/i\(i).md"
        let exists = { FileManager.default.fileExists(atPath: $0) }
        switch step % 17 {
        case 0 where exists(company):
            try setField(company, "name", "Renamed \(c) at step \(step)")
            return "renamed company c\(c)"
        case 1 where exists(lead):
            try setField(lead, "role", "New role \(step)")
            return "changed the role (title) of l\(l)"
        case 2 where exists(lead):
            try setField(lead, "status", ["WARM_LEAD", "ARCHIVED", "WAKING_UP", "NOT_A_STAGE"][step % 4])
            return "moved l\(l)"
        case 3 where exists(lead):
            try append("\nSee [[p\(p)]] and [[c\(c)]].\n", to: lead)
            return "linked p\(p) and c\(c) from the notes of l\(l)"
        case 4 where exists(interaction):
            try setField(interaction, "date", String(format: "2026-%02d-2%d", 8 + numbers.next(4), numbers.next(9)))
            return "moved i\(i) to another day"
        case 5 where exists(interaction):
            try FileManager.default.removeItem(atPath: interaction)
            return "deleted i\(i)"
        case 6 where exists(contact):
            try FileManager.default.removeItem(atPath: contact)
            return "deleted contact p\(p), breaking links to it"
        case 7:
            try write(
                "---\nlead: \"[[l\(l)]]\"\ndate: 2026-11-0\(numbers.next(9) + 1)\ntype: MEETING\nsummary: New \(step)\n"
                    + "contact: \"[[p\(p)]]\"\n---\nMet about [[l\(numbers.next(60))]].\n",
                to: "\(root)/interactions/new-\(step).md")
            return "logged an interaction with l\(l)"
        case 8 where exists(contact):
            try setField(contact, "name", "Person renamed \(step)")
            return "renamed contact p\(p)"
        case 9 where exists(contact):
            try setField(contact, "email", "shared@example.com")
            return "gave p\(p) a shared email (a duplicate found in other files)"
        case 10 where exists(lead):
            try setField(lead, "company", "\"[[missing-\(step)]]\"")
            return "broke the company link of l\(l)"
        case 11 where exists(interaction):
            try setField(interaction, "contact", "\"[[p\(p)]]\"")
            return "changed the contact of i\(i)"
        case 12:
            let application = "\(root)/applications/a\(numbers.next(6)).md"
            guard exists(application) else { return "nothing" }
            try setField(application, "title", "Application retitled \(step)")
            return "retitled an application"
        case 13:
            try write(
                "---\nname: Company new \(step)\n---\n", to: "\(root)/companies/c\(c).md")
            return "rewrote company c\(c)"
        case 14 where exists(lead):
            try setField(lead, "next_follow_up", "2026-11-2\(numbers.next(9))")
            return "rescheduled l\(l)"
        case 15 where exists(lead):
            try append("\nJust a note, \(step).\n", to: lead)
            return "edited the notes of l\(l)"
        case 16 where exists(interaction):
            try append("\n- Another nugget, \(step).\n", to: interaction)
            return "edited the notes of i\(i)"
        default:
            return "nothing"
        }
    }

    @Test func rebuildsThatPlanOnlyPagesNearAChangeEqualCleanBuilds() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let content = path("content")
        var numbers = SeededNumbers(state: 18)
        try writeLinkedFolder(content, numbers: &numbers)
        _ = try build(content, output: "output")
        var unplanned = 0
        var unplannedSiteWide = 0
        for step in 0..<40 {
            let edit = try edit(content, step: step, numbers: &numbers)
            let rebuilt = try build(content, output: "output")
            unplanned += rebuilt.unplanned
            unplannedSiteWide += rebuilt.unplannedSiteWide
            try? FileManager.default.removeItem(atPath: path("clean"))
            _ = try cleanBuild(content, output: "clean")
            let (a, b) = (try files("output"), try files("clean"))
            #expect(a.keys.sorted() == b.keys.sorted(), "step \(step): \(edit)")
            for (name, bytes) in a where b[name] != bytes {
                Issue.record("step \(step) (\(edit)): \(name) differs from a clean build's")
            }
        }
        #expect(unplanned > 0, "some rebuild kept pages without planning them")
        #expect(unplannedSiteWide > 0, "some note edit kept the site-wide pages without planning them")
    }

    @Test func aNoteEditPlansTheRecordsNearItAndKeepsTheOthersUnplanned() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let content = path("content")
        var numbers = SeededNumbers(state: 7)
        try writeLinkedFolder(content, numbers: &numbers)
        // An island: a company, a contact there and a lead for it, linked to nothing else.
        try write("---\nname: Island\n---\n", to: content + "/companies/island.md")
        try write("---\nname: Islander\ncompany: \"[[island]]\"\n---\n", to: content + "/contacts/islander.md")
        try write(
            "---\nrole: Lone role\ncompany: \"[[island]]\"\nsource: LINKEDIN\ntemperature: WARM\nstatus: DISCOVERY\n"
                + "created: 2026-11-01\ncontact: \"[[islander]]\"\n---\n",
            to: content + "/leads/lone.md")
        let first = try build(content, output: "output")
        #expect(first.unplanned == 0, "a first build plans every page")

        try append("\nOne more thought.\n", to: content + "/leads/lone.md")
        let second = try build(content, output: "output")
        // Every record page but the island's three is kept unplanned; so are all interaction months.
        let recordPages = try files("output").keys.count { name in
            ["leads/", "contacts/", "companies/", "applications/", "jobs/", "interactions/"].contains {
                name.hasPrefix($0)
            }
        }
        #expect(second.unplanned == recordPages - 3)
        // Only notes changed: no page of the whole site shows them, so none is planned either.
        #expect(second.unplannedSiteWide >= 18)
        #expect(second.written == 1, "the lead's page")
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")

        // A note that links to no record is a new problem, shown on the problems page.
        try append("\nSee [[nobody-here]].\n", to: content + "/leads/lone.md")
        let linked = try build(content, output: "output")
        #expect(linked.unplannedSiteWide == 0)
        try? FileManager.default.removeItem(atPath: path("clean"))
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")

        // As many problems as before, but another one: the problems page changes.
        let lone = try String(contentsOfFile: content + "/leads/lone.md", encoding: .utf8)
        try write(lone.replacingOccurrences(of: "nobody-here", with: "nobody-there"), to: content + "/leads/lone.md")
        let relinked = try build(content, output: "output")
        #expect(relinked.unplannedSiteWide == 0)
        try? FileManager.default.removeItem(atPath: path("clean"))
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")

        // A new problem changes the header of every page: everything is planned again.
        try setField(content + "/leads/lone.md", "status", "NOT_A_STAGE")
        let third = try build(content, output: "output")
        #expect(third.unplanned == 0 && third.unplannedSiteWide == 0)
        try? FileManager.default.removeItem(atPath: path("clean"))
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")
    }

    /// The longest way a change travels to a page: a company's new name changes the title of a lead
    /// there, which a note of an interaction names, which the application page of that
    /// interaction's lead shows. Four links: `PagePlan.reach`.
    @Test func aCompanyRenameReachesTheApplicationPageFourLinksAway() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = path("content")
        for folder in ["companies", "leads", "interactions", "applications"] {
            try FileManager.default.createDirectory(
                atPath: content + "/" + folder, withIntermediateDirectories: true)
        }
        try write("---\nname: Far Away Ltd\n---\n", to: content + "/companies/far.md")
        try write(
            "---\nrole: Named role\ncompany: \"[[far]]\"\nsource: LINKEDIN\ntemperature: WARM\nstatus: DISCOVERY\n"
                + "created: 2026-11-01\n---\n",
            to: content + "/leads/named.md")
        try write(
            "---\nrole: Applying role\nsource: LINKEDIN\ntemperature: WARM\nstatus: CONVERTED\ncreated: 2026-10-01\n"
                + "application: \"[[app]]\"\n---\n",
            to: content + "/leads/applying.md")
        try write(
            "---\nlead: \"[[applying]]\"\ndate: 2026-11-02\ntype: EMAIL\nsummary: Asked around\n---\n"
                + "Ask [[named]] about it.\n",
            to: content + "/interactions/asked.md")
        try write(
            "---\nlead: \"[[applying]]\"\ntitle: The application\napplied: 2026-10-02\n---\n",
            to: content + "/applications/app.md")
        _ = try build(content, output: "output")
        try setField(content + "/companies/far.md", "name", "Nearby Ltd")
        _ = try build(content, output: "output")
        _ = try cleanBuild(content, output: "clean")
        try expectSameReport("output", "clean")
        let application = try String(contentsOfFile: path("output/applications/app.html"), encoding: .utf8)
        #expect(application.contains("Nearby Ltd"))
    }

    /// With `--owner`, a lead given to someone else takes its interactions out of their month's
    /// page without any interaction file changing.
    @Test func aLeadLeavingTheOwnersReportTakesItsInteractionsOffTheirMonth() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = path("content")
        for folder in ["leads", "interactions"] {
            try FileManager.default.createDirectory(atPath: content + "/" + folder, withIntermediateDirectories: true)
        }
        for (id, owner) in [("kept", "Maya"), ("given", "Maya")] {
            try write(
                "---\nrole: Role \(id)\ncompany: Acme \(id)\nsource: LINKEDIN\ntemperature: WARM\nstatus: DISCOVERY\n"
                    + "created: 2026-10-01\nowner: \(owner)\n---\n",
                to: content + "/leads/\(id).md")
            try write(
                "---\nlead: \"[[\(id)]]\"\ndate: 2026-10-05\ntype: EMAIL\nsummary: About \(id)\n---\n",
                to: content + "/interactions/i-\(id).md")
        }
        func build(_ output: String, reuse: Bool) throws {
            _ = try Leads.build(
                content: content, templates: nil, output: path(output), asOf: Self.asOf, displayRoot: "content",
                owner: "Maya", reuse: reuse ? BuildReuse(startedAt: Self.now + 5, engine: "test") : nil)
        }
        try build("output", reuse: true)
        try setField(content + "/leads/given.md", "owner", "Sam")
        try build("output", reuse: true)
        try build("clean", reuse: false)
        try expectSameReport("output", "clean")
        let month = try String(contentsOfFile: path("output/interactions/2026-10.html"), encoding: .utf8)
        #expect(!month.contains("About given"))
    }
}
