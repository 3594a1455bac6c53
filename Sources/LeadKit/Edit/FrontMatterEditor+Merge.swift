/// What the merge driver needs of an editor: values as written, list items, sorting a list, the
/// body, and marking a conflict the way git does.
extension FrontMatterEditor {
    /// Every top-level key's value as written (`"[[acme]]"` with its quotes), lists and mappings too.
    func values() throws(EditError) -> [String: String] {
        let block = try block()
        var values: [String: String] = [:]
        for pair in block.pairs {
            guard let key = pair.key.scalar?.string else { continue }
            let end = index(Self.contentEnd(of: pair.value), in: block)
            values[key] = String(text[index(pair.value.start, in: block)..<end])
        }
        return values
    }

    /// The items of a top-level list as written, e.g. `{status: A, date: 2026-11-01}`.
    func items(of key: String) throws(EditError) -> [String] {
        let block = try block()
        guard let items = value(of: key, in: block)?.value.items else { return [] }
        return items.map { String(text[index($0.start, in: block)..<index(Self.contentEnd(of: $0), in: block)]) }
    }

    /// The value of `field` in the last item of a top-level list of mappings, as written.
    func lastItemValue(of key: String, field: String) throws(EditError) -> String? {
        let block = try block()
        guard let last = value(of: key, in: block)?.value.items?.last,
            let pair = last.pairs?.first(where: { $0.key.scalar?.string == field }), pair.value.scalar != nil
        else { return nil }
        return String(text[index(pair.value.start, in: block)..<index(pair.value.end, in: block)])
    }

    /// Orders the items of a top-level list of mappings by `field` (dates sort as text), keeping
    /// equal ones in their order; each item keeps its own text, only their order changes.
    mutating func sortList(_ key: String, by field: String) throws(EditError) {
        let block = try block()
        guard let items = value(of: key, in: block)?.value.items, items.count > 1 else { return }
        func sortKey(_ item: YAMLNode) -> String {
            item.pairs?.first { $0.key.scalar?.string == field }?.value.scalar?.string ?? ""
        }
        let order = items.indices.sorted { (sortKey(items[$0]), $0) < (sortKey(items[$1]), $1) }
        guard order != Array(items.indices) else { return }
        let texts = items.map { String(text[index($0.start, in: block)..<index(Self.contentEnd(of: $0), in: block)]) }
        // Replace from the last item back, so earlier positions stay valid.
        for (slot, item) in items.enumerated().reversed() {
            text.replaceSubrange(
                index(item.start, in: block)..<index(Self.contentEnd(of: item), in: block), with: texts[order[slot]])
        }
    }

    /// The Markdown after the front-matter: what follows the closing `---` line and its break.
    var body: String {
        guard let block = try? block() else { return "" }
        let scalars = text.unicodeScalars
        // The closing line starts after the block's last line break (right at the block when it is empty).
        var start = block.yaml.upperBound
        for _ in 0..<(block.yaml.isEmpty ? 1 : 2) {
            start = lineEnd(after: start)
            guard start < text.endIndex else { return "" }
            let breakStart = start
            start = scalars.index(after: start)
            if scalars[breakStart] == "\r", start < text.endIndex, scalars[start] == "\n" {
                start = scalars.index(after: start)
            }
        }
        return String(text[start...])
    }

    /// Replaces the Markdown after the front-matter.
    mutating func replaceBody(_ body: String) {
        let current = self.body
        guard text.hasSuffix(current) else { return }
        text = String(text.dropLast(current.count)) + body
    }

    /// Writes a top-level key both sides changed as a git conflict: the key's line becomes
    /// `<<<<<<< ours`, ours, `=======`, theirs, `>>>>>>> theirs`.
    mutating func markConflict(_ key: String, ours: String, theirs: String, oursLabel: String, theirsLabel: String)
        throws(EditError)
    {
        let block = try block()
        let conflict =
            "<<<<<<< \(oursLabel)" + lineBreak + (ours.isEmpty ? "" : "\(key): \(ours)" + lineBreak) + "======="
            + lineBreak + (theirs.isEmpty ? "" : "\(key): \(theirs)" + lineBreak) + ">>>>>>> \(theirsLabel)"
        if let pair = value(of: key, in: block) {
            let start = lineStart(before: index(pair.key.start, in: block))
            let end = lineEnd(after: index(Self.contentEnd(of: pair.value), in: block))
            text.replaceSubrange(start..<end, with: conflict)
        } else {
            text.insert(contentsOf: lineBreak + conflict, at: block.yaml.upperBound)
        }
    }
}
