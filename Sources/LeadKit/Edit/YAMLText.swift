import Foundation

/// YAML written the way people write it by hand: plain where YAML reads the text back unchanged,
/// double-quoted only where it must be, links as `"[[id]]"`.
public enum YAMLText {
    /// A single value. `inFlow`: inside `{…}` or `[…]`, where commas and brackets end a plain value.
    public static func scalar(_ value: String, inFlow: Bool = false) -> String {
        isPlainSafe(value, inFlow: inFlow) && (inFlow || !readsAsNonText(value)) ? value : quoted(value)
    }

    /// Whether YAML 1.1 readers other than ours (PyYAML, js-yaml's default) would read the plain
    /// value as a boolean, null or number: `yes`, `off`, `~`, `-1`, `0x10`, `1_000`, `.5`, `1e3`.
    /// Such text is written quoted, so a summary `yes` stays a summary everywhere. Dates are left
    /// plain: in a date field they are meant as dates.
    static func readsAsNonText(_ value: String) -> Bool {
        let booleansAndNull: Set<String> = [
            "y", "yes", "n", "no", "true", "false", "on", "off", "~", "null",
        ]
        if booleansAndNull.contains(value.lowercased()) { return true }
        let number =
            #"^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF)|[0-9][0-9_]*(:[0-5]?[0-9])+)$|^\.(nan|NaN|NAN)$"#
        return value.range(of: number, options: .regularExpression) != nil
    }

    /// A link to a record: `"[[id]]"`.
    public static func link(_ id: String) -> String {
        quoted("[[\(id)]]")
    }

    /// `{status: WARM_LEAD, date: 2026-11-23}`
    public static func flowMapping(_ pairs: [(key: String, value: String)]) -> String {
        "{" + pairs.map { "\($0.key): \(scalar($0.value, inFlow: true))" }.joined(separator: ", ") + "}"
    }

    /// A block list of flow mappings, as the value of a key: `\n  - {status: DISCOVERY, date: …}`.
    public static func blockList(_ items: [[(key: String, value: String)]]) -> String {
        items.map { "\n  - " + flowMapping($0) }.joined()
    }

    /// A front-matter block and a body, as a new record file.
    /// A new file of `kind`: its fields in the order of the kind's schema table (custom fields after
    /// them, as given), then the body.
    public static func record(_ kind: RecordKind, _ fields: [(key: String, yaml: String)], body: String = "") -> String
    {
        let order = kind.schemaKeys
        let sorted = fields.enumerated().sorted { a, b in
            let (x, y) = (
                order.firstIndex(of: a.element.key) ?? order.count, order.firstIndex(of: b.element.key) ?? order.count
            )
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        var text = "---\n"
        for (key, yaml) in sorted { text += "\(key):" + (yaml.hasPrefix("\n") ? yaml : " " + yaml) + "\n" }
        text += "---\n"
        if !body.isEmpty { text += body.hasSuffix("\n") ? body : body + "\n" }
        return text
    }

    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether a plain scalar reads back as exactly `value` (and not as "no value").
    static func isPlainSafe(_ value: String, inFlow: Bool) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if YAMLNode.Scalar.nullWords.contains(value) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-1` and `2026-11-23` are fine; `- x`, `:x` and the indicators are not.
            guard first == "-", value.unicodeScalars.count > 1,
                value.unicodeScalars.dropFirst().first.map({ $0 != " " }) == true
            else { return false }
        }
        if value.contains(": ") || value.contains(" #") { return false }
        if inFlow, value.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return !value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
