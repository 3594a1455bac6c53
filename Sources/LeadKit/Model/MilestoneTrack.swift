/// One step of a milestone checklist: a stable code for files and `report.json`, the checklist's own
/// wording for pages, and whether it is a decision point (recorded with `outcome: YES|NO`).
public struct MilestoneStep: Sendable, Hashable {
    /// Upper snake case, e.g. `CVS_RECEIVED`.
    public var code: String
    /// As people write the checklist, e.g. "CVs received".
    public var label: String
    public var isDecision: Bool

    public init(_ code: String, _ label: String, isDecision: Bool = false) {
        self.code = code
        self.label = label
        self.isDecision = isDecision
    }
}

/// The checklist a kind of record goes through after the win, in order (`config.yml`'s `milestones`
/// per kind). Built in: the `application` track (a job seeker's) and the `job` track (a recruiter's
/// job order, to completion).
public struct MilestoneTrack: Sendable, Hashable {
    public var steps: [MilestoneStep]

    public init(steps: [MilestoneStep]) {
        self.steps = steps
    }

    public var codes: [String] { steps.map(\.code) }

    /// The position of a step in the checklist.
    public func rank(of code: String) -> Int? { steps.firstIndex { $0.code == code } }

    public func step(_ code: String) -> MilestoneStep? { steps.first { $0.code == code } }

    /// The step a person means: the code or the checklist's wording, ignoring case, spaces, hyphens
    /// and punctuation, `&` for "and", "2nd" for "second", and plural for singular (`CVs received`,
    /// `Verbal Offer & Acceptance`, `2nd interview completed`, `cv-received`).
    public func step(matching written: String) -> MilestoneStep? {
        let wanted = Self.words(written)
        guard !wanted.isEmpty else { return nil }
        return steps.first { Self.words($0.code) == wanted || Self.words($0.label) == wanted }
    }

    /// The steps whose code or wording has every word of `written` (`contender` → DECISION_CONTENDER),
    /// for "did you mean" when no step matches whole.
    public func steps(mentioning written: String) -> [MilestoneStep] {
        let wanted = Set(Self.words(written))
        guard !wanted.isEmpty else { return [] }
        return steps.filter { wanted.isSubset(of: Set(Self.words($0.code) + Self.words($0.label))) }
    }

    /// The words of a name as matching compares them.
    static func words(_ text: String) -> [String] {
        let spaced = text.lowercased().replacingOccurrences(of: "&", with: " and ")
        var words: [String] = []
        var word = ""
        for scalar in spaced.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.map { word in
            if word == "2nd" { return "second" }
            // Singular and plural alike: "cvs" is "cv", "interviews" is "interview".
            if word.count > 2, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
            return word
        }
    }

    /// A job seeker's application: the codes leads has always used.
    public static let application = MilestoneTrack(steps: [
        MilestoneStep("CV_RECEIVED", "CV received"),
        MilestoneStep("INTERVIEW_BOOKED", "Interview booked"),
        MilestoneStep("INTERVIEW_ARRANGED", "Interview arranged"),
        MilestoneStep("INTERVIEW_COMPLETED", "Interview completed"),
        MilestoneStep("SECOND_INTERVIEW", "Second interview"),
        MilestoneStep("VERBAL_OFFER", "Verbal offer"),
        MilestoneStep("WRITTEN_OFFER", "Written offer"),
        MilestoneStep("RESIGNATION", "Resignation"),
        MilestoneStep("START_DATE", "Start date"),
        MilestoneStep("PROBATION_COMPLETED", "Probation completed"),
    ])

    /// A recruiter's job order, from the first CVs to a placement that survived probation.
    public static let job = MilestoneTrack(steps: [
        MilestoneStep("CVS_RECEIVED", "CVs received"),
        MilestoneStep("INTERVIEWS_BOOKED", "Interviews booked"),
        MilestoneStep("INTERVIEWS_ARRANGED", "Interviews arranged"),
        MilestoneStep("INTERVIEWS_COMPLETED", "Interviews completed"),
        MilestoneStep(
            "DECISION_CONTENDER", "Decision point: have we got at least one contender?", isDecision: true),
        MilestoneStep("SECOND_INTERVIEW_ARRANGED", "2nd interview arranged"),
        MilestoneStep("SECOND_INTERVIEW_COMPLETED", "2nd interview completed"),
        MilestoneStep(
            "DECISION_OFFER", "Decision point: do we still have a contender to offer the job to?", isDecision: true),
        MilestoneStep("VERBAL_OFFER_ACCEPTED", "Verbal offer & acceptance"),
        MilestoneStep("WRITTEN_OFFER_ACCEPTED", "Written offer & acceptance"),
        MilestoneStep("RESIGNATION", "Resignation"),
        MilestoneStep("START_DATE", "Start date"),
        MilestoneStep("PROBATION_COMPLETED", "Probation completed"),
    ])

    /// The step whose date marks a placement as filled, and the one that completes it.
    public static let startDate = "START_DATE"
    public static let probationCompleted = "PROBATION_COMPLETED"
}
