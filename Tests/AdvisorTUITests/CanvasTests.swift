import Testing
@testable import AdvisorTUI

@Suite struct CanvasTests {
    @Test func newCanvasIsBlank() {
        let canvas = Canvas(width: 3, height: 2)
        #expect(canvas.lines() == ["", ""])
        #expect(canvas.cells.count == 6)
    }

    @Test func putWritesTextAndReturnsNextColumn() {
        var canvas = Canvas(width: 10, height: 1)
        let next = canvas.put("abc", x: 2, y: 0)
        #expect(next == 5)
        #expect(canvas.lines() == ["  abc"])
    }

    @Test func putClipsAtRightEdge() {
        var canvas = Canvas(width: 5, height: 1)
        let next = canvas.put("abcdefgh", x: 2, y: 0)
        #expect(canvas.lines() == ["  abc"])
        #expect(next == 5)
    }

    @Test func putClipsAtLeftEdge() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.put("abcdef", x: -2, y: 0)
        #expect(canvas.lines() == ["cdef"])
    }

    @Test func putOutsideRowsWritesNothing() {
        var canvas = Canvas(width: 5, height: 2)
        canvas.put("abc", x: 0, y: -1)
        canvas.put("abc", x: 0, y: 2)
        #expect(canvas.lines() == ["", ""])
    }

    @Test func maxWidthLimitsText() {
        var canvas = Canvas(width: 10, height: 1)
        let next = canvas.put("abcdef", x: 1, y: 0, maxWidth: 3)
        #expect(canvas.lines() == [" abc"])
        #expect(next == 4)
    }

    @Test func wideCharacterUsesContinuationCell() {
        var canvas = Canvas(width: 6, height: 1)
        let next = canvas.put("a界b", x: 0, y: 0)
        #expect(next == 4)
        #expect(canvas.cell(x: 1, y: 0)?.text == "界")
        #expect(canvas.cell(x: 2, y: 0)?.isContinuation == true)
        #expect(canvas.cell(x: 3, y: 0)?.text == "b")
        #expect(canvas.lines() == ["a界b"])
    }

    @Test func wideCharacterStraddlingRightEdgeBecomesSpace() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("abc界", x: 0, y: 0, style: Style(bold: true))
        #expect(canvas.lines() == ["abc"])
        #expect(canvas.cell(x: 3, y: 0) == Cell(text: " ", style: Style(bold: true)))
    }

    @Test func wideCharacterStraddlingMaxWidthBecomesSpace() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("x", x: 3, y: 0)
        let next = canvas.put("a界", x: 0, y: 0, maxWidth: 2)
        #expect(next == 2)
        #expect(canvas.lines() == ["a  x"])
    }

    @Test func wideCharacterStraddlingLeftEdgeBecomesSpace() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("界ab", x: -1, y: 0)
        #expect(canvas.cells.map(\.text) == [" ", "a", "b", " "])
    }

    @Test func overwritingHalfOfWideCharacterClearsTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("界界", x: 0, y: 0)
        canvas.put("x", x: 1, y: 0)
        #expect(canvas.cells.map(\.text) == [" ", "x", "界", ""])
        canvas.put("y", x: 2, y: 0)
        #expect(canvas.cells.map(\.text) == [" ", "x", "y", " "])
    }

    @Test func wideOverNarrowClearsFollowingWideHalf() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.put("a界", x: 0, y: 0)
        canvas.put("漢", x: 0, y: 0)
        #expect(canvas.cells.map(\.text) == ["漢", "", " ", " ", " "])
    }

    @Test func combiningCharactersStayInOneCell() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("e\u{301}x", x: 0, y: 0)
        #expect(canvas.cell(x: 0, y: 0)?.text == "e\u{301}")
        #expect(canvas.cell(x: 1, y: 0)?.text == "x")
    }

    @Test func leadingCombiningMarkJoinsPreviousCell() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("e", x: 0, y: 0)
        let next = canvas.put("\u{301}", x: 1, y: 0)
        #expect(next == 1)
        #expect(canvas.cell(x: 0, y: 0)?.text == "e\u{301}")
    }

    @Test func escapeSequencesAreSanitizedOnPut() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(canvas.lines() == ["a\u{FFFD}b"])
        #expect(!canvas.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test func fillCoversRectangleClipped() {
        var canvas = Canvas(width: 4, height: 3)
        canvas.fill(Rect(x: 2, y: 1, width: 5, height: 5), style: Style(background: .selection), character: "#")
        #expect(canvas.lines() == ["", "  ##", "  ##"])
        #expect(canvas.cell(x: 3, y: 2)?.style.background == .selection)
        #expect(canvas.cell(x: 1, y: 2)?.style.background == .default)
    }

    @Test func restyleKeepsTextAndCoversWholeWideCharacters() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("a界", x: 0, y: 0)
        canvas.restyle(Rect(x: 2, y: 0, width: 1, height: 1), style: Style(reverse: true))
        #expect(canvas.lines() == ["a界"])
        #expect(canvas.cell(x: 1, y: 0)?.style.reverse == true)
        #expect(canvas.cell(x: 2, y: 0)?.style.reverse == true)
        #expect(canvas.cell(x: 0, y: 0)?.style.reverse == false)
    }

    @Test func linesTrimOnlyTrailingSpaces() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.put(" a b ", x: 0, y: 0)
        #expect(canvas.lines() == [" a b"])
    }

    @Test func diffListsChangedCells() {
        var old = Canvas(width: 3, height: 2)
        old.put("abc", x: 0, y: 0)
        var new = old
        new.put("X", x: 1, y: 1)
        new.put("b", x: 1, y: 0, style: Style(bold: true))
        #expect(new.diff(from: old) == [Position(x: 1, y: 0), Position(x: 1, y: 1)])
        #expect(new.diff(from: new).isEmpty)
    }

    @Test func diffAgainstDifferentSizeListsEverything() {
        let small = Canvas(width: 2, height: 1)
        let large = Canvas(width: 2, height: 2)
        #expect(large.diff(from: small).count == 4)
    }

    @Test func cellOutsideIsNil() {
        let canvas = Canvas(width: 2, height: 2)
        #expect(canvas.cell(x: 2, y: 0) == nil)
        #expect(canvas.cell(x: 0, y: -1) == nil)
    }
}
