/// A calendar date without a time zone, as written in front-matter (`YYYY-MM-DD`).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil unless the three numbers name a real date of the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Day.number(bytes[0..<4]), let month = Day.number(bytes[5..<7]),
            let day = Day.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), so differences are plain subtraction.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    /// `YYYY-MM-DD`
    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `YYYY-MM`
    public var monthKey: String { pad(year, 4) + "-" + pad(month, 2) }

    /// `YYYY-Qn`
    public var quarterKey: String { pad(year, 4) + "-Q\((month - 1) / 3 + 1)" }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// A date with an optional time of day (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`).
public struct DayTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let day: Day
    /// Minutes after midnight, when a time was written.
    public let minutes: Int?

    public init(day: Day, minutes: Int? = nil) {
        self.day = day
        self.minutes = minutes
    }

    public init?(parsing text: some StringProtocol) {
        if let day = Day(parsing: text) {
            self.init(day: day)
            return
        }
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"),
            let day = Day(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = Day.number(bytes[11..<13]), let minute = Day.number(bytes[14..<16]),
            hour < 24, minute < 60
        else { return nil }
        self.init(day: day, minutes: hour * 60 + minute)
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
    public var description: String {
        guard let minutes else { return day.description }
        return day.description + "T" + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    /// Minutes since 1970-01-01 00:00 (a date alone counts as its midnight), for durations in hours.
    public var minuteOrdinal: Int { day.ordinal * 24 * 60 + (minutes ?? 0) }

    /// The moment `minuteOrdinal` minutes after 1970-01-01 00:00.
    public init(minuteOrdinal: Int) {
        self.init(day: Day(ordinal: minuteOrdinal / (24 * 60)), minutes: minuteOrdinal % (24 * 60))
    }

    /// `HH:MM` when a time was written.
    public var timeText: String? {
        minutes.map { pad($0 / 60, 2) + ":" + pad($0 % 60, 2) }
    }

    public static func < (lhs: DayTime, rhs: DayTime) -> Bool {
        (lhs.day, lhs.minutes ?? -1) < (rhs.day, rhs.minutes ?? -1)
    }
}
