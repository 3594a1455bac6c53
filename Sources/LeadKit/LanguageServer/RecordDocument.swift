import Foundation

/// One record file's text as the language server reads it around a cursor: its front-matter
/// lines, the top-level key each line belongs to, and the `[[links]]` written in it.
///
/// This reads the text as typed, half-written lines included, which the parser would reject;
/// what the record means comes from `LanguageWorkspace`.
struct RecordDocument {
    /// A `[[target]]` or `[[target|label]]` in the text.
    struct LinkMention {
        /// Bytes from the first `[` to the last `]`.
        var range: Range<Int>
        /// Bytes of the target, inside the brackets.
        var targetRange: Range<Int>
        var target: String
        /// The top-level front-matter key it is written under; nil in the body.
        var key: String?
    }

    let text: LineText
    let kind: RecordKind?
    /// The 0-based lines between the opening and closing `---`; nil without front-matter.
    let frontMatter: Range<Int>?

    init(bytes: [UInt8], kind: RecordKind?) {
        text = LineText(bytes)
        self.kind = kind
        guard Self.isDelimiter(text.line(0)) else {
            frontMatter = nil
            return
        }
        var end = text.lineCount
        for line in 1..<text.lineCount
        where Self.isDelimiter(text.line(line)) || text.line(line).elementsEqual("...".utf8) {
            end = line
            break
        }
        frontMatter = 1..<end
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        line.elementsEqual("---".utf8)
    }

    /// The top-level key of the line `line` (0-based) or of the nearest key line above it in the
    /// front-matter, with the byte offset where its value starts; nil outside the front-matter.
    func key(governing line: Int) -> (key: String, line: Int, valueStart: Int)? {
        guard let frontMatter, frontMatter.contains(line) else { return nil }
        var index = line
        while index >= frontMatter.lowerBound {
            if let found = topLevelKey(on: index) { return (found.key, index, found.valueStart) }
            index -= 1
        }
        return nil
    }

    /// `key: value` starting at the line's first column.
    func topLevelKey(on line: Int) -> (key: String, valueStart: Int)? {
        let bytes = text.line(line)
        guard let first = bytes.first, first != UInt8(ascii: " "), first != UInt8(ascii: "-"),
            first != UInt8(ascii: "#"), let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
        else { return nil }
        var valueStart = colon + 1
        while valueStart < bytes.endIndex && bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        return (String(decoding: bytes[bytes.startIndex..<colon], as: UTF8.self), valueStart)
    }

    /// Where the value of a `key: value` line or a `- value` list item starts; nil for other lines.
    static func plainValueStart(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex && bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "-"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: " ") {
            index += 2
        } else {
            let keyStart = index
            while index < bytes.endIndex
                && (bytes[index] == UInt8(ascii: "_") || bytes[index] == UInt8(ascii: "-")
                    || (bytes[index] >= UInt8(ascii: "a") && bytes[index] <= UInt8(ascii: "z"))
                    || (bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z"))
                    || (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")))
            {
                index += 1
            }
            guard index > keyStart, index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
        }
        while index < bytes.endIndex && bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index < bytes.endIndex ? index : nil
    }

    /// Every `[[link]]`, in order.
    func links() -> [LinkMention] {
        var mentions: [LinkMention] = []
        for line in 0..<text.lineCount {
            let bytes = text.line(line)
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "[") else {
                    index += 1
                    continue
                }
                let start = index
                var end = start + 2
                while end + 1 < bytes.endIndex
                    && !(bytes[end] == UInt8(ascii: "]") && bytes[end + 1] == UInt8(ascii: "]"))
                {
                    end += 1
                }
                guard end + 1 < bytes.endIndex else { break }
                let inner = bytes[(start + 2)..<end]
                let targetEnd = inner.firstIndex(of: UInt8(ascii: "|")) ?? end
                let target = String(decoding: bytes[(start + 2)..<targetEnd], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                if !target.isEmpty {
                    mentions.append(
                        LinkMention(
                            range: start..<(end + 2), targetRange: (start + 2)..<targetEnd, target: target,
                            key: key(governing: line)?.key))
                }
                index = end + 2
            }
        }
        return mentions
    }

    /// The byte range of the value or key at `offset`: a quoted string with its quotes, a
    /// `[[link]]`, a key up to its colon, or a bare word up to a space, comma or bracket; the
    /// rest of the line when none starts there. Diagnostics cover it.
    func span(at offset: Int) -> Range<Int> {
        let line = text.position(of: offset, encoding: .utf8).line
        let bytes = text.line(line)
        let start = max(offset, bytes.startIndex)
        guard start < bytes.endIndex else { return start..<start }
        if bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
            let quote = bytes[start]
            let close = bytes[(start + 1)...].firstIndex(of: quote).map { $0 + 1 } ?? bytes.endIndex
            return start..<close
        }
        if bytes[start] == UInt8(ascii: "["), start + 1 < bytes.endIndex, bytes[start + 1] == UInt8(ascii: "[") {
            if let mention = links().first(where: { $0.range.lowerBound == start }) { return mention.range }
        }
        // A plain value (`status: WARM LEAD`, `- Jonas Weber`): to the end of the line, less a comment.
        if let valueStart = Self.plainValueStart(bytes), start >= valueStart,
            bytes[valueStart] != UInt8(ascii: "["), bytes[valueStart] != UInt8(ascii: "{")
        {
            var end = bytes.endIndex
            var index = start
            while index < bytes.endIndex {
                if bytes[index] == UInt8(ascii: "#"), index > start, bytes[index - 1] == UInt8(ascii: " ") {
                    end = index
                    break
                }
                index += 1
            }
            while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) {
                end -= 1
            }
            if end > start { return start..<end }
        }
        var end = start
        // Inside `{status: WARM LEAD, date: …}` a value runs to its comma or bracket; elsewhere a
        // word ends at a space.
        let inFlow = bytes[..<start].contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }
        var stops: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":")]
        if !inFlow { stops.formUnion([UInt8(ascii: " "), UInt8(ascii: "\t")]) }
        while end < bytes.endIndex && !stops.contains(bytes[end]) { end += 1 }
        while inFlow && end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) {
            end -= 1
        }
        if end == start {
            end = bytes.endIndex
            while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) {
                end -= 1
            }
        }
        return start..<end
    }

    /// The kinds the field `key` of `kind` links to; nil when it is not a link.
    static func linkKinds(of key: String, in kind: RecordKind?) -> [RecordKind]? {
        kind?.schemaFields.first { $0.key == key }?.linkedKinds
    }

    /// Every id the text names: `[[link]]` targets, and bare values of link fields
    /// (`contact: jo`), in NFC as ids are. What an edit of this file can change the findings of.
    func mentions() -> Set<String> {
        Set(links().map { RecordID.normalized($0.target) } + bareLinks().map { RecordID.normalized($0.target) })
    }

    /// The values of link fields written without brackets (`contact: jo`), with their bytes.
    func bareLinks() -> [(key: String, range: Range<Int>, target: String)] {
        (frontMatter ?? 0..<0).compactMap { line in
            guard let found = topLevelKey(on: line), Self.linkKinds(of: found.key, in: kind) != nil else { return nil }
            let range = span(at: found.valueStart)
            let value = String(decoding: text.bytes[range], as: UTF8.self)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            guard !value.isEmpty, !value.hasPrefix("[[") else { return nil }
            return (found.key, range, value)
        }
    }
}
