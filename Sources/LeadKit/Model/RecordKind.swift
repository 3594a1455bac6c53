/// The kinds of record a content folder holds, each in its own folder.
public enum RecordKind: String, Sendable, CaseIterable, Codable {
    case lead
    case interaction
    case contact
    case company
    case application
    case job

    /// The folder inside the content folder, e.g. `leads`.
    public var folder: String {
        switch self {
        case .lead: "leads"
        case .interaction: "interactions"
        case .contact: "contacts"
        case .company: "companies"
        case .application: "applications"
        case .job: "jobs"
        }
    }

    /// A kind as people name it: `job`, `jobs` or `Jobs`.
    public init?(named name: String) {
        let name = name.lowercased()
        guard let kind = RecordKind.allCases.first(where: { $0.rawValue == name || $0.folder == name }) else {
            return nil
        }
        self = kind
    }

    public init?(folder: String) {
        guard let kind = RecordKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }
}
