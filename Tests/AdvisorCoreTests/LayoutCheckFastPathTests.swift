import Foundation
import Testing
@testable import AdvisorCore

/// The layout check's byte-level segment and base-path tests decide exactly as the regular expressions they replace.
@Suite struct LayoutCheckFastPathTests {
    static func matches(_ text: String, _ pattern: String) -> Bool { text.range(of: pattern, options: .regularExpression) != nil }
    static let variablePattern = #"^\{[A-Za-z0-9_.:-]+\+?\}\z"#
    static let literalPattern = #"^[A-Za-z0-9._:-]+\z"#
    static let basePathPattern = #"^[A-Za-z0-9$_.+!*'()-]+\z"#

    static let samples = [
        "", "{", "}", "{}", "{+}", "{a}", "{a+}", "{a++}", "{+a}", "{a}+", "{{a}}", "{a}}", "{proxy+}", "{id", "id}", "a{b}",
        "{a.b:c-d_e}", "{a b}", "{é}", "é", "orders", "orders.v1", "a:b", "-", ".", "..", "a/b", "a b", " a", "a ", "a\n", "\n",
        "{a}\n", "{a\n}", "a\u{0}", "{ａ}", "ａ", "$", "a$b", "(x)", "!*'", "a+b", "+", "v1.0", "\u{301}a", "a\u{301}", "{a\u{301}}",
        "🙂", "{🙂}", "\r\n", "{a}\r", "%20", "~",
    ]

    @Test(arguments: samples)
    func segmentTestsMatchTheRegularExpressions(_ text: String) {
        #expect(LayoutCheck.isVariableSegment(text) == Self.matches(text, Self.variablePattern), "\(text.debugDescription)")
        #expect(LayoutCheck.isLiteralSegment(text) == Self.matches(text, Self.literalPattern), "\(text.debugDescription)")
        #expect(LayoutCheck.isBasePath(text) == Self.matches(text, Self.basePathPattern), "\(text.debugDescription)")
        #expect(LayoutCheck.parameterName(text) == text.trimmingCharacters(in: CharacterSet(charactersIn: "{}+")), "\(text.debugDescription)")
    }

    @Test func segmentTestsMatchOnGeneratedText() {
        // Short strings over the characters the patterns care about, from a fixed seed.
        let alphabet = Array("{}+aZ09._:-$!*'() /é\n\u{301}🙂")
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let text = String((0..<(next() % 8)).map { _ in alphabet[next() % alphabet.count] })
            if LayoutCheck.isVariableSegment(text) != Self.matches(text, Self.variablePattern)
                || LayoutCheck.isLiteralSegment(text) != Self.matches(text, Self.literalPattern)
                || LayoutCheck.isBasePath(text) != Self.matches(text, Self.basePathPattern)
                || LayoutCheck.parameterName(text) != text.trimmingCharacters(in: CharacterSet(charactersIn: "{}+")) {
                mismatches.append(text.debugDescription)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
