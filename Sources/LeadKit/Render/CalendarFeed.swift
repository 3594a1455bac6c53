/// `follow-ups.ics`: an RFC 5545 calendar with an event per open lead's next follow-up and per
/// application milestone still ahead, so the dates reach the calendar people already look at.
///
/// Every event keeps the same UID from build to build (`lead-<id>@leads`), so a calendar that
/// re-imports or subscribes updates its events instead of adding copies.
public struct CalendarFeed: Sendable {
    public let report: Report
    /// The address the report is published at, for each event's link to its lead's page.
    public let baseURL: String?

    /// Only this owner's leads (and the milestones of what they were won into); nil for the team.
    public let owner: Owner?

    public init(report: Report, baseURL: String? = nil, owner: Owner? = nil) {
        self.report = report
        self.baseURL = baseURL
        self.owner = owner
    }

    /// Whether the lead at `position` belongs in this feed.
    func includes(_ position: Int?) -> Bool {
        guard let owner else { return true }
        guard let position, let written = report.records.leads[position].owner?.value else { return false }
        return Owner.key(written) == owner.key
    }

    public func encoded() -> [UInt8] {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//leads//follow-ups//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape("Lead follow-ups" + (owner.map { " · " + $0.name } ?? "")),
        ]
        let records = report.records
        // DTSTAMP must be there; the as-of date keeps the file the same for the same content.
        let stamp = Self.date(report.asOf) + "T000000Z"
        for position in report.followUps where includes(position) {
            let (lead, fact) = (records.leads[position], report.facts[position])
            guard let due = lead.nextFollowUp?.value else { continue }
            var description: [String] = []
            if let next = fact.lastInteraction.flatMap({ records.interactions[$0].nextAction?.value }) {
                description.append("Next action: \(next)")
            }
            if let last = fact.lastInteraction.map({ records.interactions[$0] }) {
                let when = last.date.map { $0.value.description } ?? "undated"
                description.append("Last interaction: \(when) \(last.summary?.value ?? last.id)")
            }
            lines += event(
                uid: "lead-\(lead.id)@leads", stamp: stamp, start: due,
                summary: "Follow up: " + report.content.leadTitle(lead), description: description,
                url: baseURL.map { link($0, "leads/\(Format.pathComponent(lead.id)).html") })
        }
        for facts in report.applications + report.jobs where facts.state.isActive && includes(facts.lead) {
            let record = report.trackedRecord(facts)
            let track = report.content.configuration.track(facts.kind)
            for entry in facts.upcoming {
                guard let day = entry.date?.value else { continue }
                let milestone = entry.milestone.value
                var summary = (track.step(milestone)?.label ?? milestone) + ": " + (record.title?.value ?? record.id)
                if let company = record.company?.value.target {
                    summary += " · " + (report.content.resolve(company, .company)?.name ?? company)
                }
                let action = MilestoneDue.action(milestone, kind: facts.kind, bucket: .next7Days)
                lines += event(
                    uid: "milestone-\(record.id)-\(milestone.lowercased())@leads", stamp: stamp,
                    start: DayTime(day: day), summary: summary, description: action.map { [$0] } ?? [],
                    url: baseURL.map { link($0, "\(facts.kind.folder)/\(Format.pathComponent(record.id)).html") })
            }
        }
        lines.append("END:VCALENDAR")
        return Array(lines.map(Self.fold).joined().utf8)
    }

    func link(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }

    /// An all-day event, or a 30-minute one when the follow-up has a time (in the calendar's own zone).
    func event(
        uid: String, stamp: String, start: DayTime, summary: String, description: [String], url: String?
    ) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + Self.escape(uid), "DTSTAMP:" + stamp]
        if let minutes = start.minutes {
            let time = Self.date(start.day) + "T" + Self.twoDigits(minutes / 60) + Self.twoDigits(minutes % 60) + "00"
            lines += ["DTSTART:" + time, "DURATION:PT30M"]
        } else {
            lines += [
                "DTSTART;VALUE=DATE:" + Self.date(start.day),
                "DTEND;VALUE=DATE:" + Self.date(Day(ordinal: start.day.ordinal + 1)),
            ]
        }
        lines.append("SUMMARY:" + Self.escape(summary))
        if !description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(description.joined(separator: "\n"))) }
        if let url { lines.append("URL:" + url) }
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        return lines
    }

    static func date(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    /// TEXT values: backslash, semicolon and comma escaped, line breaks as `\n` (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A content line ended by CRLF, folded so no line is longer than 75 octets, never inside a
    /// UTF-8 sequence; each continuation starts with a space (RFC 5545 3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += width
        }
        return result + "\r\n"
    }
}
