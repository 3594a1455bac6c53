extension Authoring {
    /// Resolves a `duplicate-contact` warning: keeps `keep`, fills its empty fields from `other`,
    /// appends `other`'s notes under a heading, points every link to `other` at `keep`, deletes `other`.
    public static func merge(_ keepReference: String, _ otherReference: String, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
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
        let notes = other.header.body.trimmingCharacters(in: .whitespacesAndNewlines)
        // A merge killed before its last write already gave the kept contact these notes.
        if !notes.isEmpty, !keep.header.body.contains(notes) {
            keepEditor.appendToBody("## Merged from \(other.name?.value ?? other.id)\n\n" + notes)
        }
        rewriteLinks(in: &keepEditor, from: other.id, to: keep.id)

        var changes: [FileChange] = []
        // Every other file that links the duplicate, in path order.
        for header in workspace.records.headers.sorted(by: { $0.relativePath < $1.relativePath })
        where header.file != keep.header.file && header.file != other.header.file {
            let before = try workspace.bytes(of: header)
            guard mentions(before, other.id) else { continue }
            var (_, editor) = try workspace.editor(for: header)
            rewriteLinks(in: &editor, from: other.id, to: keep.id)
            if editor.bytes != before {
                changes.append(
                    .update(header.relativePath, from: before, to: editor.bytes, "[[\(other.id)]] → [[\(keep.id)]]"))
            }
        }
        var summary = filled.isEmpty ? [] : ["filled \(filled.joined(separator: ", ")) from \(other.id)"]
        if !notes.isEmpty { summary.append("notes of \(other.id) appended") }
        if keepEditor.bytes != keepBefore {
            changes.append(
                .update(
                    keep.header.relativePath, from: keepBefore, to: keepEditor.bytes, summary.joined(separator: "; ")))
        }
        // Deleted last: until then every link still resolves, to one contact or the other.
        changes.append(.delete(other.header.relativePath, was: otherBefore, "merged into \(keep.id)"))
        return changes
    }

    /// `[[old]]`, `[[old|label]]` and a bare `contact: old` become links to `new`.
    static func rewriteLinks(in editor: inout FrontMatterEditor, from old: String, to new: String) {
        editor.replaceAll("[[\(old)]]", with: "[[\(new)]]")
        editor.replaceAll("[[\(old)|", with: "[[\(new)|")
        if editor.scalar("contact") == old { try? editor.set("contact", to: YAMLText.link(new)) }
    }

    static func mentions(_ bytes: [UInt8], _ id: String) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("[[\(id)]]") || text.contains("[[\(id)|") || text.contains("contact: \(id)")
    }
}
