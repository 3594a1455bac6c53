/// The byte format of the parse cache (`ParseCache`): numbers as unsigned LEB128 (signed ones
/// zig-zagged first), fixed 64-bit words little-endian, text as its UTF-8 length then its bytes.
///
/// It is private to one program: the cache is keyed by the program that wrote it
/// (`BuildReuse.engine`), so a field added to a record needs no version number, only the two
/// lines that write and read it (`ArchiveWriter+Records.swift`, `ArchiveReader+Records.swift`).
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
