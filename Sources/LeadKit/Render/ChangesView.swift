/// `leads changes` and `leads diff`: a change list as text, grouped by day (the uncommitted
/// changes first), or as the JSON `report.json` uses.
public struct ChangesView {
    public var changes: [RecordChange]
    /// Why the history is empty or partial, said once before the list.
    public var note: String?

    public init(changes: [RecordChange], note: String? = nil) {
        self.changes = changes
        self.note = note
    }

    public func json() -> [UInt8] { TerminalStyle.json(changes) }

    public func text(_ style: TerminalStyle) -> String {
        var lines: [String] = []
        if let note { lines.append(style.dim("note: \(note)")) }
        func line(_ change: RecordChange) -> String {
            var text = "  \(change.kind) \(style.bold(change.record))  \(PageBuilder.describe(change))"
            if let commit = change.commit {
                text += style.dim("  · \(change.author ?? "") · \(commit) “\(change.subject ?? "")”")
            }
            return text
        }
        for day in ChangeList.byDay(changes) {
            lines.append(style.bold(Format.changeDay(day.date)))
            lines += day.changes.map(line)
        }
        if changes.isEmpty { lines.append("No changes.") }
        return lines.joined(separator: "\n") + "\n"
    }
}
