/// `could-link`: a lead's or contact's `company` written as text equal to an existing company's name,
/// or a lead's `contact_name` equal to an existing contact's name — compared ignoring case, spacing,
/// punctuation and a legal suffix (`Northwind GmbH` is `Northwind`). The text is kept, so the record
/// is not linked: the warning gives the `[[id]]` to write. (issue 14: links the user meant.)
public struct CouldLink: RecordRule {
    public static let code = DiagnosticCode.couldLink
    public static let severity = Severity.warning
    public static let summary =
        "a `company` or `contact_name` written as text that names an existing record (case, spacing and GmbH/Inc/Ltd ignored): link it with the `[[id]]` given"

    public init() {}

    /// A company or contact renamed in one file changes what the text of another may name.
    static let comparesRecords = true

    /// Legal-form words dropped from the end of a company name before comparing.
    static let legalSuffixes: Set<String> = [
        "ab", "ag", "as", "bv", "co", "corp", "corporation", "gmbh", "inc", "incorporated", "kg", "limited", "llc",
        "llp", "ltd", "nv", "oy", "plc", "pty", "sa", "sarl", "se", "spa", "srl",
    ]

    /// `Northwind Logistics, GmbH` → `northwind logistics`: lower-cased words of letters and digits,
    /// trailing legal-form words left out (never the first word).
    static func comparable(_ name: String) -> String {
        var words = name.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    func check(_ context: ValidationContext) -> [Diagnostic] {
        let records = context.records
        /// The first record of each comparable name, with its id and the name as written.
        func byName(_ named: [(id: String, name: String?)]) -> [String: (id: String, name: String)] {
            var table: [String: (id: String, name: String)] = [:]
            for (id, name) in named {
                guard let name, case let key = Self.comparable(name), !key.isEmpty, table[key] == nil else { continue }
                table[key] = (id, name)
            }
            return table
        }
        let companies = byName(context.all.companies.map { ($0.id, $0.name?.value) })
        let contacts = byName(context.all.contacts.map { ($0.id, $0.name?.value) })
        var diagnostics: [Diagnostic] = []
        func check(
            _ written: Located<Link>?, field: String, in table: [String: (id: String, name: String)], kind: String
        ) {
            guard let written, !written.value.isBracketed,
                let match = table[Self.comparable(written.value.target)]
            else { return }
            diagnostics.append(
                Self.diagnostic(
                    at: written.location,
                    "'\(written.value.target)' is the \(kind) \(match.name); write \(field): \"[[\(match.id)]]\" to link it"
                ))
        }
        for lead in records.leads {
            check(lead.company, field: "company", in: companies, kind: "company")
            if lead.contact == nil, let name = lead.contactName {
                check(
                    Located(Link(target: name.value, isBracketed: false), at: name.location), field: "contact",
                    in: contacts, kind: "contact")
            }
        }
        for contact in records.contacts { check(contact.company, field: "company", in: companies, kind: "company") }
        return diagnostics
    }
}
