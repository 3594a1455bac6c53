import Foundation

/// Reads Mustache text into a `TemplateProgram` once, so rendering never reads text again.
///
/// Whitespace follows the Mustache specification: a section, inverted section, comment, partial,
/// parent, block or delimiter tag alone on its line (only spaces or tabs beside it) removes the
/// whole line, and a standalone partial indents every line of its partial by the whitespace
/// before it. Errors name the line and column (1-based, in characters) of the tag at fault.
struct TemplateParser {
    /// A template that cannot be parsed: where, and why.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Parses `source`; throws at the first tag that is not closed, closes the wrong section or
    /// has no name.
    static func parse(_ source: String) throws(Failure) -> TemplateProgram {
        var parser = TemplateParser(bytes: Array(source.utf8))
        return try parser.run()
    }

    private enum Opening {
        case root
        case section(String, inverted: Bool)
        case parent(String, indentation: [UInt8]?)
        case block(String)

        var name: String? {
            switch self {
            case .root: nil
            case .section(let name, _), .parent(let name, _), .block(let name): name
            }
        }
    }

    /// A tag not yet closed, with what has been read inside it.
    private struct Frame {
        var opening: Opening
        var offset: Int
        var nodes: [TemplateNode] = []
    }

    /// A piece of the source: text (within one line, its newline last), or a tag.
    private enum Piece {
        case text(Range<Int>)
        case tag(Tag)
    }

    private struct Tag {
        var sigil: UInt8
        var name: String
        var offset: Int
        /// The whitespace before the tag when it stands alone on its line.
        var indentation: [UInt8]?

        /// Whether the tag may stand alone on a line and take the line with it.
        var canStandAlone: Bool { !Self.inline.contains(sigil) }
        /// Whether the tag may share a standalone line with other such tags (the inheritance
        /// module's rule: `{{<parent}}{{/parent}}` alone on a line is standalone).
        var isInheritance: Bool { [UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "/")].contains(sigil) }

