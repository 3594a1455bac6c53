/// A 64-bit hash that is the same in every run and on every machine, unlike Swift's seeded `Hasher`:
/// it names file contents and rendered pages in the build cache.
public struct Fingerprint: Sendable, Hashable {
    public private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    public init() {}

    public init(value: UInt64) {
        self.value = value
    }

    /// Each step is a bijection of the state for a given word, so two inputs that differ in one word
    /// always differ afterwards; later words spread that difference over every bit.
    public mutating func combine(_ word: UInt64) {
        value = (value ^ word) &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
        value = value &* 0x94D0_49BB_1331_11EB
        value ^= value >> 29
    }

    public mutating func combine(_ number: Int) {
        combine(UInt64(bitPattern: Int64(number)))
    }

    public mutating func combine(_ flag: Bool) {
        combine(flag ? 1 as UInt64 : 2)
    }

    /// Bytes, with their count first, so ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        combine(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            combine(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        combine(tail)
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// The fingerprint of some bytes alone.
    public static func of(_ bytes: [UInt8]) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.combine(bytes)
        return fingerprint
    }

    /// Sixteen hexadecimal digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
