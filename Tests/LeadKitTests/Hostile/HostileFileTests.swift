import Foundation
import Testing

@testable import LeadKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hostile folders: links, loops, unreadable files, odd file names, colliding ids and path-like links.
@Suite struct HostileFileTests {
    /// A company record whose name is not the leads' text company, so no test here also meets `could-link`.
    static let company = "---\nname: Acme Holdings\n---\n"

    /// The ids of the leads `checked` read, sorted.
    func leadIDs(_ checked: CheckedContent) -> [String] {
        checked.records.leads.map(\.id).sorted()
    }

    // MARK: Symbolic links

    /// Symbolic links are followed only while they stay inside the folder (`FolderWalker`): a link to a
    /// file inside is read under the link's own id, and every link that is not followed (it leaves the
    /// folder, loops, dangles, or leads back to a folder already read) is an `unreadable-file` at the link.
    func unreadable(_ diagnostics: [Diagnostic]) -> Set<String> {
        Set(
            diagnostics.filter {
                $0.code == .unreadableFile && $0.location.line == 1 && $0.location.column == 1
            }
            .map(\.location.file))
    }

    @Test func aSymlinkToAFileInsideTheFolderIsReadUnderItsOwnID() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/real.md", Hostile.lead())
        try folder.symlink("leads/alias.md", to: "real.md")
        try folder.symlink("leads/sub/deep-alias.md", to: "../real.md")
        let checked = try #require(underWatchdog("a symlink inside the folder") { try folder.check() })
        // Read, and recognised for what they are: the same lead again.
        #expect(
            checked.diagnostics.map { "\($0.location.file) \($0.code.rawValue)" } == [
                "content/leads/real.md duplicate-lead", "content/leads/sub/deep-alias.md duplicate-lead",
            ], "\(Hostile.listing(checked.diagnostics))")
        #expect(leadIDs(checked) == ["alias", "deep-alias", "real"])
    }

    @Test func aSymlinkToAFileOutsideTheFolderIsReportedAndPullsNothingIn() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        let outside = folder.base.appendingPathComponent("outside.md").path
        try Hostile.lead(body: secret + "\n").write(toFile: outside, atomically: true, encoding: .utf8)
        try folder.write("leads/real.md", Hostile.lead())
        try folder.symlink("leads/escape.md", to: outside)
        try folder.symlink("leads/passwd.md", to: "/etc/passwd")
        let checked = try #require(underWatchdog("a symlink out of the folder") { try folder.build() })
        #expect(
            unreadable(checked.diagnostics) == ["content/leads/escape.md", "content/leads/passwd.md"],
            "\(Hostile.listing(checked.diagnostics))")
        #expect(checked.diagnostics.count == 2, "\(Hostile.listing(checked.diagnostics))")
        #expect(leadIDs(try folder.check()) == ["real"], "a link out of the content folder must not become a record")
        let pages = FileManager.default.enumerator(atPath: folder.output)?.compactMap { $0 as? String } ?? []
        #expect(pages.contains("leads/real.html"))
        for page in pages {
            let text = folder.outputText(page) ?? ""
            #expect(!text.contains(secret), "\(page) shows the content of a file outside the folder")
            #expect(!text.contains("root:x:0:0"), "\(page) shows /etc/passwd")
        }
    }

    @Test func symlinkLoopsEndTheWalkAndAreReported() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/real.md", Hostile.lead())
        try folder.write("companies/acme.md", Self.company)
        try folder.symlink("leads/a.md", to: "b.md")
        try folder.symlink("leads/b.md", to: "a.md")
        try folder.symlink("leads/self.md", to: "self.md")
        try folder.symlink("leads/up", to: "..")
        try folder.symlink("companies/loop", to: ".")
        try folder.symlink("leads/root", to: "/")
        let checked = try #require(underWatchdog("symlink loops") { try folder.check() })
        #expect(
            unreadable(checked.diagnostics)
                == [
                    "content/leads/a.md", "content/leads/b.md", "content/leads/self.md", "content/leads/up",
                    "content/companies/loop", "content/leads/root",
                ], "\(Hostile.listing(checked.diagnostics))")
        #expect(checked.diagnostics.count == 6, "\(Hostile.listing(checked.diagnostics))")
        #expect(leadIDs(checked) == ["real"], "each real file is read once: \(leadIDs(checked))")
        #expect(checked.records.companies.map(\.id) == ["acme"])
        #expect(checked.fileCount == 2)
    }

    @Test func aFIFOAndADanglingLinkDoNotBlockTheRun() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/real.md", Hostile.lead())
        #expect(mkfifo(folder.path("leads/pipe.md"), 0o644) == 0, "mkfifo failed: errno \(errno)")
        try folder.symlink("leads/pipe-link.md", to: "pipe.md")
        try folder.symlink("leads/dangling.md", to: "/nonexistent/\(UUID().uuidString)")
        try folder.symlink("leads/zero.md", to: "/dev/zero")
        try FileManager.default.createDirectory(
            atPath: folder.path("leads/folder.md"), withIntermediateDirectories: true)
        // Opening a FIFO for reading waits for a writer forever: the watchdog catches that.
        let checked = try #require(underWatchdog("a FIFO, /dev/zero and a dangling link") { try folder.check() })
        #expect(
            unreadable(checked.diagnostics) == ["content/leads/dangling.md", "content/leads/zero.md"],
            "\(Hostile.listing(checked.diagnostics))")
        #expect(checked.diagnostics.count == 2, "\(Hostile.listing(checked.diagnostics))")
        #expect(leadIDs(checked) == ["real"])
    }

    // MARK: Unreadable files

    @Test func anUnreadableFileIsReportedAndTheOthersStillChecked() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/locked.md", Hostile.lead())
        try folder.write("leads/open.md", Hostile.lead().replacingOccurrences(of: "HOT", with: "TEPID"))
        #expect(chmod(folder.path("leads/locked.md"), 0) == 0)
        let checked = try #require(underWatchdog("an unreadable file") { try folder.check() })
        // The fixtures are copies of one lead: that they are the same lead is not this test's subject.
        let diagnostics = checked.diagnostics.filter { $0.code != .duplicateLead }
        #expect(
            diagnostics.contains { $0.code == .invalidValue && $0.location.file == "content/leads/open.md" },
            "the readable file must still be checked:\n\(Hostile.listing(diagnostics))")
        if getuid() == 0 {
            // root reads a file whatever its mode, so there is nothing unreadable to report; no crash is the test.
            print("running as root: chmod 000 does not stop reading; only 'no crash' is checked")
            #expect(diagnostics.count == 1, "\(Hostile.listing(diagnostics))")
        } else {
            let unreadable = diagnostics.filter { $0.code == .unreadableFile }
            #expect(
                unreadable.map(\.location) == [.init(file: "content/leads/locked.md", line: 1, column: 1)],
                "\(Hostile.listing(diagnostics))")
            #expect(diagnostics.count == 2, "\(Hostile.listing(diagnostics))")
        }
    }

    // MARK: File names

    static let oddNames = [
        "with space", "it's \"quoted\"", "c#1", "100%", "why?", "Zoë", "日本語", "a&b=c", "semi;colon", "plus+sign",
        "<tag>", "%41", "dots..inside", "x.html",
    ]

    @Test func oddFileNamesGetPagesWhoseLinksResolve() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        for name in Self.oddNames {
            try folder.write("leads/\(name).md", Hostile.lead())
        }
        let checked = try #require(underWatchdog("odd file names") { try folder.build() })
        // Every file is a copy of one lead (duplicate-lead); nothing else may be found.
        #expect(
            checked.diagnostics.allSatisfy { $0.code == .duplicateLead }, "\(Hostile.listing(checked.diagnostics))")
        #expect(leadIDs(try folder.check()) == Self.oddNames.sorted())

        for name in Self.oddNames {
            #expect(
                FileManager.default.fileExists(atPath: folder.output + "/leads/\(name).html"),
                "no page leads/\(name).html")
        }
        let index = try #require(folder.outputText("leads.html"), "no leads.html")
        let links = HTMLLinks.hrefs(in: index).filter { $0.hasPrefix("leads/") }
        var linked: Set<String> = []
        for href in links {
            // Percent-encoded: nothing a browser would read as a query, a fragment or an escape is left bare.
            let bare = href.unicodeScalars.filter { " \"'#?<>\t".unicodeScalars.contains($0) || $0.value > 0x7E }
            #expect(bare.isEmpty, "\(href) is not percent-encoded")
            #expect(Self.isWellFormedPercentEncoding(href), "\(href) has a '%' that starts no escape")
            guard let path = href.removingPercentEncoding else {
                Issue.record("\(href) does not decode")
                continue
            }
            #expect(
                FileManager.default.fileExists(atPath: folder.output + "/" + path),
                "\(href) decodes to \(path), which was not written")
            linked.insert(path)
        }
        #expect(linked == Set(Self.oddNames.map { "leads/\($0).html" }), "leads.html must link every lead once")
    }

    static func isWellFormedPercentEncoding(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count else { return false }
            let hex = bytes[(index + 1)...(index + 2)]
            guard hex.allSatisfy({ (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }) else {
                return false
            }
        }
        return true
    }

    /// A control character (a newline, a tab) in a file name makes no portable id: it is an
    /// `invalid-id` error at check time, the record is left out, and the build runs for the others.
    @Test(arguments: ["x.md:1:1: error: looks like a diagnostic\nsecond line", "tab\there"])
    func aFileNameWithAControlCharacterIsAnInvalidIdAndLeftOut(_ name: String) throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/\(name).md", Hostile.lead())
        try folder.write("leads/fine.md", Hostile.lead())
        let checked = try #require(underWatchdog("a file name with a control character") { try folder.build() })
        #expect(checked.diagnostics.map(\.code) == [.invalidID], "\(Hostile.listing(checked.diagnostics))")
        #expect(try folder.check().records.leads.map(\.id) == ["fine"])
        #expect(!FileManager.default.fileExists(atPath: folder.output + "/leads/\(name).html"))
        #expect(FileManager.default.fileExists(atPath: folder.output + "/leads/fine.html"))
    }

    // MARK: Ids

    @Test func idsThatDifferOnlyInCaseAreDuplicates() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/2025/Acme.md", Hostile.lead())
        try folder.write("leads/acme.md", Hostile.lead())
        let diagnostics = try folder.check().diagnostics
        #expect(
            diagnostics.map(\.code) == [.duplicateID]
                && diagnostics.first?.location == .init(file: "content/leads/acme.md", line: 1, column: 1)
                && diagnostics.first?.message.contains("content/leads/2025/Acme.md") == true
                && diagnostics.first?.message.contains("letter case") == true,
            "\(Hostile.listing(diagnostics))")
    }

    @Test func idsThatDifferOnlyInCaseAreDuplicatesAcrossThreeFiles() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("companies/ACME.md", Self.company)
        try folder.write("companies/a/Acme.md", Self.company)
        try folder.write("companies/b/acme.md", Self.company)
        let diagnostics = try folder.check().diagnostics
        #expect(diagnostics.map(\.code) == [.duplicateID, .duplicateID], "\(Hostile.listing(diagnostics))")
        #expect(
            Set(diagnostics.map(\.location.file)) == ["content/companies/a/Acme.md", "content/companies/b/acme.md"],
            "\(Hostile.listing(diagnostics))")
    }

    @Test(arguments: ["../x", "/etc/passwd", "a/b", "..", ".", ".hidden", "a\\\\b", "", "x/../acme", "leads/acme"])
    func aLinkThatIsAPathIsBroken(_ target: String) throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("companies/acme.md", Self.company)
        try folder.write("contacts/x.md", "---\nname: X\nemail: x@example.com\n---\n")
        try folder.write(
            "leads/l.md",
            Hostile.lead().replacingOccurrences(
                of: "created: 2026-10-01", with: "created: 2026-10-01\ncontact: \"[[\(target)]]\""))
        let diagnostics = try folder.check().diagnostics
        #expect(
            diagnostics.map(\.code) == [.brokenLink]
                && diagnostics.first?.location == .init(file: "content/leads/l.md", line: 8, column: 10),
            "[[\(target)]] must be a broken-link at the value:\n\(Hostile.listing(diagnostics))")
    }

    @Test func aCompanyLinkThatIsAPathIsBrokenEvenWithAFileThere() throws {
        // `[[../companies/acme]]` names a file that exists, but a link is an id, never a path.
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("companies/acme.md", Self.company)
        try folder.write(
            "leads/l.md",
            Hostile.lead().replacingOccurrences(of: "company: Acme", with: "company: \"[[../companies/acme]]\""))
        let diagnostics = try folder.check().diagnostics
        #expect(
            diagnostics.map(\.code) == [.brokenLink]
                && diagnostics.first?.location == .init(file: "content/leads/l.md", line: 3, column: 10),
            "\(Hostile.listing(diagnostics))")
    }
}
