import Foundation

/// A reference to another record: `[[id]]` (Obsidian style) or a bare id.
public struct Link: Sendable, Hashable {
    /// The id the link names.
    public var target: String
    /// Whether it was written `[[id]]`; a bare value in a text-or-link field is then a name.
    public var isBracketed: Bool

    public init(target: String, isBracketed: Bool) {
        self.target = target
        self.isBracketed = isBracketed
    }

    /// Reads `[[id]]`, `[[id|alias]]` or a bare id.
    public init(parsing text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("[["), trimmed.hasSuffix("]]"), trimmed.count >= 4 {
            var inner = String(trimmed.dropFirst(2).dropLast(2))
            if let bar = inner.firstIndex(of: "|") { inner = String(inner[..<bar]) }
            self.init(target: inner.trimmingSpaces, isBracketed: true)
        } else {
            self.init(target: trimmed, isBracketed: false)
        }
    }

    /// Whether the target could be a record id at all: ids are bare file stems, so a path never is.
    public var isWellFormedID: Bool {
        RecordID.isValid(target)
    }
}

/// Rules for record ids, which become file names in the report.
public enum RecordID {
    /// A new id made from parts (`2026-11-23-<lead>-<summary>`) cut to at most `InvalidID`'s limit
    /// less room for a `-2` suffix, at a character boundary, without a trailing `-`.
    public static func fitting(_ stem: String, limit: Int = 144) -> String {
        guard stem.utf8.count > limit else { return stem }
        var cut = ""
        for character in stem {
            guard cut.utf8.count + character.utf8.count <= limit else { break }
            cut.append(character)
        }
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut
    }

    /// The id in Unicode NFC: a file named on macOS (NFD, `e` + U+0301) and on Linux (`é`) makes the
    /// same id, page path and calendar UID. ASCII ids are returned as they are.
    public static func normalized(_ id: String) -> String {
        id.utf8.allSatisfy { $0 < 0x80 } ? id : id.precomposedStringWithCanonicalMapping
    }

    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id != ".", id != "..", !id.hasPrefix(".") else { return false }
        return !id.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar == "\u{7F}"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        // Most values have nothing to trim; skip building a new string for them.
        if let first = scalars.first, let last = scalars.last, !first.properties.isWhitespace,
            !last.properties.isWhitespace
        {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }
}
