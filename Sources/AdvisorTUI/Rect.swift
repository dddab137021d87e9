/// An axis-aligned area of a canvas in columns and rows; splitting it is the layout system.
public struct Rect: Equatable, Hashable, Sendable {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Number of columns, never negative.
    public var width: Int
    /// Number of rows, never negative.
    public var height: Int

    /// Creates a rectangle; a negative width or height is treated as zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// True when the rectangle covers no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// True when the cell at (`x`, `y`) lies inside.
    public func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < maxX && y >= self.y && y < maxY
    }

    /// The overlap with `other`, empty (at this origin) when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(_ amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given margins; it never becomes negative.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// A rectangle of at most the given size centred inside this one.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width)
        let h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// Splits off `rows` rows at the top (clamped to the height).
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// Splits off `rows` rows at the bottom (clamped to the height).
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: maxY - n, width: width, height: n))
    }

    /// Splits off `columns` columns on the left (clamped to the width).
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// Splits off `columns` columns on the right (clamped to the width).
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - n, height: height), Rect(x: maxX - n, y: y, width: n, height: height))
    }

    /// Stacks areas top to bottom with the given heights (a vertical split).
    public func rows(_ sizes: [LayoutSize]) -> [Rect] {
        var top = y
        return LayoutSize.resolve(sizes, total: height).map { rowCount in
            defer { top += rowCount }
            return Rect(x: x, y: top, width: width, height: rowCount)
        }
    }

    /// Places areas side by side, left to right, with the given widths (a horizontal split).
    public func columns(_ sizes: [LayoutSize]) -> [Rect] {
        var left = x
        return LayoutSize.resolve(sizes, total: width).map { columnCount in
            defer { left += columnCount }
            return Rect(x: left, y: y, width: columnCount, height: height)
        }
    }
}

/// The extent of one area in `Rect.rows(_:)` or `Rect.columns(_:)`.
public enum LayoutSize: Equatable, Hashable, Sendable {
    /// Exactly this many cells, if that many are left.
    case fixed(Int)
    /// This percentage of the whole extent, rounded down.
    case percent(Int)
    /// A share of what the fixed and percentage areas leave, proportional to the weight.
    case fill(Int)

    /// Turns sizes into cell counts that add up to at most `total`.
    ///
    /// Fixed and percentage sizes are served first, in order, each clamped to
    /// what is left; fills then share the rest by weight, with the cells lost
    /// to rounding going to the first fills so nothing is wasted.
    static func resolve(_ sizes: [LayoutSize], total: Int) -> [Int] {
        let total = max(0, total)
        var counts = [Int](repeating: 0, count: sizes.count)
        var left = total
        for (index, size) in sizes.enumerated() {
            let wanted: Int
            switch size {
            case .fixed(let n):
                wanted = n
            case .percent(let p):
                wanted = total * min(max(0, p), 100) / 100
            case .fill:
                continue
            }
            counts[index] = min(max(0, wanted), left)
            left -= counts[index]
        }
        let weights = sizes.map { size -> Int in
            if case .fill(let weight) = size { return max(0, weight) }
            return 0
        }
        let weightSum = weights.reduce(0, +)
        guard weightSum > 0 else { return counts }
        var handedOut = 0
        for index in sizes.indices where weights[index] > 0 {
            counts[index] = left * weights[index] / weightSum
            handedOut += counts[index]
        }
        var remainder = left - handedOut
        for index in sizes.indices where weights[index] > 0 && remainder > 0 {
            counts[index] += 1
            remainder -= 1
        }
        return counts
    }
}
