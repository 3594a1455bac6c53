import Foundation

extension LanguageServer {
    /// A record named at the cursor: the kind, its position in the checked records, and the
    /// bytes of the name in the document.
    struct NamedRecord {
        var kind: RecordKind
        var position: Int
        var range: Range<Int>
    }

    /// The record a `[[link]]` at `offset` names, or the bare value of a link field (`contact: jo`).
    func linkedRecord(at offset: Int, in document: RecordDocument) -> NamedRecord? {
        guard let content = workspace?.checked else { return nil }
        if let mention = document.links().first(where: { $0.range.contains(offset) || $0.range.upperBound == offset }) {
            return record(named: mention, in: document, content)
        }
        guard
            let bare = document.bareLinks().first(where: { $0.range.contains(offset) || $0.range.upperBound == offset }
            ),
            let kinds = linkKinds(of: bare.key, in: document.kind)
        else { return nil }
        return Self.record(bare.target, of: kinds, at: bare.range, content)
    }

    /// The record a `[[link]]` names: of the kinds its field links to, else any kind a note may name.
    func record(named mention: RecordDocument.LinkMention, in document: RecordDocument, _ content: CheckedContent)
        -> NamedRecord?
    {
        let kinds = mention.key.flatMap { linkKinds(of: $0, in: document.kind) } ?? Self.noteLinkKinds
        return Self.record(mention.target, of: kinds, at: mention.range, content)
    }

    /// The first record of `kinds`, in order, with the id `target`.
    private static func record(
        _ target: String, of kinds: [RecordKind], at range: Range<Int>, _ content: CheckedContent
    ) -> NamedRecord? {
        for kind in kinds {
            if let position = content.index.position(of: target, kind: kind) {
                return NamedRecord(kind: kind, position: position, range: range)
            }
        }
        return nil
    }

    /// Go to definition: the file of the record a link names.
    func definition(_ params: LSP.PositionParams) -> LSP.Location? {
        guard let (_, document) = document(params.textDocument.uri), let content = workspace?.checked else {
            return nil
        }
        let offset = document.text.offset(of: params.position, encoding: encoding)
        guard let named = linkedRecord(at: offset, in: document) else { return nil }
        return fileStart(
            workspace!.absolutePath(ofDisplay: content.records.header(named.kind, at: named.position).file))
    }

