import Testing
@testable import AdvisorTUI

@Suite struct RectTests {
    let area = Rect(x: 2, y: 1, width: 20, height: 10)

    @Test func negativeSizeClampsToZero() {
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).isEmpty)
    }

    @Test func insetShrinksAndNeverGoesNegative() {
        #expect(area.inset(1) == Rect(x: 3, y: 2, width: 18, height: 8))
        #expect(area.inset(top: 2, left: 3) == Rect(x: 5, y: 3, width: 17, height: 8))
        #expect(area.inset(20).isEmpty)
    }

    @Test func rowsWithFixedAndFill() {
        let rows = area.rows([.fixed(1), .fill(1), .fixed(2)])
        #expect(rows == [
            Rect(x: 2, y: 1, width: 20, height: 1),
            Rect(x: 2, y: 2, width: 20, height: 7),
            Rect(x: 2, y: 9, width: 20, height: 2),
        ])
    }

    @Test func columnsWithPercentAndWeightedFills() {
        let columns = area.columns([.percent(25), .fill(1), .fill(2)])
        #expect(columns.map(\.width) == [5, 5, 10])
        #expect(columns.map(\.x) == [2, 7, 12])
    }

    @Test func fillRemainderGoesToFirstFills() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 1).columns([.fill(1), .fill(1), .fill(1)]).map(\.width) == [4, 3, 3])
    }

    @Test func oversizedFixedSizesAreClamped() {
        let rows = area.rows([.fixed(8), .fixed(8), .fill(1)])
        #expect(rows.map(\.height) == [8, 2, 0])
    }

    @Test func splitsAtEdges() {
        let (top, rest) = area.splitTop(3)
        #expect(top == Rect(x: 2, y: 1, width: 20, height: 3))
        #expect(rest == Rect(x: 2, y: 4, width: 20, height: 7))
        let (body, bottom) = area.splitBottom(1)
        #expect(bottom == Rect(x: 2, y: 10, width: 20, height: 1))
        #expect(body.height == 9)
        let (left, right) = area.splitLeft(30)
        #expect(left == area)
        #expect(right.isEmpty)
        #expect(area.splitRight(4).right == Rect(x: 18, y: 1, width: 4, height: 10))
    }

    @Test func centeredAndIntersection() {
        #expect(area.centered(width: 10, height: 4) == Rect(x: 7, y: 4, width: 10, height: 4))
        #expect(area.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 1, width: 3, height: 4))
        #expect(area.intersection(Rect(x: 50, y: 50, width: 5, height: 5)).isEmpty)
        #expect(area.contains(x: 2, y: 1))
        #expect(!area.contains(x: 22, y: 1))
    }
}
