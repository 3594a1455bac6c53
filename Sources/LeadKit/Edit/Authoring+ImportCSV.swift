extension Authoring {
    /// The fields a spreadsheet column can fill, per kind, in the order new files list them: the
    /// schema table's imported fields, then `config.yml`'s custom fields.
    static func importableFields(_ kind: RecordKind, _ configuration: Configuration) -> [(
        key: String, type: FieldType
    )]? {
        func fields<Record>(_ schema: RecordSchema<Record>) -> [(key: String, type: FieldType)] {
            schema.fields.filter(\.isImported).map { ($0.key, $0.type) }
        }
        let builtIn: [(key: String, type: FieldType)]
        switch kind {
        case .lead: builtIn = fields(Lead.schema)
        case .contact: builtIn = fields(Contact.schema)
        case .company: builtIn = fields(Company.schema)
        case .interaction: builtIn = fields(Interaction.schema)
        case .application, .job: return nil
        }
        let custom = (configuration.customFields[kind] ?? []).map { field -> (key: String, type: FieldType) in
            (field.key, field.kind == .list ? .list(.text) : .text)
        }
        return builtIn + custom
    }

    /// A spreadsheet people already keep, one record per row: columns are matched to fields by their
    /// header (`Next follow-up` is `next_follow_up`) or by `map` (`Full name=name`), and every row is
    /// checked exactly as `leads check` would check the file it becomes. With a bad row nothing is
    /// imported, unless `skipInvalid`, which leaves the bad rows out.
    /// `delimiter`: the field separator; nil detects it from the header line (`,` `;` or tab).
    public static func importCSV(
        _ text: String, kind: RecordKind, map: [String: String], skipInvalid: Bool, delimiter: Unicode.Scalar? = nil,
        in workspace: Workspace
    ) throws(EditError) -> ImportPlan {
        guard let typed = importableFields(kind, workspace.configuration) else {
            throw EditError("csv import makes leads, contacts, companies or interactions, not \(kind.folder)")
        }
        let fields = typed.map(\.key)
        let types = Dictionary(typed, uniquingKeysWith: { first, _ in first })
        let table = try CSVTable(text: text, delimiter: delimiter)
        var columns: [Int: String] = [:]
        var ignored: [String] = []
        for (position, header) in table.header.enumerated() {
            let field = map[header] ?? map[normalized(header)] ?? normalized(header)
            if field == "notes" || fields.contains(field) || field == "id" {
                columns[position] = field
            } else {
                ignored.append(header)
            }
        }
        for (column, field) in map where !fields.contains(field) && field != "notes" && field != "id" {
            throw EditError(
                "--map \(column)=\(field): '\(field)' is not a field of a \(kind.rawValue); expected one of "
                    + (fields + ["notes", "id"]).joined(separator: ", "))
        }
        var plan = ImportPlan()
        if delimiter == nil, table.delimiter != "," {
            plan.notes.append(
                "read as " + (table.delimiter == ";" ? "semicolon" : "tab") + "-separated (--delimiter to change)")
        }
        if !ignored.isEmpty { plan.notes.append("columns not imported: " + ignored.joined(separator: ", ")) }

        var names = IDAllocator(workspace: workspace)
        var rows: [(row: Int, line: Int, change: FileChange)] = []
        let known = existingKeys(kind, in: workspace)
        var planned: [String: Int] = [:]
        for (number, (line, values)) in table.rows.enumerated() {
            var record: [String: String] = [:]
            for (position, field) in columns where position < values.count {
                // `leads export csv` wrote `'=…` for a cell starting `=…`, to keep spreadsheets safe.
                let value = RecordExport.unneutralised(values[position].trimmingSpaces)
                if !value.isEmpty { record[field] = value }
            }
            // Importing the same sheet again adds nothing: a record already there is skipped.
            let keys = identityKeys(kind, record)
            if let path = keys.lazy.compactMap({ known[$0] }).first {
                plan.skipped.append("row \(number + 1) (line \(line)): already \(path)")
                continue
            }
            if let earlier = keys.lazy.compactMap({ planned[$0] }).first {
                plan.skipped.append("row \(number + 1) (line \(line)): the same as row \(earlier)")
                continue
            }
            for key in keys { planned[key] = number + 1 }
            let stem = Slug.make(record["id"] ?? defaultName(kind, record, asOf: workspace.asOf))
            let (_, path) = names.allocate(kind, stem: stem.isEmpty ? kind.rawValue : stem)
            var yaml: [(key: String, yaml: String)] = []
            for field in fields {
                guard let value = record[field] ?? defaultValue(kind, field, record, workspace) else { continue }
                yaml.append((field, formatted(types[field]!, value, workspace)))
            }
            rows.append(
                (
                    number + 1, line,
                    .create(path, YAMLText.record(kind, yaml, body: record["notes"] ?? ""), "row \(number + 1)")
                ))
        }

        // Checked together with the whole folder, as leads check will see them once written.
        var loaded = workspace.loaded
        let loader = ContentLoader(root: workspace.root)
        loaded.files += rows.map { row in
            SourceFile(
                kind: kind, relativePath: row.change.path, displayPath: loader.displayPath(row.change.path),
                bytes: row.change.after ?? [])
        }
        let checked = Leads.check(loaded, asOf: workspace.asOf)
        var bad: [String] = []
        for row in rows {
            let file = loader.displayPath(row.change.path)
            let errors = checked.diagnostics.filter { $0.location.file == file && $0.severity == .error }
            if errors.isEmpty {
                plan.changes.append(row.change)
            } else {
                bad += errors.map { "row \(row.row) (line \(row.line)): \($0.message) [\($0.code.rawValue)]" }
            }
        }
        if !bad.isEmpty, !skipInvalid {
            var help: [String] = []
            if !ignored.isEmpty { help.append("columns not imported: " + ignored.joined(separator: ", ")) }
            let covered = Set(columns.values)
            for key in requiredKeys(kind) where !covered.contains(key) && defaultValue(kind, key, [:], workspace) == nil
            {
                if let column = nearColumn(for: key, among: ignored) {
                    help.append("no column is '\(key)': did you mean --map '\(column)=\(key)'?")
                }
            }
            throw EditError(
                "\(bad.count == 1 ? "a row is" : "rows are") not valid; nothing was imported "
                    + "(fix the file, or pass --skip-invalid to import the other rows):\n"
                    + (bad + help).joined(separator: "\n"))
        }
        plan.skipped += bad.map { "invalid \($0)" }
        return plan
    }

    /// The ways a row names a record that may already exist, as comparable keys: its `id`; for a
    /// contact its email, its LinkedIn address, and its name with its company; a company's name; a
    /// lead's company with its role; an interaction's lead, day and summary. Case and spacing are
    /// ignored, and a company or lead is compared by the id its name makes (`Acme, Inc.` is `acme-inc`).
    static func identityKeys(_ kind: RecordKind, _ record: [String: String]) -> [String] {
        func plain(_ text: String?) -> String {
            (text ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        // A company or lead named by id or by name: `[[acme-inc]]` and `Acme, Inc.` are one.
        func target(_ text: String?) -> String { Slug.make(text.map { Link(parsing: $0).target } ?? "") }
        var keys: [String] = []
        if let id = record["id"] { keys.append("id:" + plain(id)) }
        switch kind {
        case .contact:
            // The same recognition as `import linkedin`'s, the company compared by the id it makes.
            keys += KnownPeople.keys(
                name: plain(record["name"]), email: plain(record["email"]), linkedin: plain(record["linkedin"]),
                company: target(record["company"]))
        case .company:
            if let name = record["name"] { keys.append("name:" + target(name)) }
        case .lead:
            if let role = record["role"] { keys.append("lead:" + target(record["company"]) + "|" + plain(role)) }
        case .interaction:
            if let summary = record["summary"] {
                let day = String((record["date"] ?? "").prefix(10))
                keys.append("interaction:" + target(record["lead"]) + "|" + day + "|" + plain(summary))
            }
        case .application, .job:
            break
        }
        return keys
    }

    /// The identity keys of the records of `kind` already in the folder, each with its path.
    static func existingKeys(_ kind: RecordKind, in workspace: Workspace) -> [String: String] {
        let records = workspace.records
        var keys: [String: String] = [:]
        func add(_ header: RecordHeader, _ fields: [String: String?]) {
            var record = fields.compactMapValues { $0 }
            record["id"] = header.id
            for key in identityKeys(kind, record) where keys[key] == nil { keys[key] = header.relativePath }
        }
        switch kind {
        case .contact:
            for contact in records.contacts {
                add(
                    contact.header,
                    [
                        "email": contact.email?.value, "linkedin": contact.linkedin?.value,
                        "name": contact.name?.value, "company": contact.company?.value.target,
                    ])
            }
        case .company:
            for company in records.companies { add(company.header, ["name": company.name?.value]) }
        case .lead:
            for lead in records.leads {
                add(lead.header, ["role": lead.role?.value, "company": lead.company?.value.target])
            }
        case .interaction:
            for interaction in records.interactions {
                add(
                    interaction.header,
                    [
                        "summary": interaction.summary?.value, "lead": interaction.lead?.value.target,
                        "date": interaction.date?.value.description,
                    ])
            }
        case .application, .job:
            break
        }
        return keys
    }

    /// The keys a record of `kind` must have (the schema's required fields).
    static func requiredKeys(_ kind: RecordKind) -> [String] {
        func keys<Record>(_ schema: RecordSchema<Record>) -> [String] {
            schema.fields.filter { $0.requirement == .required }.map(\.key)
        }
        switch kind {
        case .lead: return keys(Lead.schema)
        case .contact: return keys(Contact.schema)
        case .company: return keys(Company.schema)
        case .interaction: return keys(Interaction.schema)
        case .application, .job: return []
        }
    }

    /// The words spreadsheets use for a field: `Company` or `Account` for a company's `name`,
    /// `Title` or `Position` for a lead's `role`.
    static let columnSynonyms: [String: [String]] = [
        "name": ["full_name", "company", "account", "organisation", "organization", "contact", "person"],
        "role": ["title", "job_title", "position"],
        "summary": ["subject", "title", "note"],
        "company": ["account", "organisation", "organization", "employer"],
    ]

    /// The not-imported column that most likely holds `key`: a known synonym, a header containing
    /// the key (or contained in it), else the nearest by spelling.
    static func nearColumn(for key: String, among headers: [String]) -> String? {
        let synonyms = columnSynonyms[key] ?? []
        if let match = headers.first(where: { synonyms.contains(normalized($0)) }) { return match }
        if let match = headers.first(where: { normalized($0).contains(key) || key.contains(normalized($0)) }) {
            return match
        }
        guard let near = Suggestion.closest(to: key, in: headers.map(normalized)) else { return nil }
        return headers.first { normalized($0) == near }
    }

    /// `Next follow-up` → `next_follow_up`.
    static func normalized(_ header: String) -> String {
        header.trimmingSpaces.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(
            of: "-", with: "_")
    }

    static func defaultName(_ kind: RecordKind, _ record: [String: String], asOf: Day) -> String {
        switch kind {
        case .lead: "\(record["company"] ?? "") \(record["role"] ?? "")"
        case .interaction:
            "\(record["date"]?.prefix(10) ?? Substring(asOf.description)) \(record["lead"] ?? "") \(record["summary"] ?? "")"
        default: record["name"] ?? ""
        }
    }

    /// What a new lead gets when the sheet says nothing: the first stage, created today, and an
    /// interaction dated today.
    static func defaultValue(_ kind: RecordKind, _ field: String, _ record: [String: String], _ workspace: Workspace)
        -> String?
    {
        switch (kind, field) {
        case (.lead, "status"): workspace.configuration.defaultPipeline.firstStage
        case (.lead, "created"), (.interaction, "date"): workspace.asOf.description
        default: nil
        }
    }

    /// A cell as YAML for a field of `type`: lists split on `;` or `,`, enum values upper-cased, phone
    /// numbers quoted, links written `"[[id]]"` when they name a record by id or name.
    static func formatted(_ type: FieldType, _ value: String, _ workspace: Workspace) -> String {
        switch type {
        case .list:
            let tags = value.split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmingSpaces }
            return "[" + tags.filter { !$0.isEmpty }.map { YAMLText.scalar($0, inFlow: true) }.joined(separator: ", ")
                + "]"
        case .source, .stage, .choice:
            return YAMLText.scalar(value.uppercased().replacingOccurrences(of: " ", with: "_"))
        case .phone:
            return YAMLText.quoted(value)
        case .link(let kind, let textAllowed):
            let id = Link(parsing: value).target
            switch kind {
            case .company: if let company = workspace.findCompany(value) { return YAMLText.link(company.id) }
            case .contact: if let contact = workspace.findContact(value) { return YAMLText.link(contact.id) }
            default: if workspace.content.index.contains(id, kind: kind) { return YAMLText.link(id) }
            }
            // A lead must link; a company may be text. Unknown links are reported by the check.
            return textAllowed ? YAMLText.scalar(value) : YAMLText.link(id)
        default:
            return YAMLText.scalar(value)
        }
    }
}
