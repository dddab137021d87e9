import Testing
@testable import AdvisorTUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumn() {
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of("hello") == 5)
    }

    @Test(arguments: ["界", "한", "。", "Ａ", "😀", "🇫🇷", "👍🏽", "❤️", "👨‍👩‍👧"])
    func wideCharactersTakeTwoColumns(_ text: String) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(text) == 2)
    }

    @Test(arguments: ["é", "e\u{301}", "ß", "Ω", "→", "─", "❤", "1️⃣", "ﾝ"])
    func narrowCharactersTakeOneColumn(_ text: String) {
        #expect(DisplayWidth.of(text) == 1)
    }

    @Test func combiningMarkAloneIsZeroWidth() {
        #expect(DisplayWidth.of("\u{301}" as Character) == 0)
        #expect(DisplayWidth.of("\u{200B}" as Character) == 0)
    }

    @Test func mixedStringSumsColumns() {
        #expect(DisplayWidth.of("ab界c😀") == 7)
    }
}
