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
            guard let kind = RecordKind.allCases.first(where: { $0.rawValue == name || $0.folder == name }) else {
                throw EditError(
                    "'\(name)' is not a kind of record; one of "
                        + RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
                        + Suggestion.didYouMean(name, in: RecordKind.allCases.map(\.rawValue)))
            }
            kinds = [kind]
            wanted = String(wanted[wanted.index(after: slash)...])
        }
        var candidates: [(kind: RecordKind, position: Int, id: String, names: [String])] = []
        for kind in kinds {
            switch kind {
            case .lead:
                candidates += records.leads.enumerated().map { position, lead in
                    let company = lead.company.map {
                        content.resolve($0.value.target, .company)?.name ?? $0.value.target
                    }
                    return (
                        kind, position, lead.id, [lead.role?.value, company, content.leadTitle(lead)].compactMap { $0 }
                    )
                }
            case .contact:
                candidates += records.contacts.enumerated().map {
                    (kind, $0.offset, $0.element.id, [$0.element.name?.value].compactMap { $0 })
                }
            case .company:
                candidates += records.companies.enumerated().map {
                    (kind, $0.offset, $0.element.id, [$0.element.name?.value].compactMap { $0 })
                }
            case .application:
                candidates += records.applications.enumerated().map {
                    (kind, $0.offset, $0.element.id, [$0.element.title?.value].compactMap { $0 })
                }
            case .job:
                candidates += records.jobs.enumerated().map {
                    (kind, $0.offset, $0.element.id, [$0.element.title?.value].compactMap { $0 })
                }
            case .interaction:
                candidates += records.interactions.enumerated().map {
                    (kind, $0.offset, $0.element.id, [$0.element.summary?.value].compactMap { $0 })
                }
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
}
