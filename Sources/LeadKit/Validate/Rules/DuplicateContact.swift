/// `duplicate-contact`: two contacts sharing a normalized email (case ignored) or phone
/// (`PhoneNumber.comparable`: `0049…`, `+49 (0)30…` and `+49 30…` are one number), found by hashing
/// rather than comparing pairs.
public struct DuplicateContact: RecordRule {
    public static let code = DiagnosticCode.duplicateContact
    public static let severity = Severity.warning
    public static let summary = "two contacts with the same normalized email or phone (both files named)"

    public init() {}

    static let comparesRecords = true

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByKey: [String: Contact] = [:]
        for contact in context.records.contacts {
            var keys: [(key: String, field: Located<String>, label: String)] = []
            if let email = contact.email {
                let normalized = email.value.trimmingSpaces.lowercased()
                if !normalized.isEmpty { keys.append(("email:" + normalized, email, "email")) }
            }
            if let phone = contact.phone, let number = PhoneNumber.comparable(phone.value) {
                keys.append(("phone:" + number, phone, "phone"))
            }
            for (key, field, label) in keys {
                if let first = firstByKey[key], first.id != contact.id {
                    diagnostics.append(
                        Self.diagnostic(
                            at: field.location,
                            "\(contact.header.file) and \(first.header.file) have the same \(label) '\(field.value)'; merge the two contacts"
                        ))
                } else {
                    firstByKey[key] = contact
                }
            }
        }
        return diagnostics
    }
}
