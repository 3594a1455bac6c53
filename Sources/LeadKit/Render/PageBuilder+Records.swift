extension PageBuilder {
    func leadPage(_ position: Int) -> LeadPage {
        let lead = records.leads[position]
        let fact = report.facts[position]
        let card = card(position, depth: 1)
        var fields = [
            FieldRow(label: "Status", value: card.statusLabel, href: nil),
            FieldRow(label: "Pipeline", value: Format.label(fact.pipeline.name), href: nil),
            FieldRow(label: "Temperature", value: Format.label(card.temperature), href: nil),
            FieldRow(label: "Company", value: card.company, href: card.companyHref),
        ]
        if let source = card.source { fields.append(FieldRow(label: "Source", value: source, href: nil)) }
        if let created = lead.created {
            fields.append(FieldRow(label: "Created", value: Format.day(created.value), href: nil))
        }
        if let days = card.daysInStage { fields.append(FieldRow(label: "In stage for", value: days, href: nil)) }
        if let due = card.nextFollowUp {
            fields.append(
                FieldRow(label: "Next follow-up", value: "\(due) (\(card.followUpRelative ?? ""))", href: nil))
        }
        if let contact = contact(lead.contact, depth: 1) {
            fields.append(FieldRow(label: "Contact", value: contact.name, href: contact.href))
        }
        if let owner = lead.owner { fields.append(FieldRow(label: "Owner", value: owner.value, href: nil)) }
        if !card.tags.isEmpty {
            fields.append(FieldRow(label: "Tags", value: card.tags.joined(separator: ", "), href: nil))
        }
        fields += customRows(lead.header)
        if !card.staleReasons.isEmpty {
            fields.append(
                FieldRow(label: "Stale", value: card.staleReasons.joined(separator: ", "), href: "../stale.html"))
        }
        var applications = (index.applicationsByLead[lead.id] ?? []).map { records.applications[$0] }
            .filter { hasPage($0.header) }
            .map {
                FieldRow(
                    label: "Application", value: $0.title?.value ?? $0.id, href: href(.application, $0.id, depth: 1))
            }
        applications += (index.jobsByLead[lead.id] ?? []).map { records.jobs[$0] }.filter { hasPage($0.header) }
            .map { FieldRow(label: "Job", value: $0.title?.value ?? $0.id, href: href(.job, $0.id, depth: 1)) }
        if let target = lead.client?.value.target, let client = report.content.resolveClient(target) {
            applications.append(
                FieldRow(label: "Client", value: client.name, href: href(client.kind, client.id, depth: 1)))
        }
        let notes = notes(lead.header, headingLevel: 2, depth: 1)
        let history = lead.history.map {
            LeadPage.HistoryRow(
                status: Format.label($0.status.value), date: $0.date.map { Format.day($0.value) } ?? "–",
                source: Self.source($0))
        }
        let historyNotes = report.historyNotes[position] ?? []
        // Interactions and the commits that moved the lead or its follow-up, newest first.
        let timeline =
            (fact.interactions.map { interaction($0, depth: 1, withNotes: true, showLead: false) }
            + commitLines(for: lead, depth: 1)).enumerated().sorted { a, b in
                (a.element.isoDate, a.offset) > (b.element.isoDate, b.offset)
            }.map(\.element)
        let problems = problems(lead.header.file, depth: 1)
        return LeadPage(
            page: frame(card.role + (card.company.isEmpty ? "" : " · " + card.company), "", depth: 1), card: card,
            fields: fields, notesHTML: notes, hasNotes: !notes.isEmpty, history: history, hasHistory: !history.isEmpty,
            historyNotes: historyNotes, hasHistoryNotes: !historyNotes.isEmpty, lastChange: lastChange(lead.header),
            timeline: timeline, hasTimeline: !timeline.isEmpty, applications: applications, problems: problems,
            hasProblems: !problems.isEmpty)
    }

    func recordPage(
        _ header: RecordHeader, heading: String, fields: [FieldRow], leads: [Int] = [], people: [FieldRow] = [],
        timeline: [Int] = [], milestones: [MilestoneRow] = [], nextMilestone: String? = nil
    ) -> RecordPage {
        let notes = notes(header, headingLevel: 2, depth: 1)
        let problems = problems(header.file, depth: 1)
        let cards = leads.map { card($0, depth: 1) }
        let lines = timeline.reversed().map { interaction($0, depth: 1, withNotes: true) }
        return RecordPage(
            page: frame(heading, "", depth: 1), heading: heading, kind: Format.label(header.kind.rawValue),
            fields: (fields + customRows(header)).filter { !$0.value.isEmpty }, notesHTML: notes,
            hasNotes: !notes.isEmpty, leads: cards,
            hasLeads: !cards.isEmpty, people: people, hasPeople: !people.isEmpty, timeline: lines,
            hasTimeline: !lines.isEmpty, milestones: milestones, hasMilestones: !milestones.isEmpty,
            nextMilestone: nextMilestone, problems: problems, hasProblems: !problems.isEmpty,
            recordBadge: badge(header.file), lastChange: lastChange(header))
    }

    func contactPage(_ contact: Contact) -> RecordPage {
        let company = company(contact.company, depth: 1)
        return recordPage(
            contact.header, heading: contact.name?.value ?? contact.id,
            fields: [
                FieldRow(
                    label: "Client since", value: contact.clientSince.map { Format.day($0.value) } ?? "", href: nil),
                FieldRow(label: "Role", value: contact.role?.value ?? "", href: nil),
                FieldRow(label: "Company", value: company.name, href: company.href),
                FieldRow(
                    label: "Email", value: contact.email?.value ?? "",
                    href: contact.email.flatMap { SafeURL.href(for: "mailto:" + $0.value) }),
                FieldRow(
                    label: "Phone", value: contact.phone?.value ?? "",
                    href: contact.phone.flatMap { SafeURL.href(for: "tel:" + $0.value.filter { !$0.isWhitespace }) }),
                FieldRow(
                    label: "LinkedIn", value: contact.linkedin?.value ?? "",
                    href: contact.linkedin.flatMap { SafeURL.href(for: $0.value) }),
            ],
            leads: clientLeads(contact.id, also: report.backLinks.leadsByContact[contact.id] ?? []),
            timeline: report.backLinks.interactionsByContact[contact.id] ?? [])
    }

    func companyPage(_ company: Company) -> RecordPage {
        let people = (report.backLinks.contactsByCompany[company.id] ?? []).map { records.contacts[$0] }.map {
            FieldRow(label: $0.role?.value ?? "", value: $0.name?.value ?? $0.id, href: href(.contact, $0.id, depth: 1))
        }
        return recordPage(
            company.header, heading: company.name?.value ?? company.id,
            fields: [
                FieldRow(
                    label: "Client since", value: company.clientSince.map { Format.day($0.value) } ?? "", href: nil),
                FieldRow(label: "Industry", value: company.industry?.value ?? "", href: nil),
                FieldRow(
                    label: "Website", value: company.website?.value ?? "",
                    href: company.website.flatMap { SafeURL.href(for: $0.value) }),
            ],
            leads: clientLeads(company.id, also: report.backLinks.leadsByCompany[company.id] ?? []), people: people)
    }

    func applicationPage(_ application: Application) -> RecordPage {
        trackedPage(
            application, facts: report.applications[index.applications[application.id] ?? 0],
            fields: [
                FieldRow(label: "Applied", value: application.applied.map { Format.day($0.value) } ?? "", href: nil),
                FieldRow(
                    label: "Posting", value: application.url?.value ?? "",
                    href: application.url.flatMap { SafeURL.href(for: $0.value) }),
            ])
    }

    func jobPage(_ job: Job) -> RecordPage {
        let contact = contact(job.contact, depth: 1)
        return trackedPage(
            job, facts: report.jobs[index.jobs[job.id] ?? 0],
            fields: [
                FieldRow(label: "Contact", value: contact?.name ?? "", href: contact?.href),
                FieldRow(label: "Openings", value: job.openings.map { FieldValue.format($0.value) } ?? "1", href: nil),
                FieldRow(
                    label: "Fee",
                    value: job.fee.map { Format.money($0.value, report.content.configuration.currency) } ?? "",
                    href: nil),
                FieldRow(label: "Opened", value: job.opened.map { Format.day($0.value) } ?? "", href: nil),
            ])
    }

    /// The page of an application or a job: its lead, company and outcome, its milestone track with
    /// each step done, booked or next, and the lead's timeline.
    func trackedPage<Record: TrackedRecord>(_ record: Record, facts: TrackFacts, fields extra: [FieldRow]) -> RecordPage
    {
        let company = company(record.company, depth: 1)
        let leadPosition = record.lead.flatMap { index.leads[$0.value.target] }
        let track = report.content.configuration.track(Record.kind)
        let recorded = Dictionary(
            record.milestones.map { ($0.milestone.value, $0) }, uniquingKeysWith: { first, _ in first })
        let milestones = track.steps.map { step in
            let entry = recorded[step.code]
            let day = entry?.date?.value
            let done = entry != nil && (day.map { $0 <= report.asOf } ?? true)
            let scheduled = day.map { $0 > report.asOf } ?? false
            let isNext = step == facts.next
            let state = [done ? "done" : nil, scheduled ? "scheduled" : nil, isNext ? "next" : nil]
            var date = entry.map { $0.date.map { Format.day($0.value) } ?? "date missing" } ?? ""
            if let answer = entry?.outcome?.value {
                date += (date.isEmpty ? "" : " · ") + Format.label(answer.rawValue)
            }
            return MilestoneRow(
                label: step.label, date: date, done: done, scheduled: scheduled, isNext: isNext,
                state: state.contains { $0 != nil } ? state.compactMap { $0 }.joined(separator: " ") : nil)
        }
        var fields =
            [
                FieldRow(label: "Company", value: company.name, href: company.href),
                FieldRow(label: "Outcome", value: Format.label(facts.state.rawValue.uppercased()), href: nil),
            ] + extra
        if let closed = record.closed {
            fields.append(FieldRow(label: "Closed", value: Format.day(closed.value), href: nil))
        }
        if let reason = record.reason { fields.append(FieldRow(label: "Reason", value: reason.value, href: nil)) }
        if let leadPosition {
            let lead = records.leads[leadPosition]
            fields.insert(FieldRow(label: "Lead", value: leadTitle(lead), href: href(.lead, lead.id, depth: 1)), at: 0)
        }
        return recordPage(
            record.header, heading: record.title?.value ?? record.id, fields: fields,
            timeline: leadPosition.map { report.facts[$0].interactions } ?? [], milestones: milestones,
            nextMilestone: facts.next?.label)
    }

    /// A client's leads, won and open: those whose `client:` names it, then the others that link it,
    /// in file order without repeats.
    func clientLeads(_ id: String, also linked: [Int]) -> [Int] {
        let clients = report.backLinks.leadsByClient[id] ?? []
        guard !clients.isEmpty else { return linked }
        return (clients + linked.filter { !clients.contains($0) }).sorted()
    }

    /// The fields `config.yml` declares for the record's kind, as the record page lists them.
    func customRows(_ header: RecordHeader) -> [FieldRow] {
        header.custom.map { custom in
            let text: String
            var href: String?
            switch custom.value {
            case .day(let day): text = Format.day(day.value)
            case .list(let items): text = items.map(\.value).joined(separator: ", ")
            default: text = custom.value.text
            }
            if custom.field.kind == .address { href = SafeURL.href(for: text) }
            if custom.field.kind == .email { href = SafeURL.href(for: "mailto:" + text) }
            return FieldRow(label: custom.field.label, value: text, href: href)
        }
    }
}
