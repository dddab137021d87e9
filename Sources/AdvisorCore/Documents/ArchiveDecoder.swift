/// Reads a value back from the archive form `ArchiveEncoder` writes, through the type's `Decodable`
/// conformance. It reads the bytes in place (for the bundled rules, a static string literal) and
/// expects keyed values in the order they were written, which is the order synthesized conformances
/// read them; any other order still works, through an index built on first need.
public enum ArchiveDecoder {
    /// Decodes `type` from archive text.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var text = text
        return try text.withUTF8 { try decode(type, from: $0) }
    }

    /// Decodes `type` from archive bytes; the whole buffer must be one value.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>) throws -> T {
        let reader = ArchiveReader(bytes)
        let end = try reader.valueEnd(at: 0)
        guard end == bytes.count else { throw reader.corrupt("trailing bytes after the value", at: end) }
        return try reader.decode(type)
    }
}

/// The archive bytes and the position of the value being decoded.
final class ArchiveReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func corrupt(_ message: String, at position: Int) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "archive byte \(position): \(message)"))
    }

    func byte(at position: Int) throws -> UInt8 {
        guard position >= 0, position < bytes.count else { throw corrupt("unexpected end", at: position) }
        return bytes[position]
    }

    /// Reads decimal digits up to `terminator`; returns the number and the position after the terminator.
    func number(at start: Int, until terminator: UInt8) throws -> (value: UInt64, next: Int) {
        var position = start
        var value: UInt64 = 0
        while true {
            let byte = try byte(at: position)
            if byte == terminator { break }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw corrupt("expected a digit", at: position) }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw corrupt("number too large", at: position) }
            value = sum
            position += 1
        }
        guard position > start else { throw corrupt("expected a number", at: start) }
        return (value, position + 1)
    }

    func length(at start: Int, until terminator: UInt8) throws -> (value: Int, next: Int) {
        let (value, next) = try number(at: start, until: terminator)
        guard value <= UInt64(bytes.count) else { throw corrupt("length beyond the archive", at: start) }
        return (Int(value), next)
    }

    /// A container header `<tag><count>,<bytes>:`: the count, the first entry and the end.
    func header(at start: Int, tag: UInt8) throws -> (count: Int, body: Int, end: Int) {
        guard try byte(at: start) == tag else { throw corrupt(tag == ArchiveTag.keyed ? "expected a keyed value" : "expected a list", at: start) }
        let (count, afterCount) = try length(at: start + 1, until: ArchiveTag.comma)
        let (size, body) = try length(at: afterCount, until: ArchiveTag.colon)
        guard body + size <= bytes.count else { throw corrupt("container beyond the archive", at: start) }
        return (count, body, body + size)
    }

    /// Where the value starting at `start` ends, without decoding it.
    func valueEnd(at start: Int) throws -> Int {
        switch try byte(at: start) {
        case ArchiveTag.null, ArchiveTag.yes, ArchiveTag.no: return start + 1
        case ArchiveTag.int, ArchiveTag.uint, ArchiveTag.double:
            var position = start + 1
            while try byte(at: position) != ArchiveTag.semicolon { position += 1 }
            return position + 1
        case ArchiveTag.string:
            let (size, body) = try length(at: start + 1, until: ArchiveTag.colon)
            guard body + size <= bytes.count else { throw corrupt("string beyond the archive", at: start) }
            return body + size
        case let tag where tag == ArchiveTag.array || tag == ArchiveTag.keyed:
            return try header(at: start, tag: tag).end
        default:
            throw corrupt("unknown tag", at: start)
        }
    }

    /// A key `<bytes>:<text>` at `start`: its text range.
    func key(at start: Int) throws -> (body: Int, end: Int) {
        let (size, body) = try length(at: start, until: ArchiveTag.colon)
        guard body + size <= bytes.count else { throw corrupt("key beyond the archive", at: start) }
        return (body, body + size)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func keyEquals(_ range: Range<Int>, _ key: String) -> Bool {
        var key = key
        return key.withUTF8 { utf8 in
            utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    // MARK: Scalars at `position`

    func isNull() throws -> Bool { try byte(at: position) == ArchiveTag.null }

    func string() throws -> String {
        guard try byte(at: position) == ArchiveTag.string else { throw corrupt("expected a string", at: position) }
        let (size, body) = try length(at: position + 1, until: ArchiveTag.colon)
        guard body + size <= bytes.count else { throw corrupt("string beyond the archive", at: position) }
        position = body + size
        return text(body..<body + size)
    }

    func bool() throws -> Bool {
        switch try byte(at: position) {
        case ArchiveTag.yes: position += 1; return true
        case ArchiveTag.no: position += 1; return false
        default: throw corrupt("expected a boolean", at: position)
        }
    }

    func signed() throws -> Int64 {
        let tag = try byte(at: position)
        if tag == ArchiveTag.uint {
            let (value, next) = try number(at: position + 1, until: ArchiveTag.semicolon)
            guard let exact = Int64(exactly: value) else { throw corrupt("number out of range", at: position) }
            position = next
            return exact
        }
        guard tag == ArchiveTag.int else { throw corrupt("expected an integer", at: position) }
        let negative = try byte(at: position + 1) == UInt8(ascii: "-")
        let (magnitude, next) = try number(at: position + (negative ? 2 : 1), until: ArchiveTag.semicolon)
        guard magnitude <= UInt64(Int64.max) + (negative ? 1 : 0) else { throw corrupt("number out of range", at: position) }
        position = next
        return negative ? (magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)) : Int64(magnitude)
    }

    func unsigned() throws -> UInt64 {
        let tag = try byte(at: position)
        if tag == ArchiveTag.int {
            guard let exact = UInt64(exactly: try signed()) else { throw corrupt("number out of range", at: position) }
            return exact
        }
        guard tag == ArchiveTag.uint else { throw corrupt("expected an unsigned integer", at: position) }
        let (value, next) = try number(at: position + 1, until: ArchiveTag.semicolon)
        position = next
        return value
    }

    func double() throws -> Double {
        guard try byte(at: position) == ArchiveTag.double else { throw corrupt("expected a number", at: position) }
        let (bits, next) = try number(at: position + 1, until: ArchiveTag.semicolon)
        position = next
        return Double(bitPattern: bits)
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let start = position
        if T.isSigned {
            guard let value = T(exactly: try signed()) else { throw corrupt("number out of range", at: start) }
            return value
        }
        guard let value = T(exactly: try unsigned()) else { throw corrupt("number out of range", at: start) }
        return value
    }

    /// Decodes the value at `position`, with direct paths for the common scalars.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self, let value = try string() as? T { return value }
        if T.self == Int.self, let value = try integer(Int.self) as? T { return value }
        if T.self == Bool.self, let value = try bool() as? T { return value }
        if T.self == Double.self, let value = try double() as? T { return value }
        // A metatype comparison, not `T.self as? any ArchiveExactCodable.Type`: that conformance check ran for every
        // value decoded, missed the runtime's cache for each generic instantiation, and was half of the decoding time
        // at start-up (perf, 2026-12-03). AnswerValue is the only type that needs its exact archive form.
        if T.self == AnswerValue.self, let value = try AnswerValue(fromArchive: ArchiveDecoding(reader: self)) as? T {
            return value
        }
        return try T(from: ArchiveDecoding(reader: self))
    }
}

