/// One column of a canvas row.
///
/// A double-width character is stored as its text in the left cell and a
/// continuation cell (empty text) to its right, so a row's cells always map
/// one-to-one onto terminal columns.
public struct Cell: Equatable, Hashable, Sendable {
    /// The grapheme cluster shown here; empty for the right half of a double-width character.
    public var text: String
    /// How the cell is drawn.
    public var style: Style

    /// Creates a cell; `text` should be one sanitized grapheme cluster or empty.
    public init(text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// True for the right half of a double-width character.
    public var isContinuation: Bool { text.isEmpty }

    /// A space in the default style.
    public static let blank = Cell(text: " ")
}

/// A column and row on a canvas or terminal, zero-based from the top-left corner.
public struct Position: Equatable, Hashable, Sendable {
    /// Column.
    public var x: Int
    /// Row.
    public var y: Int

    /// Creates a position.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
