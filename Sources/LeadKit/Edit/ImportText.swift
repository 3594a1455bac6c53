/// The text of a file to import (a CSV export), decoded from the encoding the user names. Bytes that
/// are not valid in it are refused with their position, never replaced: an import must not write
/// U+FFFD into names (issue 14: a spreadsheet saved by Excel as "CSV (Comma delimited)" is
/// Windows-1252, not UTF-8).
public enum ImportText {
    /// The text, or why the bytes were refused.
    public enum Decoded: Sendable {
        case text(String)
        case refused(Diagnostic)
    }

    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
        case latin1 = "iso-8859-1"
    }

    /// The decoded text (a UTF-8 byte-order mark dropped), or the `invalid-encoding` error at the
    /// first byte that is not UTF-8, with the hint to name the encoding. `file` is the path as shown.
    public static func decode(_ bytes: [UInt8], file: String, encoding: Encoding) -> Decoded {
        switch encoding {
        case .utf8:
            var found: [Diagnostic] = []
            let source = SourceText.decode(bytes, file: file, diagnostics: &found)
            if let problem = found.first(where: { $0.code == .invalidEncoding }) {
                return .refused(
                    Diagnostic(
                        problem.severity, problem.code, at: problem.location,
                        problem.message.replacingOccurrences(of: "; invalid bytes were read as U+FFFD", with: "")
                            + "; nothing was imported. A spreadsheet saved by Excel as \"CSV (Comma delimited)\" is"
                            + " Windows-1252: run again with --encoding windows-1252 (or save it as \"CSV UTF-8\")"))
            }
            return .text(source?.text ?? "")
        case .windows1252, .latin1:
            if let refused = refuseMisnamed(bytes, file: file, encoding: encoding) { return .refused(refused) }
            let decode = encoding == .latin1 ? { Unicode.Scalar($0) } : windows1252
            return .text(String(String.UnicodeScalarView(bytes.map(decode))))
        }
    }

    /// Why a single-byte encoding is the wrong name for these bytes, at the first byte that shows
    /// it: a UTF-8 file (a BOM, or valid UTF-8 with accents) would turn `é` into `Ã©`; a byte
    /// Windows-1252 leaves undefined; a byte ISO-8859-1 reads as an invisible control character
    /// where Windows-1252 has a typographic mark (`“`, `€`).
    static func refuseMisnamed(_ bytes: [UInt8], file: String, encoding: Encoding) -> Diagnostic? {
        let name = encoding.rawValue
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return InvalidEncoding.diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the file starts with a UTF-8 byte order mark, so it is UTF-8, not \(name); nothing was imported: "
                    + "run again without --encoding")
        }
        if let offset = bytes.firstIndex(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil {
            let location = SourceText.position(ofByte: offset, in: bytes[...], file: file)
            let character = String(decoding: bytes[offset...].prefix(4), as: UTF8.self).prefix(1)
            return InvalidEncoding.diagnostic(
                at: location,
                "the file is valid UTF-8 ('\(character)' here), not \(name), which would read it as '"
                    + String(String.UnicodeScalarView(bytes[offset...].prefix(2).map(windows1252)))
                    + "'; nothing was imported: run again without --encoding")
        }
        let undefined: Set<UInt8> = encoding == .latin1 ? Set(0x80...0x9F) : [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        guard let offset = bytes.firstIndex(where: { undefined.contains($0) }) else { return nil }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
        let location = SourceLocation(file: file, line: line, column: offset - lineStart + 1)
        let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
        if encoding == .latin1 {
            return InvalidEncoding.diagnostic(
                at: location,
                "byte \(byte) is an invisible control character in iso-8859-1, and '\(windows1252(bytes[offset]))' in "
                    + "windows-1252; nothing was imported: run again with --encoding windows-1252")
        }
        return InvalidEncoding.diagnostic(
            at: location, "byte \(byte) is no character in windows-1252; nothing was imported: is the file UTF-16?")
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, which hold typographic marks (the five bytes the code
    /// page leaves undefined map to the C1 controls of the same value, as the WHATWG Encoding
    /// Standard does).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D,
            0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
            0x153, 0x9D, 0x17E, 0x178,
        ]
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(high[Int(byte) - 0x80])!
    }
}
