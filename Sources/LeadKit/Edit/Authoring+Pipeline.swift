extension Authoring {
    /// Changes a lead's `status` and appends the move to its `history`, if the pipeline allows it.
    public static func move(_ reference: String, to stage: String, date: String?, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        let lead = try workspace.lead(reference)
        let pipeline = workspace.configuration.pipeline(for: lead)
        let target = try choice(stage, "stage of the \(pipeline.name) pipeline", in: pipeline.allStatuses)
        let current = lead.status?.value ?? pipeline.firstStage
        if target == current { throw EditError("\(lead.id) is already \(target)") }
        if pipeline.isWon(target) {
            throw EditError(
                "\(target) is won: it needs an application; run `leads convert \(lead.id)`, which creates it and moves the lead"
            )
        }
        if let problem = pipeline.transitionProblem(from: current, to: target) {
            throw EditError("cannot move \(lead.id) from \(current) to \(target): \(problem)")
        }
        let day = try date.map { (text) throws(EditError) in try Self.day(text, "--date") } ?? workspace.asOf
        var (before, editor) = try workspace.editor(for: lead.header)
        try advance(&editor, lead: lead, to: target, on: day)
        return [.update(lead.header.relativePath, from: before, to: editor.bytes, "status \(current) → \(target)")]
    }

    /// Sets `status` and appends to `history`; a lead without history first gets its current stage, dated
    /// when it was created, so the history tells the whole way.
    static func advance(_ editor: inout FrontMatterEditor, lead: Lead, to target: String, on day: Day)
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
            try editor.append(
                to: "history", item: YAMLText.flowMapping([("status", status), ("date", created.description)]))
        }
        try editor.append(to: "history", item: YAMLText.flowMapping([("status", target), ("date", day.description)]))
    }

    /// The conversion: a new application carrying the lead's interactions as a dated timeline, linked
    /// from the lead, which moves to its pipeline's won stage.
    public static func convert(
        _ reference: String, title: String?, url: String?, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let lead = try workspace.lead(reference)
        let pipeline = workspace.configuration.pipeline(for: lead)
        let current = lead.status?.value ?? pipeline.firstStage
        if pipeline.isWon(current) { throw EditError("\(lead.id) is already \(current)") }
        if let application = lead.application {
            throw EditError("\(lead.id) already links the application \(application.value.target)")
        }
        if let problem = pipeline.transitionProblem(from: current, to: pipeline.won) {
            throw EditError("cannot convert \(lead.id): \(problem)")
        }
        let path = "\(RecordKind.application.folder)/\(lead.id).md"
        if workspace.content.index.applications[lead.id] != nil
            || FileStamp.of(ContentLoader(root: workspace.root).pathOnDisk(path)) != nil
        {
            throw EditError(
                "refusing to overwrite \(ContentLoader(root: workspace.root).pathOnDisk(path)): it already exists")
        }
        var (before, editor) = try workspace.editor(for: lead.header)
        let companyYAML: String? = lead.company.map { company in
            company.value.isBracketed || workspace.content.index.companies[company.value.target] != nil
                ? YAMLText.link(company.value.target) : YAMLText.scalar(company.value.target)
        }
        var fields: [(key: String, yaml: String)] = [
            ("lead", YAMLText.link(lead.id)),
            ("title", YAMLText.scalar(try required(title ?? lead.role?.value ?? lead.id, "title"))),
        ]
        if let companyYAML { fields.append(("company", companyYAML)) }
        if let url { fields.append(("url", YAMLText.scalar(url))) }
        fields.append(("applied", workspace.asOf.description))
        let application = YAMLText.record(.application, fields, body: timeline(of: lead, in: workspace))

        try editor.set("application", to: YAMLText.link(lead.id))
        try advance(&editor, lead: lead, to: pipeline.won, on: workspace.asOf)
        // The application first: until the lead links it, it is an application like any other.
        return [
            .create(path, application, "application for \(lead.id)"),
            .update(
                lead.header.relativePath, from: before, to: editor.bytes,
                "status \(current) → \(pipeline.won), application [[\(lead.id)]]"),
        ]
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
            if !notes.isEmpty { text += "\n" + notes.replacingOccurrences(of: "\r\n", with: "\n") + "\n" }
        }
        return text
    }

    /// Records a recruiting milestone of an application.
    public static func milestone(_ reference: String, _ name: String, date: String?, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        let application = try workspace.application(reference)
        let milestone = try choice(name, "milestone", in: Milestone.allCases.map(\.rawValue))
        if application.milestones.contains(where: { $0.milestone.value.rawValue == milestone }) {
            throw EditError("\(application.id) already records \(milestone)")
        }
        let day = try date.map { (text) throws(EditError) in try Self.day(text, "--date") } ?? workspace.asOf
        var (before, editor) = try workspace.editor(for: application.header)
        try editor.append(
            to: "milestones", item: YAMLText.flowMapping([("name", milestone), ("date", day.description)]))
        return [
            .update(application.header.relativePath, from: before, to: editor.bytes, "milestone \(milestone) on \(day)")
        ]
    }
}
