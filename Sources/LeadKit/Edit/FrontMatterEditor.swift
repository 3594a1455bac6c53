/// Why a record file cannot be edited safely: the command refuses rather than guess.
public struct EditError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Edits one record file the way a person would: only the keys being changed are rewritten, and every
/// other byte — key order, comments, quoting, unknown keys, the Markdown body, LF or CRLF line
/// endings, a byte-order mark — stays as it was.
///
/// Each edit re-reads the front-matter with the same composer `leads check` uses, so positions always
/// describe the current text.
public struct FrontMatterEditor {
    /// The file's text after a byte-order mark.
    public internal(set) var text: String
    private let byteOrderMark: Bool
    /// The file's own line break, used for every line added.
    public let lineBreak: String

    public init(bytes: [UInt8], file: String) throws(EditError) {
        var content = bytes[...]
        byteOrderMark = content.starts(with: [0xEF, 0xBB, 0xBF])
        if byteOrderMark { content = content.dropFirst(3) }
        guard let text = String(validating: content, as: UTF8.self) else {
            throw EditError("\(file) is not valid UTF-8; fix it before editing it with leads")
        }
        self.text = text
        lineBreak = text.contains("\r\n") ? "\r\n" : (text.contains("\n") || !text.contains("\r") ? "\n" : "\r")
        _ = try block(file: file)
    }

