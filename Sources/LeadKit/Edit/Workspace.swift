import Foundation

/// A content folder opened for a command: its records as `leads check` reads them, the date taken as
/// today, and the bytes and stamps of the files behind the records, read once.
///
/// A write command is one in-memory pipeline: load → parse → validate (this) → plan `[FileChange]`
/// → `checkPlanned` (the same checker over the folder as it will be) → `ContentWriter.apply`. No file
/// is read twice; the writer checks that each file it replaces still has the stamp it was read with.
public struct Workspace: Sendable {
    public let root: String
    public let asOf: Day
    public let content: CheckedContent
    /// The files as read, for planning edits and checking the planned folder.
    let loaded: LoadedContent
    /// Each record file's stamp when it was listed, by path inside the folder.
    public let stamps: [String: FileStamp]
    private let positions: [String: Int]

    public init(root: String, asOf: Day) throws {
        self.root = root
        self.asOf = asOf
        let loader = ContentLoader(root: root)
        let listing = try loader.list(stamped: true)
        loaded = loader.read(listing)
        content = Leads.check(loaded, asOf: asOf)
        var stamps: [String: FileStamp] = [:]
        for file in listing.files + [listing.config].compactMap({ $0 }) { stamps[file.relativePath] = file.stamp }
        self.stamps = stamps
        positions = Dictionary(loaded.files.enumerated().map { ($1.relativePath, $0) }, uniquingKeysWith: { a, _ in a })
    }

    var records: RecordSet { content.records }
    var configuration: Configuration { content.configuration }

    /// The bytes of a record's file as they were read.
    func bytes(of header: RecordHeader) throws(EditError) -> [UInt8] {
        guard let position = positions[header.relativePath] else { throw EditError("cannot read \(header.file)") }
        return loaded.files[position].bytes
    }

    /// The folder as it will be once `changes` are written, checked in memory by the same stages as
    /// `leads check`. A change that would add an error is refused here, before anything is written,
    /// with the checker's own diagnostics; otherwise the result is what `leads check` will say.
    public func checkPlanned(_ changes: [FileChange]) throws(EditError) -> CheckedContent {
        let loader = ContentLoader(root: root)
        var files = loaded.files
        for change in changes {
            let existing = files.firstIndex { $0.relativePath == change.path }
            guard let bytes = change.after else {
                if let existing { files.remove(at: existing) }
                continue
            }
            if let existing {
                files[existing].bytes = bytes
            } else {
                let kind = change.path.split(separator: "/").first.flatMap { RecordKind(folder: String($0)) }
                files.append(
                    SourceFile(
                        kind: kind, relativePath: change.path, displayPath: loader.displayPath(change.path),
                        bytes: bytes))
            }
        }
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        let planned = Leads.check(
            LoadedContent(files: files, config: loaded.config, diagnostics: loaded.diagnostics), asOf: asOf)
        let touched = Set(changes.map { loader.displayPath($0.path) })
        let before = Set(content.diagnostics.filter { !touched.contains($0.location.file) }.map(\.formatted))
        let added = planned.diagnostics.filter { $0.severity == .error && !before.contains($0.formatted) }
        if !added.isEmpty {
            throw EditError(
                "refusing to write: the change would leave "
                    + (added.count == 1 ? "this error" : "these errors") + " (nothing was written):\n"
                    + added.map(\.formatted).joined(separator: "\n"))
        }
        return planned
    }

    /// Refuses to write while `config.yml` holds merge-conflict markers: `leads check` reads its first
    /// side so nothing cascades, but a change planned from half a configuration (one side's stages,
    /// owners or milestone tracks) could be wrong, so it waits until the conflict is resolved.
    public func refuseConflictedConfiguration() throws(EditError) {
        guard let config = loaded.config,
            let conflict = content.diagnostics.first(where: {
                $0.code == .mergeConflict && $0.location.file == config.displayPath
            })
        else { return }
        throw EditError(
            "refusing to write: \(config.displayPath):\(conflict.location.line):1: \(conflict.message); resolve it first"
        )
    }

    /// An editor for a record's file; a file with errors is refused, since rewriting it could make
    /// them worse or hide them.
    func editor(for header: RecordHeader) throws(EditError) -> (before: [UInt8], editor: FrontMatterEditor) {
        let errors = content.diagnostics.filter { $0.location.file == header.file && $0.severity == .error }
        if !errors.isEmpty {
            // A conflicted file says so: that is the one thing to fix before anything else.
            if let conflict = errors.first(where: { $0.code == .mergeConflict }) {
                throw EditError("refusing to change \(header.file): \(conflict.message)")
            }
            throw EditError(
                "refusing to change \(header.file): it has \(Format.plural(errors.count, "error")); fix "
                    + (errors.count == 1 ? "it" : "them") + " first (leads check shows "
                    + (errors.count == 1 ? "it" : "them") + ")")
        }
        let bytes = try bytes(of: header)
        return (bytes, try FrontMatterEditor(bytes: bytes, file: header.file))
    }

