/// The styles the interview screens use, by meaning; terminals degrade them to attributes without colours.
enum Theme {
    static let plain = Style.plain
    static let heading = Style(foreground: .accent, bold: true)
    static let muted = Style(foreground: .muted)
    static let hidden = Style(foreground: .muted, dim: true)
    static let selection = Style(foreground: .default, background: .selection)
    static let changed = Style(foreground: .warning, bold: true)
    static let danger = Style(foreground: .danger, bold: true)
    static let warning = Style(foreground: .warning)
    static let success = Style(foreground: .success, bold: true)
    static let key = Style(foreground: .accent, bold: true)
    static let border = Style(foreground: .muted)
    static let focusedBorder = Style(foreground: .accent)
}

/// One line of a scrolled document (why, help, layout), with its style and indentation.
public struct StyledLine: Equatable, Sendable {
    /// The text, without the indentation.
    public var text: String
    /// How it is drawn.
    public var style: Style
    /// Columns of indentation, kept on wrapped continuation lines.
    public var indent: Int

    /// Creates a line.
    public init(_ text: String, style: Style = .plain, indent: Int = 0) {
        self.text = text
        self.style = style
        self.indent = indent
    }

    /// Word-wraps lines to `width` columns, repeating each line's indentation.
    static func wrap(_ lines: [StyledLine], width: Int, limit: Int = .max) -> [StyledLine] {
        var out: [StyledLine] = []
        // A pane shows its first `limit` lines only: the rest is never wrapped (it was most of a key's work).
        for line in lines where out.count < limit {
            let indent = min(line.indent, max(0, width - 10))
            let pieces = TextWrap.wrap(line.text, width: max(1, width - indent))
            let padding = String(repeating: " ", count: indent)
            for piece in pieces.isEmpty ? [""] : pieces where out.count < limit { out.append(StyledLine(padding + piece, style: line.style)) }
        }
        return out
    }
}

/// Characters that have an ASCII stand-in.
enum Glyph {
    static func arrow(_ ascii: Bool) -> String { ascii ? "->" : "→" }
    static func bullet(_ ascii: Bool) -> String { ascii ? "-" : "•" }
    static func radio(_ on: Bool, _ ascii: Bool) -> String { on ? (ascii ? "(*)" : "(•)") : "( )" }
    static func check(_ on: Bool) -> String { on ? "[x]" : "[ ]" }
    static func upDown(_ ascii: Bool) -> String { ascii ? "j/k" : "↑↓" }
    static func leftRight(_ ascii: Bool) -> String { ascii ? "h/l" : "←→" }
}
