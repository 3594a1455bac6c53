extension Authoring {
    /// What an import will create, and what it leaves alone and why.
    public struct ImportPlan: Sendable {
        public var changes: [FileChange] = []
        /// `Ada Lovelace (line 7): already contacts/ada-lovelace.md`
        public var skipped: [String] = []
        /// Anything else the user should know, e.g. columns that were not imported.
        public var notes: [String] = []

        public init() {}
    }

    /// LinkedIn's "Connections" export as it really is — notes above the header, `15 Mar 2023` dates,
    /// quoted fields, empty emails — into contacts, one company per distinct company name, and with
    /// `withLeads` a lead in the first stage per new contact. A connection already among the contacts
    /// (same LinkedIn address, email, or name and company) is skipped, so importing again adds nothing.
    public static func importLinkedIn(_ text: String, withLeads: Bool, in workspace: Workspace)
        throws(EditError) -> ImportPlan
    {
        let table = try CSVTable(text: text, headerStart: "First Name")
        let columns = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
        for column in columns where !table.header.contains(column) {
            throw EditError("not a LinkedIn connections export: no '\(column)' column")
        }
        let configuration = workspace.configuration
        if withLeads, !configuration.sources.contains("LINKEDIN") {
            throw EditError("--leads needs LINKEDIN among the sources in config.yml")
        }
        var known = KnownPeople(workspace: workspace)
        var names = IDAllocator(workspace: workspace)
        var companies: [String: String] = [:]
        var plan = ImportPlan()
        var newCompanies: [FileChange] = []
        var contacts: [FileChange] = []
        var leads: [FileChange] = []
        let pipeline = configuration.defaultPipeline
        // Contacts of an earlier, interrupted import given their lead in this run, each once.
        var resumed = Set<String>()
        for (line, fields) in table.rows {
            let name = [table.value("First Name", in: fields), table.value("Last Name", in: fields)]
                .filter { !$0.isEmpty }.joined(separator: " ")
            let url = table.value("URL", in: fields)
            let email = table.value("Email Address", in: fields)
            let companyName = table.value("Company", in: fields)
            let position = table.value("Position", in: fields)
            guard !name.isEmpty else {
                plan.skipped.append("line \(line): no name")
                continue
            }
            if let existing = known.match(name: name, email: email, linkedin: url, company: companyName) {
                plan.skipped.append("\(name) (line \(line)): already \(existing)")
                // An import killed after it made a contact and before its lead: the lead is made now.
                if withLeads, let contact = importedContactWithoutLead(at: existing, in: workspace),
                    resumed.insert(contact.id).inserted
                {
                    let companyID = contact.company.flatMap { workspace.findCompany($0.value.target)?.id }
                    leads.append(
                        newLinkedInLead(
                            contact: contact.id, companyID: companyID, companyName: companyName, name: name,
                            position: position, pipeline: pipeline, names: &names, in: workspace))
                }
                continue
            }
            var companyID: String?
            if !companyName.isEmpty {
                if let id = companies[companyName.lowercased()] ?? workspace.findCompany(companyName)?.id {
                    companyID = id
                } else {
                    let (id, path) = names.allocate(.company, stem: nonEmpty(Slug.make(companyName), "company"))
                    newCompanies.append(
                        .create(
                            path, YAMLText.record(.company, [("name", YAMLText.scalar(companyName))]),
                            "new company \(id)"))
                    companyID = id
                }
                companies[companyName.lowercased()] = companyID
            }
            // A name with no letters to spell the id with takes the profile's: /in/li-wei-4b2a/.
            let profile = url.split(separator: "/").last { !$0.isEmpty }.map(String.init)
            let (contactID, contactPath) = names.allocate(
                .contact, stem: nonEmpty(Slug.make(name, fallback: profile), "contact"))
            var contactFields: [(key: String, yaml: String)] = [("name", YAMLText.scalar(name))]
            if !email.isEmpty { contactFields.append(("email", YAMLText.scalar(email))) }
            if let companyID { contactFields.append(("company", YAMLText.link(companyID))) }
            if !position.isEmpty { contactFields.append(("role", YAMLText.scalar(position))) }
            if !url.isEmpty { contactFields.append(("linkedin", YAMLText.scalar(url))) }
            let connected = table.value("Connected On", in: fields)
            let body = connected.isEmpty ? "" : "Connected on LinkedIn on \(linkedInDate(connected) ?? connected).\n"
            contacts.append(
                .create(contactPath, YAMLText.record(.contact, contactFields, body: body), "new contact \(contactID)"))
            known.add(name: name, email: email, linkedin: url, company: companyName, as: contactPath)

            if withLeads {
                leads.append(
                    newLinkedInLead(
                        contact: contactID, companyID: companyID, companyName: companyName, name: name,
                        position: position, pipeline: pipeline, names: &names, in: workspace))
            }
        }
        // Companies first, then the contacts that link them, then the leads that link both.
        plan.changes = newCompanies + contacts + leads
        return plan
    }

    /// A connection's lead: source LINKEDIN, COLD, in the first stage, its contact linked.
    static func newLinkedInLead(
        contact: String, companyID: String?, companyName: String, name: String, position: String, pipeline: Pipeline,
        names: inout IDAllocator, in workspace: Workspace
    ) -> FileChange {
        let role = position.isEmpty ? "Connection" : position
        let (leadID, leadPath) = names.allocate(
            .lead, stem: nonEmpty(Slug.make((companyName.isEmpty ? name : companyName) + " " + role), "lead"))
        let leadFields: [(key: String, yaml: String)] = [
            ("role", YAMLText.scalar(role)),
            ("company", companyID.map(YAMLText.link) ?? YAMLText.scalar(companyName.isEmpty ? name : companyName)),
            ("source", "LINKEDIN"), ("temperature", "COLD"), ("status", pipeline.firstStage),
            ("created", workspace.asOf.description), ("contact", YAMLText.link(contact)),
            ("history", YAMLText.blockList([[("status", pipeline.firstStage), ("date", workspace.asOf.description)]])),
        ]
        return .create(leadPath, YAMLText.record(.lead, leadFields), "new lead \(leadID)")
    }

    /// The contact at `path` when this importer made it (its notes start "Connected on LinkedIn") and
    /// no lead names it yet: what an import killed between its writes leaves.
    static func importedContactWithoutLead(at path: String, in workspace: Workspace) -> Contact? {
        guard
            let contact = workspace.records.contacts.first(where: { path.hasSuffix($0.header.relativePath) }),
            contact.header.body.hasPrefix("Connected on LinkedIn on "),
            !workspace.records.leads.contains(where: { $0.contact?.value.target == contact.id })
        else { return nil }
        return contact
    }

    /// `15 Mar 2023` (LinkedIn's format) as `2023-03-15`.
    static func linkedInDate(_ text: String) -> String? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
            let month = months.firstIndex(of: parts[1].prefix(3).lowercased()),
            let date = Day(year: year, month: month + 1, day: day)
        else { return nil }
        return date.description
    }
}

