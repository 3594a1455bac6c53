import Foundation
import Testing

@testable import LeadKit

/// RFC 5545 text rules, on their own; the whole feed is read by a calendar library in the browser suite.
@Suite struct CalendarFeedTests {
    @Test func textIsEscaped() {
        #expect(CalendarFeed.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
    }

    @Test func longLinesFoldAtSeventyFiveOctetsWithoutCuttingACharacter() {
        let line = "SUMMARY:" + String(repeating: "Zürich · ", count: 20)
        let folded = CalendarFeed.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        // "\r\n" is one Character in Swift: dropLast() removes the final line break.
        let physical = folded.dropLast().components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        for (number, part) in physical.enumerated() {
            #expect(part.utf8.count <= 75)
            #expect(number == 0 || part.hasPrefix(" "))
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "").dropLast() == Substring(line))
    }

    @Test func aShortLineIsLeftAlone() {
        #expect(CalendarFeed.fold("BEGIN:VEVENT") == "BEGIN:VEVENT\r\n")
    }
}
