import Foundation

/// What a build wrote, kept in the report folder beside the pages it describes, so the swap that
/// replaces the report replaces its manifest too and the two can never disagree.
///
/// The next build keeps a page whose view model has the same fingerprint (linking the file instead
/// of rendering it), and does nothing at all when every input is as it was.
public struct ReportManifest: Codable, Sendable {
    /// The file's name inside the report folder.
    public static let fileName = ".leads-build.json"
    /// Changes whenever the meaning of a fingerprint does.
    public static let formatVersion = 4

    public struct Entry: Codable, Sendable {
        /// The fingerprint of what the file was made from (a page's view model and template) or of its bytes.
        public var fingerprint: Fingerprint
        /// The written file's stamp: a file changed since is not kept.
        public var size: Int64
        public var modified: Int64
    }

    public var version = formatVersion
    /// The fingerprint of every input: content files' stamps, templates, as-of date, program; nil
    /// when some file could not be examined.
    public var inputs: Fingerprint?
    /// When the build that wrote this started, in seconds since 1970; nil when it did not say.
    public var startedAt: Int64?
    /// The program that wrote it (see `BuildReuse.engine`): another one's pages are not kept.
    public var engine: String?
    /// What that build reported, shown again when nothing changed.
    public var fileCount: Int
    public var diagnostics: [Diagnostic]
    /// Every file of the report but the marker and this manifest, by path.
    public var files: [String: Entry] = [:]
    /// The fingerprints of the bytes this build read of the content files whose stamps it could
    /// not trust (changed less than a second before it started), by path inside the folder.
    public var contents: [String: Fingerprint] = [:]
    /// What every page was made with (see `PagePlan`): a build with another one plans every page.
    public var site: Fingerprint?
    /// The working tree's uncommitted changes the report shows (`IncrementalBuild.uncommitted`);
    /// nil when the build that wrote it did not say.
    public var uncommitted: [String]?
    /// The fingerprint of the report's `SourceTable` file, written beside this manifest.
    var sourcesFingerprint: Fingerprint?
    /// The identity of the parse cache written beside this manifest (`ParseCache.write`): a cache
    /// from another build is still good for records, but says nothing about this report's pages.
    var parsedFingerprint: Fingerprint?
    /// The table the writer stores beside this manifest; not part of the manifest's own JSON.
    var sources: SourceTable?
    /// Whether every file is still as written (after `read`).
    public private(set) var isIntact = true

    enum CodingKeys: String, CodingKey {
        case version, inputs, startedAt, engine, fileCount, diagnostics, files, contents, site, uncommitted
        case sourcesFingerprint = "sources"
        case parsedFingerprint = "parsed"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        inputs = try container.decodeIfPresent(Fingerprint.self, forKey: .inputs)
        startedAt = try container.decodeIfPresent(Int64.self, forKey: .startedAt)
        engine = try container.decodeIfPresent(String.self, forKey: .engine)
        fileCount = try container.decode(Int.self, forKey: .fileCount)
        diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
        files = try Self.files(from: container.decode(String.self, forKey: .files))
        contents = try container.decode([String: Fingerprint].self, forKey: .contents)
        site = try container.decodeIfPresent(Fingerprint.self, forKey: .site)
        uncommitted = try container.decodeIfPresent([String].self, forKey: .uncommitted)
        sourcesFingerprint = try container.decodeIfPresent(Fingerprint.self, forKey: .sourcesFingerprint)
        parsedFingerprint = try container.decodeIfPresent(Fingerprint.self, forKey: .parsedFingerprint)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(inputs, forKey: .inputs)
        try container.encodeIfPresent(startedAt, forKey: .startedAt)
        try container.encodeIfPresent(engine, forKey: .engine)
        try container.encode(fileCount, forKey: .fileCount)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(Self.text(of: files), forKey: .files)
        try container.encode(contents, forKey: .contents)
        try container.encodeIfPresent(site, forKey: .site)
        try container.encodeIfPresent(uncommitted, forKey: .uncommitted)
        try container.encodeIfPresent(sourcesFingerprint, forKey: .sourcesFingerprint)
        try container.encodeIfPresent(parsedFingerprint, forKey: .parsedFingerprint)
    }

