extension Authoring {
    /// A sales lead won into a client: an existing one (`--into`), or the lead's company (its record,
    /// or a new one made from its text), else its contact as a person. The client gets `client_since`
    /// the first time; the lead links `client:` and stays as the client's history. A new client is
    /// not made when an existing client matches the lead's company name, email or phone: the command
    /// proposes `--into` instead (or `--new-client`).
    static func convertToClient(
        _ lead: Lead, _ conversion: Conversion, _ pipeline: Pipeline, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        if let client = lead.client {
            throw EditError("\(lead.id) already links the client \(client.value.target)")
        }
        var (before, editor) = try workspace.editor(for: lead.header)
        var changes: [FileChange] = []
        // A client made now has `client_since` from the start; an existing record has it added below.
        let since = [(key: "client_since", yaml: workspace.asOf.description)]
        let client: (id: String, header: RecordHeader?, isClient: Bool)
        // A conversion killed after it made (or marked) the client and before the lead linked it
        // left a client from today that no lead links: running it again wins the lead into that one.
        if let into = conversion.into ?? interruptedClient(of: lead, in: workspace) {
            client = try existingClient(into, in: workspace)
            // The lead named the company as text: it is this client's company, so link it.
            if let company = lead.company?.value, !company.isBracketed, client.header?.kind == .company {
                try editor.set("company", to: YAMLText.link(client.id))
            }
        } else {
            if !conversion.newClient, let match = matchingClient(lead, in: workspace) {
                throw EditError(
                    "\(lead.id) matches the existing client \(match.id) (\(match.why)); run `leads convert \(lead.id) --into \(match.id)` to win it into that client, or pass --new-client to make another"
                )
            }
            if let company = try companyRecord(
                for: lead, in: workspace, changes: &changes, editor: &editor, reuse: !conversion.newClient,
                newFields: since)
            {
                let existing = workspace.content.index.companies[company].map { workspace.records.companies[$0] }
                client = (company, existing?.header, existing?.clientSince != nil)
            } else if let contact = try contactRecord(
                for: lead, company: nil, in: workspace, changes: &changes, editor: &editor, newFields: since)
            {
                let existing = workspace.content.index.contacts[contact].map { workspace.records.contacts[$0] }
                client = (contact, existing?.header, existing?.clientSince != nil)
            } else {
                throw EditError(
                    "\(lead.id) has no company or contact to make a client of; add one, or pass --into ID")
            }
        }
        if let header = client.header, !client.isClient {
            var (clientBefore, clientEditor) = try workspace.editor(for: header)
            try clientEditor.set("client_since", to: workspace.asOf.description)
            changes.append(
                .update(
                    header.relativePath, from: clientBefore, to: clientEditor.bytes, "client since \(workspace.asOf)"))
        }
        let current = lead.status?.value ?? pipeline.firstStage
        try editor.set("client", to: YAMLText.link(client.id))
        try advance(&editor, lead: lead, to: pipeline.won, on: workspace.asOf, in: workspace)
        return changes + [
            .update(
                lead.header.relativePath, from: before, to: editor.bytes,
                "status \(current) → \(pipeline.won), client [[\(client.id)]]")
        ]
    }

    /// A company or contact named by `--into`, by id or name.
    static func existingClient(_ reference: String, in workspace: Workspace) throws(EditError)
        -> (id: String, header: RecordHeader?, isClient: Bool)
    {
        if let company = workspace.findCompany(reference) {
            return (company.id, company.header, company.clientSince != nil)
        }
        if let contact = workspace.findContact(reference) {
            return (contact.id, contact.header, contact.clientSince != nil)
        }
        let ids = workspace.records.companies.map(\.id) + workspace.records.contacts.map(\.id)
        throw EditError(
            "no company or contact '\(reference)' to win the lead into" + Suggestion.didYouMean(reference, in: ids))
    }

    /// An existing client the lead looks like, and why: the same company name (written as text), or
    /// the same email or phone as the lead or its contact.
    /// The client an interrupted conversion of `lead` left behind: a company named as the lead's
    /// text `company`, or a contact named as its `contact_name` or linked as its `contact`, that
    /// became a client on the as-of day and that no lead links as its `client`; the last made when
    /// there are several (a `--new-client` conversion makes `acme-2` beside `acme`). Nil otherwise.
    static func interruptedClient(of lead: Lead, in workspace: Workspace) -> String? {
        let records = workspace.records
        let linked = Set(records.leads.compactMap { $0.client?.value.target.lowercased() })
        func fresh(_ id: String, _ since: Located<Day>?) -> Bool {
            since?.value == workspace.asOf && !linked.contains(id.lowercased())
        }
        if let company = lead.company?.value, !company.isBracketed,
            let match = records.companies.last(where: {
                fresh($0.id, $0.clientSince) && $0.name?.value.lowercased() == company.target.lowercased()
            })
        {
            return match.id
        }
        let linkedContact = lead.contact?.value.target.lowercased()
        let contactName = lead.contactName?.value.lowercased()
        return records.contacts.last(where: {
            fresh($0.id, $0.clientSince)
                && ($0.id.lowercased() == linkedContact
                    || (contactName != nil && $0.name?.value.lowercased() == contactName))
        })?.id
    }

    static func matchingClient(_ lead: Lead, in workspace: Workspace) -> (id: String, why: String)? {
        let records = workspace.records
        if let company = lead.company?.value, !company.isBracketed,
            let match = records.companies.first(where: {
                $0.clientSince != nil && $0.name?.value.lowercased() == company.target.lowercased()
            })
        {
            return (match.id, "company name \(company.target)")
        }
        let contact = lead.contact.flatMap { workspace.findContact($0.value.target) }
        let emails = Set([lead.email?.value, contact?.email?.value].compactMap { $0?.lowercased() })
        let phones = Set([lead.phone?.value, contact?.phone?.value].compactMap { $0.flatMap(PhoneNumber.comparable) })
        for candidate in records.contacts where candidate.clientSince != nil && candidate.id != contact?.id {
            if let email = candidate.email?.value.lowercased(), emails.contains(email) {
                return (candidate.id, "email \(email)")
            }
            if let phone = candidate.phone.flatMap({ PhoneNumber.comparable($0.value) }), phones.contains(phone) {
                return (candidate.id, "phone \(candidate.phone!.value)")
            }
        }
        return nil
    }
}