private struct ArchiveDecoding: Decoder {
    let reader: ArchiveReader
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try ArchiveKeyedDecoding<Key>(reader: reader))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try ArchiveUnkeyedDecoding(reader: reader) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ArchiveSingleDecoding(reader: reader) }
}

private struct ArchiveSingleDecoding: SingleValueDecodingContainer {
    let reader: ArchiveReader
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { (try? reader.isNull()) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool() }
    func decode(_ type: String.Type) throws -> String { try reader.string() }
    func decode(_ type: Double.Type) throws -> Double { try reader.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.double()) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type) }
}

private final class ArchiveUnkeyedDecoding: UnkeyedDecodingContainer {
    let reader: ArchiveReader
    let count: Int?
    var currentIndex = 0
    var cursor: Int
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(reader: ArchiveReader) throws {
        let header = try reader.header(at: reader.position, tag: ArchiveTag.array)
        self.reader = reader
        self.count = header.count
        self.cursor = header.body
    }

    private func next<T>(_ body: () throws -> T) throws -> T {
        guard !isAtEnd else { throw reader.corrupt("no more values in the list", at: cursor) }
        let end = try reader.valueEnd(at: cursor)
        reader.position = cursor
        let value = try body()
        cursor = end
        currentIndex += 1
        return value
    }

