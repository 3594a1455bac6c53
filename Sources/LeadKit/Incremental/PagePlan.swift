/// Which record pages a rebuild plans again: the pages of the records that changed and of the
/// records linked to them, and the interaction months holding any of these. Every other record
/// page is kept from the previous report without building its view model, the part of a rebuild
/// that grows with the folder.
///
/// What a record page shows comes from its record and the records a few links away (a lead page
/// shows its interactions, their notes' links and the titles of the leads those name, which take
/// their company's name: four links). So a page is planned again when a record at most
/// `reach` links away, in either direction, before or after the change, changed: its file's
/// bytes, or the problems found in it. What every page shows (the as-of date, templates,
/// `config.yml`, the problem count in the header, the commit the history is read up to) is the
/// site's fingerprint: when it changed, every page is planned.
struct PagePlan: Sendable {
    /// How many links away a change can show on a record page (see above).
    static let reach = 4

    /// The ids whose pages may show something that changed; nil when every page must be planned.
    let affected: Set<String>?
    /// Whether an interaction file that existed before changed or went: the month it was in is
    /// not known any more, so every month's page is planned.
    let everyMonth: Bool

    /// Every page planned: the first build, or one whose site fingerprint changed.
    static let everything = PagePlan(affected: nil, everyMonth: true)

    /// Whether the page of the record `id` may be kept without being planned.
    func keeps(_ id: String) -> Bool {
        affected.map { !$0.contains(id) } ?? false
    }

    /// Whether an interaction month's page may be kept: none of its interactions (`ids`) is affected.
    func keepsMonth(_ ids: [String]) -> Bool {
        guard !everyMonth, let affected else { return false }
        return !ids.contains(where: affected.contains)
    }

    /// The plan for a build from `sources` with `diagnostics`, replacing a report built from
    /// `previous` (its table and diagnostics). `display` turns a diagnostic's file into the path
    /// inside the content folder.
    static func make(
        previous: (sources: SourceTable, diagnostics: [Diagnostic])?, sources: SourceTable, diagnostics: [Diagnostic]
    ) -> PagePlan {
        guard let previous else { return .everything }
        var seeds: Set<String> = []
        var everyMonth = false
        // The links the changed and deleted files made before: a link removed still changed the page
        // it led to.
        var before: [String: SourceTable.Entry] = [:]
        for (path, entry) in sources.entries where previous.sources.entries[path]?.fingerprint != entry.fingerprint {
            seeds.insert(id(of: path))
            if let old = previous.sources.entries[path] {
                before[path] = old
                if isInteraction(path) { everyMonth = true }
            }
        }
        for (path, old) in previous.sources.entries where sources.entries[path] == nil {
            seeds.insert(id(of: path))
            before[path] = old
            if isInteraction(path) { everyMonth = true }
        }
        // Problems are shown on their file's page and as badges on cards: a file whose problems
        // changed (a duplicate found elsewhere, a link that resolves now) counts as changed.
        let problemsBefore = problemsByFile(previous.diagnostics), problemsAfter = problemsByFile(diagnostics)
        for file in Set(problemsBefore.keys).union(problemsAfter.keys) where problemsBefore[file] != problemsAfter[file]
        {
            seeds.insert(id(of: file))
        }
        return PagePlan(
            affected: reachable(from: seeds, links: [sources.entries, before], steps: reach), everyMonth: everyMonth)
    }

    /// The ids at most `steps` links from `seeds`, links followed both ways, in any of the tables
    /// (files by path inside the content folder).
    static func reachable(from seeds: Set<String>, links tables: [[String: SourceTable.Entry]], steps: Int)
        -> Set<String>
    {
        guard !seeds.isEmpty else { return [] }
        var neighbours: [String: [String]] = [:]
        for table in tables {
            for (path, entry) in table where !entry.mentions.isEmpty {
                let source = id(of: path)
                for target in entry.mentions where target != source {
                    neighbours[source, default: []].append(target)
                    neighbours[target, default: []].append(source)
                }
            }
        }
        var reached = seeds
        var frontier = Array(seeds)
        for _ in 0..<steps where !frontier.isEmpty {
            var next: [String] = []
            for id in frontier {
                for neighbour in neighbours[id] ?? [] where reached.insert(neighbour).inserted {
                    next.append(neighbour)
                }
            }
            frontier = next
        }
        return reached
    }

    /// A record file's id: its name without `.md`, in NFC (as `SourceFile.stem`).
    static func id(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return RecordID.normalized(name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
    }

    static func isInteraction(_ path: String) -> Bool {
        path.hasPrefix(RecordKind.interaction.folder + "/")
    }

    /// Each file's problems as they would be shown, by the file they are in.
    static func problemsByFile(_ diagnostics: [Diagnostic]) -> [String: [String]] {
        var byFile: [String: [String]] = [:]
        for diagnostic in diagnostics { byFile[diagnostic.location.file, default: []].append(diagnostic.formatted) }
        return byFile
    }
}
