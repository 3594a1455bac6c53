/// A view model ready to render, with the fingerprint of everything a template can see in it.
struct TemplateValue {
    var root: TemplateData
    var fingerprint: Fingerprint
}

/// Encodes a view model into `TemplateData` and fingerprints it in the same pass.
///
/// The view models' synthesized `Encodable` conformance does the walking, so no field list is
/// written by hand.
///
/// Two view models with the same fingerprint render to the same page with the same templates,
/// which is what lets a rebuild keep a page without rendering it. A `nil` optional is left out,
/// so `{{#field}}` is false for it, as for a missing field.
enum TemplateEncoder {
    static func encode<Model: Encodable>(_ model: Model) -> TemplateValue {
        let state = EncodingState(buildsTree: true)
        let encoder = ValueEncoder(state: state)
        // The view models are plain structs of strings, numbers, flags and arrays: nothing here throws.
        try? model.encode(to: encoder)
        return TemplateValue(root: encoder.value ?? .object(TemplateObject()), fingerprint: state.fingerprint)
    }

    /// The fingerprint `encode` would give, without building the objects: the cheap question a
    /// rebuild asks of every page.
    static func fingerprint<Model: Encodable>(_ model: Model) -> Fingerprint {
        let state = EncodingState(buildsTree: false)
        try? model.encode(to: ValueEncoder(state: state))
        return state.fingerprint
    }
}

/// The fingerprint every container of one encoding feeds, in encoding order.
private final class EncodingState {
    var fingerprint = Fingerprint()
    /// false: only the fingerprint is wanted, so no object or list is filled.
    let buildsTree: Bool

    init(buildsTree: Bool) {
        self.buildsTree = buildsTree
    }

    func mark(_ tag: UInt64, _ key: String?) {
        fingerprint.combine(tag)
        if let key { fingerprint.combine(key) }
    }
}

/// Tags that keep a string apart from a number or a list of the same bytes.
private enum Tag {
    static let string: UInt64 = 1
    static let integer: UInt64 = 2
    static let flag: UInt64 = 3
    static let number: UInt64 = 4
    static let object: UInt64 = 5
    static let list: UInt64 = 6
    static let end: UInt64 = 7
    static let null: UInt64 = 8
}

/// A list being filled; read once its value's `encode(to:)` has returned.
private final class ListBuffer {
    var items: [TemplateData] = []
}

private final class ValueEncoder: Encoder {
    let state: EncodingState
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var object: TemplateObject?
    private var list: ListBuffer?
    private var single: TemplateData?

    init(state: EncodingState) {
        self.state = state
    }

    /// What was encoded: an object, a list or a single value.
    var value: TemplateData? {
        if let object { return .object(object) }
        if let list { return .list(list.items) }
        return single
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object = self.object ?? TemplateObject()
        if self.object == nil {
            self.object = object
            state.mark(Tag.object, nil)
        }
        return KeyedEncodingContainer(ObjectContainer<Key>(state: state, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list = self.list ?? ListBuffer()
        if self.list == nil {
            self.list = list
            state.mark(Tag.list, nil)
        }
        return ListContainer(state: state, list: list)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    fileprivate func setSingle(_ value: TemplateData?) {
        single = value
    }

    /// Encodes a nested value on its own encoder and returns what it became.
    static func nested<T: Encodable>(_ value: T, state: EncodingState) -> TemplateData? {
        switch value {
        case let text as String:
            state.mark(Tag.string, text)
            return .text(text)
        case let number as Int:
            state.mark(Tag.integer, nil)
            state.fingerprint.combine(number)
            return .integer(number)
        case let flag as Bool:
            state.mark(Tag.flag, nil)
            state.fingerprint.combine(flag)
            return .flag(flag)
        case let number as Double:
            state.mark(Tag.number, nil)
            state.fingerprint.combine(number.bitPattern)
            return .number(number)
        default:
            let encoder = ValueEncoder(state: state)
            try? value.encode(to: encoder)
            // Closes the object or list, so [[a], b] and [[a, b]] differ.
            state.mark(Tag.end, nil)
            return encoder.value
        }
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: EncodingState
    let object: TemplateObject
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        state.mark(Tag.null, key.stringValue)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        state.mark(Tag.string, key.stringValue)
        state.fingerprint.combine(value)
        if state.buildsTree { object.fields[key.stringValue] = .text(value) }
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        state.mark(Tag.integer, key.stringValue)
        state.fingerprint.combine(value)
        if state.buildsTree { object.fields[key.stringValue] = .integer(value) }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        state.mark(Tag.flag, key.stringValue)
        state.fingerprint.combine(value)
        if state.buildsTree { object.fields[key.stringValue] = .flag(value) }
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        state.mark(Tag.number, key.stringValue)
        state.fingerprint.combine(value.bitPattern)
        if state.buildsTree { object.fields[key.stringValue] = .number(value) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        state.mark(Tag.object, key.stringValue)
        let nested = ValueEncoder.nested(value, state: state)
        if state.buildsTree { object.fields[key.stringValue] = nested }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = TemplateObject()
        state.mark(Tag.object, key.stringValue)
        object.fields[key.stringValue] = .object(nested)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(state: state, object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("view models encode lists as arrays")
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(state: state) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(state: state) }
}

private struct ListContainer: UnkeyedEncodingContainer {
    let state: EncodingState
    let list: ListBuffer
    var codingPath: [any CodingKey] { [] }
    var count: Int { list.items.count }

    mutating func encodeNil() throws {
        state.mark(Tag.null, nil)
    }

    mutating func encode(_ value: String) throws {
        state.mark(Tag.string, value)
        if state.buildsTree { list.items.append(.text(value)) }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let item = ValueEncoder.nested(value, state: state), state.buildsTree { list.items.append(item) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = TemplateObject()
        state.mark(Tag.object, nil)
        list.items.append(.object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(state: state, object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("view models do not nest lists directly")
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(state: state) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        encoder.state.mark(Tag.null, nil)
        encoder.setSingle(nil)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.setSingle(ValueEncoder.nested(value, state: encoder.state))
    }
}
