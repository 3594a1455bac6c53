/// One parsed record of any kind.
public enum ParsedRecord: Sendable {
    case lead(Lead)
    case interaction(Interaction)
    case contact(Contact)
    case company(Company)
    case application(Application)
    case job(Job)
}

extension ParsedRecord {
    /// What every kind of record has: its id, file and notes.
    public var header: RecordHeader {
        switch self {
        case .lead(let record): record.header
        case .interaction(let record): record.header
        case .contact(let record): record.header
        case .company(let record): record.header
        case .application(let record): record.header
        case .job(let record): record.header
        }
    }
}

/// The second stage: turns one file's bytes into a typed record by the schema of its kind.
///
/// Pure and per file, so files can be parsed in any order or in parallel.
public enum RecordParser {
    /// `configuration` gives the fields `config.yml` declares per kind (read after the kind's own)
    /// and the milestone tracks.
    public static func parse(_ file: SourceFile, configuration: Configuration = .builtIn) -> (
        record: ParsedRecord?, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        if let invalid = InvalidID.check(file.stem, file: file.displayPath) { return (nil, [invalid]) }
        guard let kind = file.kind,
            let decoded = SourceText.decode(file.bytes, file: file.displayPath, diagnostics: &diagnostics)
        else { return (nil, diagnostics) }
        let (source, conflicted) = SourceText.resolvingConflicts(
            decoded, file: file.displayPath, diagnostics: &diagnostics)
        if conflicted {
            // Only the conflict is reported; the first side still makes a record, so links resolve.
            var ignored: [Diagnostic] = []
            let parsed = parse(source, kind: kind, file: file, configuration: configuration, diagnostics: &ignored)
            return (parsed, diagnostics)
        }
        return (
            parse(source, kind: kind, file: file, configuration: configuration, diagnostics: &diagnostics), diagnostics
        )
    }

    private static func parse(
        _ source: SourceText, kind: RecordKind, file: SourceFile, configuration: Configuration,
        diagnostics: inout [Diagnostic]
    ) -> ParsedRecord? {
        guard let split = FrontMatterReader.read(source, file: file.displayPath, diagnostics: &diagnostics)
        else { return nil }
        let header = RecordHeader(
            kind: kind, id: file.stem, file: file.displayPath, relativePath: file.relativePath,
            body: split.body, bodyLine: split.bodyLine)
        var fields = split.frontMatter.root.map { root in
            var reader = FieldReader(
                block: split.frontMatter, pairs: root, location: split.frontMatter.blockLocation,
                subject: kind.rawValue)
            reader.tracks = configuration.tracks
            return reader
        }
        let parsed = record(
            kind: kind, header: header, fields: &fields, custom: configuration.customFields[kind] ?? [])
        guard var fields else { return parsed }
        fields.reportUnknownKeys()
        diagnostics += fields.diagnostics
        return parsed
    }

    /// The record with every field of its kind's schema table (and the kind's custom fields) read
    /// from `fields`; with no readable block, a record with no fields, so links to it still resolve.
    private static func record(
        kind: RecordKind, header: RecordHeader, fields: inout FieldReader?, custom: [CustomField]
    ) -> ParsedRecord {
        func read<Record>(_ schema: RecordSchema<Record>, _ record: Record) -> Record {
            var record = record
            guard var reader = fields else { return record }
            for field in schema.fields { field.read(&reader, &record) }
            fields = reader
            return record
        }
        var header = header
        if var reader = fields {
            header.custom = custom.compactMap { field in
                reader.custom(field).map { CustomValue(field: field, value: $0) }
            }
            fields = reader
        }
        switch kind {
        case .lead: return .lead(read(Lead.schema, Lead(header: header)))
        case .interaction: return .interaction(read(Interaction.schema, Interaction(header: header)))
        case .contact: return .contact(read(Contact.schema, Contact(header: header)))
        case .company: return .company(read(Company.schema, Company(header: header)))
        case .application: return .application(read(Application.schema, Application(header: header)))
        case .job: return .job(read(Job.schema, Job(header: header)))
        }
    }
}
