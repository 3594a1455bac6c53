/// Why archived bytes could not be read: what they hold is not used.
struct ArchiveDamaged: Error {}

/// Reads what `ArchiveWriter` wrote, checking every length against the bytes there are.
struct ArchiveReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw ArchiveDamaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func flag() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw ArchiveDamaged()
        }
    }

    mutating func number() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw ArchiveDamaged() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func integer() throws -> Int {
        let raw = try number()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count or length, at most the bytes left (each item takes at least one byte).
    mutating func count() throws -> Int {
        let value = try number()
        guard value <= UInt64(bytes.count - offset) else { throw ArchiveDamaged() }
        return Int(value)
    }

    mutating func word() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw ArchiveDamaged() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func text() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// The next `length` bytes, unread.
    mutating func skip(_ length: Int) throws {
        guard bytes.count - offset >= length else { throw ArchiveDamaged() }
        offset += length
    }

    mutating func optional<Value>(_ read: (inout ArchiveReader) throws -> Value)
        throws -> Value?
    {
        try flag() ? try read(&self) : nil
    }

    mutating func list<Value>(_ read: (inout ArchiveReader) throws -> Value)
        throws -> [Value]
    {
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
