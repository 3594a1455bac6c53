/// The history views: the changes page, each record's last change, a lead's history sources.
extension PageBuilder {
    /// The changes of the 7 days up to the as-of date, newest day first, the uncommitted ones first
    /// of all.
    func changesPage() -> ChangesPage {
        let from = Day(ordinal: report.asOf.ordinal - 6)
        let days = changeDays(Self.window(report.changes, from: from, to: report.asOf), depth: 0)
        let note = report.gitHistory?.note
        // A shallow clone has commits and a note: what it lists is partial, not nothing.
        let hasCommits = !(report.gitHistory?.commits.isEmpty ?? true)
        return ChangesPage(
            page: frame("Changes", "changes.html", depth: 0),
            intro: "What changed from \(Format.day(from)) to \(Format.day(report.asOf)), as git recorded it.",
            note: note.map { (hasCommits ? "Partial history: " : "No history here: ") + $0 + "." }, days: days,
            isEmpty: days.isEmpty)
    }

    /// Changes by day for a page `depth` folders down: the uncommitted ones first, then the newest
    /// day first, each day's newest change first.
    func changeDays(_ changes: [RecordChange], depth: Int) -> [ChangesPage.Day] {
        ChangeList.byDay(changes).map { day in
            ChangesPage.Day(label: Format.changeDay(day.date), rows: day.changes.map { row($0, depth: depth) })
        }
    }

    /// An owner's changes of the 7 days up to the as-of date, for their page.
    func ownerChanges(_ owner: Owner) -> [ChangesPage.Day] {
        let from = Day(ordinal: report.asOf.ordinal - 6)
        let configuration = report.content.configuration
        let mine = Self.window(report.changes, from: from, to: report.asOf).filter {
            $0.owner.map { configuration.owner(named: $0).key } == owner.key
        }
        return changeDays(mine, depth: 1)
    }

    /// A lead's committed stage moves and rescheduled follow-ups as timeline entries, to interleave
    /// with its interactions.
    func commitLines(for lead: Lead, depth: Int) -> [InteractionLine] {
        (report.changesByRecord["lead/" + lead.id] ?? []).map { ($0, report.changes[$0]) }.filter { _, change in
            change.commit != nil && ["moved", "converted", "closed", "rescheduled", "created"].contains(change.change)
        }.map { offset, change in
            InteractionLine(
                anchor: "change-\(offset)", date: Day(parsing: change.date).map(Format.day) ?? change.date,
                isoDate: change.date, type: "Change", summary: Self.describe(change).capitalizedFirst,
                sentiment: nil, sentimentClass: nil,
                nextAction: nil, leadHref: nil, leadTitle: nil,
                contactName: nil, contactHref: nil,
                notesHTML:
                    "<p>\(Format.escapedHTML("\(change.author ?? "") · \(change.commit ?? "") “\(change.subject ?? "")”"))</p>",
                hasNotes: true, badge: nil, problems: [], hasProblems: false)
        }
    }

    /// The changes dated `from` through `to`, and every uncommitted one.
    static func window(_ changes: [RecordChange], from: Day, to: Day) -> [RecordChange] {
        changes.filter { change in
            guard !change.isUncommitted, let day = Day(parsing: change.date) else { return true }
            return day >= from && day <= to
        }
    }

    private func row(_ change: RecordChange, depth: Int) -> ChangesPage.Row {
        let kind = RecordKind(rawValue: change.kind) ?? .lead
        let href = change.change == "deleted" ? nil : link(kind, change.record, depth: depth)
        return ChangesPage.Row(
            what: Self.describe(change), kind: Format.label(change.kind), title: title(kind, change.record),
            href: href, author: change.author, commit: change.commit, subject: change.subject)
    }

    /// `moved Warm lead → Referral secured`, `follow-up 2026-11-25 → 2026-12-01`.
    static func describe(_ change: RecordChange) -> String {
        func label(_ status: String?) -> String { status.map(Format.label) ?? "–" }
        switch change.change {
        case "created": return "created" + (change.to.map { " at " + Format.label($0) } ?? "")
        case "moved", "converted", "closed": return change.change + " " + label(change.from) + " → " + label(change.to)
        case "milestone": return "milestone " + (change.to ?? "")
        case "rescheduled": return "follow-up " + (change.from ?? "none") + " → " + (change.to ?? "none")
        case "logged": return "logged"
        case "deleted": return "deleted"
        default:
            if let from = change.from, let to = change.to { return "renamed from \(from) to \(to)" }
            return "edited"
        }
    }

    /// The page of a record still there, by kind and id.
    private func link(_ kind: RecordKind, _ id: String, depth: Int) -> String? {
        switch kind {
        case .interaction:
            return index.interactions[id].map { interactionHref(records.interactions[$0], depth: depth) }
        default:
            return index.contains(id, kind: kind) ? href(kind, id, depth: depth) : nil
        }
    }

    private func title(_ kind: RecordKind, _ id: String) -> String {
        switch kind {
        case .lead: return index.leads[id].map { report.content.leadTitle(records.leads[$0]) } ?? id
        case .interaction: return index.interactions[id].flatMap { records.interactions[$0].summary?.value } ?? id
        default: return report.content.resolve(id, kind)?.name ?? id
        }
    }

    /// `Last changed Fri 20 Nov 2026 by Ann: “Move to warm lead” (a1b2c3d)`; nil without history.
    func lastChange(_ header: RecordHeader) -> String? {
        if report.gitHistory?.versions(of: header.relativePath).last?.commit == nil,
            report.gitHistory?.versions(of: header.relativePath).isEmpty == false
        {
            return "Changed since the last commit"
        }
        guard let history = report.gitHistory, let commit = history.lastCommit(of: header.relativePath) else {
            return nil
        }
        // A shallow clone's oldest commit holds every file without saying when each last changed.
        if let index = history.versions(of: header.relativePath).last(where: { $0.commit != nil })?.commit,
            history.boundary.contains(index)
        {
            return "Last changed on or before \(Format.day(commit.day)) (this shallow clone's history starts there)"
        }
        return "Last changed \(Format.day(commit.day)) by \(commit.author): “\(commit.subject)” (\(commit.short))"
    }

    /// Where a history entry comes from, for the lead page.
    static func source(_ entry: HistoryEntry) -> String {
        switch entry.source {
        case .file: return "from the file"
        case .commit(let commit): return "\(commit.short) · \(commit.author) · “\(commit.subject)”"
        case .uncommitted: return "not committed yet"
        }
    }
}

extension String {
    /// `Moved …` for `moved …`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
