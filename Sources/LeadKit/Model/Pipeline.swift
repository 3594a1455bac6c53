/// What a pipeline's won stage turns a lead into, and the lead's field that links it.
public enum ConversionTarget: String, Sendable, CaseIterable {
    /// A formal job application (networking): `application: "[[id]]"`.
    case application
    /// A client company or contact (sales): `client: "[[id]]"`.
    case client
    /// A job order at a client (recruiting): `job: "[[id]]"`.
    case job

    /// The lead's field that links the record.
    public var field: String { rawValue }

    /// "an application", "a client", "a job".
    public var withArticle: String { self == .application ? "an application" : "a \(rawValue)" }
}

/// The stages a lead moves through: open stages in order, ending in the won stage, plus closed stages.
public struct Pipeline: Sendable, Hashable {
    public var name: String
    /// Every stage in order; the last is usually the won stage.
    public var stages: [String]
    public var won: String
    public var closed: [String]
    /// Whether each lead needs a contact with an email or a phone (`sales`).
    public var requiresReachableContact: Bool
    /// Stages a lead may only be at with a `contact` (`requires_contact`; networking's REFERRAL_SECURED).
    public var stagesRequiringContact: [String]
    /// What a lead at the won stage converts into (`converts_into`): the record its won-stage field links.
    public var convertsInto: ConversionTarget
    /// The chance a lead at each stage is won, 0…1 (`probability`), for the weighted forecast.
    public var probability: [String: Double]

    public init(
        name: String, stages: [String], won: String, closed: [String], requiresReachableContact: Bool = false,
        stagesRequiringContact: [String] = [], convertsInto: ConversionTarget = .application,
        probability: [String: Double] = [:]
    ) {
        self.name = name
        self.stages = stages
        self.won = won
        self.closed = closed
        self.requiresReachableContact = requiresReachableContact
        self.stagesRequiringContact = stagesRequiringContact
        self.convertsInto = convertsInto
        self.probability = probability
    }

    public static let networking = Pipeline(
        name: "networking",
        stages: ["DISCOVERY", "WAKING_UP", "WARM_LEAD", "REFERRAL_SECURED", "CONVERTED"],
        won: "CONVERTED",
        closed: ["ARCHIVED"],
        stagesRequiringContact: ["REFERRAL_SECURED"]
    )

    public static let sales = Pipeline(
        name: "sales",
        stages: ["NOT_CONTACTED", "CONTACTED", "QUALIFIED", "CONVERTED"],
        won: "CONVERTED",
        closed: ["LOST"],
        requiresReachableContact: true,
        convertsInto: .client,
        probability: ["NOT_CONTACTED": 0.05, "CONTACTED": 0.2, "QUALIFIED": 0.5, "CONVERTED": 1]
    )

    /// A recruiter's hiring leads at client companies: a job discussed becomes an opportunity, and a
    /// job order once the contract is signed.
    public static let recruiting = Pipeline(
        name: "recruiting",
        stages: ["IDENTIFIED", "CONTACTED", "OPPORTUNITY", "JOB_ORDER"],
        won: "JOB_ORDER",
        closed: ["LOST"],
        convertsInto: .job,
        probability: ["IDENTIFIED": 0.05, "CONTACTED": 0.15, "OPPORTUNITY": 0.4, "JOB_ORDER": 1]
    )

    /// Every status a lead of this pipeline may have.
    public var allStatuses: [String] { stages + closed }

    /// The first stage, where new leads start.
    public var firstStage: String { stages.first ?? won }

    /// The position of an ordered stage, nil for closed stages.
    public func rank(of status: String) -> Int? { stages.firstIndex(of: status) }

    public func isClosed(_ status: String) -> Bool { closed.contains(status) }

    /// Whether a lead at `status` must name its contact.
    public func requiresContact(_ status: String) -> Bool { stagesRequiringContact.contains(status) }

    public func isWon(_ status: String) -> Bool { status == won }

    /// Open means neither won nor closed: the lead still needs work.
    public func isOpen(_ status: String) -> Bool { !isWon(status) && !isClosed(status) }

    public func contains(_ status: String) -> Bool { stages.contains(status) || closed.contains(status) }

    /// Why a lead may not go from one stage to the next, nil when it may: forward, to a closed stage,
    /// or from a closed stage back to an open one.
    public func transitionProblem(from: String, to: String) -> String? {
        if from == to { return nil }
        if isWon(from) {
            return "\(from) is won and final; a lead cannot move on to \(to)"
        }
        if isClosed(from) {
            if isWon(to) {
                return "a closed lead cannot jump from \(from) to \(to); reopen it at an open stage first"
            }
            return nil
        }
        if isClosed(to) { return nil }
        if let a = rank(of: from), let b = rank(of: to), b < a {
            return
                "history goes backward from \(from) to \(to); stages only move forward (or to \(closed.joined(separator: "/")))"
        }
        return nil
    }
}
