/// A place in a user's file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    /// The file as shown to the user, e.g. `content/leads/acme.md`.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A problem found in the content, reported to the user rather than thrown.
public struct Diagnostic: Sendable, Hashable, Comparable, Codable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    public static func error(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, at: location, message)
    }

    public static func warning(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message)
    }

    /// The compiler-style line editors parse: `file:line:column: error: message [code]`.
    public var formatted: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

/// The stable codes of every rule; they are part of the user-facing contract.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    // Errors
    case invalidFrontMatter = "invalid-front-matter"
    case invalidEncoding = "invalid-encoding"
    case mergeConflict = "merge-conflict"
    case missingField = "missing-field"
    case invalidValue = "invalid-value"
    case invalidDate = "invalid-date"
    case brokenLink = "broken-link"
    case duplicateID = "duplicate-id"
    case illegalTransition = "illegal-transition"
    case historyMismatch = "history-mismatch"
    case historyOrder = "history-order"
    case wonWithoutApplication = "won-without-application"
    case referralWithoutContact = "referral-without-contact"
    case salesLeadUnreachable = "sales-lead-unreachable"
    case unreadableFile = "unreadable-file"
    case invalidID = "invalid-id"
    // Warnings
    case unknownField = "unknown-field"
    case noInteractions = "no-interactions"
    case interactionBeforeLead = "interaction-before-lead"
    case futureInteraction = "future-interaction"
    case duplicateContact = "duplicate-contact"
    case duplicateLead = "duplicate-lead"
    case unknownOwner = "unknown-owner"
    case milestoneOrder = "milestone-order"
    case strayFile = "stray-file"
    case emptyListItem = "empty-list-item"
    case commaSeparatedList = "comma-separated-list"
    case couldLink = "could-link"
}
