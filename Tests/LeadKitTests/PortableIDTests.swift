import Foundation
import Testing

@testable import LeadKit

/// Ids are portable: a name in any script makes a readable id, never a generic `contact-2`; and a
/// file named in Unicode NFD (as macOS names files) makes the same id, page path and calendar UID
/// as the NFC name Linux keeps.
@Suite struct PortableIDTests {
    @Test(arguments: [
        ("李伟", "li-wei"), ("Дмитрий Иванов", "dmitrij-ivanov"), ("Γιώργος Παπαδόπουλος", "giorgos-papadopoulos"),
        ("山田 太郎", "shan-tian-tai-lang"), ("Renée Müller", "renee-muller"), ("Ştefan O'Neil", "stefan-o-neil"),
        ("🙂", "slightly-smiling-face"), ("  ", ""),
    ])
    func aNameInAnyScriptMakesAReadableId(_ name: String, _ id: String) {
        #expect(Slug.make(name) == id)
    }

    @Test func aNameWithNoLettersTakesTheFallback() {
        #expect(Slug.make("🙂", fallback: "li-wei-4b2a") == "li-wei-4b2a")
        #expect(Slug.make("李伟", fallback: "other") == "li-wei")
    }

    @Test func newContactAndLinkedInImportTransliterate() throws {
        let folder = try ScratchFolder(["companies/kelvin-grid.md": "---\nname: Kelvin Grid\n---\n"])
        defer { folder.remove() }
        let run = try folder.leads(
            ["new", "contact", "--name", "李伟", "--email", "li.wei@example.com"], asOf: "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.exists("contacts/li-wei.md"))
        let csv = """
            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Дмитрий,Иванов,https://www.linkedin.com/in/dmitry-ivanov-7f3a,,Kelvin Grid,CTO,15 Mar 2023
            ✨,,https://www.linkedin.com/in/sparkle-maker-01,,,,15 Mar 2023

            """
        try Data(csv.utf8).write(to: folder.url.appendingPathComponent("Connections.csv"))
        let imported = try folder.leads(["import", "linkedin", "Connections.csv"], asOf: "2026-11-23")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(folder.exists("contacts/dmitrij-ivanov.md"))
        #expect(folder.exists("contacts/sparkle-maker-01.md"))
        #expect(try folder.read("contacts/dmitrij-ivanov.md").contains("name: Дмитрий Иванов\n"))
    }

    @Test func anNFDFileNameMakesTheNFCId() throws {
        let nfd = "rene\u{301}e-muller"
        let nfc = "ren\u{E9}e-muller"
        let lead = """
            ---
            role: Engineer
            company: Acme
            source: OTHER
            temperature: WARM
            status: DISCOVERY
            created: 2026-11-01
            next_follow_up: 2026-11-25
            ---

            """
        let interaction = """
            ---
            lead: "[[\(nfc)]]"
            date: 2026-11-02
            type: EMAIL
            summary: Hello
            ---

            """
        let folder = try ScratchFolder(["leads/\(nfd).md": lead, "interactions/hello.md": interaction])
        defer { folder.remove() }
        let site = try folder.build(asOf: "2026-11-23")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.url.path + "/output/leads")
        #expect(pages.map { Array($0.utf8) } == [Array("\(nfc).html".utf8)])
        let calendar = Array(site.page("follow-ups.ics").utf8)
        #expect(calendar.contains(Array("UID:lead-\(nfc)@leads".utf8)))
        #expect(!calendar.contains(Array(nfd.utf8)))
        let check = try folder.check(asOf: "2026-11-23")
        #expect(check.stdout == "0 errors, 0 warnings in 2 files\n", "\(check.stdout)")
    }

    /// An id the tool makes from a long lead id stays within the limit it checks.
    @Test func logOnALeadWithALongIdMakesAnIdWithinTheLimit() throws {
        let id = String(repeating: "x", count: 145)
        let lead =
            "---\nrole: SRE\ncompany: Acme\nsource: OTHER\ntemperature: WARM\nstatus: DISCOVERY\ncreated: 2026-11-01\n---\n"
        let folder = try ScratchFolder(["leads/\(id).md": lead])
        defer { folder.remove() }
        let run = try folder.leads(["log", id, "--type", "email", "--summary", "Intro call"], asOf: "2026-11-23")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path + "/content/interactions")
        #expect(names.count == 1)
        #expect(names.allSatisfy { $0.utf8.count - 3 <= 144 && $0.hasPrefix("2026-11-23-xxx") })
    }
}
