/// One owner's day: what their morning page shows and `report.json`'s `owners` lists.
public struct OwnerDay: Sendable {
    public var owner: Owner
    /// Their follow-ups due up to a week ahead, earliest first (positions in `RecordSet.leads`).
    public var agenda: [Int]
    /// Milestones of the applications and jobs of their leads due on the agenda.
    public var milestones: [MilestoneDue]
    /// Their stale leads, most urgent first.
    public var stale: [Int]
    /// Their open leads, most urgent first.
    public var open: [Int]
    /// Their claims on unowned leads that have not expired.
    public var claims: [Claim]
}

extension OwnerDay {
    /// Every owner with a lead, in `config.yml`'s order, then the others by name; owner names are
    /// matched ignoring case and surrounding spaces.
    static func all(_ report: Report) -> [OwnerDay] {
        let configuration = report.content.configuration
        let leads = report.records.leads
        var byKey: [String: Owner] = [:]
        var order: [String] = configuration.owners.map(\.key)
        for owner in configuration.owners { byKey[owner.key] = owner }
        func key(_ position: Int) -> String? { leads[position].owner.map { Owner.key($0.value) } }
        for written in leads.compactMap({ $0.owner?.value }) + report.claims.map(\.by.name) {
            guard !written.trimmingSpaces.isEmpty else { continue }
            let owner = configuration.owner(named: written)
            if byKey[owner.key] == nil {
                byKey[owner.key] = owner
                order.append(owner.key)
            }
        }
        let configured = configuration.owners.count
        let others = order[configured...].sorted { byKey[$0]!.name < byKey[$1]!.name }
        return (order[..<configured] + others).compactMap { ownerKey in
            let mine = { (position: Int) in key(position) == ownerKey }
            let open = report.facts.filter { $0.isOpen && mine($0.leadIndex) }.map(\.leadIndex)
                .sorted { PipelineBoard.urgencyOrder(leads[$0], leads[$1]) }
            let agenda = report.agenda.filter(mine)
            let stale = report.stale.filter(mine)
            let milestones = report.milestonesDue.filter { $0.lead.map(mine) ?? false }
            guard let owner = byKey[ownerKey] else { return nil }
            let claims = report.claims.filter { !$0.expired && $0.by.key == ownerKey }
            return OwnerDay(
                owner: owner, agenda: agenda, milestones: milestones, stale: stale, open: open, claims: claims)
        }
    }
}
