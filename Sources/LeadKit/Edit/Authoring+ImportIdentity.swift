extension Authoring {
    /// The ways a row names a record that may already exist, as comparable keys: its `id`; for a
    /// contact its email, its LinkedIn address, its phone number (`PhoneNumber.comparable`) and its
    /// name with its company; a company's name; a
    /// lead's company with its role; an interaction's lead, day and summary; an application's or job's
    /// lead and title. Case and spacing are ignored, and a company or lead is compared by the id its name makes (`Acme, Inc.` is `acme-inc`).
    static func identityKeys(_ kind: RecordKind, _ record: [String: String]) -> [String] {
        func plain(_ text: String?) -> String {
            (text ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        // A company or lead named by id or by name: `[[acme-inc]]` and `Acme, Inc.` are one.
        func target(_ text: String?) -> String { Slug.make(text.map { Link(parsing: $0).target } ?? "") }
        var keys: [String] = []
        if let id = record["id"] { keys.append("id:" + plain(id)) }
        switch kind {
        case .contact:
            // The same recognition as `import linkedin`'s, the company compared by the id it makes.
            keys += KnownPeople.keys(
                name: plain(record["name"]), email: plain(record["email"]), linkedin: plain(record["linkedin"]),
                company: target(record["company"]))
            if let phone = record["phone"].flatMap(PhoneNumber.comparable) { keys.append("phone:" + phone) }
        case .company:
            if let name = record["name"] { keys.append("name:" + target(name)) }
        case .lead:
            if let role = record["role"] { keys.append("lead:" + target(record["company"]) + "|" + plain(role)) }
        case .interaction:
            if let summary = record["summary"] {
                let day = String((record["date"] ?? "").prefix(10))
                keys.append("interaction:" + target(record["lead"]) + "|" + day + "|" + plain(summary))
            }
        case .application, .job:
            if let title = record["title"] { keys.append("title:" + target(record["lead"]) + "|" + plain(title)) }
        }
        return keys
    }

    /// The identity keys of the records of `kind` already in the folder, each with its path.
    static func existingKeys(_ kind: RecordKind, in workspace: Workspace) -> [String: String] {
        let records = workspace.records
        var keys: [String: String] = [:]
        func add(_ header: RecordHeader, _ fields: [String: String?]) {
            var record = fields.compactMapValues { $0 }
            record["id"] = header.id
            for key in identityKeys(kind, record) where keys[key] == nil { keys[key] = header.relativePath }
        }
        switch kind {
        case .contact:
            for contact in records.contacts {
                add(
                    contact.header,
                    [
                        "email": contact.email?.value, "linkedin": contact.linkedin?.value,
                        "name": contact.name?.value, "company": contact.company?.value.target,
                        "phone": contact.phone?.value,
                    ])
            }
        case .company:
            for company in records.companies { add(company.header, ["name": company.name?.value]) }
        case .lead:
            for lead in records.leads {
                add(lead.header, ["role": lead.role?.value, "company": lead.company?.value.target])
            }
        case .interaction:
            for interaction in records.interactions {
                add(
                    interaction.header,
                    [
                        "summary": interaction.summary?.value, "lead": interaction.lead?.value.target,
                        "date": interaction.date?.value.description,
                    ])
            }
        case .application:
            for application in records.applications {
                add(application.header, ["title": application.title?.value, "lead": application.lead?.value.target])
            }
        case .job:
            for job in records.jobs { add(job.header, ["title": job.title?.value, "lead": job.lead?.value.target]) }
        }
        return keys
    }
}