/// The people already in the folder (and those an import has planned), by the ways a connection
/// can be recognised: LinkedIn address, email, or name and company.
struct KnownPeople {
    private var byKey: [String: String] = [:]

    init(workspace: Workspace) {
        for contact in workspace.records.contacts {
            let company = contact.company.map {
                workspace.content.resolve($0.value.target, .company)?.name ?? $0.value.target
            }
            add(
                name: contact.name?.value ?? "", email: contact.email?.value ?? "",
                linkedin: contact.linkedin?.value ?? "", company: company ?? "", as: contact.header.relativePath)
        }
    }

    mutating func add(name: String, email: String, linkedin: String, company: String, as path: String) {
        for key in Self.keys(name: name, email: email, linkedin: linkedin, company: company) where byKey[key] == nil {
            byKey[key] = path
        }
    }

    func match(name: String, email: String, linkedin: String, company: String) -> String? {
        Self.keys(name: name, email: email, linkedin: linkedin, company: company).lazy.compactMap { byKey[$0] }.first
    }

    static func keys(name: String, email: String, linkedin: String, company: String) -> [String] {
        var keys: [String] = []
        let profile = linkedin.lowercased().replacingOccurrences(of: "https://", with: "")
            .replacingOccurrences(of: "http://", with: "").replacingOccurrences(of: "www.", with: "")
        let trimmed = profile.hasSuffix("/") ? String(profile.dropLast()) : profile
        if !trimmed.isEmpty { keys.append("url:" + trimmed) }
        if !email.isEmpty { keys.append("email:" + email.lowercased()) }
        // A name alone is not a person: two people called Wei Zhang with different emails are two.
        // The name counts with a company, or when nothing else tells people apart.
        if !name.isEmpty, !company.isEmpty || keys.isEmpty {
            keys.append("name:" + name.lowercased() + "|" + company.lowercased())
        }
        return keys
    }
}

/// Free ids for the records an import creates, also apart from each other.
struct IDAllocator {
    let workspace: Workspace
    private var reserved: [RecordKind: Set<String>] = [:]

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    mutating func allocate(_ kind: RecordKind, stem: String) -> (id: String, path: String) {
        var number = 1
        var candidate = stem
        while true {
            let (id, path) = workspace.freePath(kind, stem: candidate)
            if id == candidate, !(reserved[kind]?.contains(id.lowercased()) ?? false) {
                reserved[kind, default: []].insert(id.lowercased())
                return (id, path)
            }
            number += 1
            candidate = "\(stem)-\(number)"
        }
    }
}
