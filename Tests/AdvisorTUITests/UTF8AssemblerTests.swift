import Testing
@testable import AdvisorTUI

@Suite struct UTF8AssemblerTests {
    private func decode(_ bytes: [UInt8]) -> String {
        var assembler = UTF8Assembler()
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(contentsOf: assembler.feed(byte))
        }
        return String(scalars)
    }

    @Test func validSequencesDecode() {
        #expect(decode(Array("aé界😀".utf8)) == "aé界😀")
    }

    @Test func sequenceIsPendingUntilComplete() {
        var assembler = UTF8Assembler()
        #expect(assembler.feed(0xE7).isEmpty)
        #expect(assembler.isPending)
        #expect(assembler.feed(0x95).isEmpty)
        #expect(assembler.feed(0x8C) == ["界"])
        #expect(!assembler.isPending)
    }

    @Test func invalidLeadByteBecomesOneReplacementAndInputContinues() {
        #expect(decode([0x61, 0xE9, 0x62, 0x63]) == "a\u{FFFD}bc")
        #expect(decode([0xFF, 0x80, 0x41]) == "\u{FFFD}\u{FFFD}A")
    }

    @Test func truncatedSequenceIsReportedAndNextByteKept() {
        #expect(decode([0xE7, 0x95, 0x41]) == "\u{FFFD}A")
    }

    @Test func overlongAndSurrogateFormsAreRejected() {
        #expect(decode([0xE0, 0x80, 0xAF]) == "\u{FFFD}")
        #expect(decode([0xED, 0xA0, 0x80]) == "\u{FFFD}")
    }

    @Test func resetDropsUnfinishedSequence() {
        var assembler = UTF8Assembler()
        _ = assembler.feed(0xC3)
        assembler.reset()
        #expect(assembler.feed(0x41) == ["A"])
    }
}
