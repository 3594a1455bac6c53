extension Authoring {
    /// The header of the record of `kind` at `position`.
    static func header(_ kind: RecordKind, _ position: Int, in records: RecordSet) -> RecordHeader {
        switch kind {
        case .lead: records.leads[position].header
        case .interaction: records.interactions[position].header
        case .contact: records.contacts[position].header
        case .company: records.companies[position].header
        case .application: records.applications[position].header
        case .job: records.jobs[position].header
        }
    }

    /// `leads set ID field=value …`: each field set where it stands (or added at the end of the
    /// front-matter), `field=` removes it. Values are written as the schema types them: dates and
    /// times from words (`+7d`, `tomorrow 09:30`), enum values upper-cased, links as `[[id]]` when
    /// they name a record, phone numbers quoted. Lists, entries and the status (which `leads move`
    /// changes with its history) are refused with the command to use; the planned file is checked
    /// like every write, so a value the rules refuse is not written.
    public static func set(_ reference: String, _ assignments: [String], in workspace: Workspace) throws(EditError)
        -> [FileChange]
    {
        guard !assignments.isEmpty else { throw EditError("name at least one field=value, e.g. temperature=HOT") }
        let found = try RecordReference.find(reference, in: workspace.content)
        let header = header(found.kind, found.position, in: workspace.records)
        let fields = importableFields(found.kind, workspace.configuration)
        var (before, editor) = try workspace.editor(for: header)
        var said: [String] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw EditError("'\(assignment)' is not field=value, e.g. owner=Bob")
            }
            let key = String(assignment[..<equals]).trimmingSpaces.lowercased()
            let value = String(assignment[assignment.index(after: equals)...]).trimmingSpaces
            guard let field = fields.first(where: { $0.key == key }) else {
                throw EditError(
                    "\(found.kind.rawValue) has no field '\(key)'; its fields: "
                        + fields.map(\.key).joined(separator: ", ") + Suggestion.didYouMean(key, in: fields.map(\.key)))
            }
            if key == "status" {
                throw EditError("status changes with its history: leads move \(header.id) STAGE")
            }
            switch field.type {
            case .list, .entries:
                let command = key == "milestones" ? "leads milestone" : key == "history" ? "leads move" : nil
                throw EditError(
                    "'\(key)' is a list; " + (command.map { "\($0) changes it" } ?? "edit it in the file"))
            default: break
            }
            let old = editor.scalar(key)
            guard !value.isEmpty else {
                try editor.remove(key)
                said.append("\(key) removed")
                continue
            }
            let yaml: String
            switch field.type {
            case .date: yaml = try day(value, key, asOf: workspace.asOf).description
            case .dateTime: yaml = try dayTime(value, key, asOf: workspace.asOf)
            default: yaml = formatted(field.type, value, workspace, PlannedRecords([]))
            }
            if old == yaml {
                said.append("\(key) already \(yaml)")
                continue
            }
            try editor.set(key, to: yaml)
            said.append("\(key) \(old ?? "–") → \(yaml)")
        }
        guard editor.bytes != before else { throw EditError("nothing to change: " + said.joined(separator: ", ")) }
        return [.update(header.relativePath, from: before, to: editor.bytes, said.joined(separator: ", "))]
    }

    /// `leads snooze LEAD DATE`: the next follow-up moves to a later date (`+7d`, `next monday`),
    /// and with a reason a dated line in the lead's notes says why.
    public static func snooze(_ reference: String, until date: String, reason: String?, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        let lead = try workspace.lead(reference)
        let due = try dayTime(date, "the date", asOf: workspace.asOf)
        guard let day = DayTime(parsing: due)?.day, day > workspace.asOf else {
            throw EditError("a snooze is until a later day than \(workspace.asOf), not \(due)")
        }
        let old = lead.nextFollowUp?.value.description
        var (before, editor) = try workspace.editor(for: lead.header)
        try editor.set("next_follow_up", to: due)
        if let reason {
            let text = try required(reason, "--reason")
            editor.appendToBody("- \(workspace.asOf): follow-up moved to \(due): \(text)\n")
        }
        return [
            .update(lead.header.relativePath, from: before, to: editor.bytes, "next_follow_up \(old ?? "–") → \(due)")
        ]
    }
}
