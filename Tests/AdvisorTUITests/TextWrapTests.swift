import Testing
@testable import AdvisorTUI

@Suite struct TextWrapTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func keepsParagraphsAndBlankLines() {
        #expect(TextWrap.wrap("a b\n\nc", width: 10) == ["a b", "", "c"])
    }

    @Test func breaksLongWords() {
        #expect(TextWrap.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func wrapsByDisplayWidth() {
        #expect(TextWrap.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
        #expect(TextWrap.wrap("ab 日本", width: 5) == ["ab", "日本"])
    }

    @Test func keepsLeadingIndentation() {
        #expect(TextWrap.wrap("  - item one two", width: 10) == ["  - item", "one two"])
    }

    @Test func sanitizesEachLine() {
        #expect(TextWrap.wrap("a\u{1B}[1mb", width: 10) == ["a\u{FFFD}b"])
    }

    @Test func everyLineFits() {
        let text = "Token bucket rate limiting with per-consumer quotas and burst allowances 東京 🙂"
        for width in 1...20 {
            for line in TextWrap.wrap(text, width: width) {
                #expect(DisplayWidth.of(line) <= max(width, 2), "width \(width): \(line)")
            }
        }
    }

    @Test func zeroWidthGivesNoLines() {
        #expect(TextWrap.wrap("abc", width: 0).isEmpty)
    }

    @Test func truncateAddsEllipsis() {
        #expect(TextWrap.truncate("abcdef", width: 4) == "abc…")
        #expect(TextWrap.truncate("abc", width: 4) == "abc")
        #expect(TextWrap.truncate("日本語", width: 4) == "日…")
        #expect(TextWrap.truncate("abcdef", width: 4, ellipsis: "...") == "a...")
    }

    @Test func padFillsToWidth() {
        #expect(TextWrap.pad("ab", to: 4) == "ab  ")
        #expect(TextWrap.pad("日本語", to: 5) == "日本 ")
    }
}
