/// Reads the fields of one YAML mapping by a schema, turning every mismatch into a diagnostic.
struct FieldReader {
    let block: FrontMatter
    /// Where the mapping itself is, for "missing field" diagnostics.
    let location: SourceLocation
    /// What the mapping is, for messages ("lead", "history entry").
    let subject: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The milestone tracks of `config.yml`, for milestone names.
    var tracks: [RecordKind: MilestoneTrack] = Configuration.builtIn.tracks
    private var known: [String] = []
    /// The mapping's pairs with their keys as text, read once: every field lookup scans these.
    private let entries: [(name: String?, key: YAMLNode, value: YAMLNode)]

    init(block: FrontMatter, pairs: [(key: YAMLNode, value: YAMLNode)], location: SourceLocation, subject: String) {
        self.block = block
        self.location = location
        self.subject = subject
        entries = pairs.map { ($0.key.scalar?.string, $0.key, $0.value) }
    }

    /// The key and value written for `name`, if any.
    func entry(_ name: String) -> (key: YAMLNode, value: YAMLNode)? {
        entries.first { $0.name == name }.map { ($0.key, $0.value) }
    }

    /// The value of `key`, marking the key as known; nil when absent or written empty (`key:`, `~`, `null`).
    mutating func node(_ key: String, required: Bool) -> YAMLNode? {
        known.append(key)
        guard let (keyNode, value) = entry(key) else {
            if required { reportMissing(key) }
            return nil
        }
        if isNull(value) {
            // `tags: #backend`: YAML read the value as a comment.
            if let comment = block.comment(onLine: keyNode.line, from: keyNode.column + key.unicodeScalars.count) {
                diagnostics.append(EmptyListItem.commentedValue(key, comment.word, at: comment.location))
            } else if required {
                diagnostics.append(MissingField.empty(key, at: block.location(of: keyNode)))
            }
            return nil
        }
        return value
    }

    private mutating func reportMissing(_ key: String) {
        diagnostics.append(MissingField.absent(key, in: subject, at: location))
    }

    func isNull(_ node: YAMLNode) -> Bool {
        node.scalar?.isNull ?? false
    }

    mutating func text(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = node(key, required: required) else { return nil }
        guard let text = text(of: value, key: key) else { return nil }
        if required, text.value.trimmingSpaces.isEmpty {
            // `role: ""` is as empty as `role:`.
            diagnostics.append(MissingField.empty(key, at: block.location(of: entry(key)!.key)))
            return nil
        }
        return text
    }

    mutating func text(of value: YAMLNode, key: String) -> Located<String>? {
        guard let scalar = value.scalar else {
            invalid(value, "'\(key)' must be text, not a \(value.kindName)")
            return nil
        }
        return Located(scalar.string, at: block.location(of: value))
    }

