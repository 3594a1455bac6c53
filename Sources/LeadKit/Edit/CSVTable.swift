/// A spreadsheet read from CSV (RFC 4180, as Excel, Google Sheets and LinkedIn write it): quoted
/// fields may hold commas, doubled quotes and line breaks; lines end with LF or CRLF.
///
/// Our own reader, after trying the two CSV libraries of the package mirror (2026-11) on what an
/// import must get right: SwiftCSV 0.10.0 and CSV.swift 2.5.2 both read a quote that is never
/// closed as one cell holding the rest of the file, without an error; neither gives the line a row
/// starts on (which `row 3 (line 4)` and every import message need); CSV.swift keeps the byte order
/// mark in the first header and detects no `;` or tab; SwiftCSV pads blank rows past the header's
/// width and rejects a stray quote without saying where.
public struct CSVTable: Sendable {
    public var header: [String]
    /// Each row with the 1-based line of the file it starts on.
    public var rows: [(line: Int, fields: [String])]

    /// The field separator used, `,` unless detected or given otherwise.
    public var delimiter: Unicode.Scalar = ","

    /// Reads `text`, taking as the header the first line whose first field is `headerStart` (when
    /// given: LinkedIn puts notes above its header), else the first line. Fields are separated by
    /// `delimiter`; when nil, by whichever of `,` `;` and tab the header line holds most of (Excel
    /// writes `;` in most European locales). Rows with nothing but separators are skipped.
    /// `name` (the file) starts the position of a quote never closed: `leads.csv:4:12: …`.
    public init(
        text: String, headerStart: String? = nil, delimiter: Unicode.Scalar? = ",", name: String? = nil
    ) throws(EditError) {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        self.delimiter = delimiter ?? Self.detectDelimiter(body)
        var records: [(line: Int, fields: [String])]
        do {
            records = try Self.records(body, delimiter: self.delimiter)
        } catch {
            let place =
                name.map { "\($0):\(error.line):\(error.column)" } ?? "line \(error.line), column \(error.column)"
            switch error.kind {
            case .unclosed:
                throw EditError(
                    "\(place): a quoted field starts here and is never closed, so the rest of the file would be one "
                        + "cell; close it with \" (a \" inside a quoted field is written \"\")")
            case .textAfterQuote:
                throw EditError(
                    "\(place): a quoted field ends before this text, which would be joined to it without its quotes; "
                        + "a \" inside a quoted field is written \"\"")
            }
        }
        if let headerStart {
            guard let position = records.firstIndex(where: { $0.fields.first?.trimmingSpaces == headerStart }) else {
                throw EditError("no header line starting with '\(headerStart)' found")
            }
            records.removeFirst(position)
        }
        guard let first = records.first else { throw EditError("the file is empty") }
        header = first.fields.map(\.trimmingSpaces)
        // A row of nothing but separators (`,,,` or, in a `;` file, `,,`) is a spreadsheet's blank row.
        rows = records.dropFirst().filter { row in
            !row.fields.allSatisfy { $0.unicodeScalars.allSatisfy { [",", ";", "\t", " "].contains($0) } }
        }
    }

    /// The separator the first line uses most, outside quotes: `,`, `;` or tab (`,` on a tie).
    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && !quoted { break }
            if scalar == "\"" { quoted.toggle() }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = [Unicode.Scalar(","), ";", "\t"].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > counts[","]! ? best : ","
    }

    /// The value of a column in a row, trimmed; "" when the row is short.
    public func value(_ column: String, in fields: [String]) -> String {
        guard let index = header.firstIndex(of: column), index < fields.count else { return "" }
        return fields[index].trimmingSpaces
    }

    /// A quote the reader cannot take as written, at a 1-based line and column (in Unicode scalars):
    /// a quoted field never closed (where it opens), or text right after a closing quote (`"Lead"
    /// Engineer`, where that text starts), which spreadsheets would join to the field without its quotes.
    struct QuoteProblem: Error {
        enum Kind {
            case unclosed, textAfterQuote
        }
        var kind: Kind
        var line: Int
        var column: Int
    }

    static func records(_ text: String, delimiter: Unicode.Scalar = ",") throws(QuoteProblem) -> [(
        line: Int, fields: [String]
    )] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var column = 0
        var recordLine = 1
        var opened = QuoteProblem(kind: .unclosed, line: 1, column: 1)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }
        while let scalar = next() {
            column += 1
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            column += 1
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            afterQuote = true
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" {
                        line += 1
                        column = 0
                    }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
                opened = QuoteProblem(kind: .unclosed, line: line, column: column)
            case delimiter:
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r":
                continue
            case "\n":
                fields.append(field)
                records.append((recordLine, fields))
                fields = []
                field = ""
                afterQuote = false
                line += 1
                column = 0
                recordLine = line
            default:
                if afterQuote, !scalar.properties.isWhitespace {
                    throw QuoteProblem(kind: .textAfterQuote, line: line, column: column)
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw opened }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        return records
    }
}
