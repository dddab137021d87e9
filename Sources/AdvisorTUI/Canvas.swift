/// An in-memory grid of styled cells that views draw into; terminals present it.
///
/// Drawing never writes outside the grid and always sanitizes text, so a
/// view cannot corrupt the screen or inject terminal control sequences.
public struct Canvas: Equatable, Sendable {
    /// Number of columns.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// All cells, row by row.
    public private(set) var cells: [Cell]
    /// Where the terminal should show its cursor (for text input); nil hides it.
    public var cursor: Position?

    /// Creates a canvas filled with spaces in `style`.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(text: " ", style: style), count: self.width * self.height)
        self.cursor = nil
    }

    /// Creates a canvas the size of a terminal.
    public init(size: TerminalSize, style: Style = .plain) {
        self.init(width: size.width, height: size.height, style: style)
    }

    /// The whole canvas as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The canvas size as a terminal size.
    public var size: TerminalSize { TerminalSize(width: width, height: height) }

    /// The cell at (`x`, `y`), or nil outside the canvas.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Draws one line of text starting at (`x`, `y`) and returns the column after it.
    ///
    /// The text is sanitized first. Drawing stops at the canvas edge or after
    /// `maxWidth` columns, whichever comes first; a double-width character
    /// that would straddle that limit (or the left edge) becomes a space. A
    /// leading combining mark joins the character already left of `x`.
    /// The returned column is clipped to the limit.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let rowIsVisible = y >= 0 && y < height
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var column = x
        // Printable ASCII needs no sanitizing and no width look-ups: one byte, one cell.
        if DisplayWidth.isPrintableASCII(text) {
            for byte in text.utf8 {
                if column >= limit { break }
                if rowIsVisible && column >= 0 { write(Self.asciiCells[Int(byte)], width: 1, x: column, y: y, style: style) }
                column += 1
            }
            return column
        }
        // Box borders and rules are runs of one character: its width is looked up once per run.
        var previous: Character?
        var previousWidth = 0
        for character in Sanitize.text(text) {
            let characterWidth: Int
            if character == previous {
                characterWidth = previousWidth
            } else {
                characterWidth = DisplayWidth.of(character)
                previous = character
                previousWidth = characterWidth
            }
            if characterWidth == 0 {
                if rowIsVisible, column <= limit { attachZeroWidth(character, before: column, y: y) }
                continue
            }
            if column >= limit { break }
            if column + characterWidth > limit {
                if rowIsVisible { blank(from: max(0, column), to: limit, y: y, style: style) }
                column = limit
                break
            }
            if rowIsVisible {
                if column >= 0 {
                    write(String(character), width: characterWidth, x: column, y: y, style: style)
                } else if column + characterWidth > 0 {
                    blank(from: 0, to: column + characterWidth, y: y, style: style)
                }
            }
            column += characterWidth
        }
        return column
    }

    /// Fills `rect` (clipped to the canvas) with `character` in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let characterWidth = max(1, DisplayWidth.of(character))
        let line = String(repeating: String(character), count: rect.width / characterWidth + 1)
        for row in area.y..<area.maxY {
            put(line, x: rect.x, y: row, style: style, maxWidth: rect.width)
        }
    }

    /// Changes the style of every cell in `rect` and keeps the text, e.g. to highlight a drawn row.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            // Widen to whole characters so both halves of a wide one match.
            var first = area.x
            if cells[row * width + first].isContinuation, first > 0 { first -= 1 }
            var last = area.maxX
            if last < width, cells[row * width + last].isContinuation { last += 1 }
            for column in first..<last {
                cells[row * width + column].style = style
            }
        }
    }

    /// Plain text of every row with trailing spaces removed, for golden tests.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                line += cells[row * width + column].text
            }
            while line.last == " " {
                line.removeLast()
            }
            return line
        }
    }

    /// Cells that differ from `previous`, row by row; every cell when the sizes differ.
    public func diff(from previous: Canvas) -> [Position] {
        var changed: [Position] = []
        guard previous.width == width && previous.height == height else {
            changed.reserveCapacity(width * height)
            for row in 0..<height { for column in 0..<width { changed.append(Position(x: column, y: row)) } }
            return changed
        }
        // Through the buffers, without bounds checks: the diff compares every cell of every frame.
        cells.withUnsafeBufferPointer { current in
            previous.cells.withUnsafeBufferPointer { old in
                var index = 0
                for row in 0..<height {
                    for column in 0..<width {
                        if old[index] != current[index] { changed.append(Position(x: column, y: row)) }
                        index += 1
                    }
                }
            }
        }
        return changed
    }

    /// One-character strings for the ASCII bytes, made once rather than per cell drawn.
    private static let asciiCells: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Stores one character of the given width at an in-bounds position.
    ///
    /// Overwriting either half of an existing wide character turns its other
    /// half into a space, so no orphaned halves remain.
    private mutating func write(_ text: String, width characterWidth: Int, x: Int, y: Int, style: Style) {
        let base = y * width
        for column in x..<(x + characterWidth) {
            detachWide(at: column, y: y)
        }
        cells[base + x] = Cell(text: text, style: style)
        if characterWidth == 2 {
            cells[base + x + 1] = Cell(text: "", style: style)
        }
    }

    /// Breaks up the wide character that covers `x`, if any, leaving spaces in its style.
    private mutating func detachWide(at x: Int, y: Int) {
        let base = y * width
        if cells[base + x].isContinuation {
            if x > 0 { cells[base + x - 1].text = " " }
            cells[base + x].text = " "
        } else if x + 1 < width, cells[base + x + 1].isContinuation {
            cells[base + x + 1].text = " "
        }
    }

    /// Writes spaces over columns `from..<to` of row `y`.
    private mutating func blank(from start: Int, to end: Int, y: Int, style: Style) {
        guard start < end else { return }
        for column in start..<end {
            write(" ", width: 1, x: column, y: y, style: style)
        }
    }

    /// Appends a combining mark to the character left of `x`; other zero-width clusters are dropped.
    private mutating func attachZeroWidth(_ character: Character, before x: Int, y: Int) {
        guard let first = character.unicodeScalars.first else { return }
        let category = first.properties.generalCategory
        guard category == .nonspacingMark || category == .enclosingMark else { return }
        var column = x - 1
        guard column >= 0, column < width else { return }
        if cells[y * width + column].isContinuation { column -= 1 }
        guard column >= 0 else { return }
        let index = y * width + column
        let joined = cells[index].text + String(character)
        // A mark that changes the width (VS16 on "❤") would misalign the row.
        let widthBefore = cells[index].text.first.map { DisplayWidth.of($0) } ?? 1
        guard joined.count == 1, let merged = joined.first, DisplayWidth.of(merged) == widthBefore else { return }
        cells[index].text = joined
    }
}