    /// Text matched case-insensitively against fixed values, shown upper-case.
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ key: String, _ type: Value.Type, required: Bool = false
    ) -> Located<Value>? where Value.RawValue == String {
        guard let written = text(key, required: required) else { return nil }
        return enumeration(written, key: key, type)
    }

    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ written: Located<String>, key: String, _ type: Value.Type
    ) -> Located<Value>? where Value.RawValue == String {
        if let value = Value(rawValue: written.value.uppercased()) {
            return Located(value, at: written.location)
        }
        diagnostics.append(InvalidValue.unknown(written, key, allowed: Value.allCases.map(\.rawValue)))
        return nil
    }

    mutating func day(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let written = text(key, required: required) else { return nil }
        guard let day = Day(parsing: written.value) else {
            diagnostics.append(InvalidDate.notADay(written, key: key))
            return nil
        }
        return Located(day, at: written.location)
    }

    mutating func dayTime(_ key: String, required: Bool = false) -> Located<DayTime>? {
        guard let written = text(key, required: required) else { return nil }
        guard let value = DayTime(parsing: written.value) else {
            diagnostics.append(InvalidDate.notADayTime(written, key: key))
            return nil
        }
        return Located(value, at: written.location)
    }

    /// `"[[id]]"`, a bare id, or `[[id]]` left unquoted (which YAML reads as a list in a list).
    mutating func link(_ key: String, required: Bool = false) -> Located<Link>? {
        guard let value = node(key, required: required) else { return nil }
        let location = block.location(of: value)
        let link: Link
        switch value.content {
        case .scalar(let scalar):
            link = Link(parsing: scalar.string)
        case .sequence(let outer) where outer.count == 1:
            guard let inner = outer[0].items, inner.count == 1, let scalar = inner[0].scalar else {
                fallthrough
            }
            link = Link(target: scalar.string.trimmingSpaces, isBracketed: true)
        default:
            invalid(value, "'\(key)' must be a link like \"[[id]]\", not a \(value.kindName)")
            return nil
        }
        return Located(link, at: location)
    }

    /// A list of text; a single value counts as a list of one.
    mutating func textList(_ key: String) -> [Located<String>] {
        guard let value = node(key, required: false) else { return [] }
        return textList(of: value, key: key)
    }

    mutating func textList(of value: YAMLNode, key: String) -> [Located<String>] {
        if value.scalar != nil {
            guard let one = text(of: value, key: key) else { return [] }
            // Tags are words: a comma in one means a list was meant. Other lists hold sentences.
            if key == "tags", one.value.contains(",") {
                diagnostics.append(CommaSeparatedList.oneItem(one, key: key))
            }
            return [one]
        }
        guard let items = value.items else {
            invalid(value, "'\(key)' must be a list, not a \(value.kindName)")
            return []
        }
        return items.compactMap { item in
            if item.scalar?.isNull == true {
                // `- #go`: at the `#` when the item is a comment to YAML.
                if let comment = block.comment(onLine: item.line, from: max(1, item.column - 2)) {
                    diagnostics.append(EmptyListItem.commentedItem(in: key, comment.word, at: comment.location))
                } else {
                    diagnostics.append(EmptyListItem.empty(in: key, at: block.location(of: item)))
                }
                return nil
            }
            return text(of: item, key: key)
        }
    }

    /// A list of mappings, each read by `read` with its own reader.
    mutating func mappingList<Item>(
        _ key: String, itemSubject: String, example: String, read: (inout FieldReader) -> Item?
    ) -> [Item] {
        guard let value = node(key, required: false) else { return [] }
        guard let entries = value.items else {
            invalid(value, "'\(key)' must be a list of \(itemSubject)s, not a \(value.kindName)")
            return []
        }
        var items: [Item] = []
        for entry in entries {
            guard let entryPairs = entry.pairs else {
                invalid(entry, "each \(itemSubject) in '\(key)' must be a mapping like \(example)")
                continue
            }
            var reader = FieldReader(
                block: block, pairs: entryPairs, location: block.location(of: entry), subject: itemSubject)
            reader.tracks = tracks
            let item = read(&reader)
            reader.reportUnknownKeys()
            diagnostics += reader.diagnostics
            if let item { items.append(item) }
        }
        return items
    }

    /// Adds a finding of another check to this reader's.
    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func report(contentsOf found: [Diagnostic]) {
        diagnostics += found
    }

    mutating func invalid(_ node: YAMLNode, _ message: String) {
        diagnostics.append(InvalidValue.wrongType(message, at: block.location(of: node)))
    }

    /// Warns about every key no schema field asked for.
    mutating func reportUnknownKeys() {
        for (name, key, _) in entries {
            guard let name else {
                diagnostics.append(
                    InvalidFrontMatter.diagnostic(at: block.location(of: key), "keys must be plain text like 'role'"))
                continue
            }
            guard !known.contains(name) else { continue }
            diagnostics.append(UnknownField.unknown(name, in: subject, known: known, at: block.location(of: key)))
        }
    }
}

extension FieldReader {
    /// A field `config.yml` declares, read by its declared type.
    mutating func custom(_ field: CustomField) -> FieldValue? {
        let key = field.key
        switch field.kind {
        case .text, .address, .email: return text(key).map(FieldValue.text)
        case .date: return day(key).map(FieldValue.day)
        case .datetime: return dayTime(key).map(FieldValue.dayTime)
        case .list:
            let items = textList(key)
            return items.isEmpty ? nil : .list(items)
        case .number: return number(key).map(FieldValue.number)
        }
    }

    /// A decimal number such as `12`, `-3` or `4500.50`.
    mutating func number(_ key: String) -> Located<Double>? {
        guard let written = text(key) else { return nil }
        guard let number = Double(written.value.trimmingSpaces), number.isFinite else {
            diagnostics.append(InvalidValue.notANumber(written, key: key))
            return nil
        }
        return Located(number, at: written.location)
    }

    /// A step of the `kind`'s milestone track, by its code or its checklist wording.
    mutating func milestone(_ key: String, of kind: RecordKind) -> Located<String>? {
        guard let written = text(key, required: true) else { return nil }
        let track = tracks[kind] ?? MilestoneTrack(steps: [])
        if let step = track.step(matching: written.value) { return Located(step.code, at: written.location) }
        diagnostics.append(
            InvalidValue.unknown(
                written, "milestone",
                allowed: track.codes, closestTo: written.value.uppercased().replacingOccurrences(of: " ", with: "_")))
        return nil
    }
}
