/// Line-drawing characters for boxes and rules.
public struct BoxCharacters: Equatable, Sendable {
    /// Horizontal line.
    public var horizontal: Character
    /// Vertical line.
    public var vertical: Character
    /// Top-left corner.
    public var topLeft: Character
    /// Top-right corner.
    public var topRight: Character
    /// Bottom-left corner.
    public var bottomLeft: Character
    /// Bottom-right corner.
    public var bottomRight: Character

    /// Unicode light box drawing: ┌─┐ │ └─┘.
    public static let unicode = BoxCharacters(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    /// Plain ASCII for terminals without a UTF-8 locale: +-+ | +-+.
    public static let ascii = BoxCharacters(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")

    /// The set for a terminal that does or does not show Unicode.
    public static func forTerminal(ascii: Bool) -> BoxCharacters {
        ascii ? .ascii : .unicode
    }
}

extension Canvas {
    /// Draws a border around `rect` with an optional title in its top edge and returns the inner area.
    ///
    /// Nothing is drawn when the rectangle is smaller than 2x2. The title is
    /// sanitized, padded with one space each side and truncated to fit.
    @discardableResult
    public mutating func drawBox(
        _ rect: Rect,
        title: String? = nil,
        style: Style = .plain,
        titleStyle: Style? = nil,
        ascii: Bool = false
    ) -> Rect {
        let inner = rect.inset(1)
        guard rect.width >= 2, rect.height >= 2 else { return inner }
        let box = BoxCharacters.forTerminal(ascii: ascii)
        let horizontal = String(repeating: String(box.horizontal), count: rect.width - 2)
        put(String(box.topLeft) + horizontal + String(box.topRight), x: rect.x, y: rect.y, style: style)
        put(String(box.bottomLeft) + horizontal + String(box.bottomRight), x: rect.x, y: rect.maxY - 1, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            put(String(box.vertical), x: rect.x, y: row, style: style)
            put(String(box.vertical), x: rect.maxX - 1, y: row, style: style)
        }
        if let title, !title.isEmpty, rect.width >= 6 {
            let room = rect.width - 4
            let label = TextWrap.truncate(" " + Sanitize.text(title) + " ", width: room, ellipsis: ascii ? "." : "…")
            put(label, x: rect.x + 2, y: rect.y, style: titleStyle ?? style, maxWidth: room)
        }
        return inner
    }

    /// Draws a horizontal rule of `width` columns starting at (`x`, `y`).
    public mutating func horizontalLine(x: Int, y: Int, width: Int, style: Style = .plain, ascii: Bool = false) {
        guard width > 0 else { return }
        let character = BoxCharacters.forTerminal(ascii: ascii).horizontal
        put(String(repeating: String(character), count: width), x: x, y: y, style: style, maxWidth: width)
    }

    /// Draws a vertical rule of `height` rows starting at (`x`, `y`).
    public mutating func verticalLine(x: Int, y: Int, height: Int, style: Style = .plain, ascii: Bool = false) {
        guard height > 0 else { return }
        let character = String(BoxCharacters.forTerminal(ascii: ascii).vertical)
        for row in y..<(y + height) {
            put(character, x: x, y: row, style: style)
        }
    }

    /// Word-wraps `text` into `rect`, draws as many lines as fit and returns the number of lines the text needs.
    ///
    /// A result larger than `rect.height` tells the caller the text was cut
    /// (to offer scrolling); `skipLines` scrolls by dropping leading lines.
    @discardableResult
    public mutating func putWrapped(_ text: String, in rect: Rect, style: Style = .plain, skipLines: Int = 0) -> Int {
        guard rect.width > 0 else { return 0 }
        let wrapped = TextWrap.wrap(text, width: rect.width)
        for (offset, line) in wrapped.dropFirst(max(0, skipLines)).prefix(rect.height).enumerated() {
            put(line, x: rect.x, y: rect.y + offset, style: style, maxWidth: rect.width)
        }
        return wrapped.count
    }
}
