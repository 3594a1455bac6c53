/// Records by id and interactions by lead, built once in linear time for every cross-record pass.
public struct RecordIndex: Sendable {
    public private(set) var leads: [String: Int] = [:]
    public private(set) var interactions: [String: Int] = [:]
    public private(set) var contacts: [String: Int] = [:]
    public private(set) var companies: [String: Int] = [:]
    public private(set) var applications: [String: Int] = [:]
    public private(set) var jobs: [String: Int] = [:]
    /// Indexes into `RecordSet.interactions` per lead id, oldest first.
    public private(set) var interactionsByLead: [String: [Int]] = [:]
    /// Applications per lead id.
    public private(set) var applicationsByLead: [String: [Int]] = [:]
    /// Jobs per lead id.
    public private(set) var jobsByLead: [String: [Int]] = [:]
    /// Two files of one kind whose ids collide (also when they differ only in letter case).
    public private(set) var duplicates: [(duplicate: RecordHeader, original: RecordHeader)] = []

    public init(_ records: RecordSet) {
        leads = index(records.leads.map(\.header))
        interactions = index(records.interactions.map(\.header))
        contacts = index(records.contacts.map(\.header))
        companies = index(records.companies.map(\.header))
        applications = index(records.applications.map(\.header))
        jobs = index(records.jobs.map(\.header))
        for (position, interaction) in records.interactions.enumerated() {
            guard let target = interaction.lead?.value.target, leads[target] != nil else { continue }
            interactionsByLead[target, default: []].append(position)
        }
        for (lead, positions) in interactionsByLead {
            interactionsByLead[lead] = positions.sorted { a, b in
                let (x, y) = (records.interactions[a], records.interactions[b])
                let (dx, dy) = (x.date?.value, y.date?.value)
                if dx != dy, let dx, let dy { return dx < dy }
                return x.id < y.id
            }
        }
        for (position, application) in records.applications.enumerated() {
            guard let target = application.lead?.value.target, leads[target] != nil else { continue }
            applicationsByLead[target, default: []].append(position)
        }
        for (position, job) in records.jobs.enumerated() {
            guard let target = job.lead?.value.target, leads[target] != nil else { continue }
            jobsByLead[target, default: []].append(position)
        }
    }

    private mutating func index(_ headers: [RecordHeader]) -> [String: Int] {
        var byID: [String: Int] = [:]
        var byFoldedID: [String: Int] = [:]
        byID.reserveCapacity(headers.count)
        for (position, header) in headers.enumerated() {
            let folded = header.id.lowercased()
            if let original = byFoldedID[folded] {
                duplicates.append((header, headers[original]))
                continue
            }
            byFoldedID[folded] = position
            byID[header.id] = position
        }
        return byID
    }

    public func contains(_ id: String, kind: RecordKind) -> Bool {
        position(of: id, kind: kind) != nil
    }

    /// Where the record of `kind` with `id` is in its kind's list; nil when there is none.
    public func position(of id: String, kind: RecordKind) -> Int? {
        switch kind {
        case .lead: leads[id]
        case .interaction: interactions[id]
        case .contact: contacts[id]
        case .company: companies[id]
        case .application: applications[id]
        case .job: jobs[id]
        }
    }
}
