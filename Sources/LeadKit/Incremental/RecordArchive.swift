/// The byte format of the parse cache (`ParseCache`): numbers as unsigned LEB128 (signed ones
/// zig-zagged first), fixed 64-bit words little-endian, text as its UTF-8 length then its bytes.
///
/// It is private to one program: the cache is keyed by the program that wrote it
/// (`BuildReuse.engine`), so a field added to a record needs no version number, only the two
/// lines that write and read it (`RecordArchive+Records.swift`).
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func flag(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Unsigned LEB128: seven bits a byte, the high bit set on every byte but the last.
    mutating func number(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed number, zig-zagged so small negative numbers stay short.
    mutating func integer(_ value: Int) {
        let wide = Int64(value)
        number(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func word(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            number(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func bytes(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout ArchiveWriter, Value) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    mutating func list<Value>(_ values: [Value], _ write: (inout ArchiveWriter, Value) -> Void) {
        number(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Why an archive could not be read: it is then ignored as a whole, never half used.
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
