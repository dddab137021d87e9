import Foundation
import Testing
import Yams
@testable import AdvisorCore

/// The start-path shortcuts give exactly what the slow paths they replace gave.
@Suite struct YAMLFastPathTests {
    /// What DocNode used to ask Yams for an untagged plain scalar.
    static func yamsType(_ text: String) -> DocNode.ScalarType {
        switch Resolver.default.resolveTag(of: Node(text)) {
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .null: return .null
        default: return .string
        }
    }

    static let samples = [
        "", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yEs", "no", "on", "Off", "OFF", "true", "False", "y", "n",
        "0", "-0", "+0", "00", "07", "08", "0o17", "0o", "0o8", "0b", "0b101", "0b102", "-0b1", "0x", "0x1F", "0xg", "+0x_f",
        "1", "12", "1_000", "_1", "1_", "-1", "+12", "1:30", "1:3", "1:60", "1:59:59", "1:5:", "190:20:30", "0:30", "1:300",
        "1.", "1.5", "-1.5", "1e5", "1e", "1e+5", "1E-5", "1.5e5", ".5", ".5e+3", ".5e3", "._", "-.5", "1:30.5", "1:30.",
        ".inf", "-.inf", "+.INF", ".Inf", "inf", ".nan", ".NaN", "-.nan", "<<", "=", "2026-01-01", "2026-1-1 1:02:03",
        "1.2.3", "1,000", "١٢", "1\n", "yes\n", "yes\r\n", "null\u{2028}", "1\u{85}", "~\r", "abc", "a1", "1a", "--1",
    ]

    @Test(arguments: samples)
    func plainScalarTypeMatchesYams(_ text: String) {
        #expect(PlainScalarType.of(text) == Self.yamsType(text), "\(text.debugDescription)")
    }

    @Test func plainScalarTypeMatchesYamsOnGeneratedText() {
        // Short strings over the characters the patterns care about, from a fixed seed.
        let alphabet = Array("0123456789_+-.:eExXoObBiInNfFaAtTyYsSlLuUrR~<= \t")
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let text = String((0..<(next() % 9)).map { _ in alphabet[next() % alphabet.count] })
            if PlainScalarType.of(text) != Self.yamsType(text) { mismatches.append(text.debugDescription) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func duplicateKeysAreJudgedAsBefore() throws {
        // Plain 1 and quoted '1' differ under the default resolver, so this is accepted as before.
        let accepted = try DocNode.parse("1: a\n'1': b\n", file: "f.yaml")
        guard case .mapping(let pairs) = accepted.value else { Issue.record("expected a mapping"); return }
        #expect(pairs.map { $0.key.value.scalarType } == [.int, .string])
        #expect(throws: InputError.self) { try DocNode.parse("a: 1\na: 2\n", file: "f.yaml") }
        #expect(throws: InputError.self) { try DocNode.parse("!!int 1: a\n1: b\n", file: "f.yaml") }
    }

    @Test(arguments: ["", "   \n", "# only a comment\n", "#a\n  #b\n\n", "# c\r\n  # d\r\n"])
    func emptyFilesAreStillEmpty(_ text: String) {
        #expect(!DocNode.hasContentLine(text))
        #expect(throws: InputError.self) { try DocNode.parse(text, file: "f.yaml") }
    }

    @Test(arguments: ["a: 1", "# c\nkey: v\n", "  \n[1, 2]\n", "\"q\": 1\n"])
    func filesWithContentAreFound(_ text: String) {
        #expect(DocNode.hasContentLine(text))
    }

    @Test func textWrapASCIIMatchesTheGeneralPath() {
        let text = "Word wrapping for plain-text reports keeps words whole; a verylongwordthatdoesnotfitanywhere stays on its own line.\nNew line."
        for width in [1, 10, 20, 40, 80] {
            let fast = TextWrap.wrap(text, width: width, firstIndent: "  ", indent: "    ")
            // A non-ASCII indent sends the same text through the general path.
            let general = TextWrap.wrap(text, width: width, firstIndent: "\u{A0} ", indent: "\u{A0}   ")
                .map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
            #expect(fast == general, "width \(width)")
        }
    }
}

extension DocNode.Value {
    /// The scalar type, for tests.
    var scalarType: DocNode.ScalarType? {
        if case .scalar(_, let type) = self { return type }
        return nil
    }
}

/// The byte-level pattern shortcuts never accept what the regular expression rejects.
@Suite struct FastPatternTests {
    static let candidates = ["*", "**", "http://a", "https://shop.example.com", "https://shop.example.com:8443",
                             "https://a/b", "http://", "https://", "ftp://x", "HTTPS://X", "https://a b", "https://a\tb",
                             "https://é.example", "https://*.app.example.com", "https://*", "my-api", "a", "A", "1a", "a_b", "a-", "shop-api-2", "", " ", "a\n"]

    @Test(arguments: ["^[a-z][a-z0-9-]*$", #"^(\*|https?://[^/\s*]+)$"#])
    func shortcutsAgreeWithTheRegularExpression(_ pattern: String) throws {
        let shortcut = try #require(FastPattern.shortcut(for: pattern))
        for value in Self.candidates where shortcut(value) {
            #expect(value.range(of: pattern, options: .regularExpression) != nil, "\(value.debugDescription)")
        }
        #expect(shortcut(pattern.contains("http") ? "https://shop.example.com" : "shop-api"))
    }

    @Test func dateShapeAndNames() {
        #expect(FastPattern.isDateShape("2026-01-31") && !FastPattern.isDateShape("2026-1-31") && !FastPattern.isDateShape("２０２６-01-01"))
        #expect(FastPattern.isName("orders-2") && !FastPattern.isName("Orders") && !FastPattern.isName(""))
    }
}
