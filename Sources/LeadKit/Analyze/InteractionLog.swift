/// Every interaction newest first, and filed by month, for the interactions pages.
public struct InteractionLog: Sendable {
    /// Positions in `RecordSet.interactions`, newest first, undated ones last, ties by id.
    public var newestFirst: [Int]
    /// `2026-11` (or `undated`) → positions, newest first; the newest month first, `undated` last.
    public var months: [(month: String, interactions: [Int])]

    init(_ interactions: [Interaction]) {
        newestFirst = interactions.indices.sorted { a, b in
            let (x, y) = (interactions[a], interactions[b])
            if x.date?.value != y.date?.value {
                guard let dx = x.date?.value else { return false }
                guard let dy = y.date?.value else { return true }
                return dx > dy
            }
            return x.id < y.id
        }
        var months: [(month: String, interactions: [Int])] = []
        for position in newestFirst {
            let month = Self.month(of: interactions[position])
            if months.last?.month == month {
                months[months.count - 1].interactions.append(position)
            } else {
                months.append((month, [position]))
            }
        }
        self.months = months
    }

    /// The month an interaction is filed under: `2026-11`, or `undated`.
    public static func month(of interaction: Interaction) -> String {
        interaction.date?.value.day.monthKey ?? "undated"
    }
}
