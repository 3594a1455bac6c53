/// A person of the team who works leads (`config.yml`'s `owners`), or an owner name a lead gives.
public struct Owner: Sendable, Hashable {
    /// As the team writes it, e.g. "Alice".
    public var name: String
    public var email: String?

    public init(name: String, email: String? = nil) {
        self.name = name
        self.email = email
    }

    /// What owner names are compared by: case and surrounding spaces ignored, so `Carol`, `carol`
    /// and `'Carol '` are one person.
    public static func key(_ name: String) -> String {
        name.trimmingSpaces.lowercased()
    }

    public var key: String { Owner.key(name) }
}

extension Configuration {
    /// The owner a written name means: the configured one it matches, else the name itself, trimmed.
    public func owner(named written: String) -> Owner {
        let key = Owner.key(written)
        return owners.first { $0.key == key } ?? Owner(name: written.trimmingSpaces)
    }
}
