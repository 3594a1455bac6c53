extension Authoring {
    /// One spreadsheet to import: its text, the kind of record each row becomes, and its file name
    /// for messages (`leads.csv:4:12`, and `leads.csv row 3` among several sheets).
    public struct CSVSheet: Sendable {
        public var name: String?
        public var text: String
        public var kind: RecordKind

        public init(name: String? = nil, text: String, kind: RecordKind) {
            self.name = name
            self.text = text
            self.kind = kind
        }
    }

    /// The kinds in the order their sheets are planned: a record is planned after those it links to
    /// (a lead's application is known by its id from the start, so leads and applications can be
    /// imported together).
    static let importOrder: [RecordKind] = [.company, .contact, .lead, .interaction, .application, .job]

    /// The fields a spreadsheet column can fill, per kind, in the order new files list them: every
    /// field of the schema table, then `config.yml`'s custom fields.
    static func importableFields(_ kind: RecordKind, _ configuration: Configuration) -> [(
        key: String, type: FieldType, idColumn: String?
    )] {
        func fields<Record>(_ schema: RecordSchema<Record>) -> [(key: String, type: FieldType, idColumn: String?)] {
            schema.fields.map { field in
                // A link is exported as its id under `column` (`company_id`) and its name under the key.
                let idColumn = field.nameColumn != nil || field.column != field.key ? field.column : nil
                return (field.key, field.type, idColumn == field.key ? nil : idColumn)
            }
        }
        let builtIn: [(key: String, type: FieldType, idColumn: String?)]
        switch kind {
        case .lead: builtIn = fields(Lead.schema)
        case .contact: builtIn = fields(Contact.schema)
        case .company: builtIn = fields(Company.schema)
        case .interaction: builtIn = fields(Interaction.schema)
        case .application: builtIn = fields(Application.schema)
        case .job: builtIn = fields(Job.schema)
        }
        let custom = (configuration.customFields[kind] ?? []).map {
            field -> (key: String, type: FieldType, idColumn: String?) in
            let type: FieldType
            switch field.kind {
            case .text: type = .text
            case .number: type = .number
            case .date: type = .date
            case .datetime: type = .dateTime
            case .address: type = .address
            case .email: type = .email
            case .list: type = .list(.text)
            }
            return (field.key, type, nil)
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
        try importCSV(
            [CSVSheet(text: text, kind: kind)], map: map, skipInvalid: skipInvalid, delimiter: delimiter,
            in: workspace)
    }

    /// Several spreadsheets at once, e.g. every file `leads export csv` wrote: they are planned in
    /// `importOrder` and checked together, so a record may link to one another sheet brings, and
    /// `leads export csv` of each kind imported into an empty folder gives the same records back.
    /// A link is taken from its id column (`company_id`, `lead_id`) when that names a record,
    /// else from its name column (`company`), as a name or as text.
    public static func importCSV(
        _ sheets: [CSVSheet], map: [String: String], skipInvalid: Bool, delimiter: Unicode.Scalar? = nil,
        in workspace: Workspace
    ) throws(EditError) -> ImportPlan {
        let ordered = importOrder.flatMap { kind in sheets.filter { $0.kind == kind } }
        let allFields = Set(ordered.flatMap { importableFields($0.kind, workspace.configuration).map(\.key) })
        for (column, field) in map where !allFields.contains(field) && field != "notes" && field != "id" {
            let kinds = Set(ordered.map(\.kind))
            let expected =
                ordered.count == 1
                ? importableFields(ordered[0].kind, workspace.configuration).map(\.key) : Array(allFields).sorted()
            throw EditError(
                "--map \(column)=\(field): '\(field)' is not a field of a "
                    + kinds.map(\.rawValue).sorted().joined(separator: " or ") + "; expected one of "
                    + (expected + ["notes", "id"]).joined(separator: ", "))
        }
        var plan = ImportPlan()
        var names = IDAllocator(workspace: workspace)
        var rows: [PlannedRow] = []
        var read: [ReadSheet] = []
        for sheet in ordered {
            let sheetRead = try readSheet(sheet, map: map, delimiter: delimiter, workspace: workspace)
            let prefix = ordered.count > 1 ? sheet.name.map { "\($0): " } ?? "" : ""
            if delimiter == nil, sheetRead.table.delimiter != "," {
                plan.notes.append(
                    prefix + "read as " + (sheetRead.table.delimiter == ";" ? "semicolon" : "tab")
                        + "-separated (--delimiter to change)")
            }
            if !sheetRead.ignored.isEmpty {
                plan.notes.append(prefix + "columns not imported: " + sheetRead.ignored.joined(separator: ", "))
            }
            read.append(sheetRead)
        }
        for (sheet, sheetRead) in zip(ordered, read) {
            rows += planRows(
                sheet, sheetRead, named: ordered.count > 1, names: &names, plan: &plan, in: workspace)
        }
        let planned = PlannedRecords(rows)
        for position in rows.indices {
            let row = rows[position]
            var yaml: [(key: String, yaml: String)] = []
            for field in importableFields(row.kind, workspace.configuration) {
                if let id = row.idCells[field.key], let link = planned.link(id, field.type, workspace) {
                    yaml.append((field.key, link))
                    continue
                }
                guard let value = row.record[field.key] ?? defaultValue(row.kind, field.key, row.record, workspace)
                else { continue }
                // Exports name the pipeline every lead is counted in; the default one goes without saying.
                if field.type == .pipeline, value == workspace.configuration.defaultPipeline.name { continue }
                yaml.append((field.key, formatted(field.type, value, workspace, planned)))
            }
            rows[position].change = .create(
                row.path, YAMLText.record(row.kind, yaml, body: row.record["notes"] ?? ""), "row \(row.row)")
        }

        // Checked together with the whole folder, as leads check will see them once written.
        var loaded = workspace.loaded
        let loader = ContentLoader(root: workspace.root)
        loaded.files += rows.map { row in
            SourceFile(
                kind: row.kind, relativePath: row.path, displayPath: loader.displayPath(row.path),
                bytes: row.change?.after ?? [])
        }
        let checked = Leads.check(loaded, asOf: workspace.asOf)
        var bad: [String] = []
        for row in rows {
            guard let change = row.change else { continue }
            let file = loader.displayPath(row.path)
            let errors = checked.diagnostics.filter { $0.location.file == file && $0.severity == .error }
            if errors.isEmpty {
                plan.changes.append(change)
            } else {
                bad += errors.map { "\(row.name) (line \(row.line)): \($0.message) [\($0.code.rawValue)]" }
            }
        }
        if !bad.isEmpty, !skipInvalid {
            var help: [String] = []
            for (sheet, sheetRead) in zip(ordered, read) {
                let prefix = ordered.count > 1 ? sheet.name.map { "\($0): " } ?? "" : ""
                if !sheetRead.ignored.isEmpty {
                    help.append(prefix + "columns not imported: " + sheetRead.ignored.joined(separator: ", "))
                }
                let covered = Set(sheetRead.columns.values.map(\.field))
                for key in requiredKeys(sheet.kind)
                where !covered.contains(key) && defaultValue(sheet.kind, key, [:], workspace) == nil {
                    if let column = nearColumn(for: key, among: sheetRead.ignored) {
                        help.append(prefix + "no column is '\(key)': did you mean --map '\(column)=\(key)'?")
                    }
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

    /// A sheet's table and which column fills which field: by its value (`company`), or by the id a
    /// link names (`company_id`).
    struct ReadSheet {
        var table: CSVTable
        var columns: [Int: (field: String, isID: Bool)]
        var ignored: [String]
    }

    static func readSheet(_ sheet: CSVSheet, map: [String: String], delimiter: Unicode.Scalar?, workspace: Workspace)
        throws(EditError) -> ReadSheet
    {
        let fields = importableFields(sheet.kind, workspace.configuration)
        let keys = Set(fields.map(\.key))
        let table = try CSVTable(text: sheet.text, delimiter: delimiter, name: sheet.name)
        var columns: [Int: (field: String, isID: Bool)] = [:]
        var ignored: [String] = []
        for (position, header) in table.header.enumerated() {
            let field = map[header] ?? map[normalized(header)] ?? normalized(header)
            if field == "notes" || field == "id" || keys.contains(field) {
                columns[position] = (field, false)
            } else if let link = fields.first(where: { $0.idColumn == field }) {
                columns[position] = (link.key, true)
            } else {
                ignored.append(header)
            }
        }
        return ReadSheet(table: table, columns: columns, ignored: ignored)
    }

    /// A row on its way to a file: its cells by field, its id and path, then the file it becomes.
    struct PlannedRow {
        var kind: RecordKind
        /// `row 3`, or `leads.csv row 3` among several sheets.
        var name: String
        var row: Int
        var line: Int
        var id: String
        var path: String
        var record: [String: String]
        /// The ids of the `…_id` columns, by field.
        var idCells: [String: String]
        var change: FileChange?
    }

    /// The rows of one sheet that become records, each with its id: a row naming a record already
    /// in the folder, or one an earlier row names, is skipped and said so in `plan`. `named`: rows
    /// are named with their file (several sheets at once).
    static func planRows(
        _ sheet: CSVSheet, _ read: ReadSheet, named: Bool, names: inout IDAllocator, plan: inout ImportPlan,
        in workspace: Workspace
    ) -> [PlannedRow] {
        let kind = sheet.kind
        let known = existingKeys(kind, in: workspace)
        var planned: [String: Int] = [:]
        var rows: [PlannedRow] = []
        for (number, (line, values)) in read.table.rows.enumerated() {
            let name = (named ? sheet.name.map { "\($0) " } ?? "" : "") + "row \(number + 1)"
            var record: [String: String] = [:]
            var idCells: [String: String] = [:]
            for (position, column) in read.columns where position < values.count {
                // `leads export csv` wrote `'=…` for a cell starting `=…`, to keep spreadsheets safe.
                let value = RecordExport.unneutralised(values[position].trimmingSpaces)
                guard !value.isEmpty else { continue }
                if column.isID { idCells[column.field] = value } else { record[column.field] = value }
            }
            // Importing the same sheet again adds nothing: a record already there is skipped.
            let keys = identityKeys(kind, record)
            if let path = keys.lazy.compactMap({ known[$0] }).first {
                plan.skipped.append("\(name) (line \(line)): already \(path)")
                continue
            }
            if let earlier = keys.lazy.compactMap({ planned[$0] }).first {
                plan.skipped.append("\(name) (line \(line)): the same as row \(earlier)")
                continue
            }
            for key in keys { planned[key] = number + 1 }
            // An id the sheet gives is kept as written when it can be a file name (an export's ids).
            let stem: String
            if let given = record["id"], RecordID.isValid(given) {
                stem = RecordID.normalized(given)
            } else {
                stem = Slug.make(record["id"] ?? defaultName(kind, record, asOf: workspace.asOf))
            }
            let (id, path) = names.allocate(kind, stem: stem.isEmpty ? kind.rawValue : stem)
            rows.append(
                PlannedRow(
                    kind: kind, name: name, row: number + 1, line: line, id: id, path: path, record: record,
                    idCells: idCells, change: nil))
        }
        return rows
    }

    /// The records an import is about to write, by kind: their ids, and the names contacts and
    /// companies are found by.
    struct PlannedRecords {
        var ids: [RecordKind: [String: String]] = [:]
        var names: [RecordKind: [String: String]] = [:]

        init(_ rows: [PlannedRow]) {
            for row in rows {
                ids[row.kind, default: [:]][row.id.lowercased()] = row.id
                if let name = row.record["name"] { names[row.kind, default: [:]][name.lowercased()] = row.id }
            }
        }

        /// The planned record of `kind` with this id or (for contacts and companies) name.
        func find(_ reference: String, _ kind: RecordKind) -> String? {
            let id = Link(parsing: reference).target.lowercased()
            return ids[kind]?[id] ?? names[kind]?[reference.lowercased()]
        }

        /// `"[[id]]"` when `id` names a record of the link's kind, in the folder or planned; nil
        /// otherwise (the name column then decides).
        func link(_ id: String, _ type: FieldType, _ workspace: Workspace) -> String? {
            let kinds: [RecordKind]
            switch type {
            case .link(let kind, _): kinds = [kind]
            case .client: kinds = [.company, .contact]
            default: return nil
            }
            for kind in kinds {
                if let existing = workspace.content.resolve(id, kind) { return YAMLText.link(existing.id) }
                if let planned = ids[kind]?[id.lowercased()] { return YAMLText.link(planned) }
            }
            return nil
        }
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
        case .application: return keys(Application.schema)
        case .job: return keys(Job.schema)
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
        case .application, .job: "\(record["company"] ?? "") \(record["title"] ?? "")"
        case .contact, .company: record["name"] ?? ""
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

    /// A cell as YAML for a field of `type`: lists split on `;` (or `,` when there is none), enum
    /// values upper-cased, phone numbers quoted, links written `"[[id]]"` when they name a record by
    /// id or name (in the folder or `planned`), entries (`WARM_LEAD 2026-03-14;…`) as a list of
    /// mappings.
    static func formatted(_ type: FieldType, _ value: String, _ workspace: Workspace, _ planned: PlannedRecords)
        -> String
    {
        switch type {
        case .list:
            return "[" + listItems(value).map { YAMLText.scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
        case .entries(_, let keys):
            return listItems(value).map { "\n  - " + entry($0, keys: keys) }.joined()
        case .source, .stage, .choice:
            return YAMLText.scalar(value.uppercased().replacingOccurrences(of: " ", with: "_"))
        case .phone:
            return YAMLText.quoted(value)
        case .number, .date, .dateTime:
            // Written as given: the check refuses what is not a number or a date.
            return YAMLText.isPlainSafe(value, inFlow: false) ? value : YAMLText.quoted(value)
        case .link(let kind, let textAllowed):
            let id = Link(parsing: value).target
            switch kind {
            case .company: if let company = workspace.findCompany(value) { return YAMLText.link(company.id) }
            case .contact: if let contact = workspace.findContact(value) { return YAMLText.link(contact.id) }
            default: if let found = workspace.content.resolve(id, kind) { return YAMLText.link(found.id) }
            }
            if let found = planned.find(value, kind) { return YAMLText.link(found) }
            // A lead must link; a company may be text. Unknown links are reported by the check.
            return textAllowed ? YAMLText.scalar(value) : YAMLText.link(id)
        case .client:
            if let company = workspace.findCompany(value) { return YAMLText.link(company.id) }
            if let contact = workspace.findContact(value) { return YAMLText.link(contact.id) }
            if let found = planned.find(value, .company) ?? planned.find(value, .contact) {
                return YAMLText.link(found)
            }
            return YAMLText.link(Link(parsing: value).target)
        default:
            return YAMLText.scalar(value)
        }
    }

    /// A list cell's items: `;`-separated as exports write them, else `,`-separated.
    static func listItems(_ value: String) -> [String] {
        let separator: Character = value.contains(";") ? ";" : ","
        return value.split(separator: separator).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// `{status: WARM_LEAD, date: 2026-03-14}` for `WARM_LEAD 2026-03-14` (`EntryText`).
    static func entry(_ text: String, keys: [String]) -> String {
        let pairs = EntryText.values(of: text, keys: keys)
        return "{" + pairs.map { "\($0.key): " + YAMLText.scalar($0.value, inFlow: true) }.joined(separator: ", ") + "}"
    }
}
