/// One changed cell as a real terminal draws it.
struct PresentedCell: Equatable {
    /// The text to draw at the cell.
    var text: String
    /// Its style.
    var style: Style
    /// Whether the cell to its right must be blanked (a wide character replaced by a narrow one).
    var blanksNext: Bool
}

extension Canvas {
    /// What a terminal `columns` wide draws at `position`; nil for the right half of a wide character.
    ///
    /// A wide character in the last column would hang half off the screen, so it becomes a space; outside
    /// a UTF-8 locale ncurses would drop a non-ASCII character, so a `?` shows that something is there.
    func presented(at position: Position, columns: Int, unicode: Bool) -> PresentedCell? {
        guard let cell = cell(x: position.x, y: position.y), !cell.isContinuation else { return nil }
        let isWide = self.cell(x: position.x + 1, y: position.y)?.isContinuation == true
        if isWide && position.x + 1 >= columns { return PresentedCell(text: " ", style: cell.style, blanksNext: false) }
        if !unicode && !cell.text.unicodeScalars.allSatisfy(\.isASCII) {
            return PresentedCell(text: "?", style: cell.style, blanksNext: isWide && position.x + 1 < columns)
        }
        return PresentedCell(text: cell.text, style: cell.style, blanksNext: false)
    }
}
