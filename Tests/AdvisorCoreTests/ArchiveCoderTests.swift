import Testing
@testable import AdvisorCore

/// The archive form the build plugin compiles the bundled rules into: values round-trip exactly.
@Suite struct ArchiveCoderTests {
    struct Sample: Codable, Equatable, Sendable {
        enum Kind: Codable, Equatable, Sendable { case plain, tagged(String, count: Int), nested([Sample]) }
        var name: String
        var note: String?
        var numbers: [Double]
        var flags: [Bool?]
        var table: [String: Int]
        var kind: Kind
        var small: Int8
        var big: UInt64
        var negative: Int
    }

    static let sample = Sample(
        name: "é \"quoted\" \\ back\nslash\t\u{0}\r", note: nil, numbers: [0, -0.0, 1.5, .infinity, 1e-300],
        flags: [true, nil, false], table: ["b": 2, "a": -1, "": 0],
        kind: .nested([Sample(name: "", note: "n", numbers: [], flags: [], table: [:], kind: .tagged("t", count: 3),
                              small: -128, big: 0, negative: Int.min)]),
        small: 127, big: UInt64.max, negative: -42)

    @Test func roundTrip() throws {
        let text = try ArchiveEncoder().encode(Self.sample)
        let back = try ArchiveDecoder.decode(Sample.self, from: text)
        #expect(back == Self.sample)
        #expect(back.numbers[1].sign == .minus)
    }

    @Test func sortedKeysIsCanonicalAndStillDecodes() throws {
        var other = Self.sample
        other.table = [:]
        for key in ["", "a", "b"].reversed() { other.table[key] = Self.sample.table[key] }
        let one = try ArchiveEncoder(sortedKeys: true).encode(Self.sample)
        #expect(try ArchiveEncoder(sortedKeys: true).encode(other) == one)
        // Struct fields come back in sorted order here, so this exercises the out-of-order index.
        #expect(try ArchiveDecoder.decode(Sample.self, from: one) == Self.sample)
    }

    @Test func swiftLiteralEscapesEverythingButPrintableASCII() {
        let literal = BundledRuleArchive.swiftLiteral("a\"b\\c\nd\u{7F}é\u{2028}")
        #expect(literal == #""a\"b\\c\nd\u{7f}\u{e9}\u{2028}""#)
    }

    @Test(arguments: ["", "x", "s5:abc", "k1,3:1:a", "a2,2:tt", "i12", "s1:ab", "k1,5:1:bt~"])
    func malformedArchivesAreRejected(_ text: String) {
        #expect(throws: (any Error).self) { try ArchiveDecoder.decode(Sample.self, from: text) }
    }

    /// Answer values keep their kind (their public Codable form would read a choice back as text).
    @Test func answerValuesRoundTripExactly() throws {
        let values: [AnswerValue?] = [.choice("a"), .text("a"), .choices(["a"]), .list(["a"]), .bool(true), .number(2),
                                      .inventory(Inventory(services: [])), nil]
        #expect(try ArchiveDecoder.decode([AnswerValue?].self, from: ArchiveEncoder().encode(values)) == values)
    }

    @Test func wrongShapeIsRejected() throws {
        let text = try ArchiveEncoder().encode(["not", "a", "sample"])
        #expect(throws: (any Error).self) { try ArchiveDecoder.decode(Sample.self, from: text) }
    }
}
