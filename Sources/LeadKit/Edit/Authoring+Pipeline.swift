extension Authoring {
    /// Changes a lead's `status` and appends the move to its `history`, if the pipeline allows it.
    /// `reason`: why a lead moved to a closed stage (`lost_reason`), for the funnel page.
    public static func move(
        _ reference: String, to stage: String, date: String?, reason: String? = nil, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let lead = try workspace.lead(reference)
        let pipeline = workspace.configuration.pipeline(for: lead)
        let target = try choice(stage, "stage of the \(pipeline.name) pipeline", in: pipeline.allStatuses)
        let current = lead.status?.value ?? pipeline.firstStage
        if target == current { throw EditError("\(lead.id) is already \(target)") }
        if pipeline.isWon(target) {
            throw EditError(
                "\(target) is won: it needs \(pipeline.convertsInto.withArticle); run `leads convert \(lead.id)`, which creates it and moves the lead"
            )
        }
        if let problem = pipeline.transitionProblem(from: current, to: target) {
            throw EditError("cannot move \(lead.id) from \(current) to \(target): \(problem)")
        }
        let day =
            try date.map { (text) throws(EditError) in try Self.day(text, "--date", asOf: workspace.asOf) }
            ?? workspace.asOf
        var (before, editor) = try workspace.editor(for: lead.header)
        try advance(&editor, lead: lead, to: target, on: day, in: workspace)
        if let reason {
            guard pipeline.isClosed(target) else {
                throw EditError(
                    "--reason is for a closed stage (\(pipeline.closed.joined(separator: ", "))), not \(target)")
            }
            try editor.set("lost_reason", to: YAMLText.scalar(try required(reason, "--reason")))
        }
        return [.update(lead.header.relativePath, from: before, to: editor.bytes, "status \(current) → \(target)")]
    }

    /// Sets `status` and appends to `history`; a lead without history first gets its current stage, dated
    /// when it was created, so the history tells the whole way.
    /// Moves the lead to `target` on `day`. A lead whose `history:` was never written gets one:
    /// the stages its file's commits show (each dated by its commit), or else its current stage
    /// since `created`.
    static func advance(
        _ editor: inout FrontMatterEditor, lead: Lead, to target: String, on day: Day, in workspace: Workspace
    )
        throws(EditError)
    {
        if let last = lead.history.last?.date?.value, day < last {
            throw EditError("\(day) is before the last history entry of \(lead.id) (\(last)); pass --date")
        }
        if let created = lead.created?.value, day < created {
            throw EditError("\(day) is before \(lead.id) was created (\(created)); pass --date")
        }
        try editor.set("status", to: target)
        if lead.history.isEmpty, let status = lead.status?.value, let created = lead.created?.value {
            let committed = workspace.committedStages(lead)
            let seed =
                committed.last?.status == status.uppercased() && committed.allSatisfy({ $0.day <= day })
                ? committed : [(status: status, day: created)]
            for stage in seed {
                try editor.append(
                    to: "history",
                    item: YAMLText.flowMapping([("status", stage.status), ("date", stage.day.description)]))
            }
        }
        try editor.append(to: "history", item: YAMLText.flowMapping([("status", target), ("date", day.description)]))
    }

    /// What `leads convert` is told beyond the lead.
    public struct Conversion: Sendable {
        /// The application's or job's title (default: the lead's role).
        public var title: String?
        /// The job posting, for an application.
        public var url: String?
        /// For a sales lead: the existing client (company or contact id) to win it into.
        public var into: String?
        /// For a sales lead: make a new client even when an existing one matches.
        public var newClient: Bool

        public init(title: String? = nil, url: String? = nil, into: String? = nil, newClient: Bool = false) {
            self.title = title
            self.url = url
            self.into = into
            self.newClient = newClient
        }
    }

    /// The conversion, by what the lead's pipeline converts into: an application (networking) or a
    /// job (recruiting) carrying the lead's interactions as a dated timeline, or a client (sales); the
    /// lead links it and moves to the won stage. Files are written in an order that leaves the folder
    /// valid after each write: new company and contact records, then the new record, then the lead.
    public static func convert(_ reference: String, _ conversion: Conversion, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        let lead = try workspace.lead(reference)
        let pipeline = workspace.configuration.pipeline(for: lead)
        let current = lead.status?.value ?? pipeline.firstStage
        if pipeline.isWon(current) { throw EditError("\(lead.id) is already \(current)") }
        if let problem = pipeline.transitionProblem(from: current, to: pipeline.won) {
            throw EditError("cannot convert \(lead.id): \(problem)")
        }
        let target = pipeline.convertsInto
        let inapplicable = [
            ("--into", conversion.into != nil && target != .client),
            ("--new-client", conversion.newClient && target != .client),
            ("--url", conversion.url != nil && target != .application),
            ("--title", conversion.title != nil && target == .client),
        ].filter(\.1).map(\.0)
        if !inapplicable.isEmpty {
            throw EditError(
                "\(lead.id) is a \(pipeline.name) lead, which converts into \(target.withArticle): "
                    + inapplicable.joined(separator: " and ") + " do" + (inapplicable.count == 1 ? "es" : "")
                    + " not apply")
        }
        switch target {
        case .application: return try convertToApplication(lead, conversion, pipeline, in: workspace)
        case .job: return try convertToJob(lead, conversion, pipeline, in: workspace)
        case .client: return try convertToClient(lead, conversion, pipeline, in: workspace)
        }
    }

    /// Refuses a second conversion and a file that is already there.
    /// A conversion killed between its writes left the new record behind, naming this lead, before
    /// the lead linked it: running the command again adopts that record instead of refusing.
    static func newRecordPath(_ kind: RecordKind, for lead: Lead, link: Located<Link>?, in workspace: Workspace)
        throws(EditError) -> (path: String, adopted: Bool)
    {
        if let link { throw EditError("\(lead.id) already links the \(kind.rawValue) \(link.value.target)") }
        let records = workspace.records
        let existing: (any TrackedRecord)? =
            switch kind {
            case .application: workspace.content.index.applications[lead.id].map { records.applications[$0] }
            case .job: workspace.content.index.jobs[lead.id].map { records.jobs[$0] }
            default: nil
            }
        if let existing, existing.lead?.value.target == lead.id { return (existing.header.relativePath, true) }
        let path = "\(kind.folder)/\(lead.id).md"
        let onDisk = ContentLoader(root: workspace.root).pathOnDisk(path)
        if workspace.content.index.contains(lead.id, kind: kind) || FileStamp.of(onDisk) != nil {
            throw EditError("refusing to overwrite \(onDisk): it already exists")
        }
        return (path, false)
    }

    static func convertToApplication(
        _ lead: Lead, _ conversion: Conversion, _ pipeline: Pipeline, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let (path, adopted) = try newRecordPath(.application, for: lead, link: lead.application, in: workspace)
        var (before, editor) = try workspace.editor(for: lead.header)
        let companyYAML: String? = lead.company.map { company in
            company.value.isBracketed || workspace.content.index.companies[company.value.target] != nil
                ? YAMLText.link(company.value.target) : YAMLText.scalar(company.value.target)
        }
        var fields: [(key: String, yaml: String)] = [
            ("lead", YAMLText.link(lead.id)),
            ("title", YAMLText.scalar(try required(conversion.title ?? lead.role?.value ?? lead.id, "title"))),
        ]
        if let companyYAML { fields.append(("company", companyYAML)) }
        if let url = conversion.url { fields.append(("url", YAMLText.scalar(url))) }
        fields.append(("applied", workspace.asOf.description))
        let application = YAMLText.record(.application, fields, body: timeline(of: lead, in: workspace))
        let current = lead.status?.value ?? pipeline.firstStage

        try editor.set("application", to: YAMLText.link(lead.id))
        try advance(&editor, lead: lead, to: pipeline.won, on: workspace.asOf, in: workspace)
        // The application first: until the lead links it, it is an application like any other.
        return (adopted ? [] : [.create(path, application, "application for \(lead.id)")]) + [
            .update(
                lead.header.relativePath, from: before, to: editor.bytes,
                "status \(current) → \(pipeline.won), application [[\(lead.id)]]")
        ]
    }

    /// A job order at the client: the lead's company and contact become records when they are text.
    static func convertToJob(
        _ lead: Lead, _ conversion: Conversion, _ pipeline: Pipeline, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let (path, adopted) = try newRecordPath(.job, for: lead, link: lead.job, in: workspace)
        var (before, editor) = try workspace.editor(for: lead.header)
        var changes: [FileChange] = []
        let company = try companyRecord(for: lead, in: workspace, changes: &changes, editor: &editor)
        let contact = try contactRecord(for: lead, company: company, in: workspace, changes: &changes, editor: &editor)
        var fields: [(key: String, yaml: String)] = [
            ("lead", YAMLText.link(lead.id)),
            ("title", YAMLText.scalar(try required(conversion.title ?? lead.role?.value ?? lead.id, "title"))),
        ]
        if let company { fields.append(("company", YAMLText.link(company))) }
        if let contact { fields.append(("contact", YAMLText.link(contact))) }
        fields.append(("openings", "1"))
        if let value = lead.value?.value { fields.append(("fee", FieldValue.format(value))) }
        fields.append(("opened", workspace.asOf.description))
        let current = lead.status?.value ?? pipeline.firstStage
        try editor.set("job", to: YAMLText.link(lead.id))
        try advance(&editor, lead: lead, to: pipeline.won, on: workspace.asOf, in: workspace)
        let job = YAMLText.record(.job, fields, body: timeline(of: lead, in: workspace))
        return changes + (adopted ? [] : [.create(path, job, "job for \(lead.id)")]) + [
            .update(
                lead.header.relativePath, from: before, to: editor.bytes,
                "status \(current) → \(pipeline.won), job [[\(lead.id)]]")
        ]
    }

    /// The lead's company as a record id: the one it links, else the record its text names (which
    /// the lead then links), else a new record made from its text (which the lead links too).
    /// `reuse: false` makes a new record even when one has the name (a new client); a new record
    /// also gets `newFields`.
    static func companyRecord(
        for lead: Lead, in workspace: Workspace, changes: inout [FileChange], editor: inout FrontMatterEditor,
        reuse: Bool = true, newFields: [(key: String, yaml: String)] = []
    ) throws(EditError) -> String? {
        guard let company = lead.company?.value else { return nil }
        if company.isBracketed { return workspace.findCompany(company.target)?.id }
        if reuse, let existing = workspace.findCompany(company.target) {
            try editor.set("company", to: YAMLText.link(existing.id))
            return existing.id
        }
        let (id, path) = workspace.freePath(.company, stem: nonEmpty(Slug.make(company.target), "company"))
        changes.append(
            .create(
                path, YAMLText.record(.company, [("name", YAMLText.scalar(company.target))] + newFields),
                "new company \(id)"))
        try editor.set("company", to: YAMLText.link(id))
        return id
    }

    /// The lead's contact as a record id: the one it links, else the record its `contact_name`
    /// names, else a new record made from its `contact_name`, `email` and `phone`; the lead then
    /// links it.
    static func contactRecord(
        for lead: Lead, company: String?, in workspace: Workspace, changes: inout [FileChange],
        editor: inout FrontMatterEditor, newFields: [(key: String, yaml: String)] = []
    ) throws(EditError) -> String? {
        if let link = lead.contact?.value.target { return workspace.findContact(link)?.id }
        guard let name = lead.contactName?.value, !name.trimmingSpaces.isEmpty else { return nil }
        if let existing = workspace.findContact(name) {
            try editor.set("contact", to: YAMLText.link(existing.id))
            return existing.id
        }
        let (id, path) = workspace.freePath(.contact, stem: nonEmpty(Slug.make(name), "contact"))
        var fields: [(key: String, yaml: String)] = [("name", YAMLText.scalar(name))]
        if let email = lead.email?.value { fields.append(("email", YAMLText.scalar(email))) }
        if let phone = lead.phone?.value { fields.append(("phone", YAMLText.quoted(phone))) }
        if let company { fields.append(("company", YAMLText.link(company))) }
        changes.append(.create(path, YAMLText.record(.contact, fields + newFields), "new contact \(id)"))
        try editor.set("contact", to: YAMLText.link(id))
        return id
    }

    /// The lead's interactions, oldest first, as Markdown the application keeps.
    static func timeline(of lead: Lead, in workspace: Workspace) -> String {
        let positions = workspace.content.index.interactionsByLead[lead.id] ?? []
        var text = "Converted from [[\(lead.id)]] on \(workspace.asOf).\n"
        guard !positions.isEmpty else { return text }
        text += "\n## Timeline\n"
        for position in positions {
            let interaction = workspace.records.interactions[position]
            let date = interaction.date?.value.description ?? "undated"
            let type = interaction.type.map { Format.label($0.value.rawValue) } ?? "Interaction"
            text += "\n### \(date) · \(type): \(interaction.summary?.value ?? interaction.id)\n\n"
            var facts: [String] = []
            if let sentiment = interaction.sentiment {
                facts.append("Sentiment: \(Format.label(sentiment.value.rawValue))")
            }
            if let next = interaction.nextAction { facts.append("Next action: \(next.value)") }
            facts.append("From [[\(interaction.id)]]")
            text += facts.joined(separator: " · ") + "\n"
            let notes = interaction.header.body.trimmingCharacters(in: .whitespacesAndNewlines)
            if !notes.isEmpty { text += "\n" + quoted(notes) }
        }
        return text
    }

    /// A note copied into a generated file as a block quote, every line kept as typed after the `> `:
    /// whatever the note leaves open (a code fence, a list, an HTML block) closes with the quote, so
    /// it cannot change how the next entry renders.
    static func quoted(_ notes: String) -> String {
        notes.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">\n" : "> \($0)\n" }.joined()
    }
}
