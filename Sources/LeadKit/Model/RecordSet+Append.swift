/// Filling a record set from parsed records, in place.
extension RecordSet {
    /// Appends a parsed record to its kind's list; returns where it went.
    mutating func append(_ record: ParsedRecord) -> (kind: RecordKind, position: Int) {
        switch record {
        case .lead(let lead):
            leads.append(lead)
            return (.lead, leads.count - 1)
        case .interaction(let interaction):
            interactions.append(interaction)
            return (.interaction, interactions.count - 1)
        case .contact(let contact):
            contacts.append(contact)
            return (.contact, contacts.count - 1)
        case .company(let company):
            companies.append(company)
            return (.company, companies.count - 1)
        case .application(let application):
            applications.append(application)
            return (.application, applications.count - 1)
        case .job(let job):
            jobs.append(job)
            return (.job, jobs.count - 1)
        }
    }

    /// Replaces the record of `kind` at `position` with `record` (of the same kind).
    mutating func replace(_ kind: RecordKind, at position: Int, with record: ParsedRecord) {
        switch record {
        case .lead(let lead): leads[position] = lead
        case .interaction(let interaction): interactions[position] = interaction
        case .contact(let contact): contacts[position] = contact
        case .company(let company): companies[position] = company
        case .application(let application): applications[position] = application
        case .job(let job): jobs[position] = job
        }
    }
}
