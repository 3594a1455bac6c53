import Foundation

/// The content files a report was built from: for each file, by path inside the folder, the
/// fingerprint of its bytes and the ids its record names (link fields, and `[[links]]` in its
/// notes).
///
/// It is kept beside the report (`.leads-sources`), so that the next build can tell which files
/// changed since and which records were linked to them before the change: what `PagePlan` needs
/// to leave the other record pages unplanned. It is a file of its own, read only when something
/// changed, because a rebuild with nothing to do must not pay for 100,000 lines.
///
/// Its text has one line per file, sorted by path as bytes: `fingerprint<TAB>path<TAB>id<TAB>id…`,
/// with `%`, tabs and line breaks in paths and ids percent-encoded. A file whose line is the same
/// in two tables did not change between them.
struct SourceTable: Sendable {
    /// The file's name inside the report folder.
    static let fileName = ".leads-sources"

    struct Row: Sendable, Equatable {
        /// The path inside the content folder.
        var path: String
        /// The id of the record the file holds (its name without `.md`, in NFC).
        var id: String
        /// Every id the file's record names, sorted; empty when it names none or did not parse.
        var mentions: [String]
    }

    /// In the order of `encoded`'s lines.
    let rows: [Row]
    /// The table as stored.
    let encoded: [UInt8]
    /// The fingerprint of `config.yml`'s bytes; nil without one.
    let config: Fingerprint?

    /// The files read, by path inside the folder with the fingerprint of their bytes, and
    /// `config.yml`'s fingerprint, with the ids named by the records parsed from the files.
    init(files: [(path: String, fingerprint: Fingerprint)], config: Fingerprint?, records: RecordSet) {
        self.config = config
        var mentions: [String: [String]] = [:]
        func add<Record: ContentRecord>(_ records: [Record], _ schema: RecordSchema<Record>) {
            let links = schema.fields.filter { SchemaField($0).linkedKinds != nil }
            let found = ParallelMap.map(records, chunkSize: 256) { record in
                Self.mentions(of: record, links: links)
            }
            for (path, ids) in found where !ids.isEmpty { mentions[path] = ids }
        }
        add(records.leads, Lead.schema)
        add(records.interactions, Interaction.schema)
        add(records.contacts, Contact.schema)
        add(records.companies, Company.schema)
        add(records.applications, Application.schema)
        add(records.jobs, Job.schema)
        let all = (config.map { [(ContentLoader.configName, $0)] } ?? []) + files
        let named = mentions
        let lines = ParallelMap.map(all, chunkSize: 256) { path, fingerprint in
            let ids = named[path] ?? []
            let row = Row(path: path, id: SourceFile.stem(of: path), mentions: ids)
            let line = ([fingerprint.hex, Self.escaped(path)] + ids.map(Self.escaped))
                .joined(separator: "\t")
            return (row, Array(line.utf8))
        }
        // In the folder walk's byte order, which the files are already in but for `config.yml`.
        let order = lines.indices.sorted { FolderWalker.bytesPrecede(lines[$0].0.path, lines[$1].0.path) }
        rows = order.map { lines[$0].0 }
        var encoded: [UInt8] = []
        encoded.reserveCapacity(lines.reduce(0) { $0 + $1.1.count + 1 })
        for position in order {
            encoded += lines[position].1
            encoded.append(10)
        }
        self.encoded = encoded
    }

    /// The ids a record names, as written and in NFC: every link field's target (a company named as
    /// plain text too, since a record with that id would show its name) and every `[[target]]` of
    /// its notes. A superset of what pages resolve is harmless: it only plans more. Returns the
    /// record's path with them.
    static func mentions<Record: ContentRecord>(of record: Record, links: [Field<Record>]) -> (String, [String]) {
        var ids: Set<String> = []
        func insert(_ target: String) {
            guard !target.isEmpty else { return }
            ids.insert(target)
            ids.insert(RecordID.normalized(target))
        }
        for field in links {
            switch field.value(record) {
            case .link(let link)?: insert(link.value.target)
            case .list(let items)?: for item in items { insert(item.value) }
            default: break
            }
        }
        for target in noteTargets(record.header.body) { insert(target) }
        return (record.header.relativePath, ids.sorted())
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

    /// The stored table of the report in `output`, when its bytes have the fingerprint the
    /// manifest recorded; nil otherwise.
    static func read(output: String, expected: Fingerprint?) -> [UInt8]? {
        guard let expected, case .success(let bytes) = FileBytes.contents(of: output + "/" + fileName, limit: 1 << 30),
            Fingerprint.of(bytes) == expected
        else { return nil }
        return bytes
    }

    /// The path and ids of one line of a stored table; nil when it is not a line of one.
    static func row(decoding line: ArraySlice<UInt8>) -> Row? {
        let fields = line.split(separator: 9, omittingEmptySubsequences: false)
        guard fields.count >= 2, fields[0].count == 16 else { return nil }
        let parts = fields.dropFirst().map { unescaped(String(decoding: $0, as: UTF8.self)) }
        return Row(path: parts[0], id: SourceFile.stem(of: parts[0]), mentions: Array(parts.dropFirst()))
    }

    /// The path as written in a line (`fromPath` starts after the fingerprint and its tab).
    static func pathField(_ fromPath: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        fromPath.prefix { $0 != 9 }
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
