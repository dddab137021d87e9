/// Writes any `Encodable` value in the archive form `ArchiveDecoder` reads back: the form the build
/// plugin (Plugins/EmbedRules) compiles the bundled rules into.
///
/// The form is text so it fits a Swift string literal: every value starts with a tag, strings and
/// containers carry their length, and keyed containers keep their keys, so a field added to a model
/// type travels through its synthesized `Codable` conformance without anyone touching this code.
/// `sortedKeys` gives a canonical form (dictionary order does not matter) for comparing two values.
public struct ArchiveEncoder {
    /// Sort the entries of keyed containers (for comparing values; `ArchiveDecoder` reads either order).
    public var sortedKeys = false

    /// Creates an encoder.
    public init(sortedKeys: Bool = false) { self.sortedKeys = sortedKeys }

    /// The archive text of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        let root = ArchiveSlot()
        try value.encode(to: ArchiveEncoding(slot: root))
        var out: [UInt8] = []
        root.write(to: &out, sorted: sortedKeys)
        return String(decoding: out, as: UTF8.self)
    }
}

/// One encoded value while the tree is being built.
final class ArchiveSlot {
    enum Kind { case null, bool(Bool), int(Int64), uint(UInt64), double(Double), string(String), array, keyed }
    var kind: Kind = .null
    var keys: [String] = []
    var children: [ArchiveSlot] = []

    func child(key: String?) -> ArchiveSlot {
        let slot = ArchiveSlot()
        if let key { keys.append(key) }
        children.append(slot)
        return slot
    }

    func write(to out: inout [UInt8], sorted: Bool) {
        switch kind {
        case .null: out.append(ArchiveTag.null)
        case .bool(let value): out.append(value ? ArchiveTag.yes : ArchiveTag.no)
        case .int(let value): Self.number(ArchiveTag.int, String(value), to: &out)
        case .uint(let value): Self.number(ArchiveTag.uint, String(value), to: &out)
        case .double(let value): Self.number(ArchiveTag.double, String(value.bitPattern), to: &out)
        case .string(let value): Self.string(value, tag: ArchiveTag.string, to: &out)
        case .array, .keyed:
            var body: [UInt8] = []
            var order = Array(children.indices)
            if case .keyed = kind, sorted { order.sort { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) } }
            for index in order {
                if case .keyed = kind { Self.string(keys[index], tag: nil, to: &body) }
                children[index].write(to: &body, sorted: sorted)
            }
            if case .keyed = kind { out.append(ArchiveTag.keyed) } else { out.append(ArchiveTag.array) }
            out += String(children.count).utf8
            out.append(ArchiveTag.comma)
            out += String(body.count).utf8
            out.append(ArchiveTag.colon)
            out += body
        }
    }

    private static func number(_ tag: UInt8, _ text: String, to out: inout [UInt8]) {
        out.append(tag)
        out += text.utf8
        out.append(ArchiveTag.semicolon)
    }

    private static func string(_ text: String, tag: UInt8?, to out: inout [UInt8]) {
        if let tag { out.append(tag) }
        out += String(text.utf8.count).utf8
        out.append(ArchiveTag.colon)
        out += text.utf8
    }
}

/// The bytes that start each kind of value.
enum ArchiveTag {
    static let null = UInt8(ascii: "~"), yes = UInt8(ascii: "t"), no = UInt8(ascii: "f")
    static let int = UInt8(ascii: "i"), uint = UInt8(ascii: "u"), double = UInt8(ascii: "d")
    static let string = UInt8(ascii: "s"), array = UInt8(ascii: "a"), keyed = UInt8(ascii: "k")
    static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), semicolon = UInt8(ascii: ";")
}

private struct ArchiveEncoding: Encoder {
    let slot: ArchiveSlot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = slot.kind {} else { slot.kind = .keyed }
        return KeyedEncodingContainer(ArchiveKeyedEncoding<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.kind {} else { slot.kind = .array }
        return ArchiveUnkeyedEncoding(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { ArchiveSingleEncoding(slot: slot) }
}

private func store<T: Encodable>(_ value: T, in slot: ArchiveSlot) throws {
    switch value {
    case let value as String: slot.kind = .string(value)
    case let value as Bool: slot.kind = .bool(value)
    case let value as Int: slot.kind = .int(Int64(value))
    case let value as Double: slot.kind = .double(value)
    case let value as any ArchiveExactCodable: try value.encodeForArchive(to: ArchiveEncoding(slot: slot))
    default: try value.encode(to: ArchiveEncoding(slot: slot))
    }
}

private struct ArchiveSingleEncoding: SingleValueEncodingContainer {
    let slot: ArchiveSlot
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil() throws { slot.kind = .null }
    mutating func encode(_ value: Bool) throws { slot.kind = .bool(value) }
    mutating func encode(_ value: String) throws { slot.kind = .string(value) }
    mutating func encode(_ value: Double) throws { slot.kind = .double(value) }
    mutating func encode(_ value: Float) throws { slot.kind = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { slot.kind = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot.kind = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot.kind = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot.kind = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot.kind = .int(value) }
    mutating func encode(_ value: UInt) throws { slot.kind = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot.kind = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot.kind = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot.kind = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot.kind = .uint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: slot) }
}

private struct ArchiveUnkeyedEncoding: UnkeyedEncodingContainer {
    let slot: ArchiveSlot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.children.count }
    mutating func encodeNil() throws { _ = slot.child(key: nil) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: slot.child(key: nil)) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ArchiveEncoding(slot: slot.child(key: nil)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ArchiveEncoding(slot: slot.child(key: nil)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { ArchiveEncoding(slot: slot.child(key: nil)) }
}

private struct ArchiveKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: ArchiveSlot
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil(forKey key: Key) throws { _ = slot.child(key: key.stringValue) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try store(value, in: slot.child(key: key.stringValue)) }
    // Absent optionals are written as null rather than left out, so the decoder finds every key in order.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ArchiveEncoding(slot: slot.child(key: key.stringValue)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ArchiveEncoding(slot: slot.child(key: key.stringValue)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { ArchiveEncoding(slot: slot.child(key: "super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ArchiveEncoding(slot: slot.child(key: key.stringValue)) }
}

/// A type whose public `Codable` form is made for people and loses information (an answer value is
/// written as the plain JSON value, so a choice reads back as text); the archive uses this exact form.
/// `ArchiveReader.decode` recognises conformers by metatype (a conformance check per value was too slow):
/// a new conformer must be added there too, or it decodes through its public form.
protocol ArchiveExactCodable {
    /// Writes the value so that `init(fromArchive:)` restores it exactly.
    func encodeForArchive(to encoder: any Encoder) throws
    /// Reads what `encodeForArchive(to:)` wrote.
    init(fromArchive decoder: any Decoder) throws
}
