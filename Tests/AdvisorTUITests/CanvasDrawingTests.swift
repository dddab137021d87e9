import Testing
@testable import AdvisorTUI

@Suite struct CanvasDrawingTests {
    @Test func unicodeBoxWithTitle() {
        var canvas = Canvas(width: 12, height: 4)
        let inner = canvas.drawBox(Rect(x: 0, y: 0, width: 12, height: 4), title: "Auth")
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(canvas.lines() == [
            "┌─ Auth ───┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func asciiBox() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.drawBox(Rect(x: 0, y: 0, width: 6, height: 3), ascii: true)
        #expect(canvas.lines() == ["+----+", "|    |", "+----+"])
    }

    @Test func longTitleIsTruncated() {
        var canvas = Canvas(width: 10, height: 2)
        canvas.drawBox(Rect(x: 0, y: 0, width: 10, height: 2), title: "Rate limiting", ascii: true)
        #expect(canvas.lines() == ["+- Rate.-+", "+--------+"])
    }

    @Test func boxClippedByCanvasEdge() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.drawBox(Rect(x: 1, y: 0, width: 6, height: 3))
        #expect(canvas.lines() == [" ┌──", " │"])
    }

    @Test func tooSmallBoxDrawsNothing() {
        var canvas = Canvas(width: 4, height: 4)
        canvas.drawBox(Rect(x: 0, y: 0, width: 1, height: 4))
        #expect(canvas.lines() == ["", "", "", ""])
    }

    @Test func titleEscapeSequenceIsSanitized() {
        var canvas = Canvas(width: 14, height: 2)
        canvas.drawBox(Rect(x: 0, y: 0, width: 14, height: 2), title: "x\u{1B}[2Jy", ascii: true)
        #expect(canvas.lines()[0] == "+- x\u{FFFD}y ------+")
    }

    @Test func rules() {
        var canvas = Canvas(width: 4, height: 3)
        canvas.horizontalLine(x: 0, y: 0, width: 9)
        canvas.verticalLine(x: 1, y: 1, height: 5, ascii: true)
        #expect(canvas.lines() == ["────", " |", " |"])
    }

    @Test func wrappedTextIsClippedToRectAndReportsLineCount() {
        var canvas = Canvas(width: 10, height: 3)
        let needed = canvas.putWrapped("one two three four five", in: Rect(x: 1, y: 1, width: 9, height: 2))
        #expect(needed == 3)
        #expect(canvas.lines() == ["", " one two", " three"])
        var scrolled = Canvas(width: 10, height: 3)
        scrolled.putWrapped("one two three four five", in: Rect(x: 0, y: 0, width: 9, height: 2), skipLines: 1)
        #expect(scrolled.lines() == ["three", "four five", ""])
    }
}
