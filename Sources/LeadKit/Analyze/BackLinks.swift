/// Which records link to a contact or a company, for their pages: positions in file order, by the
/// id the link names.
public struct BackLinks: Sendable {
    public var leadsByContact: [String: [Int]] = [:]
    public var interactionsByContact: [String: [Int]] = [:]
    public var leadsByCompany: [String: [Int]] = [:]
    public var contactsByCompany: [String: [Int]] = [:]
    /// Leads for or won into a client (company or contact), by the id `client:` names.
    public var leadsByClient: [String: [Int]] = [:]

    init(_ records: RecordSet) {
        for (position, lead) in records.leads.enumerated() {
            if let contact = lead.contact?.value.target { leadsByContact[contact, default: []].append(position) }
            if let company = lead.company?.value.target { leadsByCompany[company, default: []].append(position) }
            if let client = lead.client?.value.target { leadsByClient[client, default: []].append(position) }
        }
        for (position, interaction) in records.interactions.enumerated() {
            if let contact = interaction.contact?.value.target {
                interactionsByContact[contact, default: []].append(position)
            }
        }
        for (position, contact) in records.contacts.enumerated() {
            if let company = contact.company?.value.target {
                contactsByCompany[company, default: []].append(position)
            }
        }
    }
}
