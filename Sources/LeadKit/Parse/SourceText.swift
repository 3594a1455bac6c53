/// A file's bytes decoded as UTF-8 and cut into lines, with problems of the encoding as diagnostics.
struct SourceText {
    /// The text without a byte-order mark; invalid bytes replaced by U+FFFD.
    let text: String
    /// Each line's content without its line break (LF, CRLF or a lone CR).
    let lines: [Substring]

    /// Decodes the bytes, or returns nil (with a diagnostic) for a file that is not UTF-8 at all.
    static func decode(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(
                .error(.invalidEncoding, at: start, "file is UTF-16 encoded; save it as UTF-8"))
            return nil
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        let text: String
        if let valid = String(validating: content, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: content, as: UTF8.self)
            let location = firstInvalidByte(in: content, file: file)
            diagnostics.append(
                .error(
                    .invalidEncoding, at: location,
                    "file is not valid UTF-8 (invalid byte sequence here); invalid bytes were read as U+FFFD"))
        }
        if content.contains(0) {
            let offset = content.firstIndex(of: 0)! - content.startIndex
            diagnostics.append(
                .error(
                    .invalidEncoding, at: position(ofByte: offset, in: content, file: file),
                    "file contains a NUL byte; is it a binary file?"))
        }
        return SourceText(text: text, lines: splitLines(text))
    }

    /// Splits on LF, CRLF and lone CR, as YAML and CommonMark both do.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(text[lineStart..<index])
                var next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                index = next
                lineStart = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if lineStart != utf8.endIndex { lines.append(text[lineStart...]) }
        return lines
    }

    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>, file: String) -> SourceLocation {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var validBytes = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                validBytes += UTF8.width(scalar)
                offset = validBytes
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        return position(ofByte: offset, in: bytes, file: file)
    }

    /// Line and column (in scalars of the decoded prefix) of a byte offset.
    static func position(ofByte offset: Int, in bytes: ArraySlice<UInt8>, file: String) -> SourceLocation {
        let prefix = bytes.prefix(offset)
        var line = 1
        var lineStart = prefix.startIndex
        var index = prefix.startIndex
        while index < prefix.endIndex {
            let byte = prefix[index]
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r")
                    && (index + 1 == prefix.endIndex || prefix[index + 1] != UInt8(ascii: "\n")))
            {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
