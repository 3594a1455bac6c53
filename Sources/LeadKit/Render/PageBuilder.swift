/// Builds the view model of every page from a report: all formatting and lookups happen here. A
/// class: every one of a report's 17,000 render jobs holds it, and a struct would be copied into each.
final class PageBuilder: Sendable {
    let report: Report
    let problemsByFile: [String: [Diagnostic]]
    let headerByFile: [String: RecordHeader]
    /// The lead an interaction file belongs to, so its problems can link to the lead's page.
    let leadByInteractionFile: [String: String]

    init(report: Report) {
        self.report = report
        problemsByFile = Dictionary(grouping: report.content.diagnostics, by: \.location.file)
        headerByFile = Dictionary(
            report.records.headers.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        leadByInteractionFile = Dictionary(
            report.records.interactions.compactMap { interaction in
                interaction.lead.map { (interaction.header.file, $0.value.target) }
            }, uniquingKeysWith: { first, _ in first })
    }

    var records: RecordSet { report.records }
    var index: RecordIndex { report.content.index }

    func href(_ kind: RecordKind, _ id: String, depth: Int) -> String {
        String(repeating: "../", count: depth) + kind.folder + "/" + Format.pathComponent(id) + ".html"
    }

    /// A note's body as HTML for a page `depth` folders down, its headings below `headingLevel`
    /// and its `[[links]]` pointing to the records' pages.
    func notes(_ header: RecordHeader, headingLevel: Int, depth: Int) -> String {
        let content = report.content
        let style = Markdown.NoteStyle(headingLevel: headingLevel) { target in
            content.resolveNoteLink(target).map { found in
                guard found.kind == .interaction, let position = self.index.interactions[found.id] else {
                    return (self.href(found.kind, found.id, depth: depth), found.name)
                }
                // Interactions have no pages of their own: they are entries of their month's page.
                return (self.interactionHref(self.records.interactions[position], depth: depth), found.name)
            }
        }
        return Markdown.html(header.body, style: style)
    }

    /// Whether a record has its own page: only the first of duplicate ids does.
    func hasPage(_ header: RecordHeader) -> Bool {
        switch header.kind {
        case .lead: index.leads[header.id].map { records.leads[$0].header.file == header.file } ?? false
        case .contact: index.contacts[header.id].map { records.contacts[$0].header.file == header.file } ?? false
        case .company: index.companies[header.id].map { records.companies[$0].header.file == header.file } ?? false
        case .application:
            index.applications[header.id].map { records.applications[$0].header.file == header.file } ?? false
        case .job: index.jobs[header.id].map { records.jobs[$0].header.file == header.file } ?? false
        case .interaction: false
        }
    }

    func problems(_ file: String, depth: Int) -> [ProblemView] {
        (problemsByFile[file] ?? []).map { problem(for: $0, depth: depth) }
    }

    func problem(for diagnostic: Diagnostic, depth: Int) -> ProblemView {
        let header = headerByFile[diagnostic.location.file]
        let recordHref: String? = header.flatMap { header in
            if hasPage(header) { return href(header.kind, header.id, depth: depth) }
            if header.kind == .interaction, let lead = leadByInteractionFile[header.file], index.leads[lead] != nil {
                return href(.lead, lead, depth: depth)
            }
            return nil
        }
        return ProblemView(
            severity: diagnostic.severity.rawValue, isError: diagnostic.severity == .error,
            code: diagnostic.code.rawValue,
            location: "\(diagnostic.location.file):\(diagnostic.location.line):\(diagnostic.location.column)",
            message: diagnostic.message, recordHref: recordHref)
    }

    func badge(_ file: String) -> ProblemBadge? {
        guard let problems = problemsByFile[file], !problems.isEmpty else { return nil }
        let errors = problems.count { $0.severity == .error }
        return ProblemBadge(text: Format.plural(problems.count, "problem"), isError: errors > 0)
    }

    /// A company written as a link shows its record's name; as text, the text.
    func company(_ link: Located<Link>?, depth: Int) -> (name: String, href: String?) {
        guard let target = link?.value.target else { return ("", nil) }
        guard let company = report.content.resolve(target, .company) else { return (target, nil) }
        return (company.name, href(.company, company.id, depth: depth))
    }

    func contact(_ link: Located<Link>?, depth: Int) -> (name: String, href: String?)? {
        guard let target = link?.value.target else { return nil }
        guard let contact = report.content.resolve(target, .contact) else { return (target, nil) }
        return (contact.name, href(.contact, contact.id, depth: depth))
    }

    func leadTitle(_ lead: Lead) -> String {
        report.content.leadTitle(lead)
    }

    func card(_ position: Int, depth: Int) -> LeadCard {
        let lead = records.leads[position]
        let fact = report.facts[position]
        let company = company(lead.company, depth: depth)
        let status = lead.status?.value ?? "NO_STATUS"
        let temperature = lead.temperature?.value.rawValue ?? "UNKNOWN"
        let tags = lead.tags.map(\.value)
        let search =
            [lead.role?.value, company.name, status, temperature, lead.owner?.value, lead.source?.value]
            .compactMap { $0 } + tags
        return LeadCard(
            id: lead.id, href: href(.lead, lead.id, depth: depth), role: lead.role?.value ?? lead.id,
            company: company.name, companyHref: company.href, temperature: temperature,
            temperatureClass: temperature.lowercased(), status: status, statusLabel: Format.label(status),
            pipeline: fact.pipeline.name, daysInStage: fact.daysInStage.map(Format.days),
            // A won lead's follow-up is done: its card shows how the win went instead.
            nextFollowUp: fact.isWon ? nil : lead.nextFollowUp.map { Format.dayTime($0.value) },
            followUpRelative: fact.isWon
                ? nil : lead.nextFollowUp.map { Format.relative($0.value.day, asOf: report.asOf) },
            owner: lead.owner.map { report.content.configuration.owner(named: $0.value).name }, tags: tags,
            source: lead.source.map { Format.label($0.value) },
            badge: badge(lead.header.file), searchText: search.joined(separator: " ").lowercased(),
            filterStage: status.lowercased(), filterOwner: lead.owner.map { Owner.key($0.value) } ?? "",
            filterTags: "|" + tags.map { $0.lowercased() }.joined(separator: "|") + "|",
            filterOutcome: report.outcome(ofLead: position), created: lead.created.map { Format.day($0.value) },
            createdISO: lead.created?.value.description ?? "",
            stageRank: sortKey(pipeline: fact.pipeline, status: status), temperatureRank: lead.urgencyRank,
            daysInStageValue: fact.daysInStage.map { String($0) } ?? "",
            followUpISO: fact.isWon ? "" : lead.nextFollowUp?.value.description ?? "",
            lastInteraction: fact.lastInteraction.map { interaction($0, depth: depth, withNotes: false) },
            staleReasons: fact.staleReasons.map { Format.label($0.rawValue) },
            silence: fact.silenceDays.map { Format.days($0) }, reach: reach(lead, depth: depth),
            outcome: fact.isWon ? outcome(position) : nil)
    }

    /// A stage's place among every pipeline's stages (pipelines in configuration order, closed
    /// stages after the ordered ones), zero-padded so text order is stage order.
    func sortKey(pipeline: Pipeline, status: String) -> String {
        let all = report.content.configuration.pipelines.flatMap(\.allStatuses.self)
        let position = report.content.configuration.pipelines.firstIndex(of: pipeline) ?? 0
        let rank = pipeline.allStatuses.firstIndex(of: status) ?? all.count
        return String(position).leftPadded(to: 3) + "-" + String(rank).leftPadded(to: 3)
    }

    /// Whom to contact about a lead: its contact record, else the name, email and phone it carries.
    func reach(_ lead: Lead, depth: Int) -> Reach? {
        let contact = lead.contact.flatMap { index.contacts[$0.value.target] }.map { records.contacts[$0] }
        let name = contact?.name?.value ?? lead.contactName?.value ?? lead.contact?.value.target
        let email = contact?.email?.value ?? lead.email?.value
        let phone = contact?.phone?.value ?? lead.phone?.value
        guard let name else { return nil }
        return Reach(
            name: name, href: contact.map { href(.contact, $0.id, depth: depth) }, email: email,
            emailHref: email.flatMap { SafeURL.href(for: "mailto:" + $0) }, phone: phone,
            phoneHref: phone.flatMap { SafeURL.href(for: "tel:" + $0.filter { !$0.isWhitespace }) })
    }

    /// A won lead's card line: its job's or application's furthest milestone and date, or its client.
    func outcome(_ position: Int) -> String? {
        if let facts = report.converted(position) {
            let track = report.content.configuration.track(facts.kind)
            if facts.state != .open { return Format.label(facts.state.rawValue.uppercased()) }
            if let furthest = facts.furthest {
                let label = track.step(furthest.milestone.value)?.label ?? furthest.milestone.value
                return label + (furthest.date.map { ", " + Format.day($0.value) } ?? "")
            }
            return "No milestone yet"
        }
        if let client = records.leads[position].client.flatMap({ report.content.resolveClient($0.value.target) }) {
            return "Client: " + client.name
        }
        return nil
    }

    /// A milestone due, as the agenda lists it.
    func milestoneLine(_ due: MilestoneDue, depth: Int) -> MilestoneLine {
        let record = report.trackedRecord(report.track(due.kind, due.index))
        let owner = due.lead.flatMap {
            records.leads[$0].owner.map { report.content.configuration.owner(named: $0.value).name }
        }
        let title = record.title?.value ?? record.id
        return MilestoneLine(
            date: Format.day(due.date), relative: Format.relative(due.date, asOf: report.asOf), label: due.step.label,
            title: title, href: href(due.kind, record.id, depth: depth), action: due.action,
            reach: due.lead.flatMap { reach(records.leads[$0], depth: depth) }, owner: owner,
            searchText: [title, due.step.label, owner ?? ""].joined(separator: " ").lowercased(),
            filterOwner: owner.map(Owner.key) ?? "")
    }

    /// Where an interaction is shown with its notes: its entry in its lead's timeline
    /// (`leads/<lead>.html#interaction-<id>`), else its row on its month's page.
    func interactionHref(_ interaction: Interaction, depth: Int) -> String {
        let prefix = String(repeating: "../", count: depth)
        if let target = interaction.lead?.value.target, let position = index.leads[target],
            hasPage(records.leads[position].header)
        {
            return href(.lead, records.leads[position].id, depth: depth) + "#" + Self.anchor(interaction)
        }
        return prefix + "interactions/" + InteractionLog.month(of: interaction) + ".html#" + Self.anchor(interaction)
    }

    /// The HTML id of an interaction's entry, the same on every page that shows it.
    static func anchor(_ interaction: Interaction) -> String {
        "interaction-" + Format.pathComponent(interaction.id)
    }

    /// An interaction as a row or timeline entry; `showLead: false` on the lead's own page.
    func interaction(_ position: Int, depth: Int, withNotes: Bool, showLead: Bool = true) -> InteractionLine {
        let interaction = records.interactions[position]
        let leadPosition = showLead ? interaction.lead.flatMap { index.leads[$0.value.target] } : nil
        let contact = contact(interaction.contact, depth: depth)
        // The interaction's summary is an <h3>.
        let notes = withNotes ? notes(interaction.header, headingLevel: 3, depth: depth) : ""
        let problems = withNotes ? problems(interaction.header.file, depth: depth) : []
        return InteractionLine(
            anchor: Self.anchor(interaction), date: interaction.date.map { Format.dayTime($0.value) } ?? "undated",
            isoDate: interaction.date?.value.description ?? "",
            type: interaction.type.map { Format.label($0.value.rawValue) } ?? "Interaction",
            summary: interaction.summary?.value ?? interaction.id,
            sentiment: interaction.sentiment.map { Format.label($0.value.rawValue) },
            sentimentClass: interaction.sentiment?.value.rawValue.lowercased(),
            nextAction: interaction.nextAction?.value,
            leadHref: leadPosition.map { href(.lead, records.leads[$0].id, depth: depth) },
            leadTitle: leadPosition.map { leadTitle(records.leads[$0]) },
            contactName: contact?.name, contactHref: contact?.href, notesHTML: notes,
            hasNotes: !notes.isEmpty, badge: badge(interaction.header.file),
            problems: problems, hasProblems: !problems.isEmpty)
    }

    func filterOptions(_ cards: [LeadCard], openOnly: Bool = false, otherOwners: [String] = []) -> FilterOptions {
        func choices(_ values: [String], label: (String) -> String = { $0 }) -> [FilterOptions.Choice] {
            var seen = Set<String>()
            return values.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
                .map { FilterOptions.Choice(value: $0.lowercased(), label: label($0)) }
        }
        // Only the stages some lead is at: a pipeline nobody uses does not crowd the list.
        let used = Set(cards.map(\.filterStage))
        let stages = report.content.configuration.pipelines.flatMap(\.allStatuses).filter {
            used.contains($0.lowercased())
        }
        let outcomes = openOnly ? [] : ["open", "won", "filled", "completed", "lost"]
        return FilterOptions(
            stages: choices(stages, label: Format.label),
            outcomes: outcomes.map {
                FilterOptions.Choice(value: $0, label: $0.prefix(1).uppercased() + $0.dropFirst())
            }, hasOutcomes: !outcomes.isEmpty,
            temperatures: choices(Temperature.allCases.map(\.rawValue), label: Format.label),
            owners: choices((cards.compactMap(\.owner) + otherOwners).sorted { Owner.key($0) < Owner.key($1) }),
            tags: choices(cards.flatMap(\.tags).sorted()))
    }
}