    public func lead(_ reference: String) throws(EditError) -> Lead {
        try record(reference, .lead, content.index.leads, records.leads)
    }

    public func application(_ reference: String) throws(EditError) -> Application {
        try record(reference, .application, content.index.applications, records.applications)
    }

    public func job(_ reference: String) throws(EditError) -> Job {
        try record(reference, .job, content.index.jobs, records.jobs)
    }

    /// An application or a job by id (or a unique prefix or title, as `record` takes them); an id
    /// both kinds use is refused as ambiguous.
    public func tracked(_ reference: String) throws(EditError) -> any TrackedRecord {
        let wanted = Self.withoutKind(Link(parsing: reference).target, [.application, .job])
        let application = content.index.applications[wanted].map { records.applications[$0] }
        let job = content.index.jobs[wanted].map { records.jobs[$0] }
        switch (application, job) {
        case (let application?, nil): return application
        case (nil, let job?): return job
        case (_?, _?):
            throw EditError("both applications/\(wanted).md and jobs/\(wanted).md exist; rename one of them")
        case (nil, nil):
            let candidates = [RecordKind.application, .job].flatMap { kind in
                (0..<records.count(of: kind)).map {
                    (records.header(kind, at: $0).id, RecordReference.names(kind, $0, in: content))
                }
            }
            switch Self.match(wanted, among: candidates) {
            case .one(let position):
                return position < records.applications.count
                    ? records.applications[position] : records.jobs[position - records.applications.count]
            case .several(let positions):
                throw EditError(
                    "'\(wanted)' could be " + positions.map { candidates[$0].0 }.joined(separator: ", ")
                        + "; give more of the id")
            case .none:
                throw EditError(
                    "no application or job '\(wanted)' in \(root)/applications or \(root)/jobs"
                        + Suggestion.didYouMean(wanted, in: candidates.map(\.0)))
            }
        }
    }

    public func contact(_ reference: String) throws(EditError) -> Contact {
        try record(reference, .contact, content.index.contacts, records.contacts)
    }

    /// `job/acme` → `acme` when the kind (or its folder) is one of `kinds`, as `leads show` takes it.
    static func withoutKind(_ reference: String, _ kinds: [RecordKind]) -> String {
        guard let slash = reference.firstIndex(of: "/") else { return reference }
        let name = reference[..<slash].lowercased()
        guard let named = RecordKind(named: name), kinds.contains(named) else { return reference }
        return String(reference[reference.index(after: slash)...])
    }

    /// What a reference typed on the command line matches among records.
    enum Match: Equatable {
        case one(Int)
        case several([Int])
        case none
    }

    /// `wanted` among `(id, names)`: an id equal ignoring case, else the ids it starts (ignoring
    /// case), else the names it equals (ignoring case). One match is the record; several are
    /// ambiguous, in order.
    static func match(_ wanted: String, among candidates: [(id: String, names: [String])]) -> Match {
        let folded = wanted.lowercased()
        guard !folded.isEmpty else { return .none }
        let tests: [((id: String, names: [String])) -> Bool] = [
            { $0.id.lowercased() == folded }, { $0.id.lowercased().hasPrefix(folded) },
            { $0.names.contains { $0.lowercased() == folded } },
        ]
        for test in tests {
            let found = candidates.indices.filter { test(candidates[$0]) }
            if found.count == 1 { return .one(found[0]) }
            if found.count > 1 { return .several(found) }
        }
        return .none
    }

    /// A record by id (`acme` or `[[acme]]`), a unique start of an id (`acme-pl`), or a unique name
    /// (`names`, ignoring case); an ambiguous one lists the candidates, an unknown one gives the
    /// closest id.
    private func record<Record: ContentRecord>(
        _ reference: String, _ kind: RecordKind, _ index: [String: Int], _ all: [Record]
    ) throws(EditError) -> Record {
        let wanted = Self.withoutKind(Link(parsing: reference).target, [kind])
        if let position = index[wanted] { return all[position] }
        let candidates = all.indices.map { (all[$0].header.id, RecordReference.names(kind, $0, in: content)) }
        switch Self.match(wanted, among: candidates) {
        case .one(let position): return all[position]
        case .several(let positions):
            let listed = positions.prefix(8).map { position in
                let name = candidates[position].1.joined(separator: " · ")
                return candidates[position].0 + (name.isEmpty ? "" : " (\(name))")
            }
            throw EditError(
                "'\(wanted)' could be \(positions.count) \(kind.folder): " + listed.joined(separator: ", ")
                    + (positions.count > 8 ? ", …" : "") + "; give more of the id")
        case .none:
            throw EditError(
                "no \(kind.rawValue) '\(wanted)' in \(root)/\(kind.folder)"
                    + Suggestion.didYouMean(wanted, in: candidates.map(\.0)))
        }
    }

