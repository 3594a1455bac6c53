/// Turns values into the short strings pages show; templates only place them.
enum Format {
    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Tue 24 Nov 2026`
    static func day(_ day: Day) -> String {
        let weekday = weekdays[((day.ordinal % 7) + 7) % 7]
        return "\(weekday) \(day.day) \(months[day.month - 1]) \(day.year)"
    }

    static func dayTime(_ value: DayTime) -> String {
        day(value.day) + (value.timeText.map { " " + $0 } ?? "")
    }

    /// `3 days`, `1 day`
    static func days(_ count: Int) -> String {
        count == 1 ? "1 day" : "\(count) days"
    }

    /// How far a date is from the as-of date, in words.
    static func relative(_ target: Day, asOf: Day) -> String {
        let delta = target.days(since: asOf)
        switch delta {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case ..<0: return "\(days(-delta)) ago"
        default: return "in \(days(delta))"
        }
    }

    static func percent(_ ratio: Double?) -> String {
        guard let ratio else { return "–" }
        return "\(Int((ratio * 100).rounded()))%"
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? String(Int(value)) : String(format1(value))
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// `WARM_LEAD` → `Warm lead`, `CV_RECEIVED` → `CV received`
    static func label(_ status: String) -> String {
        knownLabels[status] ?? makeLabel(status)
    }

    /// The labels of the built-in values, made once: every card and row shows several.
    static let knownLabels: [String: String] = {
        let values: [String] =
            Configuration.builtIn.pipelines.flatMap(\.allStatuses) + Configuration.builtIn.sources
            + Temperature.allCases.map(\.rawValue) + InteractionType.allCases.map(\.rawValue)
        let more = Sentiment.allCases.map(\.rawValue) + Configuration.builtIn.pipelines.map(\.name)
        return Dictionary((values + more).map { ($0, makeLabel($0)) }, uniquingKeysWith: { first, _ in first })
    }()

    static func makeLabel(_ status: String) -> String {
        CodeLabel.make(status)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `2 Nov`: a day in a chart's axis.
    static func shortDay(_ day: Day) -> String {
        "\(day.day) \(monthNames[day.month - 1])"
    }

    /// `Nov 26` for `2026-11`: a month in a chart's axis.
    static func shortMonth(_ period: String) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return period }
        return "\(monthNames[month - 1]) \(parts[0].suffix(2))"
    }

    /// `12,500 EUR`: whole amounts with thousands separated, cents only when there are some.
    static func money(_ amount: Double, _ currency: String) -> String {
        let whole = Int64(amount.rounded(.towardZero))
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let cents = Int((abs(amount) - Double(abs(whole))) * 100 + 0.5)
        return (amount < 0 ? "-" : "") + digits + grouped + (cents > 0 ? "." + String(cents).leftPadded(to: 2) : "")
            + " " + currency
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The heading of a day of changes: `Mon 23 Nov 2026`, or "Not committed yet" for nil.
    static func changeDay(_ date: String?) -> String {
        guard let date else { return "Not committed yet" }
        return Day(parsing: date).map(day) ?? date
    }

    /// Text for HTML built in Swift rather than by a template: `&`, `<`, `>` and `"` escaped.
    static func escapedHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A value safe as an HTML id: lower-case ASCII letters, digits and hyphens.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            let keep = scalar.isASCIILetter || ("0"..."9").contains(scalar)
            if keep { result.unicodeScalars.append(scalar) } else if !result.hasSuffix("-") { result += "-" }
        }
        return result.isEmpty ? "x" : result
    }

    /// Percent-encodes an id for use in a relative URL; the file on disk keeps the id as is.
    static func pathComponent(_ id: String) -> String {
        var result = ""
        for byte in id.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCIILetter || ("0"..."9").contains(scalar) || "-_.~".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
