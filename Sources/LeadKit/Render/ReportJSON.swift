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
        var lead: String?
        var reasons: [String]
        var lastInteraction: String?
        var nextFollowUp: String?
        /// For `no_progress`: the application or job that stopped moving.
        var record: String?

        enum CodingKeys: String, CodingKey {
            case lead, reasons, record
            case lastInteraction = "last_interaction"
            case nextFollowUp = "next_follow_up"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lead, forKey: .lead)
            try container.encode(reasons, forKey: .reasons)
            try container.encode(lastInteraction, forKey: .lastInteraction)
            try container.encode(nextFollowUp, forKey: .nextFollowUp)
            try container.encodeIfPresent(record, forKey: .record)
        }
    }

    struct OutcomeEntry: Encodable {
        var record: String
        var kind: String
        var lead: String?
        var state: String
        var furthestMilestone: String?
        var furthestDate: String?
        var nextMilestone: String?
        var nextDue: String?

        enum CodingKeys: String, CodingKey {
            case record, kind, lead, state
            case furthestMilestone = "furthest_milestone"
            case furthestDate = "furthest_date"
            case nextMilestone = "next_milestone"
            case nextDue = "next_due"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(record, forKey: .record)
            try container.encode(kind, forKey: .kind)
            try container.encode(lead, forKey: .lead)
            try container.encode(state, forKey: .state)
            try container.encode(furthestMilestone, forKey: .furthestMilestone)
            try container.encode(furthestDate, forKey: .furthestDate)
            try container.encode(nextMilestone, forKey: .nextMilestone)
            try container.encode(nextDue, forKey: .nextDue)
        }
    }

    struct CohortEntry: Encodable {
        var period: String
        var pipeline: String
        var created: Int
        var converted: Int
        var filled: Int
        var completed: Int
        var lost: Int
        var open: Int
        var leads: [String]
    }

    struct OwnerEntry: Encodable {
        var owner: String
        var agenda: [String]
        var stale: [String]
        var open: Int
    }

    struct ClaimEntry: Encodable {
        var lead: String
        var by: String
        var at: String
        var expires: String
        var expired: Bool
    }

    struct ForecastEntry: Encodable {
        var pipeline: String
        var currency: String
        var openValue: Double
        var weightedValue: Double
        var wonValue: Double

        enum CodingKeys: String, CodingKey {
            case pipeline, currency
            case openValue = "open_value"
            case weightedValue = "weighted_value"
            case wonValue = "won_value"
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
        /// `follow_up` or `milestone`.
        var kind: String
        var lead: String?
        var due: String
        var bucket: String
        /// For a milestone: the application or job, and the step's code.
        var record: String?
        var milestone: String?

        enum CodingKeys: String, CodingKey {
            case kind, lead, due, bucket, record, milestone
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(lead, forKey: .lead)
            try container.encode(due, forKey: .due)
            try container.encode(bucket, forKey: .bucket)
            try container.encodeIfPresent(record, forKey: .record)
            try container.encodeIfPresent(milestone, forKey: .milestone)
        }
    }

    var asOf: String
    var pipelines: [PipelineEntry]
    var stale: [StaleEntry]
    var funnel: [FunnelEntry]
    var agenda: [AgendaEntry]
    var outcomes: [OutcomeEntry]
    var cohorts: [CohortEntry]
    var forecast: [ForecastEntry]
    var owners: [OwnerEntry]
    var claims: [ClaimEntry]
    /// What git shows changed, committed ones oldest first, then the uncommitted (`commit` null).
    var changes: [RecordChange]
    var diagnostics: [Diagnostic.Record]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case pipelines, stale, funnel, agenda, outcomes, cohorts, forecast, owners, claims, changes, diagnostics
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
        stale = Self.stale(report, leads: report.stale, stalled: report.stalled)
        funnel = report.funnel.map {
            FunnelEntry(
                pipeline: $0.pipeline, status: $0.status, reached: $0.reached,
                conversionToNext: $0.conversionToNext.map { ($0 * 10_000).rounded() / 10_000 },
                medianDaysInStage: $0.medianDaysInStage)
        }
        agenda = Self.agenda(report, followUps: report.agenda, milestones: report.milestonesDue).map(\.entry)
        outcomes = (report.applications + report.jobs).sorted { $0.id < $1.id }.map { facts in
            OutcomeEntry(
                record: facts.id, kind: facts.kind.rawValue, lead: facts.lead.map { leads[$0].id },
                state: facts.state.rawValue, furthestMilestone: facts.furthest?.milestone.value,
                furthestDate: facts.furthest?.date?.value.description, nextMilestone: facts.next?.code,
                nextDue: facts.nextDue?.description)
        }
        cohorts = report.cohorts.map { cohort in
            CohortEntry(
                period: cohort.period, pipeline: cohort.pipeline, created: cohort.created.count,
                converted: cohort.converted.count, filled: cohort.filled.count, completed: cohort.completed.count,
                lost: cohort.lost.count, open: cohort.open.count, leads: cohort.leads.map { leads[$0].id })
        }
        owners = report.owners.map { day in
            OwnerEntry(
                owner: day.owner.name, agenda: day.agenda.map { leads[$0].id }, stale: day.stale.map { leads[$0].id },
                open: day.open.count)
        }
        claims = report.claims.map {
            ClaimEntry(
                lead: leads[$0.lead].id, by: $0.by.name, at: $0.at.description, expires: $0.expires.description,
                expired: $0.expired)
        }
        forecast = report.forecast.map {
            ForecastEntry(
                pipeline: $0.pipeline, currency: $0.currency, openValue: $0.openValue, weightedValue: $0.weightedValue,
                wonValue: $0.wonValue)
        }
        changes = report.changes
        diagnostics = report.content.diagnostics.map(\.record)
    }

    /// The agenda as `report.json` lists it, each entry with what it is about: follow-ups (lead
    /// positions) in their order, a milestone after the follow-ups due the same day. `leads today`
    /// reads the same list.
    static func agenda(_ report: Report, followUps: [Int], milestones: [MilestoneDue]) -> [(
        entry: AgendaEntry, lead: Int?, milestone: MilestoneDue?
    )] {
        let leads = report.records.leads
        let entries =
            followUps.map { position in
                (
                    entry: AgendaEntry(
                        kind: "follow_up", lead: leads[position].id,
                        due: leads[position].nextFollowUp!.value.day.description,
                        bucket: report.facts[position].agendaBucket!.rawValue),
                    lead: Optional(position), milestone: MilestoneDue?.none
                )
            }
            + milestones.map { due in
                (
                    entry: AgendaEntry(
                        kind: "milestone", lead: due.lead.map { leads[$0].id }, due: due.date.description,
                        bucket: due.bucket.rawValue, record: due.record, milestone: due.step.code),
                    lead: due.lead, milestone: Optional(due)
                )
            }
        return entries.enumerated().sorted { ($0.element.entry.due, $0.offset) < ($1.element.entry.due, $1.offset) }
            .map(\.element)
    }

    /// The stale list as `report.json` gives it: stale leads (positions), then applications and
    /// jobs without progress.
    static func stale(_ report: Report, leads positions: [Int], stalled: [TrackFacts]) -> [StaleEntry] {
        let leads = report.records.leads
        return positions.map { position in
            let fact = report.facts[position]
            return StaleEntry(
                lead: leads[position].id, reasons: fact.staleReasons.map(\.rawValue),
                lastInteraction: fact.lastInteraction.flatMap {
                    report.records.interactions[$0].date?.value.day.description
                },
                nextFollowUp: leads[position].nextFollowUp?.value.day.description)
        }
            + stalled.map { facts in
                StaleEntry(
                    lead: facts.lead.map { leads[$0].id }, reasons: facts.staleReasons.map(\.rawValue),
                    lastInteraction: nil, nextFollowUp: nil, record: facts.id)
            }
    }

    func encoded() -> [UInt8] { TerminalStyle.json(self) }
}
