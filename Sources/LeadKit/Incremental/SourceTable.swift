import Foundation

/// The content files a report was built from: by path inside the folder, the fingerprint of each
/// file's bytes and the ids its record names (link fields, and `[[links]]` in its notes).
///
/// It is kept beside the report (`.leads-sources`), so that the next build can tell which files
/// changed since and which records are linked to them, before and after the change: what
/// `PagePlan` needs to leave the other record pages unplanned. It is a file of its own, read only
/// when something changed, because a rebuild with nothing to do must not pay for 100,000 lines.
struct SourceTable: Sendable, Equatable {
    /// The file's name inside the report folder.
    static let fileName = ".leads-sources"

    struct Entry: Sendable, Equatable {
        var fingerprint: Fingerprint
        /// Every id the file's record names, sorted; empty when it names none or did not parse.
        var mentions: [String]
    }

    /// By path inside the content folder, `config.yml` included.
    var entries: [String: Entry] = [:]

    init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// The files as read, with the ids named by the records parsed from them (`records` may hold
    /// more records than `files`, never fewer).
    init(files: [SourceFile], config: SourceFile?, records: RecordSet) {
        var mentions: [String: [String]] = [:]
        func add<Record>(_ records: [Record], _ schema: RecordSchema<Record>, _ header: (Record) -> RecordHeader) {
            for record in records {
                mentions[header(record).relativePath] = Self.mentions(of: record, schema, header(record))
            }
        }
        add(records.leads, Lead.schema, \.header)
        add(records.interactions, Interaction.schema, \.header)
        add(records.contacts, Contact.schema, \.header)
        add(records.companies, Company.schema, \.header)
        add(records.applications, Application.schema, \.header)
        add(records.jobs, Job.schema, \.header)
        for file in (config.map { [$0] } ?? []) + files {
            entries[file.relativePath] = Entry(
                fingerprint: Fingerprint.of(file.bytes), mentions: mentions[file.relativePath] ?? [])
        }
    }

    /// The ids a record names, as written and in NFC: every link field's target (a company named as
    /// plain text too, since a record with that id would show its name) and every `[[target]]` of
    /// its notes, cut at `|`. A superset of what pages resolve is harmless: it only plans more.
    static func mentions<Record>(of record: Record, _ schema: RecordSchema<Record>, _ header: RecordHeader)
        -> [String]
    {
        var ids: Set<String> = []
        func insert(_ target: String) {
            guard !target.isEmpty else { return }
            ids.insert(target)
            ids.insert(RecordID.normalized(target))
        }
        for field in schema.fields {
            switch field.value(record) {
            case .link(let link)?: insert(link.value.target)
            case .list(let items)? where SchemaField(field).linkedKinds != nil:
                for item in items { insert(item.value) }
            default: break
            }
        }
        for target in noteTargets(header.body) { insert(target) }
        return ids.sorted()
    }

    /// What `[[…]]` may name in a note: the text between each `[[` and the next `]]` on its line,
    /// and each piece of it between brackets and `|`, trimmed. A superset of `NoteLink.scan`'s
    /// targets, found by bytes, since most notes have no link at all.
    static func noteTargets(_ body: String) -> Set<String> {
        var targets: Set<String> = []
        var body = body
        body.withUTF8 { bytes in
            let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), bar = UInt8(ascii: "|"), newline = UInt8(10)
            var position = 0
            while position + 1 < bytes.count {
                guard bytes[position] == open, bytes[position + 1] == open else {
                    position += 1
                    continue
                }
                var end = position + 2
                while end + 1 < bytes.count, bytes[end] != newline, !(bytes[end] == close && bytes[end + 1] == close) {
                    end += 1
                }
                guard end + 1 < bytes.count, bytes[end] == close, bytes[end + 1] == close else {
                    position += 2
                    continue
                }
                let inner = UnsafeBufferPointer(rebasing: bytes[(position + 2)..<end])
                for piece in inner.split(whereSeparator: { $0 == open || $0 == close || $0 == bar }) {
                    let text = String(decoding: piece, as: UTF8.self).trimmingSpaces
                    if !text.isEmpty { targets.insert(text) }
                }
                position = end + 2
            }
        }
        return targets
    }

    /// One line per file in path order: `fingerprint<TAB>path<TAB>id<TAB>id…`, with `%`, tabs and
    /// line breaks in paths and ids percent-encoded.
    func encoded() -> [UInt8] {
        var text = ""
        for (path, entry) in entries.sorted(by: { FolderWalker.bytesPrecede($0.key, $1.key) }) {
            text += entry.fingerprint.hex
            for part in [path] + entry.mentions {
                text += "\t" + Self.escaped(part)
            }
            text += "\n"
        }
        return Array(text.utf8)
    }

    /// The table `encoded()` wrote; nil when the bytes are not one.
    init?(decoding bytes: [UInt8]) {
        for line in bytes.split(separator: 10) {
            let fields = line.split(separator: 9, omittingEmptySubsequences: false)
            guard fields.count >= 2, let value = UInt64(String(decoding: fields[0], as: UTF8.self), radix: 16) else {
                return nil
            }
            let parts = fields.dropFirst().map { Self.unescaped(String(decoding: $0, as: UTF8.self)) }
            entries[parts[0]] = Entry(fingerprint: Fingerprint(value: value), mentions: Array(parts.dropFirst()))
        }
    }

    /// The table the report in `output` was built from, when its bytes have the fingerprint the
    /// manifest recorded; nil otherwise.
    static func read(output: String, expected: Fingerprint?) -> SourceTable? {
        guard let expected, case .success(let bytes) = FileBytes.contents(of: output + "/" + fileName, limit: 1 << 30),
            Fingerprint.of(bytes) == expected
        else { return nil }
        return SourceTable(decoding: bytes)
    }

    private static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == 9 || $0 == 10 || $0 == 13 }) else {
            return text
        }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09")
            .replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: "\r", with: "%0D")
    }

    private static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }
}
