extension CheckedContent {
    /// The record a link names, by its own id (which may differ from the link in Unicode
    /// normalization) and the name it shows (its id when it has none); nil when no record of that
    /// kind has the id.
    public func resolve(_ target: String, _ kind: RecordKind) -> (id: String, name: String)? {
        switch kind {
        case .company:
            index.companies[target].map { records.companies[$0] }.map { ($0.id, $0.name?.value ?? $0.id) }
        case .contact:
            index.contacts[target].map { records.contacts[$0] }.map { ($0.id, $0.name?.value ?? $0.id) }
        case .lead: index.leads[target].map { (records.leads[$0].id, records.leads[$0].id) }
        case .interaction: index.interactions[target].map { (records.interactions[$0].id, records.interactions[$0].id) }
        case .application:
            index.applications[target].map { records.applications[$0] }.map { ($0.id, $0.title?.value ?? $0.id) }
        case .job: index.jobs[target].map { records.jobs[$0] }.map { ($0.id, $0.title?.value ?? $0.id) }
        }
    }

    /// The record a `[[id]]` in a note's body names, whatever its kind: a contact, company, lead,
    /// application, job or interaction, tried in that order when ids repeat across kinds. The name
    /// is the one its page shows (a lead's role and company).
    public func resolveNoteLink(_ target: String) -> (kind: RecordKind, id: String, name: String)? {
        let kinds: [RecordKind] = [.contact, .company, .lead, .application, .job, .interaction]
        for kind in kinds {
            guard let record = resolve(target, kind) else { continue }
            switch kind {
            case .lead: return (kind, record.id, index.leads[target].map { leadTitle(records.leads[$0]) } ?? record.id)
            case .interaction:
                let summary = index.interactions[target].flatMap { records.interactions[$0].summary?.value }
                return (kind, record.id, summary ?? record.id)
            default: return (kind, record.id, record.name)
            }
        }
        return nil
    }

    /// The client a link names: a company, else a contact (a person as a client).
    public func resolveClient(_ target: String) -> (id: String, name: String, kind: RecordKind)? {
        if let company = resolve(target, .company) { return (company.id, company.name, .company) }
        if let contact = resolve(target, .contact) { return (contact.id, contact.name, .contact) }
        return nil
    }

    /// `Staff Engineer · Northwind Logistics`: the role, and the company's name or text.
    public func leadTitle(_ lead: Lead) -> String {
        let company = lead.company.map { resolve($0.value.target, .company)?.name ?? $0.value.target } ?? ""
        let role = lead.role?.value ?? lead.id
        return company.isEmpty ? role : "\(role) · \(company)"
    }
}
