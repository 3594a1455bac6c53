/// What every record shares: its id, its file and its Markdown body.
public struct RecordHeader: Sendable {
    public var kind: RecordKind
    /// The file stem, unique per kind.
    public var id: String
    /// The file as shown to the user.
    public var file: String
    /// The path inside the content folder, e.g. `leads/2026/acme.md`.
    public var relativePath: String
    /// The Markdown after the front-matter.
    public var body: String
    /// The line of the file the body starts on.
    public var bodyLine: Int
    /// The values of the fields `config.yml` declares for the kind, in declaration order.
    public var custom: [CustomValue] = []

    public init(kind: RecordKind, id: String, file: String, relativePath: String, body: String, bodyLine: Int) {
        self.kind = kind
        self.id = id
        self.file = file
        self.relativePath = relativePath
        self.body = body
        self.bodyLine = bodyLine
    }

    public var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }
}

public enum Temperature: String, Sendable, CaseIterable, Codable {
    case hot = "HOT"
    case warm = "WARM"
    case cold = "COLD"
}

extension Lead {
    /// HOT 0, WARM 1, COLD 2, no temperature 3: the order of urgency on the board and the stale report.
    public var urgencyRank: Int {
        temperature.map { Temperature.allCases.firstIndex(of: $0.value)! } ?? Temperature.allCases.count
    }
}

public enum InteractionType: String, Sendable, CaseIterable, Codable {
    case email = "EMAIL"
    case phoneCall = "PHONE_CALL"
    case meeting = "MEETING"
    case message = "MESSAGE"
}

public enum Sentiment: String, Sendable, CaseIterable, Codable {
    case positive = "POSITIVE"
    case neutral = "NEUTRAL"
    case negative = "NEGATIVE"
}

/// The answer recorded at a decision point of a milestone track.
public enum Decision: String, Sendable, CaseIterable, Codable {
    case yes = "YES"
    case no = "NO"
}

/// How an application or a job ended, when `outcome:` says so.
public enum Outcome: String, Sendable, CaseIterable, Codable {
    case filled = "FILLED"
    case lost = "LOST"
    case cancelled = "CANCELLED"
    case rejected = "REJECTED"
    case withdrawn = "WITHDRAWN"
}

/// One step of a lead's `history`.
public struct HistoryEntry: Sendable {
    public var status: Located<String>
    public var date: Located<Day>?
    /// Where the entry comes from: the file's `history:`, or a commit that changed `status:`
    /// (filled in from git where the file says nothing).
    public var source: HistorySource = .file
}

/// Where a stage history entry was read.
public enum HistorySource: Sendable, Equatable {
    case file
    case commit(RecordHistory.Commit)
    /// The working tree's change to `status:`, not committed yet (dated on the as-of date).
    case uncommitted
}

/// A person, team or role that may become an opportunity (`leads/<id>.md`).
public struct Lead: Sendable {
    public var header: RecordHeader
    public var role: Located<String>?
    public var company: Located<Link>?
    public var source: Located<String>?
    public var temperature: Located<Temperature>?
    public var status: Located<String>?
    public var created: Located<Day>?
    public var pipeline: Located<String>?
    public var nextFollowUp: Located<DayTime>?
    public var contact: Located<Link>?
    public var application: Located<Link>?
    public var owner: Located<String>?
    public var tags: [Located<String>]
    public var history: [HistoryEntry]
    /// The client this lead is for or became (a company, or a contact for a person).
    public var client: Located<Link>?
    /// The job order a recruiting lead converted into.
    public var job: Located<Link>?
    /// The deal's value, in `currency` (default: config.yml's `currency`).
    public var value: Located<Double>?
    public var currency: Located<String>?
    /// Who claimed the unowned lead, and when (`leads claim`): theirs for `claim_window_hours`.
    public var claimedBy: Located<String>?
    public var claimedAt: Located<DayTime>?
    /// Why the lead was lost, written by `leads move LEAD LOST --reason`.
    public var lostReason: Located<String>?
    /// The person and how to reach them, for a lead whose contact is not (yet) a contact record.
    public var contactName: Located<String>?
    public var email: Located<String>?
    public var phone: Located<String>?

    public var id: String { header.id }

    /// A lead with no field read yet.
    public init(header: RecordHeader) {
        self.header = header
        tags = []
        history = []
    }
}

/// An email, call, meeting or message about a lead (`interactions/<name>.md`).
public struct Interaction: Sendable {
    public var header: RecordHeader
    public var lead: Located<Link>?
    public var date: Located<DayTime>?
    public var type: Located<InteractionType>?
    public var summary: Located<String>?
    public var sentiment: Located<Sentiment>?
    public var nextAction: Located<String>?
    public var contact: Located<Link>?

    public var id: String { header.id }

    /// An interaction with no field read yet.
    public init(header: RecordHeader) {
        self.header = header
    }
}