    /// Find references: every place that links to the record named at the cursor, or to the
    /// document's own record when the cursor is on no link: `[[links]]` in front-matter and
    /// notes, and bare ids in link fields.
    func references(_ params: LSP.PositionParams) -> [LSP.Location] {
        guard let workspace, let (path, document) = document(params.textDocument.uri) else { return [] }
        let content = workspace.checked
        let offset = document.text.offset(of: params.position, encoding: encoding)
        let kind: RecordKind
        let id: String
        if let named = linkedRecord(at: offset, in: document) {
            kind = named.kind
            id = content.records.header(named.kind, at: named.position).id
        } else if let own = LanguageWorkspace.kind(of: path) {
            kind = own
            id = RecordID.normalized(String((path as NSString).lastPathComponent.dropLast(3)))
        } else {
            return []
        }
        let needle = Array(id.utf8)
        var locations: [LSP.Location] = []
        for file in workspace.files() where file.bytes.firstRange(of: needle) != nil {
            let other = RecordDocument(bytes: file.bytes, kind: LanguageWorkspace.kind(of: file.path))
            var ranges: [Range<Int>] = []
            for mention in other.links() where mention.target == id {
                if let key = mention.key {
                    if linkKinds(of: key, in: other.kind)?.contains(kind) == true { ranges.append(mention.range) }
                } else if content.resolveNoteLink(id)?.kind == kind {
                    ranges.append(mention.range)
                }
            }
            for bare in other.bareLinks()
            where bare.target == id && linkKinds(of: bare.key, in: other.kind)?.contains(kind) == true {
                ranges.append(bare.range)
            }
            let uri = Self.uri(ofPath: workspace.absolutePath(file.path))
            for bytes in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                locations.append(LSP.Location(uri: uri, range: range(bytes, in: other)))
            }
        }
        return locations
    }

    /// Document links: every `[[link]]` that names a record, to its file.
    func documentLinks(_ params: LSP.DocumentParams) -> [LSP.DocumentLink] {
        guard let (_, document) = document(params.textDocument.uri), let content = workspace?.checked else { return [] }
        // Each link resolved on its own: finding it again by position would scan the links once per link.
        return document.links().compactMap { mention in
            guard let named = record(named: mention, in: document, content) else { return nil }
            let header = content.records.header(named.kind, at: named.position)
            return LSP.DocumentLink(
                range: range(mention.range, in: document),
                target: Self.uri(ofPath: workspace!.absolutePath(ofDisplay: header.file)),
                tooltip: "\(named.kind.rawValue): \(content.displayName(named.kind, at: named.position))")
        }
    }

    /// Workspace symbols: records whose id or name holds the query, ignoring case.
    func symbols(_ params: LSP.WorkspaceSymbolParams) -> [LSP.SymbolInformation] {
        guard let content = workspace?.checked else { return [] }
        let query = params.query.lowercased()
        var symbols: [LSP.SymbolInformation] = []
        // People and companies first: what a name is most often looked up for.
        for kind in Self.noteLinkKinds {
            for position in 0..<content.records.count(of: kind) {
                let header = content.records.header(kind, at: position)
                let name = content.displayName(kind, at: position)
                guard query.isEmpty || header.id.lowercased().contains(query) || name.lowercased().contains(query)
                else { continue }
                symbols.append(
                    LSP.SymbolInformation(
                        name: name == header.id ? name : "\(name) (\(header.id))", kind: Self.symbolKind(kind),
                        location: fileStart(workspace!.absolutePath(ofDisplay: header.file)),
                        containerName: kind.folder))
                if symbols.count >= 500 { return symbols }
            }
        }
        return symbols
    }

    /// LSP's SymbolKind for a record kind: a lead is a class, a company a namespace, a contact an
    /// object, an interaction an event, an application or job a struct.
    static func symbolKind(_ kind: RecordKind) -> Int {
        switch kind {
        case .lead: 5
        case .company: 3
        case .contact: 19
        case .interaction: 24
        case .application, .job: 23
        }
    }

    /// Hover: a linked record in a few lines; a stage with its place in the pipeline and what the
    /// rules require of it; a field's documentation on its key.
    func hover(_ params: LSP.PositionParams) -> LSP.Hover? {
        guard let (_, document) = document(params.textDocument.uri), let content = workspace?.checked else {
            return nil
        }
        let offset = document.text.offset(of: params.position, encoding: encoding)
        if let named = linkedRecord(at: offset, in: document) {
            return LSP.Hover(
                contents: LSP.MarkupContent(value: summary(named.kind, at: named.position, content)),
                range: range(named.range, in: document))
        }
        let line = params.position.line
        guard let kind = document.kind, let found = document.key(governing: line), found.line == line,
            let field = kind.schemaFields.first(where: { $0.key == found.key })
        else { return nil }
        let lineStart = document.text.lineStarts[line]
        if offset < found.valueStart {
            return LSP.Hover(
                contents: LSP.MarkupContent(value: Self.describe(field)),
                range: range(lineStart..<(lineStart + found.key.utf8.count), in: document))
        }
        guard field.type == .stage else { return nil }
        let value = document.span(at: found.valueStart)
        let stage = String(decoding: document.text.bytes[value], as: UTF8.self)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).uppercased()
        let pipeline = pipeline(of: document, content.configuration)
        return LSP.Hover(
            contents: LSP.MarkupContent(value: Self.explain(stage, in: pipeline)), range: range(value, in: document))
    }

    /// `WARM_LEAD`: stage 3 of 5 of the networking pipeline, the path drawn, and what it requires.
    static func explain(_ stage: String, in pipeline: Pipeline) -> String {
        let path = pipeline.stages.map { $0 == stage ? "**\($0)**" : $0 }.joined(separator: " → ")
        let closed = pipeline.closed.map { $0 == stage ? "**\($0)**" : $0 }.joined(separator: ", ")
        var lines: [String] = []
        if let rank = pipeline.rank(of: stage) {
            lines.append("`\(stage)`: stage \(rank + 1) of \(pipeline.stages.count) of the \(pipeline.name) pipeline.")
        } else if pipeline.isClosed(stage) {
            lines.append("`\(stage)`: a closed stage of the \(pipeline.name) pipeline; the lead is no longer open.")
        } else {
            lines.append("`\(stage)` is not a stage of the \(pipeline.name) pipeline.")
        }
        lines.append(path + (closed.isEmpty ? "" : " (closed: \(closed))"))
        if pipeline.requiresContact(stage) {
            lines.append(
                "Requires `contact:`, a link to the person"
                    + (pipeline.requiresReachableContact ? " with an email or phone." : "."))
        }
        if pipeline.isWon(stage) {
            lines.append(
                "The won stage: requires `\(pipeline.convertsInto.field):`, the \(pipeline.convertsInto.field) it converted into."
            )
        }
        return lines.joined(separator: "\n\n")
    }

    /// A record in a few lines: its name, and for a lead its stage and days in it, its last
    /// interaction and its next follow-up.
    func summary(_ kind: RecordKind, at position: Int, _ content: CheckedContent) -> String {
        let name = content.displayName(kind, at: position)
        var lines = ["**\(name)** · \(kind.rawValue) `\(content.records.header(kind, at: position).id)`"]
        switch kind {
        case .lead:
            let lead = content.records.leads[position]
            let since = lead.history.last { $0.status.value == lead.status?.value }?.date?.value ?? lead.created?.value
            let days = since.map { " for \(max(0, (workspace?.asOf.ordinal ?? $0.ordinal) - $0.ordinal)) days" } ?? ""
            lines.append("Stage: `\(lead.status?.value ?? "none")`" + days)
            if let last = content.index.interactionsByLead[lead.id]?.last.map({ content.records.interactions[$0] }) {
                lines.append(
                    "Last interaction: \(last.date?.value.description ?? "undated") — \(last.summary?.value ?? last.id)"
                )
            }
            lines.append("Next follow-up: " + (lead.nextFollowUp?.value.description ?? "none"))
        case .contact:
            let contact = content.records.contacts[position]
            lines += [contact.role?.value, contact.email?.value, contact.phone?.value].compactMap { $0 }
        case .company:
            let company = content.records.companies[position]
            lines += [company.industry?.value, company.website?.value].compactMap { $0 }
        case .interaction:
            let interaction = content.records.interactions[position]
            lines.append(
                [interaction.date?.value.description, interaction.type?.value.rawValue].compactMap { $0 }.joined(
                    separator: " · "))
        case .application, .job:
            break
        }
        return lines.joined(separator: "\n\n")
    }
}
