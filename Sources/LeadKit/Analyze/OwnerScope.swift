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
            lead.contact.map { contactIDs.insert($0.value.target) }
            lead.company.map { companyIDs.insert($0.value.target) }
            lead.client.map {
                contactIDs.insert($0.value.target)
                companyIDs.insert($0.value.target)
            }
        }
        for interaction in records.interactions { interaction.contact.map { contactIDs.insert($0.value.target) } }
        for job in records.jobs {
            job.contact.map { contactIDs.insert($0.value.target) }
            job.company.map { companyIDs.insert($0.value.target) }
        }
        for application in records.applications { application.company.map { companyIDs.insert($0.value.target) } }
        records.contacts = all.contacts.filter { contactIDs.contains($0.id) }
        for contact in records.contacts { contact.company.map { companyIDs.insert($0.value.target) } }
        records.companies = all.companies.filter { companyIDs.contains($0.id) }
        let files = Set(records.headers.map(\.file))
        return CheckedContent(
            records: records, index: RecordIndex(records), configuration: content.configuration,
            diagnostics: content.diagnostics.filter { files.contains($0.location.file) }, fileCount: files.count)
    }
}
