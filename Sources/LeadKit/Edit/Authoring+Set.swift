extension Authoring {
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
        let header = workspace.records.header(found.kind, at: found.position)
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
                // `leads set acme fee=…` found the company acme; the job acme-… has the field.
                let other = RecordKind.allCases.lazy.filter { kind in
                    kind != found.kind && importableFields(kind, workspace.configuration).contains { $0.key == key }
                }.compactMap { kind in
                    (try? RecordReference.find("\(kind.rawValue)/\(reference)", in: workspace.content)).map {
                        "\(kind.rawValue)/\(workspace.records.header($0.kind, at: $0.position).id)"
                    }
                }.first
                throw EditError(
                    "\(found.kind.rawValue) \(header.id) has no field '\(key)'"
                        + (other.map { "; \($0) has it: leads set \($0) \(assignment)" }
                            ?? "; its fields: " + fields.map(\.key).joined(separator: ", ")
                            + Suggestion.didYouMean(key, in: fields.map(\.key))))
            }
            if assignments.filter({
                $0.split(separator: "=", maxSplits: 1).first.map(String.init)?.trimmingSpaces.lowercased() == key
            }).count > 1 {
                throw EditError("'\(key)' is given twice; give each field once")
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
            if old == Self.shown(yaml) {
                said.append("\(key) already \(old!)")
                continue
            }
            try editor.set(key, to: yaml)
            said.append("\(key) \(old ?? "–") → \(Self.shown(yaml))")
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
        if let current = lead.nextFollowUp?.value, current.day > workspace.asOf, day <= current.day {
            throw EditError(
                "the next follow-up is already \(current); a snooze moves it later (to bring it forward: "
                    + "leads set \(lead.id) next_follow_up=\(due))")
        }
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

    /// A written YAML value as the file reads it back: `"[[ana]]"` is `[[ana]]`.
    static func shown(_ yaml: String) -> String {
        guard yaml.count >= 2, yaml.hasPrefix("\""), yaml.hasSuffix("\""), !yaml.dropFirst().dropLast().contains("\\")
        else { return yaml }
        return String(yaml.dropFirst().dropLast())
    }
}
