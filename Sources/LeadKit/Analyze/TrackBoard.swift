/// The applications or the jobs of a report as a board: a column per step of their milestone track
/// (each active record under the furthest step it reached, or "Not started") and one per outcome.
public struct TrackBoard: Sendable {
    public struct Column: Sendable {
        /// A step's code, `NOT_STARTED`, or an outcome state (`filled`, `completed`, `lost` …).
        public var key: String
        public var label: String
        public var isOutcome: Bool
        /// Facts of the records in it, by id.
        public var records: [TrackFacts]
    }

    public var kind: RecordKind
    public var columns: [Column]
}

extension TrackBoard {
    /// The board of `facts` (all of one kind) along `track`; nil when there are none.
    static func of(_ kind: RecordKind, _ facts: [TrackFacts], track: MilestoneTrack) -> TrackBoard? {
        guard !facts.isEmpty else { return nil }
        let sorted = facts.sorted { $0.id < $1.id }
        var columns = [Column(key: "NOT_STARTED", label: "Not started", isOutcome: false, records: [])]
        columns += track.steps.map { Column(key: $0.code, label: $0.label, isOutcome: false, records: []) }
        let outcomes = OutcomeState.allCases.filter { $0 != .open }
        columns += outcomes.map {
            Column(key: $0.rawValue, label: CodeLabel.make($0.rawValue.uppercased()), isOutcome: true, records: [])
        }
        for record in sorted {
            let key =
                record.state == .open ? (record.furthest?.milestone.value ?? "NOT_STARTED") : record.state.rawValue
            if let column = columns.firstIndex(where: { $0.key == key && $0.isOutcome == (record.state != .open) }) {
                columns[column].records.append(record)
            }
        }
        return TrackBoard(kind: kind, columns: columns)
    }
}
