/// One owner's part of a checked folder, for `leads build --owner NAME` (publishing one person's
/// view): their leads, and what those link to or are linked from — interactions, applications, jobs,
/// contacts, companies. The configuration stays; diagnostics of files left out are left out too.
public enum OwnerScope {
    /// `content` narrowed to the leads `owner` owns (name matched as owners are: case and
    /// surrounding spaces ignored).
    public static func narrow(_ content: CheckedContent, to owner: String) -> CheckedContent {
        let key = Owner.key(owner)
        var records = RecordSet()
        let all = content.records
        records.leads = all.leads.filter { $0.owner.map { Owner.key($0.value) } == key }
        let leadIDs = Set(records.leads.map(\.id))
        func linksKept(_ link: Located<Link>?) -> Bool { link.map { leadIDs.contains($0.value.target) } ?? false }
        records.interactions = all.interactions.filter { linksKept($0.lead) }
        records.applications = all.applications.filter { linksKept($0.lead) }
        records.jobs = all.jobs.filter { linksKept($0.lead) }
        var contactIDs = Set<String>()
        var companyIDs = Set<String>()
        for lead in records.leads {
            if let contact = lead.contact { contactIDs.insert(contact.value.target) }
            if let company = lead.company { companyIDs.insert(company.value.target) }
            if let client = lead.client {
                contactIDs.insert(client.value.target)
                companyIDs.insert(client.value.target)
            }
        }
        for interaction in records.interactions {
            if let contact = interaction.contact { contactIDs.insert(contact.value.target) }
        }
        for job in records.jobs {
            if let contact = job.contact { contactIDs.insert(contact.value.target) }
            if let company = job.company { companyIDs.insert(company.value.target) }
        }
        for application in records.applications {
            if let company = application.company { companyIDs.insert(company.value.target) }
        }
        records.contacts = all.contacts.filter { contactIDs.contains($0.id) }
        for contact in records.contacts {
            if let company = contact.company { companyIDs.insert(company.value.target) }
        }
        records.companies = all.companies.filter { companyIDs.contains($0.id) }
        let files = Set(records.headers.map(\.file))
        return CheckedContent(
            records: records, index: RecordIndex(records), configuration: content.configuration,
            diagnostics: content.diagnostics.filter { files.contains($0.location.file) }, fileCount: files.count)
    }
}