    func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.byte(at: cursor) == ArchiveTag.null else { return false }
        cursor += 1
        currentIndex += 1
        return true
    }

    func decode(_ type: String.Type) throws -> String { try next { try reader.string() } }
    func decode(_ type: Bool.Type) throws -> Bool { try next { try reader.bool() } }
    func decode(_ type: Double.Type) throws -> Double { try next { try reader.double() } }
    func decode(_ type: Int.Type) throws -> Int { try next { try reader.integer(Int.self) } }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try reader.decode(type) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { KeyedDecodingContainer(try ArchiveKeyedDecoding<NestedKey>(reader: reader)) }
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next { try ArchiveUnkeyedDecoding(reader: reader) }
    }

    func superDecoder() throws -> any Decoder { try next { ArchiveDecoding(reader: reader) } }
}

private final class ArchiveKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: ArchiveReader
    let count: Int
    let body: Int
    let end: Int
    /// The next entry when keys are read in the order they were written.
    var cursor: Int
    /// Key -> value position, built when a key is asked out of order.
    var index: [String: Int]?
    var codingPath: [any CodingKey] { [] }

    init(reader: ArchiveReader) throws {
        let header = try reader.header(at: reader.position, tag: ArchiveTag.keyed)
        self.reader = reader
        self.count = header.count
        self.body = header.body
        self.end = header.end
        self.cursor = header.body
    }

    private func buildIndex() throws -> [String: Int] {
        if let index { return index }
        var built: [String: Int] = [:]
        var position = body
        for _ in 0..<count {
            let key = try reader.key(at: position)
            built[reader.text(key.body..<key.end)] = key.end
            position = try reader.valueEnd(at: key.end)
        }
        index = built
        return built
    }

    /// Where the value of `key` starts, or nil when the key is absent.
    private func valueStart(_ key: Key) throws -> Int? {
        if cursor < end {
            let range = try reader.key(at: cursor)
            if reader.keyEquals(range.body..<range.end, key.stringValue) { return range.end }
        }
        return try buildIndex()[key.stringValue]
    }

    private func value<T>(_ key: Key, _ body: () throws -> T) throws -> T {
        guard let start = try valueStart(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "no value for \(key.stringValue)"))
        }
        let valueEnd = try reader.valueEnd(at: start)
        reader.position = start
        let value = try body()
        cursor = valueEnd
        return value
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var position = body
        for _ in 0..<count {
            guard let range = try? reader.key(at: position) else { break }
            if let key = Key(stringValue: reader.text(range.body..<range.end)) { keys.append(key) }
            guard let next = try? reader.valueEnd(at: range.end) else { break }
            position = next
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { ((try? valueStart(key)) ?? nil) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let start = try valueStart(key) else { return true }
        guard try reader.byte(at: start) == ArchiveTag.null else { return false }
        cursor = start + 1
        return true
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key) { try reader.string() } }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key) { try reader.bool() } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key) { try reader.double() } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key) { try reader.integer(Int.self) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key) { try reader.decode(type) } }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try decodeNil(forKey: key) ? nil : decode(type, forKey: key)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try decodeNil(forKey: key) ? nil : decode(type, forKey: key)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeNil(forKey: key) ? nil : decode(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try value(key) { KeyedDecodingContainer(try ArchiveKeyedDecoding<NestedKey>(reader: reader)) }
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try value(key) { try ArchiveUnkeyedDecoding(reader: reader) }
    }

    func superDecoder() throws -> any Decoder {
        guard let start = try buildIndex()["super"] else { throw reader.corrupt("no super value", at: body) }
        reader.position = start
        return ArchiveDecoding(reader: reader)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        guard let start = try valueStart(key) else { throw reader.corrupt("no value for \(key.stringValue)", at: body) }
        reader.position = start
        return ArchiveDecoding(reader: reader)
    }
}
