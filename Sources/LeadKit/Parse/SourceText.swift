#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's bytes decoded as UTF-8, with problems of the encoding as diagnostics.
struct SourceText {
    /// The text without a byte-order mark; invalid bytes replaced by U+FFFD.
    let text: String

    /// The text of a file git left conflicted, read as its first side: the conflict is reported (one
    /// `merge-conflict` at the first marker) and every other finding of the file is left out, since
    /// they would only be the markers' echo. Unconflicted text is returned as it is.
    static func resolvingConflicts(_ source: SourceText, file: String, diagnostics: inout [Diagnostic]) -> (
        source: SourceText, conflicted: Bool
    ) {
        // `memmem` over the UTF-8 bytes: Foundation's `contains` converts every file to UTF-16
        // first, and the standard library's generic search is slower still.
        guard Self.contains(source.text, "<<<<<<<"), let found = MergeConflict.find(in: source.text) else {
            return (source, false)
        }
        diagnostics.append(
            MergeConflict.conflict(
                at: SourceLocation(file: file, line: found.line, column: 1), ours: found.ours, theirs: found.theirs))
        return (SourceText(text: found.firstSide), true)
    }

    /// Decodes the bytes, or returns nil (with a diagnostic) for a file that is not UTF-8 at all.
    static func decode(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(
                InvalidEncoding.diagnostic(at: start, "file is UTF-16 encoded; save it as UTF-8"))
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
                InvalidEncoding.diagnostic(
                    at: location,
                    "file is not valid UTF-8 (invalid byte sequence here); invalid bytes were read as U+FFFD"))
        }
        if content.contains(0) {
            let offset = content.firstIndex(of: 0)! - content.startIndex
            diagnostics.append(
                InvalidEncoding.diagnostic(
                    at: position(ofByte: offset, in: content, file: file),
                    "file contains a NUL byte; is it a binary file?"))
        }
        return SourceText(text: text)
    }

    /// The lines of the text one at a time, each with where it ends and where the next one starts.
    var lines: LineScanner { LineScanner(text: text) }

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

/// Splits on LF, CRLF and lone CR, as YAML and CommonMark both do, without cutting the whole file
/// up front: a record is read only as far as its closing `---`.
extension SourceText {
    /// Whether `text` holds `needle`, compared as UTF-8 bytes.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let base = haystack.baseAddress, let wanted = pattern.baseAddress, pattern.count > 0 else {
                    return false
                }
                // `memchr` to each candidate first byte, then `memcmp` (memmem is a GNU extension).
                var start = 0
                let last = haystack.count - pattern.count
                while start <= last {
                    guard let hit = memchr(base + start, Int32(pattern[0]), last - start + 1) else { return false }
                    let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + offset, wanted, pattern.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}

struct LineScanner: IteratorProtocol {
    struct Line {
        /// Without its line break.
        var content: Substring
        /// Where the next line starts: after the break, or the end of the text.
        var next: String.Index
    }

    let text: String
    private var position: String.Index

    init(text: String) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() -> Line? {
        let utf8 = text.utf8
        guard position != utf8.endIndex else { return nil }
        var index = position
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                var next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                defer { position = next }
                return Line(content: text[position..<index], next: next)
            }
            index = utf8.index(after: index)
        }
        defer { position = utf8.endIndex }
        return Line(content: text[position...], next: utf8.endIndex)
    }
}

extension String {
    /// Without one final LF, CRLF or CR, as the YAML of a file is read.
    var droppingFinalLineBreak: Substring {
        if hasSuffix("\r\n") || hasSuffix("\n") || hasSuffix("\r") {
            // "\r\n" is one Character, so dropping one removes the whole break.
            return dropLast()
        }
        return self[...]
    }
}
