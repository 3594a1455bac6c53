/// `leads today`: whom to contact — the report's agenda (overdue, today, the next 7 days; follow-ups
/// and milestones) with the person and how to reach them, the last interaction and the next action,
/// then the stale leads and stalled applications and jobs with their reasons. The entries are
/// `report.json`'s `agenda` and `stale` (the same analysis), filtered to one owner when asked.
public struct TodayView: Encodable {
    /// Whom to contact about an entry, and how.
    public struct Person: Encodable {
        var name: String
        var email: String?
        var phone: String?
    }

    /// The last interaction with a lead.
    public struct Touch: Encodable {
        var date: String
        var type: String
        var summary: String
    }

    public struct Entry: Encodable {
        /// `kind`, `lead`, `due`, `bucket`, `record`, `milestone`: as in `report.json`'s `agenda`.
        var agenda: ReportJSON.AgendaEntry
        /// `Staff Engineer · Northwind Logistics`, or the milestone and its record.
        var title: String
        var contact: Person?
        var lastInteraction: Touch?
        var nextAction: String?
        var owner: String?

        enum CodingKeys: String, CodingKey {
            case title, contact, owner
            case lastInteraction = "last_interaction"
            case nextAction = "next_action"
        }

        public func encode(to encoder: Encoder) throws {
            try agenda.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode(contact, forKey: .contact)
            try container.encode(lastInteraction, forKey: .lastInteraction)
            try container.encode(nextAction, forKey: .nextAction)
            try container.encode(owner, forKey: .owner)
        }
    }

    public struct StaleItem: Encodable {
        /// `lead`, `reasons`, `last_interaction`, `next_follow_up`, `record`: as in `report.json`.
        var stale: ReportJSON.StaleEntry
        var title: String

        enum CodingKeys: String, CodingKey { case title }

        public func encode(to encoder: Encoder) throws {
            try stale.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
        }
    }

    var asOf: String
    var owner: String?
    var agenda: [Entry]
    var stale: [StaleItem]

    enum CodingKeys: String, CodingKey {
        case owner, agenda, stale
        case asOf = "as_of"
    }

    /// The day of `report`, everyone's or `owner`'s (matched as `config.yml`'s owners are).
    public init(_ report: Report, owner: String? = nil) {
        let content = report.content
        let leads = report.records.leads
        asOf = report.asOf.description
        var followUps = report.agenda
        var milestones = report.milestonesDue
        var staleLeads = report.stale
        var stalled = report.stalled
        if let owner {
            let key = content.configuration.owner(named: owner).key
            self.owner = content.configuration.owner(named: owner).name
            let mine = { (position: Int?) in position.flatMap { leads[$0].owner }.map { Owner.key($0.value) } == key }
            followUps = followUps.filter(mine)
            milestones = milestones.filter { mine($0.lead) }
            staleLeads = staleLeads.filter(mine)
            stalled = stalled.filter { mine($0.lead) }
        }
        agenda = ReportJSON.agenda(report, followUps: followUps, milestones: milestones).map { item in
            let lead = item.lead.map { leads[$0] }
            let last = item.lead.flatMap { report.facts[$0].lastInteraction }.map { report.records.interactions[$0] }
            var title = lead.map(content.leadTitle) ?? ""
            if let due = item.milestone {
                title =
                    due.step.label + " · "
                    + (report.trackedRecord(report.track(due.kind, due.index)).title?.value
                        ?? due.record)
            }
            return Entry(
                agenda: item.entry, title: title, contact: lead.flatMap { Self.person(for: $0, content) },
                lastInteraction: last.map {
                    Touch(
                        date: $0.date?.value.description ?? "", type: $0.type?.value.rawValue ?? "",
                        summary: $0.summary?.value ?? $0.id)
                },
                nextAction: item.milestone?.action ?? last?.nextAction?.value,
                owner: lead?.owner.map { content.configuration.owner(named: $0.value).name })
        }
        stale = ReportJSON.stale(report, leads: staleLeads, stalled: stalled).enumerated().map { offset, entry in
            let title =
                offset < staleLeads.count
                ? content.leadTitle(leads[staleLeads[offset]])
                : report.trackedRecord(stalled[offset - staleLeads.count]).title?.value ?? entry.record ?? ""
            return StaleItem(stale: entry, title: title)
        }
    }

    /// The person to contact about a lead: its contact record, else the name, email and phone the
    /// lead keeps itself.
    static func person(for lead: Lead, _ content: CheckedContent) -> Person? {
        if let target = lead.contact?.value.target, let position = content.index.contacts[target] {
            let contact = content.records.contacts[position]
            return Person(
                name: contact.name?.value ?? contact.id, email: contact.email?.value ?? lead.email?.value,
                phone: contact.phone?.value ?? lead.phone?.value)
        }
        guard lead.contactName != nil || lead.email != nil || lead.phone != nil else { return nil }
        return Person(
            name: lead.contactName?.value ?? "", email: lead.email?.value, phone: lead.phone?.value)
    }

    public func json() -> [UInt8] { TerminalStyle.json(self) }

    /// The day as text: a section per agenda bucket, then the stale list; `Nothing due` when empty.
    public func text(_ style: TerminalStyle) -> String {
        var lines: [String] = []
        let buckets: [(AgendaBucket, String)] = [(.overdue, "Overdue"), (.today, "Today"), (.next7Days, "Next 7 days")]
        for (bucket, heading) in buckets {
            let entries = agenda.filter { $0.agenda.bucket == bucket.rawValue }
            guard !entries.isEmpty else { continue }
            lines.append(style.bold(heading))
            for entry in entries {
                let due = Day(parsing: entry.agenda.due).map(Format.day) ?? entry.agenda.due
                let what = entry.agenda.kind == "milestone" ? "milestone" : "follow-up"
                let id = entry.agenda.record ?? entry.agenda.lead ?? ""
                let date = bucket == .overdue ? style.red(due) : due
                lines.append("  \(date)  \(style.bold(entry.title))  \(style.dim("\(id) · \(what)"))")
                if let contact = entry.contact {
                    let how = [contact.email, contact.phone].compactMap { $0 }.joined(separator: "  ")
                    lines.append("      " + [contact.name, how].filter { !$0.isEmpty }.joined(separator: "  "))
                }
                var context: [String] = []
                if let last = entry.lastInteraction {
                    context.append("last: \(last.date) \(Format.label(last.type)) “\(last.summary)”")
                }
                if let next = entry.nextAction { context.append("next: \(next)") }
                if let owner = entry.owner { context.append("owner: \(owner)") }
                if !context.isEmpty { lines.append("      " + style.dim(context.joined(separator: " · "))) }
            }
        }
        if agenda.isEmpty { lines.append("Nothing due" + (owner.map { " for \($0)" } ?? "") + " up to a week ahead.") }
        if !stale.isEmpty {
            lines.append(style.bold("Stale"))
            for item in stale {
                let id = item.stale.record ?? item.stale.lead ?? ""
                let reasons = item.stale.reasons.map { $0.replacingOccurrences(of: "_", with: " ") }
                    .joined(separator: ", ")
                let last = item.stale.lastInteraction.map { " · last \($0)" } ?? ""
                lines.append(
                    "  \(style.bold(item.title))  \(style.dim(id))  \(style.yellow(reasons))\(style.dim(last))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
