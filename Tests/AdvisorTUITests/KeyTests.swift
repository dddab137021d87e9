import Testing
@testable import AdvisorTUI

@Suite struct KeyTests {
    @Test func controlBytesMapToNamedKeys() {
        #expect(Key(scalar: "\r") == .enter)
        #expect(Key(scalar: "\n") == .enter)
        #expect(Key(scalar: "\t") == .tab)
        #expect(Key(scalar: "\u{7F}") == .backspace)
        #expect(Key(scalar: "\u{08}") == .backspace)
        #expect(Key(scalar: "\u{1B}") == .escape)
        #expect(Key(scalar: "\u{01}") == .ctrl("a"))
        #expect(Key(scalar: "\u{03}") == .ctrl("c"))
        #expect(Key(scalar: "\u{1A}") == .ctrl("z"))
        #expect(Key(scalar: "\u{1F}") == .ctrl("_"))
        #expect(Key(scalar: "\u{9B}") == .escape)
    }

    @Test func printableScalarsAreCharacters() {
        #expect(Key(scalar: "q") == .char("q"))
        #expect(Key(scalar: " ") == .char(" "))
        #expect(Key(scalar: "é") == .char("é"))
        #expect(Key.char("x").character == "x")
        #expect(Key.enter.character == nil)
    }

    @Test func typingProducesKeys() {
        #expect(Key.typing("a b\n") == [.char("a"), .char(" "), .char("b"), .enter])
        #expect(Key.typing("👍🏽\t") == [.char("👍🏽"), .tab])
    }
}
