import Testing
@testable import AdvisorTUI

@Suite struct SanitizeTests {
    @Test func plainTextIsUnchanged() {
        #expect(Sanitize.text("Hello, 世界 — café") == "Hello, 世界 — café")
    }

    @Test func csiSequenceBecomesOneReplacement() {
        #expect(Sanitize.text("a\u{1B}[31mred\u{1B}[0m") == "a\u{FFFD}red\u{FFFD}")
    }

    @Test func oscTitleSequenceIsRemovedWhole() {
        #expect(Sanitize.text("x\u{1B}]0;pwned\u{07}y") == "x\u{FFFD}y")
        #expect(Sanitize.text("x\u{1B}]8;;http://e\u{1B}\\link") == "x\u{FFFD}link")
    }

    @Test func c1ControlsAreReplaced() {
        #expect(Sanitize.text("a\u{9B}2Jb") == "a\u{FFFD}b")
        #expect(Sanitize.text("a\u{85}b") == "a\u{FFFD}b")
    }

    @Test func c0AndDeleteAreReplaced() {
        #expect(Sanitize.text("a\u{07}b\u{7F}c\rd\ne\u{0}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}")
    }

    @Test func tabBecomesSpace() {
        #expect(Sanitize.text("a\tb") == "a b")
    }

    @Test func bidiOverridesAreReplaced() {
        #expect(Sanitize.text("abc\u{202E}def") == "abc\u{FFFD}def")
    }

    @Test func loneEscapeAtEndIsReplaced() {
        #expect(Sanitize.text("end\u{1B}") == "end\u{FFFD}")
    }

    @Test func customReplacement() {
        #expect(Sanitize.text("a\u{1B}[1mb", replacement: "?") == "a?b")
    }

    @Test func resultNeverContainsControlScalars() {
        let hostile = "\u{1B}P+q\u{1B}\\\u{1B}[?1049h\u{9D}2;x\u{9C}\u{1B}(B\u{1B}7\u{1B}"
        let cleaned = Sanitize.text(hostile)
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}
