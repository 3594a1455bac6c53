/// How a client counts the characters of a line (LSP's `positionEncoding`).
enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The first encoding of the client's list the server speaks, in the client's order of
    /// preference; UTF-16, which every client must accept, when it lists none.
    static func negotiate(_ offered: [String]?) -> PositionEncoding {
        offered?.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
    }

    /// The code units of one Unicode scalar of `length` UTF-8 bytes.
    func units(ofScalarWithUTF8Length length: Int) -> Int {
        switch self {
        case .utf8: length
        case .utf16: length == 4 ? 2 : 1
        case .utf32: 1
        }
    }
}

/// A document's text with its lines found once, converting between the places diagnostics use
/// (1-based line, column counted in Unicode scalars), byte offsets, and LSP positions (0-based
/// line, character counted in the negotiated encoding's code units).
struct LineText {
    let bytes: [UInt8]
    /// The byte offset each line starts at.
    let lineStarts: [Int]

    /// Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP and in `leads check`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r")
                    && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n")))
            {
                starts.append(offset + 1)
            }
        }
        lineStarts = starts
    }

    init(_ text: String) {
        self.init(Array(text.utf8))
    }

    var lineCount: Int { lineStarts.count }

    /// The bytes of 0-based line `index`, without its line break.
    func line(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < lineStarts.count else { return [] }
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > lineStarts[index] && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[lineStarts[index]..<max(end, lineStarts[index])]
    }

    /// The text of 0-based line `index`.
    func lineString(_ index: Int) -> String {
        String(decoding: line(index), as: UTF8.self)
    }

    /// The byte offset of a diagnostic's place (1-based line, column in Unicode scalars), kept
    /// inside its line.
    func offset(line: Int, column: Int) -> Int {
        let text = self.line(line - 1)
        var offset = text.startIndex
        var scalars = 1
        while scalars < column && offset < text.endIndex {
            offset += Self.scalarLength(text[offset])
            scalars += 1
        }
        return min(offset, text.endIndex)
    }

    /// The byte offset of an LSP position, kept inside its line.
    func offset(of position: LSP.Position, encoding: PositionEncoding) -> Int {
        let text = line(position.line)
        var offset = text.startIndex
        var units = 0
        while units < position.character && offset < text.endIndex {
            let length = Self.scalarLength(text[offset])
            units += encoding.units(ofScalarWithUTF8Length: length)
            offset += length
        }
        return min(offset, text.endIndex)
    }

    /// The LSP position of a byte offset.
    func position(of offset: Int, encoding: PositionEncoding) -> LSP.Position {
        let clamped = min(max(offset, 0), bytes.count)
        var line = lineStarts.count - 1
        // The last line start at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= clamped {
                line = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        var index = lineStarts[line]
        var units = 0
        while index < clamped {
            let length = Self.scalarLength(bytes[index])
            units += encoding.units(ofScalarWithUTF8Length: length)
            index += length
        }
        return LSP.Position(line: line, character: units)
    }

    /// The bytes of one UTF-8 scalar that starts with `lead`.
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0...0xFF: 4
        default: 1
        }
    }
}
