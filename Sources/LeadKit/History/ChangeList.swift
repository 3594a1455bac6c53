/// One change to the pipeline that git (or the working tree) shows: `report.json`'s `changes`, the
/// changes page and `leads changes`.
public struct RecordChange: Sendable, Encodable, Equatable {
    /// The author date's day; the as-of date for an uncommitted change.
    public var date: String
    /// The short hash; nil for a change not committed yet.
    public var commit: String?
    public var author: String?
    /// The commit's subject, for pages and text (not in `report.json`).
    public var subject: String?
    /// The record's id and kind.
    public var record: String
    public var kind: String
    /// `created`, `moved`, `converted`, `closed`, `milestone`, `logged`, `rescheduled`, `deleted`
    /// or `edited`.
    public var change: String
    public var from: String?
    public var to: String?
    /// Whose it is: the lead's owner (an interaction's, application's or job's lead's), for
    /// `--owner` and owner pages (not in `report.json`).
    public var owner: String?

    enum CodingKeys: String, CodingKey {
        case date, commit, author, record, kind, change, from, to
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(commit, forKey: .commit)
        try container.encode(author, forKey: .author)
        try container.encode(record, forKey: .record)
        try container.encode(kind, forKey: .kind)
        try container.encode(change, forKey: .change)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
    }

    /// Not committed yet.
    public var isUncommitted: Bool { commit == nil }
}

/// The changes a history holds, computed from consecutive versions of each record.
public enum ChangeList {
    /// Every change, committed ones oldest first, then the uncommitted ones (dated `asOf`).
    /// `configuration` says which stages are won or closed.
    /// `content` tells whose an interaction is (its lead's owner, as the files say now).
    public static func all(
        _ history: RecordHistory, configuration: Configuration, asOf: Day, content: CheckedContent? = nil
    ) -> [RecordChange] {
        // The owner of each lead now (its latest version), for an interaction's or job's changes.
        var owners: [String: String] = [:]
        for (path, versions) in history.records where path.hasPrefix("leads/") {
            if let owner = versions.last(where: { $0.values != nil })?.values?.owner { owners[stem(path)] = owner }
        }
        var interactionLeads: [String: String] = [:]
        for interaction in content?.records.interactions ?? [] {
            if let lead = interaction.lead?.value.target { interactionLeads[interaction.id] = lead }
        }
        var changes: [(order: Int, change: RecordChange)] = []
        // Records in path order, so the changes of one commit come in the same order every time.
        let live = history.records.keys.sorted { FolderWalker.bytesPrecede($0, $1) }.map { history.records[$0]! }
        for versions in live + history.deleted {
            var previous: RecordHistory.Values?
            // Every change of a record is listed under the id it has now (its last name), so a lead
            // renamed once keeps its moves on its page and links from the changes page.
            let currentID = stem(versions.last?.path ?? "")
            for version in versions {
                // A shallow clone's cut-off commit is where its history starts, not a change.
                if let index = version.commit, history.boundary.contains(index) {
                    previous = version.values ?? previous
                    continue
                }
                let commit = version.commit.map { history.commits[$0] }
                let order = version.commit ?? Int.max
                guard let kind = RecordHistory.recordKind(version.path) else { continue }
                let id = currentID
                let owner =
                    kind == .lead
                    ? (version.values?.owner ?? previous?.owner)
                    : (kind == .interaction ? interactionLeads[id] : version.values?.lead).flatMap { owners[$0] }
                func add(_ what: String, from: String? = nil, to: String? = nil) {
                    changes.append(
                        (
                            order,
                            RecordChange(
                                date: (commit?.day ?? asOf).description, commit: commit?.short, author: commit?.author,
                                subject: commit?.subject, record: id, kind: kind.rawValue, change: what, from: from,
                                to: to, owner: owner)
                        ))
                }
                switch version.change {
                case .added:
                    if kind == .interaction {
                        add("logged", to: interactionLeads[id])
                    } else {
                        add("created", to: version.values?.status)
                    }
                case .deleted:
                    add("deleted", from: previous?.status)
                case .modified, .renamed:
                    var said = false
                    // A file moved to another folder keeps its id: not a change to the record.
                    if case .renamed(let old) = version.change, stem(old) != stem(version.path) {
                        add("edited", from: stem(old), to: stem(version.path))
                        said = true
                    } else if case .renamed = version.change {
                        said = true
                    }
                    if let now = version.values, let before = previous {
                        if let status = now.status, let old = before.status, status != old {
                            let pipeline =
                                now.pipeline.flatMap(configuration.pipeline(named:))
                                ?? configuration.defaultPipeline
                            add(
                                pipeline.isWon(status) ? "converted" : pipeline.isClosed(status) ? "closed" : "moved",
                                from: old, to: status)
                            said = true
                        }
                        let reached = Set(before.milestones.map(milestoneName))
                        for milestone in now.milestones where !reached.contains(milestoneName(milestone)) {
                            add("milestone", to: milestone)
                            said = true
                        }
                        if now.nextFollowUp != before.nextFollowUp,
                            now.nextFollowUp != nil || before.nextFollowUp != nil
                        {
                            add("rescheduled", from: before.nextFollowUp, to: now.nextFollowUp)
                            said = true
                        }
                    }
                    if !said { add("edited") }
                }
                previous = version.values ?? previous
            }
        }
        return changes.enumerated().sorted { a, b in
            (a.element.order, a.offset) < (b.element.order, b.offset)
        }.map(\.element.change)
    }

    /// Changes by day as pages and the terminal list them: the uncommitted ones first (date nil),
    /// then the newest day first, each day's newest change first.
    static func byDay(_ changes: [RecordChange]) -> [(date: String?, changes: [RecordChange])] {
        var days: [(date: String?, changes: [RecordChange])] = []
        let uncommitted = changes.filter(\.isUncommitted)
        if !uncommitted.isEmpty { days.append((nil, uncommitted)) }
        // One pass: filtering the whole list once per day took seconds at 20,000 commits.
        var byDate: [String: [RecordChange]] = [:]
        for change in changes where !change.isUncommitted { byDate[change.date, default: []].append(change) }
        for date in byDate.keys.sorted(by: >) { days.append((date, byDate[date]!.reversed())) }
        return days
    }

    /// `leads/acme.md` → `acme`.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return RecordID.normalized(name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
    }

    static func milestoneName(_ described: String) -> String {
        String(described.split(separator: " ").first ?? "")
    }
}