    /// The edited file.
    public var bytes: [UInt8] {
        (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// The front-matter as it is now: its text range and its top-level pairs.
    struct Block {
        var yaml: Range<String.Index>
        var pairs: [(key: YAMLNode, value: YAMLNode)]
    }

    func block(file: String = "the file") throws(EditError) -> Block {
        var lines = SourceText(text: text).lines
        guard let first = lines.next(), FrontMatterReader.isDelimiter(first.content) else {
            throw EditError("\(file) has no front-matter block")
        }
        var yamlEnd = first.next
        var closed = false
        while let line = lines.next() {
            if FrontMatterReader.isDelimiter(line.content) {
                closed = true
                break
            }
            yamlEnd = line.content.endIndex
        }
        guard closed else { throw EditError("\(file) has an unclosed front-matter block") }
        let yaml = first.next..<max(yamlEnd, first.next)
        switch YAMLComposer.compose(text[yaml]) {
        case .success(nil):
            return Block(yaml: yaml, pairs: [])
        case .success(let node?):
            guard let pairs = node.pairs else { throw EditError("\(file): front-matter is not a mapping") }
            return Block(yaml: yaml, pairs: pairs)
        case .failure:
            throw EditError("\(file): front-matter is not valid YAML; fix it first (leads check shows where)")
        }
    }

    /// The text index of a position in the block.
    func index(_ position: YAMLNode.Position, in block: Block) -> String.Index {
        text.unicodeScalars.index(block.yaml.lowerBound, offsetBy: position.offset)
    }

    /// The end of the line (before its break) that `index` is on.
    func lineEnd(after index: String.Index) -> String.Index {
        var position = index
        let scalars = text.unicodeScalars
        while position < text.endIndex, scalars[position] != "\n", scalars[position] != "\r" {
            position = scalars.index(after: position)
        }
        return position
    }

    func value(of key: String, in block: Block) -> (key: YAMLNode, value: YAMLNode)? {
        block.pairs.first { $0.key.scalar?.string == key }
    }

    /// The value of a top-level key as text, nil when absent or not a single value.
    public func scalar(_ key: String) -> String? {
        guard let block = try? block(), let pair = value(of: key, in: block) else { return nil }
        return pair.value.scalar?.string
    }

    /// Whether a top-level key is absent or written without a value (`key:`, `~`, `null`, `""`).
    public func isEmpty(_ key: String) -> Bool {
        guard let block = try? block(), let pair = value(of: key, in: block) else { return true }
        guard let scalar = pair.value.scalar else { return false }
        return scalar.isNull || scalar.string.trimmingSpaces.isEmpty
    }

    /// Sets a top-level key to a single value written as `yaml` (already formatted, e.g. by
    /// `YAMLText.scalar`): its old value is replaced where it stands, or a line is added at the end.
    public mutating func set(_ key: String, to yaml: String) throws(EditError) {
        let block = try block()
        guard let pair = value(of: key, in: block) else {
            insertScalarLine("\(key): \(yaml)", at: block)
            return
        }
        guard let scalar = pair.value.scalar else {
            throw EditError("'\(key)' is a \(pair.value.kindName), not a single value; edit it by hand")
        }
        if scalar.style == .literal || scalar.style == .folded {
            throw EditError("'\(key)' is a block scalar ('|' or '>'); edit it by hand")
        }
        if scalar.isPlain, scalar.string.isEmpty {
            // `key:` with nothing after it: the value goes right after the colon.
            let colon = colonAfter(pair.key, in: block)
            text.insert(contentsOf: " " + yaml, at: text.index(after: colon))
            return
        }
        text.replaceSubrange(index(pair.value.start, in: block)..<index(pair.value.end, in: block), with: yaml)
    }

    /// Removes a top-level key written on one line with a single value (`claimed_by: Alice`), with its
    /// line break; a key that is absent is left so. Anything else is refused rather than guessed.
    public mutating func remove(_ key: String) throws(EditError) {
        let block = try block()
        guard let pair = value(of: key, in: block) else { return }
        guard pair.value.scalar != nil, pair.key.start.line == pair.value.end.line else {
            throw EditError("'\(key)' spans several lines; remove it by hand")
        }
        let start = lineStart(before: index(pair.key.start, in: block))
        var end = lineEnd(after: index(pair.value.end, in: block))
        // The line's own break goes with it; the block's last line takes the break before it instead.
        if end < block.yaml.upperBound {
            end = text.unicodeScalars.index(after: end)
            if text.unicodeScalars[text.unicodeScalars.index(before: end)] == "\r", end < text.endIndex,
                text.unicodeScalars[end] == "\n"
            {
                end = text.unicodeScalars.index(after: end)
            }
            text.removeSubrange(start..<end)
        } else if start > text.startIndex {
            var from = text.unicodeScalars.index(before: start)
            if text.unicodeScalars[from] == "\n", from > text.startIndex,
                text.unicodeScalars[text.unicodeScalars.index(before: from)] == "\r"
            {
                from = text.unicodeScalars.index(before: from)
            }
            text.removeSubrange(from..<end)
        }
    }

    /// Appends an item (e.g. `{status: WARM_LEAD, date: 2026-11-23}`) to a top-level list, in the
    /// list's own style: a new `- ` line for a block list, `, item` inside a flow list.
    public mutating func append(to key: String, item: String) throws(EditError) {
        let block = try block()
        guard let pair = value(of: key, in: block) else {
            insertLine("\(key):" + lineBreak + "  - " + item, at: block)
            return
        }
        if let scalar = pair.value.scalar {
            guard scalar.isNull else {
                throw EditError("'\(key)' is a single value, not a list; edit it by hand")
            }
            let start = index(pair.key.start, in: block)
            if scalar.string.isEmpty {
                text.insert(contentsOf: lineBreak + "  - " + item, at: lineEnd(after: start))
            } else {
                text.replaceSubrange(
                    index(pair.value.start, in: block)..<index(pair.value.end, in: block), with: "[\(item)]")
            }
            return
        }
        guard let items = pair.value.items else {
            throw EditError("'\(key)' is a mapping, not a list; edit it by hand")
        }
        if pair.value.isFlow {
            // The end is just after the closing bracket.
            let bracket = text.unicodeScalars.index(before: index(pair.value.end, in: block))
            text.insert(contentsOf: (items.isEmpty ? "" : ", ") + item, at: bracket)
            return
        }
        guard let first = items.first, let last = items.last else { return }
        // A new line like the first item's: the same indentation before its dash.
        let firstLine = lineStart(before: index(first.start, in: block))
        let indentation = text[firstLine...].prefix { $0 == " " || $0 == "\t" }
        text.insert(
            contentsOf: lineBreak + indentation + "- " + item,
            at: lineEnd(after: index(Self.contentEnd(of: last), in: block)))
    }

    /// Sets `field` of the mapping at `position` in the top-level list `key` (e.g. the `outcome` of a
    /// milestone entry): a value already there is replaced where it stands; a new one goes after the
    /// mapping's last pair, `, field: value` in a `{flow}` mapping or a line of its own in a block one.
    public mutating func set(_ field: String, to yaml: String, inItem position: Int, of key: String)
        throws(EditError)
    {
        let block = try block()
        guard let items = value(of: key, in: block)?.value.items, items.indices.contains(position),
            let pairs = items[position].pairs, let last = pairs.last
        else { throw EditError("'\(key)' has no item \(position + 1) to change; edit it by hand") }
        let item = items[position]
        if let existing = pairs.first(where: { $0.key.scalar?.string == field }) {
            guard existing.value.scalar != nil else {
                throw EditError("'\(field)' in '\(key)' is not a single value; edit it by hand")
            }
            text.replaceSubrange(
                index(existing.value.start, in: block)..<index(existing.value.end, in: block), with: yaml)
            return
        }
        if item.isFlow {
            let brace = text.unicodeScalars.index(before: index(item.end, in: block))
            text.insert(contentsOf: ", \(field): \(yaml)", at: brace)
            return
        }
        // A line like the mapping's first key: the same column.
        let firstKey = index(pairs[0].key.start, in: block)
        let column = text.unicodeScalars[lineStart(before: firstKey)..<firstKey].count
        text.insert(
            contentsOf: lineBreak + String(repeating: " ", count: column) + "\(field): \(yaml)",
            at: lineEnd(after: index(Self.contentEnd(of: last.value), in: block)))
    }

    /// Where a node's text ends. A block collection's own end is where the next token starts, often on a
    /// later line, so it is taken from its last value instead.
    static func contentEnd(of node: YAMLNode) -> YAMLNode.Position {
        if node.scalar != nil || node.isFlow { return node.end }
        if let last = node.items?.last { return contentEnd(of: last) }
        if let last = node.pairs?.last { return contentEnd(of: last.value) }
        return node.end
    }

    /// Adds text after the body, separated by a blank line.
    public mutating func appendToBody(_ markdown: String) {
        var addition = markdown.replacingOccurrences(of: "\n", with: lineBreak)
        if !addition.hasSuffix(lineBreak) { addition += lineBreak }
        if !text.hasSuffix(lineBreak) { text += lineBreak }
        text += lineBreak + addition
    }

    /// Replaces every occurrence of `old` with `new` in the whole file.
    public mutating func replaceAll(_ old: String, with new: String) {
        text = text.replacingOccurrences(of: old, with: new)
    }

    /// A new single-value line: before the block lists that end the front-matter (`history`,
    /// `milestones`), so that it never lands right under an item another command appends to — two
    /// people's edits of one lead then merge in git without a conflict. Without such lists, at the end.
    private mutating func insertScalarLine(_ line: String, at block: Block) {
        var trailing: (key: YAMLNode, value: YAMLNode)?
        for pair in block.pairs.reversed() {
            guard pair.value.items != nil, !pair.value.isFlow else { break }
            trailing = pair
        }
        guard let first = trailing else {
            insertLine(line, at: block)
            return
        }
        text.insert(contentsOf: line + lineBreak, at: lineStart(before: index(first.key.start, in: block)))
    }

    /// A new top-level line at the end of the block.
    private mutating func insertLine(_ line: String, at block: Block) {
        if block.yaml.isEmpty {
            text.insert(contentsOf: line + lineBreak, at: block.yaml.lowerBound)
        } else {
            text.insert(contentsOf: lineBreak + line, at: block.yaml.upperBound)
        }
    }

    /// The colon after a key on its line.
    private func colonAfter(_ key: YAMLNode, in block: Block) -> String.Index {
        var position = index(key.end, in: block)
        while position < text.endIndex, text.unicodeScalars[position] != ":" {
            position = text.unicodeScalars.index(after: position)
        }
        return position
    }

    /// The start of the line `position` is on.
    func lineStart(before position: String.Index) -> String.Index {
        var cursor = position
        let scalars = text.unicodeScalars
        while cursor > text.startIndex {
            let previous = scalars.index(before: cursor)
            if scalars[previous] == "\n" || scalars[previous] == "\r" { break }
            cursor = previous
        }
        return cursor
    }
}