        static let variable: UInt8 = 0
        static let inline: Set<UInt8> = [variable, UInt8(ascii: "{"), UInt8(ascii: "&")]
    }

    private let bytes: [UInt8]
    private var openDelimiter = Array("{{".utf8)
    private var closeDelimiter = Array("}}".utf8)
    private var frames = [Frame(opening: .root, offset: 0)]

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func run() throws(Failure) -> TemplateProgram {
        let pieces = try scan()
        for piece in removingStandaloneLines(pieces) {
            switch piece {
            case .text(let range): append(.text(Array(bytes[range])))
            case .tag(let tag): try read(tag)
            }
        }
        if frames.count > 1, let frame = frames.last, let name = frame.opening.name {
            throw failure(at: frame.offset, "'\(name)' is opened here and never closed")
        }
        return TemplateProgram(nodes: frames[0].nodes)
    }

    /// Cuts the source into text and tags, following delimiter changes as they come.
    private mutating func scan() throws(Failure) -> [Piece] {
        var pieces: [Piece] = []
        var position = 0
        func text(_ range: Range<Int>) {
            var start = range.lowerBound
            for index in range where bytes[index] == UInt8(ascii: "\n") {
                pieces.append(.text(start..<index + 1))
                start = index + 1
            }
            if start < range.upperBound { pieces.append(.text(start..<range.upperBound)) }
        }
        while let tagStart = find(openDelimiter, from: position) {
            text(position..<tagStart)
            let afterOpen = tagStart + openDelimiter.count
            var sigil = afterOpen < bytes.count ? bytes[afterOpen] : 0
            var terminator = closeDelimiter
            switch sigil {
            case UInt8(ascii: "{"), UInt8(ascii: "="):
                terminator = [sigil == UInt8(ascii: "{") ? UInt8(ascii: "}") : sigil] + closeDelimiter
            case UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"),
                UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                break
            default:
                sigil = Tag.variable
            }
            let contentStart = sigil == Tag.variable ? afterOpen : afterOpen + 1
            guard let contentEnd = find(terminator, from: contentStart) else {
                throw failure(
                    at: tagStart, "this tag is never closed with '\(String(decoding: closeDelimiter, as: UTF8.self))'")
            }
            let name = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if sigil == UInt8(ascii: "=") { try changeDelimiters(name, at: tagStart) }
            pieces.append(.tag(Tag(sigil: sigil, name: name, offset: tagStart)))
            position = contentEnd + terminator.count
        }
        text(position..<bytes.count)
        return pieces
    }

    /// Drops the whitespace and newline of each line that holds only a standalone tag (or only
    /// inheritance tags), keeping the whitespace before it as the tag's indentation.
    private func removingStandaloneLines(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        result.reserveCapacity(pieces.count)
        var line: [Piece] = []
        func flush() {
            var tags: [Tag] = []
            var blank = true
            var indentation: [UInt8] = []
            for piece in line {
                switch piece {
                case .tag(let tag):
                    tags.append(tag)
                case .text(let range):
                    blank = blank && isBlank(range)
                    if tags.isEmpty { indentation += bytes[range] }
                }
            }
            let standalone =
                blank && !tags.isEmpty && tags.allSatisfy(\.canStandAlone)
                && (tags.count == 1 || tags.allSatisfy(\.isInheritance))
            if standalone {
                for (index, var tag) in tags.enumerated() {
                    if index == 0 { tag.indentation = indentation }
                    result.append(.tag(tag))
                }
            } else {
                result += line
            }
            line.removeAll(keepingCapacity: true)
        }
        for piece in pieces {
            line.append(piece)
            if case .text(let range) = piece, bytes[range.upperBound - 1] == UInt8(ascii: "\n") { flush() }
        }
        flush()
        return result
    }

    /// Spaces and tabs, ending in an optional `\n` or `\r\n`.
    private func isBlank(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if end > range.lowerBound && bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > range.lowerBound && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[range.lowerBound..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private mutating func read(_ tag: Tag) throws(Failure) {
        let name = tag.name
        switch tag.sigil {
        case UInt8(ascii: "!"), UInt8(ascii: "="):
            break
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            try checkName(name, at: tag.offset)
            frames.append(Frame(opening: .section(name, inverted: tag.sigil == UInt8(ascii: "^")), offset: tag.offset))
        case UInt8(ascii: "<"):
            try checkName(name, at: tag.offset)
            frames.append(Frame(opening: .parent(name, indentation: tag.indentation), offset: tag.offset))
        case UInt8(ascii: "$"):
            try checkName(name, at: tag.offset)
            frames.append(Frame(opening: .block(name), offset: tag.offset))
        case UInt8(ascii: "/"):
            try close(name, at: tag.offset)
        case UInt8(ascii: ">"):
            let dynamic = name.hasPrefix("*")
            let partial = dynamic ? String(name.dropFirst()).trimmingCharacters(in: .whitespaces) : name
            try checkName(partial, at: tag.offset)
            append(.partial(partial, dynamic: dynamic, indentation: tag.indentation))
        default:
            try checkName(name, at: tag.offset)
            append(.variable(TemplateName(name), escaped: tag.sigil == Tag.variable))
        }
    }

    private mutating func close(_ name: String, at offset: Int) throws(Failure) {
        guard frames.count > 1, let frame = frames.popLast() else {
            throw failure(at: offset, "'{{/\(name)}}' closes nothing: no section named '\(name)' is open")
        }
        guard frame.opening.name == name else {
            throw failure(
                at: offset,
                "'{{/\(name)}}' closes '\(frame.opening.name ?? "")', opened at line \(location(of: frame.offset).line)"
            )
        }
        switch frame.opening {
        case .root:
            break
        case .section(let name, let inverted):
            append(.section(TemplateName(name), frame.nodes, inverted: inverted))
        case .parent(let name, let indentation):
            // Only the blocks inside a parent tag count; other text there is ignored (the spec's rule).
            var blocks: [String: [TemplateNode]] = [:]
            for case .block(let block, let nodes) in frame.nodes where blocks[block] == nil {
                blocks[block] = nodes
            }
            append(.parent(name, blocks: blocks, indentation: indentation))
        case .block(let name):
            append(.block(name, frame.nodes))
        }
    }

    private mutating func changeDelimiters(_ text: String, at offset: Int) throws(Failure) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw failure(at: offset, "a delimiter change is written '{{=<% %>=}}': two delimiters, no '='")
        }
        openDelimiter = Array(parts[0].utf8)
        closeDelimiter = Array(parts[1].utf8)
    }

    private func checkName(_ name: String, at offset: Int) throws(Failure) {
        if name.isEmpty { throw failure(at: offset, "this tag has no name") }
        if name.contains(where: { $0.isWhitespace || $0 == "(" || $0 == ")" }) {
            throw failure(at: offset, "'\(name)' is not a name: names are words joined by dots, like 'lead.role'")
        }
    }

    private mutating func append(_ node: TemplateNode) {
        frames[frames.count - 1].nodes.append(node)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The 1-based line and column (counted in Unicode scalars) of a byte offset.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private func failure(at offset: Int, _ message: String) -> Failure {
        let (line, column) = location(of: offset)
        return Failure(line: line, column: column, message: message)
    }
}
