/// A lead as cards, rows and list items show it.
struct LeadCard: Encodable {
    var id: String
    var href: String
    var role: String
    var company: String
    var companyHref: String?
    var temperature: String
    var temperatureClass: String
    var status: String
    var statusLabel: String
    var pipeline: String
    var daysInStage: String?
    var nextFollowUp: String?
    var followUpRelative: String?
    var owner: String?
    var tags: [String]
    var source: String?
    var badge: ProblemBadge?
    /// Lower-cased words the filter script matches against.
    var searchText: String
    var filterStage: String
    var filterOwner: String
    /// `|tag one|tag two|`, so a tag matches only whole.
    var filterTags: String
    /// `open`, `won`, `filled`, `completed`, `lost` (see `Report.outcome(ofLead:)`).
    var filterOutcome: String
    var created: String?
    /// `YYYY-MM-DD`, for the created-date filter and for sorting.
    var createdISO: String
    /// Sort keys, so a table sorts by value and not by the words shown: the stage's place in its
    /// pipeline, HOT 0 to COLD 2, days in stage, the follow-up as `YYYY-MM-DDTHH:MM`.
    var stageRank: String
    var temperatureRank: Int
    var daysInStageValue: String
    var followUpISO: String
    var lastInteraction: InteractionLine?
    var staleReasons: [String]
    var silence: String?
    /// Whom to contact about it, and how.
    var reach: Reach?
    /// On a won card: how far its application or job got, or the client it became.
    var outcome: String?
}

/// A person to contact and the ways to reach them.
struct Reach: Encodable {
    var name: String
    var href: String?
    var email: String?
    var emailHref: String?
    var phone: String?
    var phoneHref: String?
}

/// A milestone on the agenda.
struct MilestoneLine: Encodable {
    var date: String
    var relative: String
    var label: String
    var title: String
    var href: String
    var action: String?
    var reach: Reach?
    /// Its lead's owner as `config.yml` spells it, and the filter script's keys (see `LeadCard`): a milestone
    /// belongs to the owner of the lead its application or job came from.
    var owner: String?
    var searchText: String
    var filterOwner: String
}

/// One interaction in a row or timeline.
struct InteractionLine: Encodable {
    /// The entry's HTML id, which `[[id]]` links in notes point to.
    var anchor: String
    var date: String
    var isoDate: String
    var type: String
    var summary: String
    var sentiment: String?
    var sentimentClass: String?
    var nextAction: String?
    var leadHref: String?
    var leadTitle: String?
    var contactName: String?
    var contactHref: String?
    var notesHTML: String
    var hasNotes: Bool
    var badge: ProblemBadge?
    var problems: [ProblemView]
    /// Its own: without it, `{{#hasProblems}}` would find the enclosing page's.
    var hasProblems: Bool
}
