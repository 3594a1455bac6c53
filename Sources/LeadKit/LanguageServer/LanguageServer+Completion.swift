import Foundation

extension LanguageServer {
    /// The most items one completion answers with; more are marked incomplete, so the client
    /// asks again as the user types.
    static let completionLimit = 200

    /// Completion in a record file: field names at the start of a front-matter line, the values
    /// of the field the cursor is in (its pipeline's stages, sources, choices, owners, milestone
    /// names of its track, dates), and record ids after `[[`, labelled with their names.
    func completion(_ params: LSP.PositionParams) -> LSP.CompletionList {
        guard let workspace, let (_, document) = document(params.textDocument.uri) else {
            return LSP.CompletionList(items: [])
        }
        let line = params.position.line
        let offset = document.text.offset(of: params.position, encoding: encoding)
        let lineBytes = document.text.line(line)
        let before = String(decoding: lineBytes[lineBytes.startIndex..<offset], as: UTF8.self)
        let after = String(decoding: lineBytes[offset..<lineBytes.endIndex], as: UTF8.self)
        let content = workspace.checked

        // After `[[`: the ids of the kinds the field links to (any kind in a note).
        if let open = before.range(of: "[[", options: .backwards), !before[open.upperBound...].contains("]]") {
            let typed = String(before[open.upperBound...])
            let key = document.key(governing: line)?.key
            let kinds = key.flatMap { linkKinds(of: $0, in: document.kind) } ?? Self.noteLinkKinds
            let close = after.hasPrefix("]]") ? "" : "]]"
            return linkItems(
                kinds, typed: typed, replacing: (offset - typed.utf8.count)..<offset, in: document,
                write: { $0 + close }, content: content)
        }
        guard let kind = document.kind, let frontMatter = document.frontMatter, frontMatter.contains(line) else {
            return LSP.CompletionList(items: [])
        }
        // A key being typed at the start of a line.
        if !before.contains(":"), !before.hasPrefix(" "), !before.hasPrefix("-") {
            let present = Set(frontMatter.compactMap { document.topLevelKey(on: $0)?.key })
            let start = offset - before.utf8.count
            var items: [LSP.CompletionItem] = []
            let custom = content.configuration.customFields[kind] ?? []
            let fields =
                kind.schemaFields.map { ($0.key, $0.label, Self.describe($0)) }
                + custom.map { ($0.key, $0.label, "\($0.label): a \($0.kind.rawValue) field of config.yml.") }
            for (position, field) in fields.enumerated()
            where field.0.hasPrefix(before.lowercased()) && (!present.contains(field.0) || field.0 == before) {
                items.append(
                    LSP.CompletionItem(
                        label: field.0, kind: 10, detail: field.1,
                        documentation: LSP.MarkupContent(value: field.2),
                        textEdit: LSP.TextEdit(range: range(start..<offset, in: document), newText: field.0 + ": "),
                        sortText: String(format: "%03d", position)))
            }
            return LSP.CompletionList(items: items)
        }
        // A value: of the last `key:` before the cursor on this line.
        guard let colon = before.lastIndex(of: ":") else { return LSP.CompletionList(items: []) }
        let key = String(before[..<colon].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        var typed = String(before[before.index(after: colon)...].drop { $0 == " " })
        if typed.hasPrefix("\"") || typed.hasPrefix("'") { typed.removeFirst() }
        let start = offset - typed.utf8.count
        let topKey = document.key(governing: line)?.key ?? key
        if let kinds = linkKinds(of: key, in: kind), !typed.contains(",") {
            // `contact: ` with nothing typed: the whole `"[[id]]"`, quoted, as YAML needs it.
            let quoted = before[before.index(after: colon)...].drop { $0 == " " }.first.map { $0 == "\"" } ?? false
            let valueStart = quoted ? start - 1 : start
            return linkItems(
                kinds, typed: typed, replacing: valueStart..<offset, in: document, write: { "\"[[\($0)]]\"" },
                content: content)
        }
        let values = self.values(key: key, under: topKey, kind: kind, document: document, content: content)
        // What is typed already is no suggestion (`owner: Ju` names an owner only this file uses).
        let items = values.filter { $0.value.lowercased().hasPrefix(typed.lowercased()) && $0.value != typed }
            .enumerated().map {
                position, value in
                LSP.CompletionItem(
                    label: value.label ?? value.value, kind: value.label == nil ? 20 : 12, detail: value.detail,
                    textEdit: LSP.TextEdit(range: range(start..<offset, in: document), newText: value.value),
                    filterText: value.value, sortText: String(format: "%03d", position))
            }
        return LSP.CompletionList(items: items)
    }

    /// The kinds a `[[link]]` in a note's body may name, in the order they are resolved.
    static let noteLinkKinds: [RecordKind] = [.contact, .company, .lead, .application, .job, .interaction]

    /// The kinds the field `key` of `kind` links to; nil when it is not a link.
    func linkKinds(of key: String, in kind: RecordKind?) -> [RecordKind]? {
        RecordDocument.linkKinds(of: key, in: kind)
    }

    private func linkItems(
        _ kinds: [RecordKind], typed: String, replacing bytes: Range<Int>, in document: RecordDocument,
        write: (String) -> String, content: CheckedContent
    ) -> LSP.CompletionList {
        let needle = typed.lowercased()
        var items: [LSP.CompletionItem] = []
        var incomplete = false
        for kind in kinds {
            for position in 0..<content.records.count(of: kind) {
                let header = content.records.header(kind, at: position)
                let name = content.displayName(kind, at: position)
                guard needle.isEmpty || header.id.lowercased().contains(needle) || name.lowercased().contains(needle)
                else { continue }
                guard items.count < Self.completionLimit else {
                    incomplete = true
                    break
                }
                items.append(
                    LSP.CompletionItem(
                        label: header.id, kind: 18, detail: "\(kind.rawValue): \(name)",
                        textEdit: LSP.TextEdit(range: range(bytes, in: document), newText: write(header.id)),
                        filterText: header.id + " " + name, sortText: header.id))
            }
        }
        return LSP.CompletionList(isIncomplete: incomplete, items: items)
    }

    fileprivate func values(
        key: String, under topKey: String, kind: RecordKind, document: RecordDocument, content: CheckedContent
    ) -> [Value] {
        let configuration = content.configuration
        let dates = [
            Value(value: workspace?.asOf.description ?? "", label: nil, detail: "today"),
            Value(value: workspace?.asOf.adding(days: 7).description ?? "", label: nil, detail: "in a week"),
        ]
        switch (topKey, key) {
        case ("history", "status"):
            return pipeline(of: document, configuration).allStatuses.map { Value(value: $0) }
        case ("milestones", "name"):
            return configuration.track(kind).steps.map { Value(value: $0.code, detail: $0.label) }
        case ("milestones", "outcome"):
            return Decision.allCases.map { Value(value: $0.rawValue) }
        case ("history", "date"), ("milestones", "date"):
            return dates
        default:
            break
        }
        if key == "owner" || key == "claimed_by" {
            // The team of config.yml, then every other name the leads already use.
            var names = configuration.owners.map(\.name)
            var seen = Set(names.map(Owner.key))
            for lead in content.records.leads {
                for name in [lead.owner?.value, lead.claimedBy?.value].compactMap({ $0 })
                where seen.insert(Owner.key(name)).inserted {
                    names.append(name)
                }
            }
            return names.map { Value(value: $0) }
        }
        guard let field = kind.schemaFields.first(where: { $0.key == key }) else { return [] }
        switch field.type {
        case .stage:
            let pipeline = pipeline(of: document, configuration)
            return pipeline.allStatuses.map { Value(value: $0, detail: "\(pipeline.name) pipeline") }
        case .source: return configuration.sources.map { Value(value: $0) }
        case .choice(let choices): return choices.map { Value(value: $0) }
        case .pipeline: return configuration.pipelines.map { Value(value: $0.name) }
        case .date, .dateTime: return dates
        default: return []
        }
    }

    /// The pipeline a lead's text names (`pipeline:`), else the default one.
    func pipeline(of document: RecordDocument, _ configuration: Configuration) -> Pipeline {
        for line in document.frontMatter ?? 0..<0 {
            guard let found = document.topLevelKey(on: line), found.key == "pipeline" else { continue }
            let bytes = document.text.line(line)
            let name = String(decoding: bytes[found.valueStart...], as: UTF8.self)
                .trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            return configuration.pipeline(named: name) ?? configuration.defaultPipeline
        }
        return configuration.defaultPipeline
    }

    /// A field's documentation: its label, what it holds, and whether it must be written.
    static func describe(_ field: SchemaField) -> String {
        let requirement =
            switch field.requirement {
            case .required: "Required."
            case .optional: "Optional."
            case .when(let condition): "Required when \(condition)."
            }
        return "**\(field.label)** (`\(field.key)`): \(describe(field.type)). \(requirement)"
    }

    static func describe(_ type: FieldType) -> String {
        switch type {
        case .text: "text"
        case .number: "a number such as 12 or 4500.50"
        case .date: "a date, YYYY-MM-DD"
        case .dateTime: "a date, YYYY-MM-DD, or a date and time, YYYY-MM-DDTHH:MM"
        case .address: "an http(s), mailto: or tel: address"
        case .email: "an email address"
        case .phone: "a phone number, quoted"
        case .choice(let values): "one of " + values.joined(separator: ", ")
        case .source: "one of the sources of config.yml"
        case .stage: "a stage of the lead's pipeline"
        case .pipeline: "the name of a pipeline of config.yml"
        case .link(let kind, let textAllowed):
            "a link to a \(kind.rawValue), \"[[id]]\"" + (textAllowed ? ", or a name as text" : "")
        case .client: "a link to the client, a company or a contact, \"[[id]]\""
        case .list(let item): "a list of " + describe(item)
        case .entries(let example, _): "a list of entries like " + example
        }
    }
}

/// A value completion offers: what is written, and what the menu shows beside it.
private struct Value {
    var value: String
    var label: String?
    var detail: String?

    init(value: String, label: String? = nil, detail: String? = nil) {
        self.value = value
        self.label = label
        self.detail = detail
    }
}

extension CheckedContent {
    /// What an editor shows beside an id: a contact's name and company, a lead's role and
    /// company, a company's name, an application's or job's title, an interaction's summary.
    func displayName(_ kind: RecordKind, at position: Int) -> String {
        switch kind {
        case .lead: return leadTitle(records.leads[position])
        case .contact:
            let contact = records.contacts[position]
            let company = contact.company.map { resolve($0.value.target, .company)?.name ?? $0.value.target }
            return [contact.name?.value ?? contact.id, company].compactMap { $0 }.joined(separator: " · ")
        case .company: return records.companies[position].name?.value ?? records.companies[position].id
        case .application: return records.applications[position].title?.value ?? records.applications[position].id
        case .job: return records.jobs[position].title?.value ?? records.jobs[position].id
        case .interaction: return records.interactions[position].summary?.value ?? records.interactions[position].id
        }
    }
}
