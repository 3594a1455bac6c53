/// The third stage: checks every record against the lifecycle and integrity rules.
///
/// Pure: the as-of date is a parameter, and every cross-record lookup goes through the index.
public struct RecordValidator: Sendable {
    public let records: RecordSet
    public let index: RecordIndex
    public let configuration: Configuration
    public let asOf: Day

    public init(records: RecordSet, index: RecordIndex, configuration: Configuration, asOf: Day) {
        self.records = records
        self.index = index
        self.configuration = configuration
        self.asOf = asOf
    }

    public func validate() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (duplicate, original) in index.duplicates {
            let sameCase = duplicate.id == original.id
            diagnostics.append(
                .error(
                    .duplicateID, at: duplicate.start,
                    "\(duplicate.kind.rawValue) id '\(duplicate.id)' is already used by \(original.file)"
                        + (sameCase ? "" : " (ids may not differ only in letter case)")
                        + "; rename one of the files"))
        }
        for lead in records.leads { diagnostics += validate(lead) }
        for interaction in records.interactions { diagnostics += validate(interaction) }
        for contact in records.contacts { diagnostics += validate(contact) }
        for company in records.companies {
            diagnostics += checkURL(company.website, field: "website")
        }
        for application in records.applications { diagnostics += validate(application) }
        diagnostics += duplicateContacts()
        return diagnostics
    }

    /// A link that must name an existing record of `kind`.
    func checkLink(_ link: Located<Link>?, field: String, kind: RecordKind) -> [Diagnostic] {
        guard let link else { return [] }
        let target = link.value.target
        guard link.value.isWellFormedID else {
            return [
                .error(
                    .brokenLink, at: link.location,
                    "'\(field)' link '\(target)' is not a record id; ids are file names without folders or '.md'")
            ]
        }
        guard index.contains(target, kind: kind) else {
            return [
                .error(
                    .brokenLink, at: link.location,
                    "'\(field)' links to \(kind.rawValue) '\(target)', but there is no \(kind.folder)/\(target).md"
                        + Suggestion.didYouMean(target, in: ids(of: kind)))
            ]
        }
        return []
    }

    /// A company written as text or as a link: only a bracketed link must resolve.
    func checkCompany(_ company: Located<Link>?) -> [Diagnostic] {
        guard let company, company.value.isBracketed else { return [] }
        return checkLink(company, field: "company", kind: .company)
    }

    func ids(of kind: RecordKind) -> [String] {
        switch kind {
        case .lead: Array(index.leads.keys)
        case .interaction: Array(index.interactions.keys)
        case .contact: Array(index.contacts.keys)
        case .company: Array(index.companies.keys)
        case .application: Array(index.applications.keys)
        }
    }

    /// Only web, mail and phone links may reach the report.
    func checkURL(_ url: Located<String>?, field: String) -> [Diagnostic] {
        guard let url, SafeURL.href(for: url.value) == nil else { return [] }
        return [
            .error(
                .invalidValue, at: url.location,
                "'\(field)' must be an http(s), mailto: or tel: address, not '\(url.value)'")
        ]
    }
}
