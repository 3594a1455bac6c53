#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
/// fingerprint of its bytes (8 bytes) and the bytes (`RecordArchive`): the path, shown path,
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

/// Reads a parse cache's entries in order, a buffer at a time, so a cache as big as the content
/// folder is never held whole.
struct ParseCacheReader {
    /// One file's entry: what decides whether it is used, and the rest still in its bytes, to be
    /// decoded (`decoded`) on any core.
    struct Entry: Sendable {
        var stamp: FileStamp
        var fingerprint: Fingerprint
        var head: Fingerprint
        var displayPath: String
        /// The file's problems and record, as `ParseCache.write` wrote them.
        var payload: [UInt8]

        /// The file's problems and record; nil when the bytes do not decode.
        func decoded() -> (diagnostics: [Diagnostic], record: ParsedRecord?)? {
            payload.withUnsafeBytes { bytes in
                var reader = ArchiveReader(bytes)
                guard let diagnostics = try? reader.list({ try $0.diagnostic(in: displayPath) }),
                    let record = try? reader.optional({ try $0.record(in: displayPath) }), reader.isAtEnd
                else { return nil }
                return (diagnostics, record)
            }
        }
    }

    private var fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// The bytes of the file not read into `buffer` yet: no length in a damaged frame can make the
    /// reader ask for more than the file has.
    private var left = 0
    /// The path of the entry at `start`, read but not consumed; nil at the end.
    private var pending: (path: String, displayPath: String, length: Int)?
    /// When the build that wrote the cache started, in seconds since 1970.
    private(set) var startedAt: Int64
    /// The identity of the entries read so far (`ParseCache.identity`).
    private var entries = Fingerprint()
    /// Whether the end the writer marks was read.
    private var complete = false

    /// The cache's identity, once every entry was read to the end the writer marked; nil before,
    /// or when an entry was damaged.
    var identity: Fingerprint? { complete ? entries : nil }

    /// The cache in `output` when it was written with `key`; nil without one.
    init?(output: String, key: Fingerprint) {
        // Not blocking on a pipe put in its place, and only a regular file is read.
        let fd = open(output + "/" + ParseCache.fileName, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        self.fd = fd
        left = Int(info.st_size)
        startedAt = 0
        let headLength = ParseCache.magic.count + 16
        guard fill(headLength), Array(buffer[0..<ParseCache.magic.count]) == ParseCache.magic else {
            finish()
            return nil
        }
        let fields = buffer.withUnsafeBytes { bytes -> (UInt64, UInt64)? in
            var reader = ArchiveReader(UnsafeRawBufferPointer(rebasing: bytes[ParseCache.magic.count..<headLength]))
            return try? (reader.word(), reader.word())
        }
        guard let fields, fields.0 == key.value else {
            finish()
            return nil
        }
        startedAt = Int64(bitPattern: fields.1)
        entries = ParseCache.identity(key: key, startedAt: startedAt)
        start = headLength
        advance()
    }

    /// Closes the file; the reader answers nil from then on. `damaged`: the rest of the cache
    /// could not be read.
    mutating func finish(damaged: Bool = false) {
        if fd >= 0 { close(fd) }
        fd = -1
        pending = nil
        if damaged { passed = true }
    }

    /// Whether an entry was passed over, is left after the last file asked for, or could not be
    /// read: a file the cache was made with may not be listed now (deleted, or out of the
    /// listing's order).
    var passedOver: Bool { passed || pending != nil }
    private var passed = false

    /// The entry of the file at `path`, when the cache has one; entries of paths before it (in the
    /// listing's order, `FolderWalker.bytesPrecede`) are passed over, and a later one is kept for
    /// the next call.
    mutating func entry(for path: String) -> Entry? {
        while let current = pending, current.path != path {
            guard FolderWalker.bytesPrecede(current.path, path) else { return nil }
            passed = true
            start += current.length
            advance()
        }
        guard let current = pending else { return nil }
        let entry = buffer.withUnsafeBytes { bytes -> Entry? in
            let end = start + current.length
            var reader = ArchiveReader(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            guard (try? reader.text()) != nil, (try? reader.text()) != nil,
                let stamp = try? FileStamp(
                    size: Int64(reader.integer()), modified: Int64(reader.integer()),
                    changed: Int64(reader.integer()), inode: reader.number()),
                let fingerprint = try? reader.word(), let head = try? reader.word()
            else { return nil }
            return Entry(
                stamp: stamp, fingerprint: Fingerprint(value: fingerprint), head: Fingerprint(value: head),
                displayPath: current.displayPath, payload: Array(bytes[(start + reader.offset)..<end]))
        }
        start += current.length
        advance()
        if entry == nil { finish(damaged: true) }
        return entry
    }

    /// Reads the next entry's frame and path into `pending`, checking its bytes; at the end, or at
    /// damage, closes the reader.
    private mutating func advance() {
        pending = nil
        guard fd >= 0 else { return }
        guard fill(8) else { return finish(damaged: true) }
        let length = buffer.withUnsafeBytes { bytes in
            var reader = ArchiveReader(UnsafeRawBufferPointer(rebasing: bytes[start..<start + 8]))
            return (try? reader.word()) ?? 0
        }
        // A length of 0 is the end the writer marks: a cache cut short ends without it.
        guard length > 0 else {
            complete = true
            return finish()
        }
        guard length <= UInt64(buffer.count - start + left), fill(16) else { return finish(damaged: true) }
        let fingerprint = buffer.withUnsafeBytes { bytes in
            var reader = ArchiveReader(UnsafeRawBufferPointer(rebasing: bytes[start + 8..<start + 16]))
            return (try? reader.word()) ?? 0
        }
        start += 16
        guard fill(Int(length)) else { return finish(damaged: true) }
        let names = buffer.withUnsafeBytes { bytes -> (String, String)? in
            let entry = UnsafeRawBufferPointer(rebasing: bytes[start..<start + Int(length)])
            var check = Fingerprint()
            check.combine(entry)
            guard check.value == fingerprint else { return nil }
            var reader = ArchiveReader(entry)
            return try? (reader.text(), reader.text())
        }
        guard let names else { return finish(damaged: true) }
        entries.combine(fingerprint)
        pending = (names.0, names.1, Int(length))
    }

    /// Makes at least `count` bytes from `start` on available in `buffer`; false at the end of the file.
    private mutating func fill(_ count: Int) -> Bool {
        if buffer.count - start >= count { return true }
        buffer.removeSubrange(0..<start)
        start = 0
        let wanted = max(count, 1 << 20)
        while buffer.count < count {
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: wanted - old))
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, wanted - old) }
            if got < 0, errno == EINTR {
                buffer.removeSubrange(old...)
                continue
            }
            buffer.removeSubrange((old + max(got, 0))...)
            if got <= 0 { return false }
            left -= got
        }
        return true
    }
}
