import Foundation
import Testing

@testable import LeadKit

/// The parse cache keeps every file's parse between builds: what comes out of it is what the
/// parser made, field for field, and a rebuild parses only the files that changed.
@Suite struct ParseCacheTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content")

    /// Every kind of field a record can hold, custom ones of every type included, and problems.
    static let everyField: [String: String] = [
        "config.yml": """
        fields:
          lead: {budget: number, stakeholders: list, kickoff: date, call_at: datetime, site: address, mail: email, note: text}
        """,
        "leads/full.md": """
        ---
        role: Staff Engineer
        company: "[[acme]]"
        source: LINKEDIN
        temperature: HOT
        status: WARM_LEAD
        created: 2026-10-01
        pipeline: networking
        next_follow_up: 2026-11-24T09:30
        contact: "[[bo]]"
        application: "[[acme-app]]"
        client: "[[acme]]"
        job: "[[acme-job]]"
        owner: maya
        claimed_by: sam
        claimed_at: 2026-11-20T08:00
        tags: [backend, "go"]
        value: 4500.5
        currency: EUR
        lost_reason: Budget
        contact_name: Bo Berg
        email: bo@example.com
        phone: "0123 456"
        history:
          - {status: DISCOVERY, date: 2026-10-01}
          - {status: WARM_LEAD, date: 2026-10-09}
        budget: -12.25
        stakeholders: [Ann, Bo]
        kickoff: 2026-12-01
        call_at: 2026-12-02T10:15
        site: https://acme.example
        mail: ops@acme.example
        note: café ☕
        mystery: unknown key
        ---
        Notes with [[bo]] and `code`.

        Second paragraph, ünïcödé.
        """,
        "leads/broken.md": "---\nrole: [unclosed\n---\nbody\n",
        "leads/bad-values.md": "---\nrole: R\ncreated: 2026-02-30\ntemperature: TEPID\n---\n",
        "interactions/2026-11-01-call.md": """
        ---
        lead: "[[full]]"
        date: 2026-11-01T14:00
        type: PHONE_CALL
        summary: Intro call
        sentiment: POSITIVE
        next_action: Send CV
        contact: bo
        ---
        - nugget
        """,
        "contacts/bo.md":
            "---\nname: Bo\nemail: bo@example.com\nphone: \"+46 1\"\ncompany: acme\nrole: CTO\nlinkedin: https://linkedin.example/bo\nclient_since: 2026-01-02\n---\n",
        "companies/acme.md":
            "---\nname: Acme\nwebsite: https://acme.example\nindustry: Tools\nclient_since: 2025-05-05\n---\n",
        "applications/acme-app.md": """
        ---
        lead: "[[full]]"
        title: Staff Engineer
        company: "[[acme]]"
        url: https://acme.example/jobs/1
        applied: 2026-11-02
        milestones:
          - {milestone: CVS_RECEIVED, date: 2026-11-03}
          - {milestone: SHORTLIST_DECISION, date: 2026-11-04, outcome: YES}
        outcome: FILLED
        closed: 2026-11-20
        reason: Great fit
        ---
        """,
        "jobs/acme-job.md": """
        ---
        lead: "[[full]]"
        title: Platform Lead
        company: "[[acme]]"
        contact: "[[bo]]"
        openings: 2
        fee: 12000
        opened: 2026-10-10
        milestones:
          - {milestone: CVS_RECEIVED, date: 2026-10-12}
        outcome: CANCELLED
        closed: 2026-11-01
        reason: Frozen
        ---
        """,
        "interactions/missing-fields.md": "---\nlead: full\n---\ncaf\u{E9}",
    ]

    /// The files of `folder` parsed, a cache of them written to `output` and read back: every record
    /// and problem comes back as the parser made it (compared by their full dumps).
    func expectEveryParseSurvives(_ folder: String, output: String) throws -> Int {
        let loader = ContentLoader(root: folder, displayRoot: "content")
        let listing = try loader.list()
        let loaded = loader.read(listing)
        let (configuration, _) = ConfigParser.parse(loaded.config)
        var records = RecordSet()
        var files: [ParseCache.ParsedFile] = []
        var expected: [String: (record: String, diagnostics: [Diagnostic])] = [:]
        let stamps = Dictionary(uniqueKeysWithValues: listing.files.map { ($0.relativePath, $0.stamp) })
        for file in loaded.files {
            let (record, diagnostics) = RecordParser.parse(file, configuration: configuration)
            var dumped = ""
            dump(record as Any, to: &dumped)
            expected[file.relativePath] = (dumped, diagnostics)
            files.append(
                ParseCache.ParsedFile(
                    relativePath: file.relativePath, displayPath: file.displayPath, stamp: stamps[file.relativePath]!,
                    fingerprint: Fingerprint.of(file.bytes),
                    head: ParseCache.head(of: file.bytes, body: record?.header.body), diagnostics: diagnostics,
                    record: record.map { records.append($0) }))
        }
        let key = ParseCache.key(engine: "test", displayRoot: "content", config: nil)
        let cache = ParseCache(key: key, startedAt: 7, files: files, records: records)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let fd = open(output + "/" + ParseCache.fileName, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let identity = cache.write(to: fd)
        #expect(identity != nil)
        close(fd)

        #expect(
            ParseCacheReader(output: output, key: ParseCache.key(engine: "other", displayRoot: "content", config: nil))
                == nil)
        var reader = try #require(ParseCacheReader(output: output, key: key))
        #expect(reader.startedAt == 7)
        for file in files {
            let found = reader.entry(for: file.relativePath)
            let entry = try #require(found, "\(file.relativePath)")
            let decoded = try #require(entry.decoded())
            var dumped = ""
            dump(decoded.record as Any, to: &dumped)
            #expect(dumped == expected[file.relativePath]?.record, "\(file.relativePath)")
            #expect(decoded.diagnostics == expected[file.relativePath]?.diagnostics, "\(file.relativePath)")
            #expect(entry.stamp == file.stamp && entry.fingerprint == file.fingerprint && entry.head == file.head)
        }
        #expect(reader.identity == identity, "read to its end, the cache is the one written")
        return files.count
    }

    @Test func everyFieldOfEveryRecordAndEveryProblemSurvivesTheCache() throws {
        let folder = try ScratchFolder(Self.everyField)
        defer { folder.remove() }
        let count = try expectEveryParseSurvives(
            folder.url.appendingPathComponent("content").path, output: folder.url.appendingPathComponent("out").path)
        #expect(count == Self.everyField.count - 1)
    }

    @Test(arguments: ["golden", "check-clean", "check-errors", "round-trip", "sample"])
    func theFixturesSurviveTheCache(_ name: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let content = name == "sample" ? Self.sample : Self.fixtures.appendingPathComponent(name + "/content")
        #expect(try expectEveryParseSurvives(content.path, output: folder.url.appendingPathComponent("out").path) > 0)
    }

    /// A build as the command line runs it, reusing the previous report.
    func build(_ folder: ScratchFolder, startedAt: Int64 = Int64(Date().timeIntervalSince1970) + 5) throws
        -> BuildSummary
    {
        try Leads.build(
            content: folder.url.appendingPathComponent("content").path, templates: nil,
            output: folder.url.appendingPathComponent("output").path, asOf: Day(parsing: "2026-11-23")!,
            displayRoot: "content", reuse: BuildReuse(startedAt: startedAt, engine: "test"))
    }

    func cleanReport(_ folder: ScratchFolder) throws -> [String: Data] {
        _ = try Leads.build(
            content: folder.url.appendingPathComponent("content").path, templates: nil,
            output: folder.url.appendingPathComponent("clean").path, asOf: Day(parsing: "2026-11-23")!,
            displayRoot: "content")
        return try report(folder, "clean")
    }

    /// Every page and export of a report; not the files that hold stamps.
    func report(_ folder: ScratchFolder, _ name: String) throws -> [String: Data] {
        let root = folder.url.appendingPathComponent(name).path
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root)
        where ![ReportManifest.fileName, ParseCache.fileName].contains(path) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            }
        }
        return files
    }

    @Test func aRebuildParsesOnlyTheFilesThatChanged() throws {
        let folder = try ScratchFolder(Self.everyField)
        defer { folder.remove() }
        let first = try build(folder)
        #expect(first.parsed == Self.everyField.count - 1)

        try folder.write(["leads/full.md": Self.everyField["leads/full.md"]! + "\nOne more line.\n"])
        let second = try build(folder)
        #expect(second.parsed == 1)
        #expect(try report(folder, "output") == cleanReport(folder))

        try folder.write(["leads/new.md": "---\nrole: New\n---\n"])
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/contacts/bo.md"))
        let third = try build(folder)
        #expect(third.parsed == 1, "the new file only; the deleted one is gone from the records")
        #expect(
            third.diagnostics
                == (try Leads.check(
                    content: folder.url.appendingPathComponent("content").path, asOf: Day(parsing: "2026-11-23")!,
                    displayRoot: "content")).diagnostics)
        #expect(try report(folder, "output") == cleanReport(folder))

        // config.yml is read by every parse: with another one nothing comes from the cache.
        try folder.write(["config.yml": Self.everyField["config.yml"]! + "\ncurrency: SEK\n"])
        let fourth = try build(folder)
        #expect(fourth.parsed == fourth.fileCount - 1)
        #expect(try report(folder, "output") == cleanReport(folder))
    }

    /// Files changed within a second of the build that wrote the cache are read again, and parsed
    /// only when their bytes are not the ones the cache was made from.
    @Test func untrustedStampsCostAReadNotAParse() throws {
        let folder = try ScratchFolder(Self.everyField)
        defer { folder.remove() }
        _ = try build(folder, startedAt: Int64(Date().timeIntervalSince1970))
        try folder.write(["companies/acme.md": Self.everyField["companies/acme.md"]! + "Edited.\n"])
        let second = try build(folder)
        #expect(second.parsed == 1)
        #expect(try report(folder, "output") == cleanReport(folder))
    }

    /// The stamp alone is trusted only when older than the cache's build; otherwise the bytes decide.
    @Test func aStampFromTheSameSecondIsCheckedAgainstTheBytes() throws {
        let folder = try ScratchFolder(["leads/a.md": "---\nrole: Now\n---\n"])
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content").path
        let output = folder.url.appendingPathComponent("out").path
        let loader = ContentLoader(root: content, displayRoot: "content")
        let listing = try loader.list()
        let stamp = try #require(listing.files.first?.stamp)
        // A cache made from other bytes with the very stamp the file has now: only a write in the
        // same clock tick could do that, which is why such stamps are not trusted.
        let other = SourceFile(
            kind: .lead, relativePath: "leads/a.md", displayPath: "content/leads/a.md",
            bytes: Array("---\nrole: Before\n---\n".utf8))
        var records = RecordSet()
        let place = RecordParser.parse(other).record.map { records.append($0) }
        let key = ParseCache.key(engine: "test", displayRoot: "content", config: nil)
        func parse(cacheStartedAt: Int64) throws -> String? {
            let cache = ParseCache(
                key: key, startedAt: cacheStartedAt,
                files: [
                    ParseCache.ParsedFile(
                        relativePath: "leads/a.md", displayPath: "content/leads/a.md", stamp: stamp,
                        fingerprint: Fingerprint.of(other.bytes), head: Fingerprint.of(other.bytes), diagnostics: [],
                        record: place)
                ], records: records)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let fd = open(output + "/" + ParseCache.fileName, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(cache.write(to: fd) != nil)
            close(fd)
            let parsed = ParseCache.parse(
                listing, loader: loader, configuration: .builtIn, cache: ParseCacheReader(output: output, key: key))
            return parsed.content.records.leads.first?.role?.value
        }
        let changedAt = stamp.changed / 1_000_000_000
        #expect(try parse(cacheStartedAt: changedAt) == "Now", "changed in the second the cache's build started")
        #expect(try parse(cacheStartedAt: changedAt + 2) == "Before", "older than the build: the stamp is trusted")
    }

    /// Another build's cache (of the same folder, after a front-matter change) is good for records,
    /// but it says nothing about the pages of the report it is put in: those are made again.
    @Test func anotherBuildsCacheDoesNotVouchForThePages() throws {
        let folder = try ScratchFolder(Self.everyField)
        defer { folder.remove() }
        _ = try build(folder)
        try folder.write([
            "leads/full.md": Self.everyField["leads/full.md"]!.replacingOccurrences(
                of: "temperature: HOT", with: "temperature: COLD")
        ])
        _ = try Leads.build(
            content: folder.url.appendingPathComponent("content").path, templates: nil,
            output: folder.url.appendingPathComponent("other").path, asOf: Day(parsing: "2026-11-23")!,
            displayRoot: "content",
            reuse: BuildReuse(startedAt: Int64(Date().timeIntervalSince1970) + 5, engine: "test"))
        let output = folder.url.appendingPathComponent("output/" + ParseCache.fileName)
        try FileManager.default.removeItem(at: output)
        try FileManager.default.copyItem(
            at: folder.url.appendingPathComponent("other/" + ParseCache.fileName), to: output)
        let rebuilt = try build(folder)
        #expect(rebuilt.parsed == 0, "its records are the files' as they are")
        #expect(rebuilt.unplannedSiteWide == 0)
        #expect(try report(folder, "output") == cleanReport(folder))
    }

    /// A start time no clock gives, in a damaged manifest or cache, vouches for no stamp, and does
    /// not stop the build.
    @Test func anImpossibleStartTimeTrustsNothing() {
        let stamp = FileStamp(size: 1, modified: 0, changed: 0, inode: 1)
        for startedAt in [Int64.max, Int64.min, Int64.max / 1_000_000_000 + 2] {
            #expect(!ReportManifest.trusts(stamp, startedAt: startedAt))
        }
        #expect(ReportManifest.trusts(stamp, startedAt: 100))
    }

    /// A pipe in the place of the report's manifest is refused, not waited on.
    @Test func aPipeInPlaceOfTheManifestIsNotWaitedOn() throws {
        let folder = try ScratchFolder(Self.everyField)
        defer { folder.remove() }
        _ = try build(folder)
        let manifest = folder.url.appendingPathComponent("output/" + ReportManifest.fileName)
        try FileManager.default.removeItem(at: manifest)
        #expect(mkfifo(manifest.path, 0o644) == 0)
        let rebuilt = try build(folder)
        #expect(!rebuilt.upToDate)
        #expect(try report(folder, "output") == cleanReport(folder))
    }

    /// The damaged entry is of a file deleted since: the deletion is still seen, so the lists of
    /// the whole site are made again.
    @Test func aDeletedFileWhoseEntryIsDamagedStillChangesTheSite() throws {
        let folder = try ScratchFolder([
            "companies/acme.md": "---\nname: Acme\n---\n", "companies/zeta.md": "---\nname: Zeta\n---\n",
        ])
        defer { folder.remove() }
        _ = try build(folder)
        let cacheFile = folder.url.appendingPathComponent("output/" + ParseCache.fileName)
        var bytes = try Data(contentsOf: cacheFile)
        bytes[bytes.count - 12] ^= 0x20
        try bytes.write(to: cacheFile)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/companies/zeta.md"))
        let rebuilt = try build(folder)
        #expect(rebuilt.unplannedSiteWide == 0)
        #expect(try report(folder, "output") == cleanReport(folder))
    }

    /// A damaged or cut cache is not used from the damage on; the report is still the clean one.
    @Test(arguments: ["flip", "cut", "garbage", "length", "folder", "pipe"])
    func aDamagedCacheIsNotUsed(_ damage: String) throws {
        let folder = try ScratchFolder(Self.everyField)
        defer { folder.remove() }
        _ = try build(folder)
        let cacheFile = folder.url.appendingPathComponent("output/" + ParseCache.fileName)
        var bytes = try Data(contentsOf: cacheFile)
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x20
        case "cut": bytes = bytes.prefix(bytes.count / 2)
        // The first entry's length, made a terabyte: never allocated, only refused.
        case "length": bytes[ParseCache.magic.count + 16 + 4] = 0xF0
        default: bytes = Data("not a cache".utf8)
        }
        try bytes.write(to: cacheFile)
        if damage == "folder" || damage == "pipe" {
            try FileManager.default.removeItem(at: cacheFile)
            if damage == "folder" {
                try FileManager.default.createDirectory(at: cacheFile, withIntermediateDirectories: false)
            } else {
                #expect(mkfifo(cacheFile.path, 0o644) == 0)
            }
        }
        try folder.write(["leads/full.md": Self.everyField["leads/full.md"]! + "\nOne more line.\n"])
        let rebuilt = try build(folder)
        #expect(rebuilt.parsed > 1)
        #expect(try report(folder, "output") == cleanReport(folder))
    }
}
