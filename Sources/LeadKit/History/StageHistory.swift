/// A lead's stage history from its file and from git: the file's `history:` where it has one;
/// where it is absent or skips a stage the commits show, the stage is filled in from the commit
/// that changed `status:` (dated by its author date), or from the working tree's uncommitted
/// change (dated on the as-of date). Days in stage, funnel reach and median days in stage then use
/// the merged history.
public enum StageHistory {
    /// The stages the versions of one lead file show, in order: each status the file took, with
    /// the commit that set it, or the working tree's change (with `asOf`). A shallow clone's
    /// cut-off commit shows where the file was, not when it got there: it sets no stage.
    static func stages(_ versions: [RecordHistory.Version], _ history: RecordHistory, asOf: Day?) -> [(
        status: String, day: Day, source: HistorySource
    )] {
        var stages: [(status: String, day: Day, source: HistorySource)] = []
        var last: String?
        for version in versions {
            guard let status = version.values?.status?.uppercased(), status != last else { continue }
            last = status
            if let index = version.commit {
                if history.boundary.contains(index) { continue }
                let commit = history.commits[index]
                stages.append((status, commit.day, .commit(commit)))
            } else if let asOf {
                stages.append((status, asOf, .uncommitted))
            }
        }
        return stages
    }

    /// `content` with every lead's history merged with its versions, and per lead position the
    /// notes where the file's date for a stage differs from the commit's by more than a day (shown
    /// on the lead page, not errors).
    public static func merge(_ content: CheckedContent, _ history: RecordHistory, asOf: Day) -> (
        content: CheckedContent, notes: [Int: [String]]
    ) {
        var merged = content
        var notes: [Int: [String]] = [:]
        for (position, lead) in content.records.leads.enumerated() {
            // Only stages of the lead's pipeline: a commit with a typo'd status is not a stage.
            let pipeline = content.configuration.pipeline(for: lead)
            let stages = stages(history.versions(of: lead.header.relativePath), history, asOf: asOf)
                .filter { pipeline.contains($0.status) }
            guard !stages.isEmpty else { continue }
            let at = SourceLocation(file: lead.header.file, line: 1, column: 1)
            var entries = lead.history
            for stage in stages {
                if let written = entries.first(where: { $0.status.value == stage.status && $0.source == .file }) {
                    if case .commit(let commit) = stage.source, let day = written.date?.value,
                        abs(day.days(since: commit.day)) > 1
                    {
                        notes[position, default: []].append(
                            "history says \(stage.status) on \(day); commit \(commit.short) (\(commit.author), “\(commit.subject)”) set it on \(commit.day)"
                        )
                    }
                    continue
                }
                entries.append(
                    HistoryEntry(
                        status: Located(stage.status, at: at), date: Located(stage.day, at: at), source: stage.source))
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
