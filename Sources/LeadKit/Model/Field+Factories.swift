/// The ways a schema entry is declared, one per shape of typed value; each ties a key to a stored
/// property and to the reader method for its type.
extension Field {
    typealias Path<Value> = WritableKeyPath<Record, Value> & Sendable

    private init(
        _ key: String, _ type: FieldType, _ requirement: Requirement, label: String, column: String?,
        nameColumn: String? = nil,
        read: @escaping @Sendable (inout FieldReader, inout Record) -> Void,
        value: @escaping @Sendable (Record) -> FieldValue?
    ) {
        self.key = key
        self.type = type
        self.requirement = requirement
        self.label = label
        self.column = column
        self.nameColumn = nameColumn
        self.read = read
        self.value = value
    }

    /// Text, or a value of `.source`, `.stage`, `.pipeline`, `.address` or `.email`, kept as text;
    /// `.source` and `.stage` are upper-cased as enum values are.
    static func text(
        _ key: String, _ path: Path<Located<String>?>, _ type: FieldType = .text,
        _ requirement: Requirement = .optional,
        label: String, column: String?
    ) -> Field {
        let upperCased = type == .source || type == .stage
        return Field(
            key, type, requirement, label: label, column: column,
            read: { reader, record in
                let written = reader.text(key, required: requirement.isAlwaysRequired)
                record[keyPath: path] =
                    upperCased ? written.map { Located($0.value.uppercased(), at: $0.location) } : written
            },
            value: { $0[keyPath: path].map(FieldValue.text) })
    }

    /// One of the cases of `Value`, e.g. `Temperature`.
    static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: Path<Located<Value>?>, _ requirement: Requirement = .optional, label: String,
        column: String?
    ) -> Field where Value.RawValue == String {
        Field(
            key, .choice(Value.allCases.map(\.rawValue)), requirement, label: label, column: column,
            read: { reader, record in
                record[keyPath: path] = reader.enumeration(key, Value.self, required: requirement.isAlwaysRequired)
            },
            value: { record in
                record[keyPath: path].map { .text(Located($0.value.rawValue, at: $0.location)) }
            })
    }

    /// A number, e.g. a deal's value or a job's fee.
    static func number(
        _ key: String, _ path: Path<Located<Double>?>, _ requirement: Requirement = .optional, label: String,
        column: String?
    ) -> Field {
        Field(
            key, .number, requirement, label: label, column: column,
            read: { reader, record in record[keyPath: path] = reader.number(key) },
            value: { $0[keyPath: path].map(FieldValue.number) })
    }

    static func day(
        _ key: String, _ path: Path<Located<Day>?>, _ requirement: Requirement = .optional, label: String,
        column: String?
    ) -> Field {
        Field(
            key, .date, requirement, label: label, column: column,
            read: { reader, record in record[keyPath: path] = reader.day(key, required: requirement.isAlwaysRequired) },
            value: { $0[keyPath: path].map(FieldValue.day) })
    }

    static func dayTime(
        _ key: String, _ path: Path<Located<DayTime>?>, _ requirement: Requirement = .optional, label: String,
        column: String?
    ) -> Field {
        Field(
            key, .dateTime, requirement, label: label, column: column,
            read: { reader, record in
                record[keyPath: path] = reader.dayTime(key, required: requirement.isAlwaysRequired)
            },
            value: { $0[keyPath: path].map(FieldValue.dayTime) })
    }

    /// A link to a record of `kind`; exported as its id in `column` and, with `nameColumn`, its name.
    static func link(
        _ key: String, _ path: Path<Located<Link>?>, to kind: RecordKind, textAllowed: Bool = false,
        _ requirement: Requirement = .optional, label: String, column: String?, nameColumn: String? = nil
    ) -> Field {
        Field(
            key, .link(kind, textAllowed: textAllowed), requirement, label: label, column: column,
            nameColumn: nameColumn,
            read: { reader, record in record[keyPath: path] = reader.link(key, required: requirement.isAlwaysRequired)
            },
            value: { $0[keyPath: path].map(FieldValue.link) })
    }

    /// A link to a client: a company or a contact.
    static func client(
        _ key: String, _ path: Path<Located<Link>?>, _ requirement: Requirement = .optional, label: String,
        column: String?, nameColumn: String?
    ) -> Field {
        Field(
            key, .client, requirement, label: label, column: column, nameColumn: nameColumn,
            read: { reader, record in record[keyPath: path] = reader.link(key, required: requirement.isAlwaysRequired)
            },
            value: { $0[keyPath: path].map(FieldValue.link) })
    }

    static func textList(_ key: String, _ path: Path<[Located<String>]>, label: String, column: String?) -> Field {
        Field(
            key, .list(.text), .optional, label: label, column: column,
            read: { reader, record in record[keyPath: path] = reader.textList(key) },
            value: { record in record[keyPath: path].isEmpty ? nil : .list(record[keyPath: path]) })
    }

    /// A list of mappings, each read by `item`; exported (when `column` is set) as `describe`'d text:
    /// the values of `keys` in order, separated by spaces, which `leads import csv` reads back.
    static func entries<Item: Sendable>(
        _ key: String, _ path: Path<[Item]>, itemSubject: String, example: String, keys: [String], label: String,
        column: String?,
        item: @escaping @Sendable (inout FieldReader) -> Item?,
        describe: @escaping @Sendable (Item) -> Located<String>
    ) -> Field {
        Field(
            key, .entries(example, keys: keys), .optional, label: label, column: column,
            read: { reader, record in
                record[keyPath: path] = reader.mappingList(key, itemSubject: itemSubject, example: example, read: item)
            },
            value: { record in record[keyPath: path].isEmpty ? nil : .list(record[keyPath: path].map(describe)) })
    }
}