    /// The files as lines of `fingerprint size modified path`, in path order: a report has as many files
    /// as leads, and a JSON object per file made reading the manifest the slowest part of a rebuild
    /// with nothing to do. Paths are the last field, with `%` and line breaks percent-encoded.
    static func text(of files: [String: Entry]) -> String {
        var text = ""
        for (path, entry) in files.sorted(by: { FolderWalker.bytesPrecede($0.key, $1.key) }) {
            let needsEscape = path.utf8.contains { $0 == UInt8(ascii: "%") || $0 == 10 || $0 == 13 }
            let escaped =
                needsEscape
                ? path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A")
                    .replacingOccurrences(of: "\r", with: "%0D") : path
            text += "\(entry.fingerprint.hex) \(entry.size) \(entry.modified) \(escaped)\n"
        }
        return text
    }

    static func files(from text: String) throws -> [String: Entry] {
        var files: [String: Entry] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let fingerprint = UInt64(fields[0], radix: 16), let size = Int64(fields[1]),
                let modified = Int64(fields[2])
            else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad file line")) }
            let path =
                fields[3].utf8.contains(UInt8(ascii: "%"))
                ? fields[3].replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
                    .replacingOccurrences(of: "%25", with: "%") : String(fields[3])
            files[path] = Entry(fingerprint: Fingerprint(value: fingerprint), size: size, modified: modified)
        }
        return files
    }

    init(inputs: Fingerprint?, reuse: BuildReuse?, fileCount: Int, diagnostics: [Diagnostic]) {
        self.inputs = inputs
        startedAt = reuse?.startedAt
        engine = reuse?.engine
        self.fileCount = fileCount
        self.diagnostics = diagnostics
    }

    /// The manifest of the report in `output`, if this program wrote it, with only the entries whose
    /// files are still as written.
    public static func read(output: String, engine: String) -> ReportManifest? {
        let path = output + "/" + fileName
        guard case .success(let bytes) = FileBytes.contents(of: path, limit: 256 * 1024 * 1024),
            var manifest = try? JSONDecoder().decode(ReportManifest.self, from: Data(bytes)),
            manifest.version == formatVersion, manifest.engine == engine
        else { return nil }
        let written = manifest.files.count
        // One stat per page, on every core: 17,000 of them at 10k leads.
        let intact = ParallelMap.map(Array(manifest.files), chunkSize: 256) { path, entry in
            guard let stamp = FileStamp.of(output + "/" + path) else { return false }
            return stamp.size == entry.size && stamp.modified == entry.modified
        }
        manifest.files = Dictionary(
            uniqueKeysWithValues: zip(manifest.files, intact).filter { $0.1 }.map { ($0.0.key, $0.0.value) })
        manifest.isIntact = manifest.files.count == written && FileStamp.of(output + "/" + SiteWriter.marker) != nil
        return manifest
    }

    /// Whether a build with these inputs would write exactly the report that is there: every file's
    /// stamp is as it was and can be trusted, or its bytes (`read` by path) are the ones read then.
    func isUpToDate(inputs: Fingerprint?, listing: ContentListing, reading read: (String) -> [UInt8]?) -> Bool {
        guard isIntact, let inputs, inputs == self.inputs else { return false }
        return ((listing.config.map { [$0] } ?? []) + listing.files).allSatisfy { file in
            if trusts(file.stamp) { return true }
            guard let expected = contents[file.relativePath], let bytes = read(file.relativePath) else { return false }
            return Fingerprint.of(bytes) == expected
        }
    }

    /// Whether a listed file's stamp can stand for its content: it must predate this manifest's build
    /// by more than a second, or a second write in the same clock tick would leave the stamp unchanged.
    func trusts(_ stamp: FileStamp?) -> Bool {
        Self.trusts(stamp, startedAt: startedAt)
    }

    /// Whether a build that started at `startedAt` (seconds since 1970) can trust a stamp.
    static func trusts(_ stamp: FileStamp?, startedAt: Int64?) -> Bool {
        guard let startedAt, let stamp else { return false }
        // A start no clock gives (a damaged manifest or parse cache) vouches for nothing.
        let (second, below) = startedAt.subtractingReportingOverflow(1)
        let (limit, beyond) = second.multipliedReportingOverflow(by: 1_000_000_000)
        return !below && !beyond && stamp.changed < limit
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }
}

extension Fingerprint: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = UInt64(text, radix: 16) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not hex"))
        }
        self.init(value: value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
