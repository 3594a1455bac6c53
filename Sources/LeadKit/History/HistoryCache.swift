import Foundation

/// The committed part of a history, kept between builds in the content folder's `.leads/` (which
/// git ignores), so that a build reads only the commits made since: `git log cached..HEAD`. Keyed
/// by the commit it was read up to; a history rewritten under it (a rebase) is read again whole.
/// A line-based text file, read and written in a few hundred milliseconds at 100k versions.
struct HistoryState: Sendable {
    var head: String
    /// The fingerprint of `config.yml` the versions were read with (milestone names depend on it).
    var configuration: String = ""
    var commits: [RecordHistory.Commit] = []
    var store: [[RecordHistory.Version]] = []
    var keyOf: [String: Int] = [:]
}

enum HistoryCache {
    static let file = ".leads/history"
    static let format = "leads-history 2"

    /// The fingerprint of the folder's `config.yml` bytes ("" without one).
    static func configuration(root: String) -> String {
        guard let data = FileManager.default.contents(atPath: ContentLoader(root: root).pathOnDisk("config.yml"))
        else { return "" }
        var fingerprint = Fingerprint()
        fingerprint.combine(Array(data))
        return fingerprint.hex
    }

    static func path(_ root: String) -> String { ContentLoader(root: root).pathOnDisk(file) }

    /// The cached state of the content folder at `root`, nil when there is none or it cannot be read.
    static func load(root: String) -> HistoryState? {
        guard case .success(let bytes) = FileBytes.contents(of: path(root), limit: 1 << 31) else { return nil }
        return parse(bytes)
    }

    /// Reads the cache's lines byte by byte: at 100k versions, splitting the text into `Character`s
    /// first took most of a second.
    static func parse(_ bytes: [UInt8]) -> HistoryState? {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start..<index])
            start = index + 1
        }
        lines.append(bytes[start...])
        func text(_ line: ArraySlice<UInt8>) -> String { String(decoding: line, as: UTF8.self) }
        guard lines.count > 3, text(lines[0]) == format, lines[1].starts(with: "head ".utf8),
            lines[2].starts(with: "config ".utf8)
        else { return nil }
        var state = HistoryState(head: text(lines[1].dropFirst(5)), configuration: text(lines[2].dropFirst(7)))
        for line in lines.dropFirst(3) where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(unescape)
            switch fields[0] {
            case "c" where fields.count == 5:
                guard let day = Day(parsing: fields[3]) else { return nil }
                state.commits.append(
                    RecordHistory.Commit(
                        hash: fields[1], short: String(fields[1].prefix(7)), author: fields[2], day: day,
                        subject: fields[4]))
            case "r":
                state.store.append([])
            case "v" where fields.count == 11 && !state.store.isEmpty:
                let change: RecordHistory.Change
                switch fields[3].first {
                case "A": change = .added
                case "D": change = .deleted
                case "R": change = .renamed(from: String(fields[3].dropFirst()))
                default: change = .modified
                }
                var values: RecordHistory.Values?
                if fields[4] == "1" {
                    values = RecordHistory.Values(
                        status: optional(fields[5]), pipeline: optional(fields[6]), owner: optional(fields[7]),
                        nextFollowUp: optional(fields[8]),
                        milestones: fields[9].isEmpty ? [] : fields[9].components(separatedBy: "\u{1F}"),
                        lead: optional(fields[10]))
                }
                state.store[state.store.count - 1].append(
                    RecordHistory.Version(commit: Int(fields[1]), path: fields[2], change: change, values: values))
            case "k" where fields.count == 3:
                state.keyOf[fields[1]] = Int(fields[2])
            default:
                return nil
            }
        }
        return state
    }

    /// Writes the state atomically; a folder that cannot be written only costs the next build time.
    static func save(_ state: HistoryState, root: String) {
        var text = format + "\nhead " + state.head + "\nconfig " + state.configuration + "\n"
        for commit in state.commits {
            text +=
                ["c", commit.hash, commit.author, commit.day.description, commit.subject].map(escape)
                .joined(separator: "\t") + "\n"
        }
        for versions in state.store {
            text += "r\n"
            for version in versions {
                let change: String
                switch version.change {
                case .added: change = "A"
                case .deleted: change = "D"
                case .modified: change = "M"
                case .renamed(let old): change = "R" + old
                }
                let values = version.values
                text +=
                    [
                        "v", version.commit.map(String.init) ?? "", version.path, change, values == nil ? "0" : "1",
                        values?.status ?? "", values?.pipeline ?? "", values?.owner ?? "", values?.nextFollowUp ?? "",
                        (values?.milestones ?? []).joined(separator: "\u{1F}"), values?.lead ?? "",
                    ].map(escape).joined(separator: "\t") + "\n"
            }
        }
        for (path, record) in state.keyOf.sorted(by: { $0.key < $1.key }) {
            text += ["k", path, String(record)].map(escape).joined(separator: "\t") + "\n"
        }
        let writer = ContentWriter(root: root)
        try? UndoJournal.makeFolder(root: root)
        try? writer.write(FileChange(kind: .update, path: file, before: nil, after: Array(text.utf8), summary: ""))
    }

    private static func optional(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// Tabs, line breaks and backslashes written as `\t`, `\n`, `\\`.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\\" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "\\")) else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
