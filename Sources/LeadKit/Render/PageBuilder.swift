/// Builds the view model of every page from a report: all formatting and lookups happen here.
struct PageBuilder {
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

    /// Whether a record has its own page: only the first of duplicate ids does.
    func hasPage(_ header: RecordHeader) -> Bool {
        switch header.kind {
        case .lead: index.leads[header.id].map { records.leads[$0].header.file == header.file } ?? false
        case .contact: index.contacts[header.id].map { records.contacts[$0].header.file == header.file } ?? false
        case .company: index.companies[header.id].map { records.companies[$0].header.file == header.file } ?? false
        case .application:
            index.applications[header.id].map { records.applications[$0].header.file == header.file } ?? false
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
            nextFollowUp: lead.nextFollowUp.map { Format.dayTime($0.value) },
            followUpRelative: lead.nextFollowUp.map { Format.relative($0.value.day, asOf: report.asOf) },
            owner: lead.owner?.value, tags: tags, source: lead.source.map { Format.label($0.value) },
            badge: badge(lead.header.file), searchText: search.joined(separator: " ").lowercased(),
            filterStage: status.lowercased(), filterOwner: lead.owner?.value.lowercased() ?? "",
            filterTags: "|" + tags.map { $0.lowercased() }.joined(separator: "|") + "|",
            lastInteraction: fact.lastInteraction.map { interaction($0, depth: depth, withNotes: false) },
            staleReasons: fact.staleReasons.map { Format.label($0.rawValue) },
            silence: fact.silenceDays.map { Format.days($0) })
    }

    /// An interaction as a row or timeline entry; `showLead: false` on the lead's own page.
    func interaction(_ position: Int, depth: Int, withNotes: Bool, showLead: Bool = true) -> InteractionLine {
        let interaction = records.interactions[position]
        let leadPosition = showLead ? interaction.lead.flatMap { index.leads[$0.value.target] } : nil
        let contact = contact(interaction.contact, depth: depth)
        let notes = withNotes ? Markdown.html(interaction.header.body) : ""
        let problems = withNotes ? problems(interaction.header.file, depth: depth) : []
        return InteractionLine(
            date: interaction.date.map { Format.dayTime($0.value) } ?? "undated",
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

    func filterOptions(_ cards: [LeadCard]) -> FilterOptions {
        func choices(_ values: [String], label: (String) -> String = { $0 }) -> [FilterOptions.Choice] {
            var seen = Set<String>()
            return values.filter { !$0.isEmpty && seen.insert($0).inserted }
                .map { FilterOptions.Choice(value: $0.lowercased(), label: label($0)) }
        }
        let stages = report.content.configuration.pipelines.flatMap(\.allStatuses)
        return FilterOptions(
            stages: choices(stages, label: Format.label),
            temperatures: choices(Temperature.allCases.map(\.rawValue), label: Format.label),
            owners: choices(cards.compactMap(\.owner).sorted()),
            tags: choices(cards.flatMap(\.tags).sorted()))
    }
}
