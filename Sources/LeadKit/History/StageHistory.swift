/// A lead's stage history from its file and from git: the file's `history:` where it has one;
/// where it is absent or skips a stage the commits show, the stage is filled in from the commit
/// that changed `status:` (dated by its author date). Days in stage, funnel reach and median days
/// in stage then use the merged history.
public enum StageHistory {
    /// The stages the commits of one lead file show, in order: each status the file took, with the
    /// commit that set it.
    static func fromCommits(_ versions: [RecordHistory.Version], _ history: RecordHistory) -> [(
        status: String, commit: RecordHistory.Commit
    )] {
        var stages: [(status: String, commit: RecordHistory.Commit)] = []
        for version in versions {
            guard let index = version.commit, let status = version.values?.status?.uppercased() else { continue }
            if stages.last?.status != status { stages.append((status, history.commits[index])) }
        }
        return stages
    }

    /// `content` with every lead's history merged with its commits, and per lead position the notes
    /// where the file's date for a stage differs from the commit's by more than a day (shown on the
    /// lead page, not errors).
    public static func merge(_ content: CheckedContent, _ history: RecordHistory) -> (
        content: CheckedContent, notes: [Int: [String]]
    ) {
        var merged = content
        var notes: [Int: [String]] = [:]
        for (position, lead) in content.records.leads.enumerated() {
            let stages = fromCommits(history.versions(of: lead.header.relativePath), history)
            guard !stages.isEmpty else { continue }
            let at = SourceLocation(file: lead.header.file, line: 1, column: 1)
            var entries = lead.history
            for stage in stages {
                if let written = entries.first(where: { $0.status.value == stage.status && $0.source == .file }) {
                    if let day = written.date?.value, abs(day.days(since: stage.commit.day)) > 1 {
                        notes[position, default: []].append(
                            "history says \(stage.status) on \(day); commit \(stage.commit.short) (\(stage.commit.author), “\(stage.commit.subject)”) set it on \(stage.commit.day)"
                        )
                    }
                    continue
                }
                entries.append(
                    HistoryEntry(
                        status: Located(stage.status, at: at), date: Located(stage.commit.day, at: at),
                        source: .commit(stage.commit)))
            }
            // In date order (an undated entry, which the rules report, leaves the order as written).
            let ordered =
                entries.contains { $0.date == nil }
                ? entries
                : entries.enumerated().sorted { a, b in
                    (a.element.date!.value, a.offset) < (b.element.date!.value, b.offset)
                }.map(\.element)
            merged.records.leads[position].history = ordered
        }
        return (merged, notes)
    }
}
