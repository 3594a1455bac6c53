/// `leads show ID`: one record as the terminal shows it — its fields (the export's columns, so the
/// same values as `leads export`), its timeline (a lead's or a contact's interactions) or its
/// milestones (an application's or a job's), the records that link to it, and its problems.
public struct RecordView: Encodable {
    public struct Field: Encodable {
        var key: String
        var value: RecordExport.ExportValue
    }

    public struct TimelineEntry: Encodable {
        var id: String
        var date: String
        var type: String
        var summary: String
        var sentiment: String?
        var nextAction: String?

        enum CodingKeys: String, CodingKey {
            case id, date, type, summary, sentiment
            case nextAction = "next_action"
        }
    }

    public struct MilestoneLine: Encodable {
        var name: String
        var label: String
        var date: String?
        var outcome: String?
    }

    public struct LinkLine: Encodable {
        var kind: String
        var id: String
        var name: String
    }

    var kind: String
    var id: String
    var file: String
    var title: String
    var fields: [Field]
    var timeline: [TimelineEntry]
    var milestones: [MilestoneLine]
    var nextMilestone: String?
    var linkedFrom: [LinkLine]
    var problems: [Diagnostic.Record]

    enum CodingKeys: String, CodingKey {
        case kind, id, file, title, timeline, milestones, problems
        case fields
        case nextMilestone = "next_milestone"
        case linkedFrom = "linked_from"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id, forKey: .id)
        try container.encode(file, forKey: .file)
        try container.encode(title, forKey: .title)
        // Fields as one object, in no particular order once encoded (keys are sorted).
        try container.encode(
            Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }), forKey: .fields)
        try container.encode(timeline, forKey: .timeline)
        try container.encode(milestones, forKey: .milestones)
        try container.encode(nextMilestone, forKey: .nextMilestone)
        try container.encode(linkedFrom, forKey: .linkedFrom)
        try container.encode(problems, forKey: .problems)
    }

    /// The record of `kind` at `position` in `report`.
    public init(_ report: Report, kind: RecordKind, position: Int) {
        let content = report.content
        let records = report.records
        let export = RecordExport(report: report)
        let table = export.table(RecordExport.Kind(rawValue: kind.rawValue)!)
        let row = table.rows[position]
        fields = zip(table.columns, row).compactMap { column, value in
            guard let value, !value.isEmpty, column != "id", column != "file" else { return nil }
            return Field(key: column, value: value)
        }
        self.kind = kind.rawValue
        let header: RecordHeader
        var interactions: [Int] = []
        var linking: [(RecordKind, Int)] = []
        var entries: [MilestoneEntry] = []
        var track: TrackFacts?
        switch kind {
        case .lead:
            let lead = records.leads[position]
            header = lead.header
            title = content.leadTitle(lead)
            interactions = report.facts[position].interactions
            linking =
                (content.index.applicationsByLead[lead.id] ?? []).map { (.application, $0) }
                + (content.index.jobsByLead[lead.id] ?? []).map { (.job, $0) }
        case .contact:
            let contact = records.contacts[position]
            header = contact.header
            title = contact.name?.value ?? contact.id
            interactions = report.backLinks.interactionsByContact[contact.id] ?? []
            linking =
                (report.backLinks.leadsByContact[contact.id] ?? []).map { (.lead, $0) }
                + (report.backLinks.leadsByClient[contact.id] ?? []).map { (.lead, $0) }
        case .company:
            let company = records.companies[position]
            header = company.header
            title = company.name?.value ?? company.id
            linking =
                (report.backLinks.leadsByCompany[company.id] ?? []).map { (.lead, $0) }
                + (report.backLinks.leadsByClient[company.id] ?? []).map { (.lead, $0) }
                + (report.backLinks.contactsByCompany[company.id] ?? []).map { (.contact, $0) }
        case .interaction:
            let interaction = records.interactions[position]
            header = interaction.header
            title = interaction.summary?.value ?? interaction.id
        case .application:
            let application = records.applications[position]
            header = application.header
            title = application.title?.value ?? application.id
            entries = application.milestones
            track = report.applications[position]
        case .job:
            let job = records.jobs[position]
            header = job.header
            title = job.title?.value ?? job.id
            entries = job.milestones
            track = report.jobs[position]
        }
        id = header.id
        file = header.file
        timeline = interactions.map { position in
            let interaction = records.interactions[position]
            return TimelineEntry(
                id: interaction.id, date: interaction.date?.value.description ?? "",
                type: interaction.type?.value.rawValue ?? "", summary: interaction.summary?.value ?? interaction.id,
                sentiment: interaction.sentiment?.value.rawValue, nextAction: interaction.nextAction?.value)
        }
        let steps = content.configuration.track(kind)
        milestones = entries.map { entry in
            MilestoneLine(
                name: entry.milestone.value, label: steps.step(entry.milestone.value)?.label ?? entry.milestone.value,
                date: entry.date?.value.description, outcome: entry.outcome?.value.rawValue)
        }
        nextMilestone = track?.next?.code
        var seen = Set<String>()
        linkedFrom = linking.compactMap { kind, position in
            let header: RecordHeader
            let name: String
            switch kind {
            case .lead: (header, name) = (records.leads[position].header, content.leadTitle(records.leads[position]))
            case .contact:
                let contact = records.contacts[position]
                (header, name) = (contact.header, contact.name?.value ?? contact.id)
            case .application:
                let application = records.applications[position]
                (header, name) = (application.header, application.title?.value ?? application.id)
            case .job: (header, name) = (records.jobs[position].header, records.jobs[position].title?.value ?? "")
            default: return nil
            }
            guard seen.insert(kind.rawValue + "/" + header.id).inserted else { return nil }
            return LinkLine(kind: kind.rawValue, id: header.id, name: name)
        }
        problems = content.diagnostics.filter { $0.location.file == header.file }.map(\.record)
    }

    public func json() -> [UInt8] { TerminalStyle.json(self) }

    public func text(_ style: TerminalStyle) -> String {
        var lines = [style.bold(title) + "  " + style.dim("\(kind) \(id) · \(file)")]
        let width = min(16, (fields.map(\.key.count).max() ?? 0) + 1)
        for field in fields {
            let value: String
            switch field.value {
            case .entries(let keys, let items):
                value = items.map { item in keys.compactMap { item[$0] }.joined(separator: " ") }
                    .joined(separator: "; ")
            default: value = field.value.csv
            }
            let shown = value.contains("\n") ? value.replacingOccurrences(of: "\n", with: "\n    ") : value
            if field.key == "notes" {
                lines.append("  notes:\n    " + shown)
            } else {
                lines.append(
                    "  " + (field.key + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + " " + shown)
            }
        }
        if !milestones.isEmpty {
            lines.append(style.bold("Milestones"))
            for milestone in milestones {
                lines.append(
                    "  \(milestone.date ?? "–")  \(milestone.label)" + (milestone.outcome.map { "  \($0)" } ?? ""))
            }
            if let next = nextMilestone { lines.append("  " + style.dim("next: \(next)")) }
        }
        if !timeline.isEmpty {
            lines.append(style.bold("Timeline"))
            for entry in timeline {
                var line = "  \(entry.date)  \(Format.label(entry.type))  “\(entry.summary)”"
                if let next = entry.nextAction { line += style.dim("  next: \(next)") }
                lines.append(line)
            }
        }
        if !linkedFrom.isEmpty {
            lines.append(style.bold("Linked from"))
            for link in linkedFrom { lines.append("  \(link.kind) \(link.id)  \(style.dim(link.name))") }
        }
        if !problems.isEmpty {
            lines.append(style.bold("Problems"))
            for problem in problems {
                let text =
                    "\(problem.file):\(problem.line):\(problem.column): \(problem.severity): \(problem.message) [\(problem.code)]"
                lines.append("  " + (problem.severity == "error" ? style.red(text) : style.yellow(text)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
