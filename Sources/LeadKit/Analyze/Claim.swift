/// A claim on an unowned lead (`claimed_by`, `claimed_at`): the lead is the claimant's for
/// `claim_window_hours`, then back in the pool unless they take ownership (`leads assign`).
///
/// Claims are judged at the start of the as-of day (the report knows dates, not times): a claim
/// made at 00:00 with a 24-hour window has expired on the next day's report.
public struct Claim: Sendable {
    public var lead: Int
    public var by: Owner
    public var at: DayTime
    public var expires: DayTime
    public var expired: Bool
    /// Whole hours left at the start of the as-of day; 0 once expired.
    public var hoursLeft: Int
}

extension Claim {
    /// The claims of unowned leads, by when they were made.
    static func all(_ content: CheckedContent, asOf: Day) -> [Claim] {
        let window = content.configuration.claimWindowHours
        let now = DayTime(day: asOf).minuteOrdinal
        return content.records.leads.enumerated().compactMap { position, lead -> Claim? in
            guard lead.owner == nil, let by = lead.claimedBy?.value, let at = lead.claimedAt?.value else { return nil }
            let start = at.minuteOrdinal
            let end = start + window * 60
            let expires = DayTime(minuteOrdinal: end)
            return Claim(
                lead: position, by: content.configuration.owner(named: by), at: at, expires: expires,
                expired: now >= end, hoursLeft: max(0, (end - max(now, start)) / 60))
        }.sorted { ($0.at, $0.lead) < ($1.at, $1.lead) }
    }
}
