import Foundation

/// `report.json`: the numbers behind the pages, a stable contract for scripts.
struct ReportJSON: Encodable {
    struct PipelineEntry: Encodable {
        var name: String
        var stages: [StageEntry]
    }

    struct StageEntry: Encodable {
        var status: String
        var leads: [String]
    }

    struct StaleEntry: Encodable {
        var lead: String
        var reasons: [String]
        var lastInteraction: String?
        var nextFollowUp: String?

        enum CodingKeys: String, CodingKey {
            case lead, reasons
            case lastInteraction = "last_interaction"
            case nextFollowUp = "next_follow_up"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lead, forKey: .lead)
            try container.encode(reasons, forKey: .reasons)
            try container.encode(lastInteraction, forKey: .lastInteraction)
            try container.encode(nextFollowUp, forKey: .nextFollowUp)
        }
    }

    struct FunnelEntry: Encodable {
        var pipeline: String
        var status: String
        var reached: Int
        var conversionToNext: Double?
        var medianDaysInStage: Double?

        enum CodingKeys: String, CodingKey {
            case pipeline, status, reached
            case conversionToNext = "conversion_to_next"
            case medianDaysInStage = "median_days_in_stage"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(pipeline, forKey: .pipeline)
            try container.encode(status, forKey: .status)
            try container.encode(reached, forKey: .reached)
            try container.encode(conversionToNext, forKey: .conversionToNext)
            try container.encode(medianDaysInStage, forKey: .medianDaysInStage)
        }
    }

    struct AgendaEntry: Encodable {
        var lead: String
        var due: String
        var bucket: String
    }

    var asOf: String
    var pipelines: [PipelineEntry]
    var stale: [StaleEntry]
    var funnel: [FunnelEntry]
    var agenda: [AgendaEntry]
    var diagnostics: [Diagnostic.Record]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case pipelines, stale, funnel, agenda, diagnostics
    }

    init(_ report: Report) {
        let leads = report.records.leads
        asOf = report.asOf.description
        pipelines = report.boards.map { board in
            PipelineEntry(
                name: board.pipeline.name,
                stages: (board.columns + board.closed).map { column in
                    StageEntry(status: column.stage, leads: column.leads.map { leads[$0].id }.sorted())
                })
        }
        stale = report.stale.map { position in
            let fact = report.facts[position]
            return StaleEntry(
                lead: leads[position].id, reasons: fact.staleReasons.map(\.rawValue),
                lastInteraction: fact.lastInteraction.flatMap {
                    report.records.interactions[$0].date?.value.day.description
                },
                nextFollowUp: leads[position].nextFollowUp?.value.day.description)
        }
        funnel = report.funnel.map {
            FunnelEntry(
                pipeline: $0.pipeline, status: $0.status, reached: $0.reached,
                conversionToNext: $0.conversionToNext.map { ($0 * 10_000).rounded() / 10_000 },
                medianDaysInStage: $0.medianDaysInStage)
        }
        agenda = report.agenda.map { position in
            AgendaEntry(
                lead: leads[position].id, due: leads[position].nextFollowUp!.value.day.description,
                bucket: report.facts[position].agendaBucket!.rawValue)
        }
        diagnostics = report.content.diagnostics.map(\.record)
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data("{}".utf8)) + [UInt8(ascii: "\n")]
    }
}