    /// A contact by id or by name (case ignored); an unknown one is refused with the closest id.
    func contactByIDOrName(_ reference: String) throws(EditError) -> Contact {
        if let found = findContact(reference) { return found }
        return try contact(reference)
    }

    /// A contact by id or by name (case ignored), or nil.
    func findContact(_ reference: String) -> Contact? {
        let id = Link(parsing: reference).target
        if let position = content.index.contacts[id] { return records.contacts[position] }
        return records.contacts.first { $0.name?.value.lowercased() == reference.lowercased() }
    }

    /// A company by id or by name (case ignored), or nil.
    func findCompany(_ reference: String) -> Company? {
        let id = Link(parsing: reference).target
        if let position = content.index.companies[id] { return records.companies[position] }
        if let position = content.index.companies[Slug.make(reference)] { return records.companies[position] }
        return records.companies.first { $0.name?.value.lowercased() == reference.lowercased() }
    }

    /// The stages the commits of a lead's file show, oldest first, each with its commit's day:
    /// what a `history:` that was never written would have said. Empty outside git.
    func committedStages(_ lead: Lead) -> [(status: String, day: Day)] {
        guard case .success(let repository) = GitRepository.open(root) else { return [] }
        let history = RecordHistory.read(
            repository, paths: [lead.header.relativePath], configuration: configuration)
        let pipeline = configuration.pipeline(for: lead)
        return StageHistory.stages(history.versions(of: lead.header.relativePath), history, asOf: nil)
            .filter { pipeline.contains($0.status) }.map { ($0.status, $0.day) }
    }

    /// What a company name given on the command line matches.
    enum CompanyMatch {
        /// The company with that id or name (`findCompany`).
        case exact(Company)
        /// The one company whose name is the same ignoring case, punctuation and a legal suffix
        /// (`Northwind GmbH`), or else starts with the given words (`Northwind` for `Northwind
        /// Logistics`): linked, and the command says so.
        case close(Company)
        /// Several companies would do: the text is kept, and the command names them.
        case several([Company])
        case none

        /// The company to link, if any.
        var company: Company? {
            switch self {
            case .exact(let company), .close(let company): company
            case .several, .none: nil
            }
        }
    }

    func companyMatch(_ text: String) -> CompanyMatch {
        if let company = findCompany(text) { return .exact(company) }
        let wanted = CouldLink.comparable(text)
        guard !wanted.isEmpty else { return .none }
        let named = records.companies.compactMap { company in
            company.name.map { (company: company, key: CouldLink.comparable($0.value)) }
        }
        var matches = named.filter { $0.key == wanted }
        if matches.isEmpty { matches = named.filter { $0.key.hasPrefix(wanted + " ") } }
        switch matches.count {
        case 0: return .none
        case 1: return .close(matches[0].company)
        default: return .several(matches.map(\.company))
        }
    }

    /// A free id and path in a kind's folder: `stem`, else `stem-2`, `stem-3`…, never the id of another
    /// record of the kind (letter case ignored) nor an existing file.
    func freePath(_ kind: RecordKind, stem: String) -> (id: String, path: String) {
        let taken = Set(records.headers.filter { $0.kind == kind }.map { $0.id.lowercased() })
        var candidate = stem
        var number = 1
        while taken.contains(candidate.lowercased())
            || FileManager.default.fileExists(
                atPath: ContentLoader(root: root).pathOnDisk("\(kind.folder)/\(candidate).md"))
        {
            number += 1
            candidate = "\(stem)-\(number)"
        }
        return (candidate, "\(kind.folder)/\(candidate).md")
    }
}

/// Ids made from names: `Northwind Logistics` → `northwind-logistics`.
/// File-name ids made from names: lower-case ASCII letters and digits joined by `-`, at most 60.
public enum Slug {
    /// `Renée Müller` → `renee-muller`; names in other scripts are transliterated first (`李伟` →
    /// `li-wei`, `Дмитрий` → `dmitrij`), and text with no letters at all is named by its
    /// characters' Unicode names (`🙂` → `slightly-smiling-face`), so a new id is never a generic
    /// word. Empty only for text with nothing in it.
    /// `fallback` (a LinkedIn profile's `li-wei-4b2a` part) is used when `text` has no letters.
    public static func make(_ text: String, fallback: String? = nil) -> String {
        let slug = ascii(latin(text))
        if !slug.isEmpty || text.trimmingSpaces.isEmpty { return slug }
        if let fallback, case let other = ascii(latin(fallback)), !other.isEmpty { return other }
        return ascii(text.unicodeScalars.compactMap(\.properties.name).joined(separator: " "))
    }

    /// The text in Latin letters: ICU's Any-Latin transform for anything outside Latin and ASCII.
    private static func latin(_ text: String) -> String {
        let needsTransform = text.unicodeScalars.contains { scalar in
            scalar.value > 0x24F && scalar.properties.isAlphabetic
        }
        guard needsTransform else { return text }
        return text.applyingTransform(.toLatin, reverse: false) ?? text
    }

    private static func ascii(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCIILetter || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
