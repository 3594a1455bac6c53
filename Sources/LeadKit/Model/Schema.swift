/// What a front-matter value must be, as the schema table declares it.
public indirect enum FieldType: Sendable, Equatable {
    /// Any text, kept as written (`role: NO` is the text "NO").
    case text
    /// A decimal number such as `12`, `-3` or `4500.50` (custom fields).
    case number
    /// `YYYY-MM-DD`.
    case date
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    case dateTime
    /// An http(s), mailto: or tel: address: the only values that become links in the report.
    case address
    /// An email address.
    case email
    /// A phone number: text, always quoted when leads writes it, so `0123` keeps its zero.
    case phone
    /// One of fixed values, matched ignoring case and shown upper-case.
    case choice([String])
    /// One of the configured sources (`config.yml`'s `sources`).
    case source
    /// A stage of the lead's pipeline.
    case stage
    /// The name of a configured pipeline.
    case pipeline
    /// `"[[id]]"` or a bare id naming a record of the kind; `textAllowed`: a bare value may also be
    /// a plain name (a company not kept as a record).
    case link(RecordKind, textAllowed: Bool)
    /// A link to a client: a company, or a contact for a person.
    case client
    /// A list of values (a single value counts as a list of one).
    case list(FieldType)
    /// A list of mappings, e.g. `history` entries `{status, date}`: an example entry, and the keys
    /// an entry's values are exported under, in order (`WARM_LEAD 2026-03-14`).
    case entries(String, keys: [String])
}

/// Whether a field must be written.
public enum Requirement: Sendable, Equatable {
    case optional
    case required
    /// Required in some states only; a rule of `Validate/Rules/` enforces it, e.g. "when the status is
    /// the pipeline's won stage".
    case when(String)

    /// Whether the parser reports the field missing.
    var isAlwaysRequired: Bool { self == .required }
}

/// One field's value as the schema reads it: what exports, pages and generic rules look at.
public enum FieldValue: Sendable {
    case text(Located<String>)
    case number(Located<Double>)
    case day(Located<Day>)
    case dayTime(Located<DayTime>)
    case link(Located<Link>)
    case list([Located<String>])

    /// The value as text, e.g. `2026-11-03`, `WARM` or `backend;go` (lists joined by `;`).
    public var text: String {
        switch self {
        case .text(let value): value.value
        case .number(let value): FieldValue.format(value.value)
        case .day(let value): value.value.description
        case .dayTime(let value): value.value.description
        case .link(let value): value.value.target
        case .list(let values): values.map(\.value).joined(separator: ";")
        }
    }

    /// `4500` for whole numbers, `4500.5` otherwise.
    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

/// One entry of a schema table: a front-matter key with its type, requiredness, label and export
/// column, and how to read it into and out of the typed record.
public struct Field<Record>: Sendable {
    /// The front-matter key, lower snake_case.
    public let key: String
    public let type: FieldType
    public let requirement: Requirement
    /// How pages label it, e.g. "Next follow-up".
    public let label: String
    /// The CSV column and JSON key, e.g. `company_id`; nil when the export computes the column.
    public let column: String?
    /// For links: the column holding the linked record's name, e.g. `company`.
    public let nameColumn: String?
    /// Reads the field from `reader` into the record.
    let read: @Sendable (inout FieldReader, inout Record) -> Void
    /// The value the record holds; nil when absent.
    public let value: @Sendable (Record) -> FieldValue?
}

/// The schema table of one record kind: every field, in the order pages and exports list them.
public struct RecordSchema<Record>: Sendable {
    public let kind: RecordKind
    public let fields: [Field<Record>]

    /// Every key the kind knows, for "unknown field … did you mean".
    public var keys: [String] { fields.map(\.key) }
}

/// A field `config.yml` declares for a kind (`fields: {application: {candidate: text, fee: number}}`).
public struct CustomField: Sendable, Hashable {
    /// The types a custom field may have, by the names `config.yml` uses.
    public enum Kind: String, Sendable, CaseIterable {
        case text, number, date, datetime, address, email, list
    }

    public var key: String
    public var kind: Kind

    public init(key: String, kind: Kind) {
        self.key = key
        self.kind = kind
    }

    /// "Fee" for `fee`, "Start bonus" for `start_bonus`.
    public var label: String {
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// A custom field's value on one record.
public struct CustomValue: Sendable {
    public var field: CustomField
    public var value: FieldValue
}
