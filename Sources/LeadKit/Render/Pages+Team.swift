/// One owner's morning page: their agenda, stale leads and open leads.
struct OwnerPage: Encodable {
    var page: PageFrame
    var name: String
    var email: String?
    var feed: String
    var agendaGroups: [AgendaGroup]
    var hasAgenda: Bool
    var stale: [LeadCard]
    var hasStale: Bool
    var open: [LeadCard]
    var hasOpen: Bool
    var claims: [LeadCard]
    var hasClaims: Bool
    /// What changed in their leads this week, from git.
    var changes: [ChangesPage.Day] = []
    var hasChanges: Bool = false
}

/// The pool: open leads nobody owns, with their claims.
struct UnassignedPage: Encodable {
    struct Row: Encodable {
        var card: LeadCard
        /// "Claimed by Alice, 5 hours left", "Bob's claim expired on …", or "Free to claim".
        var claim: String
        var isClaimed: Bool
    }

    var page: PageFrame
    var rows: [Row]
    var hasRows: Bool
    var window: String
}

/// A link to an owner's page, for the dashboard's team list.
struct OwnerLink: Encodable {
    var name: String
    var href: String
    var detail: String
}
