/// The dates people type on a command line, resolved against the as-of date: `today`,
/// `tomorrow`, `yesterday`, `+3d`, `-2d`, `+2w`, `monday` or `next monday` (the next one after
/// the as-of date), besides `YYYY-MM-DD`. Commands write and echo the date they resolve to.
public enum DateWords {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The day `text` names, or nil.
    public static func day(_ text: String, asOf: Day) -> Day? {
        let words = text.trimmingSpaces.lowercased()
        if let day = Day(parsing: words) { return day }
        switch words {
        case "today": return asOf
        case "tomorrow": return Day(ordinal: asOf.ordinal + 1)
        case "yesterday": return Day(ordinal: asOf.ordinal - 1)
        default: break
        }
        if let sign = words.first, sign == "+" || sign == "-", let unit = words.last, unit == "d" || unit == "w",
            let count = Int(words.dropFirst().dropLast()), count <= 36_500
        {
            let days = count * (unit == "w" ? 7 : 1)
            return Day(ordinal: asOf.ordinal + (sign == "+" ? days : -days))
        }
        let name = words.hasPrefix("next ") ? String(words.dropFirst(5)).trimmingSpaces : words
        if let weekday = weekdays.firstIndex(where: { $0 == name || ($0.hasPrefix(name) && name.count >= 3) }) {
            // 1970-01-01, ordinal 0, was a Thursday (index 3 from Monday).
            let today = ((asOf.ordinal + 3) % 7 + 7) % 7
            let ahead = (weekday - today + 7) % 7
            return Day(ordinal: asOf.ordinal + (ahead == 0 ? 7 : ahead))
        }
        return nil
    }

    /// A day, or a day and a time (`2026-03-14T09:30`, `tomorrow 09:30`), or nil.
    public static func dayTime(_ text: String, asOf: Day) -> DayTime? {
        let trimmed = text.trimmingSpaces
        if let exact = DayTime(parsing: trimmed) { return exact }
        if let day = day(trimmed, asOf: asOf) { return DayTime(day: day, minutes: nil) }
        // `tomorrow 09:30`: the words, then a time.
        guard let space = trimmed.lastIndex(of: " "), let day = day(String(trimmed[..<space]), asOf: asOf),
            let withTime = DayTime(parsing: day.description + "T" + trimmed[trimmed.index(after: space)...])
        else { return nil }
        return withTime
    }
}
