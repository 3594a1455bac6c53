extension Authoring {
    /// Resolves a `duplicate-contact` warning: keeps `keep`, fills its empty fields from `other`,
    /// appends `other`'s notes under a heading, points every link to `other` at `keep`, deletes `other`.
    /// Two leads (a `duplicate-lead` warning) are merged by `mergeLeads`; ids are looked up as
    /// contacts first.
    public static func merge(_ keepReference: String, _ otherReference: String, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        let index = workspace.content.index
        let (keepID, otherID) = (Link(parsing: keepReference).target, Link(parsing: otherReference).target)
        if index.contacts[keepID] == nil, index.leads[keepID] != nil, index.leads[otherID] != nil {
            return try mergeLeads(keepID, otherID, in: workspace)
        }
        let keep = try workspace.contact(keepReference)
        let other = try workspace.contact(otherReference)
        if keep.id == other.id { throw EditError("cannot merge \(keep.id) into itself") }
        var (keepBefore, keepEditor) = try workspace.editor(for: keep.header)
        let (otherBefore, otherEditor) = try workspace.editor(for: other.header)

        var filled: [String] = []
        for field in Contact.schema.fields where field.requirement == .optional {
            let key = field.key
            guard keepEditor.isEmpty(key), !otherEditor.isEmpty(key), let value = otherEditor.scalar(key) else {
                continue
            }
            // Links and phone numbers are quoted, as `leads new contact` writes them.
            var quoted = field.type == .phone
            if case .link = field.type, value.hasPrefix("[[") { quoted = true }
            let yaml = quoted ? YAMLText.quoted(value) : YAMLText.scalar(value)
            try keepEditor.set(key, to: yaml)
            filled.append(key)
        }
        let (notes, differing) = mergedNotes(
            of: other.header, keep: keepEditor, other: otherEditor, fields: Contact.schema.fields, kind: "contact")
        // A merge killed before its last write already gave the kept contact these notes.
        if !notes.isEmpty, !keep.header.body.contains(notes) {
            keepEditor.appendToBody("## Merged from \(other.name?.value ?? other.id)\n\n" + notes)
        }
        rewriteLinks(in: &keepEditor, from: other.id, to: keep.id)
        var changes = try repointed(from: other.header, to: keep.header, field: "contact", in: workspace)
        var summary = filled.isEmpty ? [] : ["filled \(filled.joined(separator: ", ")) from \(other.id)"]
        if !notes.isEmpty { summary.append("notes of \(other.id) appended") }
        if !differing.isEmpty {
            summary.append("kept \(differing.joined(separator: ", ")) (\(other.id)'s in the notes)")
        }
        if keepEditor.bytes != keepBefore {
            changes.append(
                .update(
                    keep.header.relativePath, from: keepBefore, to: keepEditor.bytes, summary.joined(separator: "; ")))
        }
        // Deleted last: until then every link still resolves, to one contact or the other.
        changes.append(.delete(other.header.relativePath, was: otherBefore, "merged into \(keep.id)"))
        return changes
    }

    /// What is appended under "Merged from" so that nothing of the duplicate is lost: its body, then
    /// its one-line values that differ from the kept record's (which stay), as `- key: value` lines.
    /// Returns that text (empty when there is nothing) and the keys of the differing values.
    static func mergedNotes<Record>(
        of other: RecordHeader, keep: FrontMatterEditor, other otherEditor: FrontMatterEditor, fields: [Field<Record>],
        kind: String
    ) -> (notes: String, differing: [String]) {
        var lines: [String] = []
        var keys: [String] = []
        for field in fields {
            if case .entries = field.type { continue }
            if case .list = field.type { continue }
            guard let mine = keep.scalar(field.key), let theirs = otherEditor.scalar(field.key),
                !mine.trimmingSpaces.isEmpty, !theirs.trimmingSpaces.isEmpty, mine != theirs
            else { continue }
            keys.append(field.key)
            lines.append("- \(field.key): \(theirs)")
        }
        var parts: [String] = []
        let body = other.body.trimmingCharacters(in: .whitespacesAndNewlines)
        if !body.isEmpty { parts.append(body) }
        if !lines.isEmpty {
            parts.append(
                "Its values that differ from this \(kind)'s (this \(kind)'s were kept):\n\n"
                    + lines.joined(separator: "\n"))
        }
        return (parts.joined(separator: "\n\n"), keys)
    }

    /// Every other file that links the duplicate, in path order, rewritten to link the record kept.
    static func repointed(from other: RecordHeader, to keep: RecordHeader, field: String, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        var changes: [FileChange] = []
        for header in workspace.records.headers.sorted(by: { $0.relativePath < $1.relativePath })
        where header.file != keep.file && header.file != other.file {
            let before = try workspace.bytes(of: header)
            guard mentions(before, other.id, field: field) else { continue }
            var (_, editor) = try workspace.editor(for: header)
            rewriteLinks(in: &editor, from: other.id, to: keep.id, field: field)
            if editor.bytes != before {
                changes.append(
                    .update(header.relativePath, from: before, to: editor.bytes, "[[\(other.id)]] → [[\(keep.id)]]"))
            }
        }
        return changes
    }

    /// `[[old]]`, `[[old|label]]` and a bare `contact: old` (or `lead: old`) become links to `new`.
    static func rewriteLinks(
        in editor: inout FrontMatterEditor, from old: String, to new: String, field: String = "contact"
    ) {
        editor.replaceAll("[[\(old)]]", with: "[[\(new)]]")
        editor.replaceAll("[[\(old)|", with: "[[\(new)|")
        if editor.scalar(field) == old { try? editor.set(field, to: YAMLText.link(new)) }
    }

    static func mentions(_ bytes: [UInt8], _ id: String, field: String) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("[[\(id)]]") || text.contains("[[\(id)|") || text.contains("\(field): \(id)")
    }

    /// Resolves a `duplicate-lead` warning: keeps `keep`, fills its empty values from `other`, unites
    /// their histories by date (the status following the last entry), appends `other`'s notes, points
    /// every interaction, application, job and link at `keep`, and deletes `other` last.
    static func mergeLeads(_ keepID: String, _ otherID: String, in workspace: Workspace) throws(EditError)
        -> [FileChange]
    {
        let keep = try workspace.lead(keepID)
        let other = try workspace.lead(otherID)
        if keep.id == other.id { throw EditError("cannot merge \(keep.id) into itself") }
        var (keepBefore, keepEditor) = try workspace.editor(for: keep.header)
        let (otherBefore, otherEditor) = try workspace.editor(for: other.header)
        var done: [String] = []
        for field in Lead.schema.fields where field.requirement != .required {
            if case .entries = field.type { continue }
            if case .list = field.type { continue }
            guard keepEditor.isEmpty(field.key), !otherEditor.isEmpty(field.key),
                let value = otherEditor.scalar(field.key)
            else { continue }
            try keepEditor.set(field.key, to: value.hasPrefix("[[") ? YAMLText.quoted(value) : YAMLText.scalar(value))
            done.append(field.key)
        }
        let kept = try keepEditor.items(of: "history").map(RecordMerge.normalized)
        for item in try otherEditor.items(of: "history") where !kept.contains(RecordMerge.normalized(item)) {
            try keepEditor.append(to: "history", item: item)
        }
        try keepEditor.sortList("history", by: "date")
        if let last = try keepEditor.lastItemValue(of: "history", field: "status") {
            try keepEditor.set("status", to: last)
        }
        let (notes, differing) = mergedNotes(
            of: other.header, keep: keepEditor, other: otherEditor,
            fields: Lead.schema.fields.filter { $0.key != "status" }, kind: "lead")
        if !notes.isEmpty, !keep.header.body.contains(notes) {
            keepEditor.appendToBody("## Merged from \(other.id)\n\n" + notes)
        }
        var changes = try repointed(from: other.header, to: keep.header, field: "lead", in: workspace)
        if keepEditor.bytes != keepBefore {
            let filled = done.isEmpty ? "" : "filled \(done.joined(separator: ", ")); "
            let kept =
                differing.isEmpty ? "" : "; kept \(differing.joined(separator: ", ")) (\(other.id)'s in the notes)"
            changes.append(
                .update(
                    keep.header.relativePath, from: keepBefore, to: keepEditor.bytes,
                    filled + "history and notes of \(other.id) united" + kept))
        }
        changes.append(.delete(other.header.relativePath, was: otherBefore, "merged into \(keep.id)"))
        return changes
    }
}
