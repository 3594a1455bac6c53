/// Which record pages a rebuild plans again: the pages of the records that changed and of the
/// records linked to them, and the interaction months holding any of these. Every other record
/// page is kept from the previous report without building its view model, the part of a rebuild
/// that grows with the folder.
///
/// What a record page shows comes from its record and the records a few links away: an
/// application page shows its lead's interactions, the records their notes link and, for a lead,
/// its title, which takes its company's name — four links. So a page is planned again when a
/// record at most `reach` links away, in either direction, before or after the change, changed:
/// its file's bytes, the problems found in it, or its uncommitted change in git. What every page
/// shows (the as-of date, templates, `config.yml`, the problem count in the header, the commit
/// the history is read up to) is the site's fingerprint: when it changed, every page is planned.
struct PagePlan: Sendable {
    /// How many links away a change can show on a record page (see above).
    static let reach = 4

    /// The ids whose pages may show something that changed; nil when every page must be planned.
    let affected: Set<String>?
    /// Whether an interaction file that existed before changed or went: the month it was in is
    /// not known any more, so every month's page is planned.
    let everyMonth: Bool
    /// Whether the pages of the whole site (dashboard, board, agenda, lists, owners' pages,
    /// `report.json`, calendars) may be kept without being planned: only notes changed, and the
    /// problems are the ones the previous report showed. Those pages show no notes; a record's
    /// notes are on its page and the pages near it, which `affected` plans.
    var keepsSiteWide = false

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
    /// `previous`: its stored source table and its diagnostics. `changed`: ids known to have
    /// changed without their files changing. `onlyNotesChanged`: the parse cache found that every
    /// file that changed changed in its notes only, and none was added or deleted
    /// (`ParseCache.Parsed`); an interaction then stays in its month.
    static func make(
        previous: (table: [UInt8], diagnostics: [Diagnostic]), sources: SourceTable, diagnostics: [Diagnostic],
        changed: Set<String> = [], onlyNotesChanged: Bool = false
    ) -> PagePlan {
        var seeds = changed
        var everyMonth = false
        // The links the changed and deleted files made before: a link removed still changed the page
        // it led to.
        var before: [SourceTable.Row] = []
        let old = lines(previous.table), new = lines(sources.encoded)
        var (o, n) = (0, 0)
        while o < old.count || n < new.count {
            let oldLine = o < old.count ? previous.table[old[o]] : nil
            let newLine = n < new.count ? sources.encoded[new[n]] : nil
            if let oldLine, let newLine, oldLine.elementsEqual(newLine) {
                (o, n) = (o + 1, n + 1)
                continue
            }
            let oldFirst: Bool
            let samePath: Bool
            switch (oldLine, newLine) {
            case (let a?, let b?):
                let (pathA, pathB) = (SourceTable.pathField(a.dropFirst(17)), SourceTable.pathField(b.dropFirst(17)))
                samePath = pathA.elementsEqual(pathB)
                // Lines are in byte order of the paths; an escaped one (a path with `%`) may be out
                // of this order, which only makes both of its lines count as changed.
                oldFirst = pathA.lexicographicallyPrecedes(pathB)
            case (_?, nil): (samePath, oldFirst) = (false, true)
            default: (samePath, oldFirst) = (false, false)
            }
            if samePath || oldFirst, let oldLine {
                guard let row = SourceTable.row(decoding: oldLine) else { return .everything }
                seeds.insert(row.id)
                before.append(row)
                if isInteraction(row.path) && !onlyNotesChanged { everyMonth = true }
                o += 1
            }
            if samePath || !oldFirst {
                seeds.insert(sources.rows[n].id)
                n += 1
            }
        }
        // Problems are shown on their file's page and as badges on cards: a file whose problems
        // changed (a duplicate found elsewhere, a link that resolves now) counts as changed.
        let problemsBefore = problemsByFile(previous.diagnostics), problemsAfter = problemsByFile(diagnostics)
        for file in Set(problemsBefore.keys).union(problemsAfter.keys) where problemsBefore[file] != problemsAfter[file]
        {
            seeds.insert(SourceFile.stem(of: file))
        }
        return PagePlan(
            affected: reachable(from: seeds, links: sources.rows + before, steps: reach), everyMonth: everyMonth,
            keepsSiteWide: onlyNotesChanged && changed.isEmpty && previous.diagnostics == diagnostics)
    }

    /// The ids at most `steps` links from `seeds`, following each row's links both ways: one pass
    /// over the rows per step, with no map of links built.
    static func reachable(from seeds: Set<String>, links rows: [SourceTable.Row], steps: Int) -> Set<String> {
        var reached = seeds
        for _ in 0..<steps {
            var next: [String] = []
            for row in rows where !row.mentions.isEmpty {
                if reached.contains(row.id) {
                    next += row.mentions.filter { !reached.contains($0) }
                } else if row.mentions.contains(where: reached.contains) {
                    next.append(row.id)
                }
            }
            guard !next.isEmpty else { break }
            reached.formUnion(next)
        }
        return reached
    }

    /// Where each line of a stored table is.
    static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (position, byte) in bytes.enumerated() where byte == 10 {
            lines.append(start..<position)
            start = position + 1
        }
        return lines
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
