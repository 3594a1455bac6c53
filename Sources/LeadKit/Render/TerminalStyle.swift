import Foundation

/// How terminal views mark text: ANSI bold, colours and dim on a terminal without `NO_COLOR`,
/// plain text otherwise (the command line decides, the views only ask).
public struct TerminalStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `value` as JSON bytes with a final newline: keys sorted, slashes as written (the form of
    /// `report.json` and of every `--format json`).
    static func json(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8)) + [UInt8(ascii: "\n")]
    }
}
