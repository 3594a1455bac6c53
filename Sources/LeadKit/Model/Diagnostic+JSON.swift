import Foundation

extension Diagnostic {
    /// The JSON shape of a diagnostic: `{severity, code, file, line, column, message}`.
    struct Record: Codable {
        var severity: String
        var code: String
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    var record: Record {
        Record(
            severity: severity.rawValue, code: code.rawValue, file: location.file, line: location.line,
            column: location.column, message: message)
    }

    /// The diagnostics as a pretty-printed JSON array with sorted keys.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(diagnostics.map(\.record))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
