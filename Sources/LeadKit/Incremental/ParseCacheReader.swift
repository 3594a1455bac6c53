#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
