/// A record named on the command line by `leads show` and the other read commands: `kind/id`, an
/// id of any kind, a unique start of one, or a unique name (`Workspace.match`'s rules).
public enum RecordReference {
    /// The kinds tried, in order, when an id is used by several.
    static let order: [RecordKind] = [.lead, .contact, .company, .application, .job, .interaction]

    /// The kind and position of the record `reference` names, or why none or several do.
    public static func find(_ reference: String, in content: CheckedContent) throws(EditError) -> (
        kind: RecordKind, position: Int
    ) {
        let records = content.records
        var wanted = Link(parsing: reference).target
        var kinds = order
        // `company/acme` or `companies/acme`: one kind only.
        if let slash = wanted.firstIndex(of: "/") {
            let name = wanted[..<slash].lowercased()
            guard let kind = RecordKind(named: name) else {
                throw EditError(
                    "'\(name)' is not a kind of record; one of "
                        + RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
                        + Suggestion.didYouMean(name, in: RecordKind.allCases.map(\.rawValue)))
            }
            kinds = [kind]
            wanted = String(wanted[wanted.index(after: slash)...])
        }
        let candidates = kinds.flatMap { kind in
            (0..<records.count(of: kind)).map { position in
                (
                    kind: kind, position: position, id: records.header(kind, at: position).id,
                    names: names(kind, position, in: content)
                )
            }
        }
        // The same id in several kinds: the first kind of `order`, as a note link does.
        if let exact = candidates.first(where: { $0.id == wanted }) { return (exact.kind, exact.position) }
        switch Workspace.match(wanted, among: candidates.map { ($0.id, $0.names) }) {
        case .one(let index): return (candidates[index].kind, candidates[index].position)
        case .several(let indexes) where Set(indexes.map { candidates[$0].id }).count == 1:
            // A lead and the application converted from it share an id: the lead, as for exact ids.
            return (candidates[indexes[0]].kind, candidates[indexes[0]].position)
        case .several(let indexes):
            let listed = indexes.prefix(8).map { "\(candidates[$0].kind.rawValue) \(candidates[$0].id)" }
            throw EditError(
                "'\(wanted)' could be \(indexes.count) records: " + listed.joined(separator: ", ")
                    + (indexes.count > 8 ? ", …" : "") + "; give more of the id")
        case .none:
            throw EditError(
                "no record '\(wanted)'" + Suggestion.didYouMean(wanted, in: candidates.map(\.id)))
        }
    }

    /// The names a record is found by besides its id: a lead's role, company and title (`role ·
    /// company`), a contact's or company's name, an application's or job's title, an interaction's
    /// summary.
    static func names(_ kind: RecordKind, _ position: Int, in content: CheckedContent) -> [String] {
        let records = content.records
        switch kind {
        case .lead:
            let lead = records.leads[position]
            let company = lead.company.map { content.resolve($0.value.target, .company)?.name ?? $0.value.target }
            return [lead.role?.value, company, content.leadTitle(lead)].compactMap { $0 }
        case .contact: return [records.contacts[position].name?.value].compactMap { $0 }
        case .company: return [records.companies[position].name?.value].compactMap { $0 }
        case .application: return [records.applications[position].title?.value].compactMap { $0 }
        case .job: return [records.jobs[position].title?.value].compactMap { $0 }
        case .interaction: return [records.interactions[position].summary?.value].compactMap { $0 }
        }
    }
}