/// A person (`contacts/<id>.md`).
public struct Contact: Sendable {
    public var header: RecordHeader
    public var name: Located<String>?
    public var email: Located<String>?
    public var phone: Located<String>?
    public var company: Located<Link>?
    public var role: Located<String>?
    public var linkedin: Located<String>?
    /// The day this person became a client.
    public var clientSince: Located<Day>?

    public var id: String { header.id }

    /// A contact with no field read yet.
    public init(header: RecordHeader) {
        self.header = header
    }
}

/// An organisation (`companies/<id>.md`).
public struct Company: Sendable {
    public var header: RecordHeader
    public var name: Located<String>?
    public var website: Located<String>?
    public var industry: Located<String>?
    /// The day this company became a client.
    public var clientSince: Located<Day>?

    public var id: String { header.id }

    /// A company with no field read yet.
    public init(header: RecordHeader) {
        self.header = header
    }
}

/// A dated step of an application's or a job's milestone track.
public struct MilestoneEntry: Sendable {
    /// The step's code in its track, e.g. `CVS_RECEIVED`, however the file wrote its name.
    public var milestone: Located<String>
    public var date: Located<Day>?
    /// At a decision point: whether the answer was yes.
    public var outcome: Located<Decision>?
}

/// A formal job application a lead converted into (`applications/<id>.md`).
public struct Application: Sendable {
    public var header: RecordHeader
    public var lead: Located<Link>?
    public var title: Located<String>?
    public var company: Located<Link>?
    public var url: Located<String>?
    public var applied: Located<Day>?
    public var milestones: [MilestoneEntry]
    public var outcome: Located<Outcome>?
    /// The day it ended, with `outcome`.
    public var closed: Located<Day>?
    public var reason: Located<String>?

    public var id: String { header.id }

    /// An application with no field read yet.
    public init(header: RecordHeader) {
        self.header = header
        milestones = []
    }
}

/// A recruiter's job order at a client (`jobs/<id>.md`): what a recruiting lead converts into.
public struct Job: Sendable {
    public var header: RecordHeader
    public var lead: Located<Link>?
    public var title: Located<String>?
    public var company: Located<Link>?
    public var contact: Located<Link>?
    /// How many people the client hires for it (default 1).
    public var openings: Located<Double>?
    public var fee: Located<Double>?
    public var opened: Located<Day>?
    public var milestones: [MilestoneEntry]
    public var outcome: Located<Outcome>?
    public var closed: Located<Day>?
    public var reason: Located<String>?

    public var id: String { header.id }

    /// A job with no field read yet.
    public init(header: RecordHeader) {
        self.header = header
        milestones = []
    }
}

/// Every record of a content folder, by kind, in file order.
public struct RecordSet: Sendable {
    public var leads: [Lead] = []
    public var interactions: [Interaction] = []
    public var contacts: [Contact] = []
    public var companies: [Company] = []
    public var applications: [Application] = []
    public var jobs: [Job] = []

    public init() {}

    /// The header of the record of `kind` at `position`.
    public func header(_ kind: RecordKind, at position: Int) -> RecordHeader {
        switch kind {
        case .lead: leads[position].header
        case .interaction: interactions[position].header
        case .contact: contacts[position].header
        case .company: companies[position].header
        case .application: applications[position].header
        case .job: jobs[position].header
        }
    }

    /// How many records of `kind` there are.
    public func count(of kind: RecordKind) -> Int {
        switch kind {
        case .lead: leads.count
        case .interaction: interactions.count
        case .contact: contacts.count
        case .company: companies.count
        case .application: applications.count
        case .job: jobs.count
        }
    }

    public var headers: [RecordHeader] {
        leads.map(\.header) + interactions.map(\.header) + contacts.map(\.header)
            + companies.map(\.header) + applications.map(\.header) + jobs.map(\.header)
    }
}

/// What every kind of record has: its header (id, file, body, custom fields).
public protocol ContentRecord: Sendable {
    var header: RecordHeader { get }
    /// The file stem, unique per kind.
    var id: String { get }
}

extension Lead: ContentRecord {}
extension Interaction: ContentRecord {}
extension Contact: ContentRecord {}
extension Company: ContentRecord {}
extension Application: ContentRecord {}
extension Job: ContentRecord {}

/// An application or a job: a record that goes through a milestone track to an outcome.
public protocol TrackedRecord: ContentRecord {
    static var kind: RecordKind { get }
    var lead: Located<Link>? { get }
    var title: Located<String>? { get }
    var company: Located<Link>? { get }
    var milestones: [MilestoneEntry] { get }
    var outcome: Located<Outcome>? { get }
    var closed: Located<Day>? { get }
    var reason: Located<String>? { get }
}

extension Application: TrackedRecord {
    public static let kind = RecordKind.application
}

extension Job: TrackedRecord {
    public static let kind = RecordKind.job
}
