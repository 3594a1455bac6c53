/// One pipeline's leads by stage, as the board and `report.json` show them.
public struct PipelineBoard: Sendable {
    /// The leads at one stage, most urgent first (HOT, WARM, COLD; then the soonest follow-up; then id),
    /// as indexes into `RecordSet.leads`.
    public struct Column: Sendable {
        public var stage: String
        public var leads: [Int]
    }

    public var pipeline: Pipeline
    /// The ordered stages, in pipeline order.
    public var columns: [Column]
    /// The closed stages, in pipeline order.
    public var closed: [Column]
    /// How many leads whose status is a stage of this pipeline.
    public var leadCount: Int
}

extension PipelineBoard {
    /// The board of `pipeline`: each lead counted in it whose status is one of its stages.
    static func of(_ pipeline: Pipeline, facts: [LeadFacts], leads: [Lead]) -> PipelineBoard {
        let members = facts.filter { $0.pipeline.name == pipeline.name && $0.hasKnownStatus }
        let byStatus = Dictionary(grouping: members.map(\.leadIndex)) { leads[$0].status!.value }
        func column(_ stage: String) -> Column {
            Column(stage: stage, leads: (byStatus[stage] ?? []).sorted { urgencyOrder(leads[$0], leads[$1]) })
        }
        return PipelineBoard(
            pipeline: pipeline, columns: pipeline.stages.map(column), closed: pipeline.closed.map(column),
            leadCount: members.count)
    }

    /// Hot before warm before cold, then the soonest follow-up (none last), then id.
    static func urgencyOrder(_ x: Lead, _ y: Lead) -> Bool {
        if x.urgencyRank != y.urgencyRank { return x.urgencyRank < y.urgencyRank }
        let (dx, dy) = (x.nextFollowUp?.value, y.nextFollowUp?.value)
        if dx != dy {
            guard let dx else { return false }
            guard let dy else { return true }
            return dx < dy
        }
        return x.id < y.id
    }
}
