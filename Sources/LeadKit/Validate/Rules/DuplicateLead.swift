/// `duplicate-lead`: two leads for the same role at the same company (compared ignoring case,
/// spacing and punctuation) with the same contact or without one, or a lead file a sync tool copied in a conflict (`acme (conflicted copy
/// 2026-11-20).md`, `acme.sync-conflict-20261120-101010-ABCD.md`, `acme (1).md`), which would count
/// twice in the funnel, the agenda and the calendar. Both files are named; `leads merge` joins them.
public struct DuplicateLead: RecordRule {
    public static let code = DiagnosticCode.duplicateLead
    public static let severity = Severity.warning
    public static let summary =
        "two leads for the same role at the same company, or a sync tool's conflicted copy of a lead file (both files named)"

    public init() {}

    static let comparesRecords = true

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var groups: [String: [Lead]] = [:]
        let leads = context.records.leads
        for lead in leads {
            if let original = Self.syncCopyOriginal(lead.id), let twin = leads.first(where: { $0.id == original }) {
                diagnostics.append(
                    Self.diagnostic(
                        at: lead.header.start,
                        "\(lead.header.file) looks like a sync tool's conflicted copy of \(twin.header.file); merge what differs into it and delete the copy"
                    ))
                continue
            }
            guard let role = lead.role?.value, let company = lead.company?.value.target else { continue }
            let key = Self.normalized(role) + "@" + Self.normalized(company)
            // Different people at one company can be different leads for the same role: two leads are
            // the same one when they name the same contact, or one names none. Files with the same
            // id are `duplicate-id` already.
            let contact = lead.contact.map { Self.normalized($0.value.target) }
            let earlier = groups[key, default: []].first { other in
                let otherContact = other.contact.map { Self.normalized($0.value.target) }
                return (contact == nil || otherContact == nil || contact == otherContact)
                    && other.id.lowercased() != lead.id.lowercased()
            }
            if let earlier {
                diagnostics.append(
                    Self.diagnostic(
                        at: lead.role?.location ?? lead.header.start,
                        "\(lead.header.file) and \(earlier.header.file) are the same lead (\(role) at \(company)); merge them with `leads merge \(earlier.id) \(lead.id)`"
                    ))
            }
            groups[key, default: []].append(lead)
        }
        return diagnostics
    }

    /// Letters and digits only, lower-cased: `Staff  Engineer,` and `staff engineer` are the same.
    static func normalized(_ text: String) -> String {
        String(
            text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map(Character.init))
    }

    /// The id a sync tool's copy was made from: `acme (conflicted copy 2026-11-20)` → `acme`,
    /// `acme.sync-conflict-20261120-101010-ABCD` → `acme`, `acme (1)` → `acme`; nil for other ids.
    static func syncCopyOriginal(_ id: String) -> String? {
        if let range = id.range(of: ".sync-conflict-") { return String(id[..<range.lowerBound]) }
        guard id.hasSuffix(")"), let open = id.lastIndex(of: "(") else { return nil }
        let inside = id[id.index(after: open)..<id.index(before: id.endIndex)]
        let isCopy = inside.lowercased().contains("conflict") || inside.allSatisfy(\.isNumber)
        guard isCopy, !inside.isEmpty else { return nil }
        return id[..<open].trimmingSpaces
    }
}
