/// The parse cache: every content file's parsed record and parse problems, kept beside the report
/// (`.leads-parsed`) by the build that wrote it, so that the next build reads and parses only the
/// files that changed (beancount's loader cache, per file).
///
/// A file's entry is used when the file's stamp (size, modification and change time, inode) is
/// the one the entry was made from and is older than a second before that build started; a file
/// changed within that second is read again and used when its bytes have the fingerprint the
/// entry was made from: one read, not one parse. Everything a parse depends on besides the file
/// (the program, `config.yml`, how paths are shown) is the cache's `key`: with another key the
/// cache is not used at all.
///
/// The file: `leads-parsed 1\n`, the key (8 bytes), the start of the build (seconds since 1970,
/// 8 bytes), then one entry per file in the listing's order, each as its length (8 bytes), the
/// fingerprint of its bytes (8 bytes) and the bytes (`ArchiveWriter+Records.swift`): the path, shown path,
/// stamp, fingerprint and head of the file, its parse problems, and its record when it made one.
/// A length of 0 ends the file. An entry whose bytes do not have their fingerprint, and everything
/// after it, is not used. The cache's identity (`identity`), which the manifest keeps, ties it to
/// the report it was written with.
struct ParseCache {
    /// The file's name inside the report folder.
    static let fileName = ".leads-parsed"
    /// The file's first bytes; another layout would get another number.
    static let magic = Array("leads-parsed 1\n".utf8)

    /// What one content file parsed to, in the order files are listed.
    struct ParsedFile: Sendable {
        var relativePath: String
        var displayPath: String
        /// nil when the file could not be examined: its entry is then never used.
        var stamp: FileStamp?
        /// The fingerprint of the file's bytes.
        var fingerprint: Fingerprint
        /// The fingerprint of its bytes without its notes (`ParseCache.head`).
        var head: Fingerprint
        var diagnostics: [Diagnostic]
        /// Where its record is in the record set; nil when it made none.
        var record: (kind: RecordKind, position: Int)?
    }

    /// What a cache's entries are good for: the program, `config.yml`'s bytes and the shown root.
    static func key(engine: String, displayRoot: String, config: Fingerprint?) -> Fingerprint {
        var key = Fingerprint()
        key.combine(String(decoding: magic, as: UTF8.self))
        key.combine(engine)
        key.combine(displayRoot)
        key.combine(config?.value ?? 0)
        key.combine(config != nil)
        return key
    }

    /// The fingerprint of a file's bytes without its body, the notes after the front-matter: two
    /// versions of a file with the same head made the same record but for its notes. The whole
    /// file's fingerprint when the body is not the file's last bytes as written (a file made
    /// readable first: decoded from UTF-16, or with a merge conflict resolved).
    static func head(of bytes: [UInt8], body: String?) -> Fingerprint {
        guard var body, !body.isEmpty else { return Fingerprint.of(bytes) }
        return body.withUTF8 { notes in
            guard notes.count <= bytes.count, bytes.suffix(notes.count).elementsEqual(notes) else {
                return Fingerprint.of(bytes)
            }
            var head = Fingerprint()
            bytes.withUnsafeBytes { head.combine(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - notes.count)])) }
            return head
        }
    }

    let key: Fingerprint
    /// When the build that writes it started, in seconds since 1970.
    let startedAt: Int64
    let files: [ParsedFile]
    let records: RecordSet

    /// The start of a cache's identity: its key and the start of its build; each entry's
    /// fingerprint is added to it in turn (`write`, `ParseCacheReader.identity`).
    static func identity(key: Fingerprint, startedAt: Int64) -> Fingerprint {
        var identity = Fingerprint()
        identity.combine(key.value)
        identity.combine(UInt64(bitPattern: startedAt))
        return identity
    }

    /// Writes the cache to an open file, an entry at a time. Returns its identity, which the
    /// manifest keeps, so that a rebuild knows the cache was written with the report it replaces;
    /// nil (with `errno` set) when the system refuses.
    func write(to fd: Int32) -> Fingerprint? {
        var head = ArchiveWriter()
        head.bytes(Self.magic)
        head.word(key.value)
        head.word(UInt64(bitPattern: startedAt))
        var identity = Self.identity(key: key, startedAt: startedAt)
        var pending = head.bytes
        for file in files {
            guard let stamp = file.stamp else { continue }
            var entry = ArchiveWriter()
            entry.text(file.relativePath)
            entry.text(file.displayPath)
            entry.integer(Int(stamp.size))
            entry.integer(Int(stamp.modified))
            entry.integer(Int(stamp.changed))
            entry.number(stamp.inode)
            entry.word(file.fingerprint.value)
            entry.word(file.head.value)
            entry.list(file.diagnostics) { $0.diagnostic($1, in: file.displayPath) }
            entry.optional(file.record) { writer, place in
                writer.record(records.parsed(place.kind, at: place.position), in: file.displayPath)
            }
            var frame = ArchiveWriter()
            let fingerprint = Fingerprint.of(entry.bytes)
            identity.combine(fingerprint.value)
            frame.word(UInt64(entry.bytes.count))
            frame.word(fingerprint.value)
            pending += frame.bytes
            pending += entry.bytes
            if pending.count >= 1 << 20 {
                guard FileBytes.write(pending, to: fd) else { return nil }
                pending.removeAll(keepingCapacity: true)
            }
        }
        pending += [UInt8](repeating: 0, count: 8)
        return FileBytes.write(pending, to: fd) ? identity : nil
    }
}

extension RecordSet {
    /// The record of `kind` at `position`, as the parser made it.
    func parsed(_ kind: RecordKind, at position: Int) -> ParsedRecord {
        switch kind {
        case .lead: .lead(leads[position])
        case .interaction: .interaction(interactions[position])
        case .contact: .contact(contacts[position])
        case .company: .company(companies[position])
        case .application: .application(applications[position])
        case .job: .job(jobs[position])
        }
    }
}
