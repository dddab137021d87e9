import AdvisorCore

/// The two bottom rows: a message or secondary keys, and the key help for the mode on top (always visible).
enum StatusLine {
    static func draw(_ canvas: inout Canvas, _ state: AppState, size: TerminalSize, ascii: Bool) {
        let messageRow = size.height - 2
        let keyRow = size.height - 1
        if let message = state.message {
            let style: Style
            switch message.kind {
            case .info: style = Theme.plain
            case .success: style = Theme.success
            case .error: style = Theme.danger
            }
            canvas.put(TextWrap.truncate(message.text, width: size.width - 2, ellipsis: ascii ? "." : "…"),
                       x: 1, y: messageRow, style: style, maxWidth: size.width - 2)
        } else {
            drawKeys(&canvas, secondaryKeys(state, ascii: ascii), y: messageRow, width: size.width)
        }
        drawKeys(&canvas, primaryKeys(state, ascii: ascii), y: keyRow, width: size.width)
    }

    /// Draws `key label` pairs left to right, stopping before one that does not fit.
    static func drawKeys(_ canvas: inout Canvas, _ keys: [(String, String)], y: Int, width: Int) {
        var x = 1
        for (key, label) in keys {
            let needed = DisplayWidth.of(key) + 1 + DisplayWidth.of(label)
            guard x + needed <= width - 1 else { break }
            x = canvas.put(key, x: x, y: y, style: Theme.key)
            x = canvas.put(" " + label, x: x, y: y, style: Theme.muted)
            x += 2
        }
    }

    /// The essential keys of the mode on top.
    static func primaryKeys(_ state: AppState, ascii: Bool) -> [(String, String)] {
        let upDown = Glyph.upDown(ascii), leftRight = Glyph.leftRight(ascii)
        switch state.mode {
        case .browse:
            switch state.focus {
            case .questions:
                return [(upDown, "move"), (leftRight, "group"), ("Enter", "answer"), ("?", "help"), ("/", "find"),
                        ("s", "save"), ("e", "export"), ("q", "quit"), ("Tab", "pane")]
            case .answer:
                let kind = state.currentQuestion?.kind
                let space = kind == .multi ? "toggle" : "select"
                var keys = [(upDown, "move"), ("Space", space), ("Enter", kind == .list ? "edit" : "done"), ("Esc", "back")]
                if kind == .list { keys += [("a", "add"), ("d", "delete")] }
                return keys + [("?", "help"), ("s", "save"), ("q", "quit")]
            case .recommendations:
                return [(upDown, "decision"), ("Enter", "why"), ("Tab", "questions"), ("t", "layout"), ("?", "help"),
                        ("s", "save"), ("q", "quit")]
            }
        case .edit, .prompt:
            return [("Enter", "OK"), ("Esc", "cancel"), (leftRight, "cursor"), ("Backspace", "delete")]
        case .confirm:
            return [("y", "yes"), ("n", "no"), ("Esc", "cancel")]
        case .exportMenu:
            return [("m", "markdown"), ("r", "MADR records"), ("Esc", "cancel")]
        case .search:
            return [("type", "to search"), (upDown, "match"), ("Enter", "jump"), ("Esc", "cancel")]
        case .why:
            return [(upDown, "scroll"), ("PgUp/PgDn", "page"), (leftRight, "decision"), ("Enter", "jump to answer"),
                    ("p", "pin"), ("Esc", "back"), ("q", "quit")]
        case .help, .layoutTree:
            return [(upDown, "scroll"), ("PgUp/PgDn", "page"), ("Home/End", "top/bottom"), ("Esc", "back"), ("q", "quit")]
        case .problems:
            return [(upDown, "move"), ("Enter", "jump to answer"), ("Esc", "back"), ("q", "quit")]
        case .inventory:
            switch state.inventoryLevel {
            case .services:
                return [(upDown, "move"), ("Enter", "open"), ("a", "add"), ("r", "rename"), ("d", "delete"), ("Esc", "back")]
            case .service:
                return [(upDown, "move"), ("Enter", "edit"), ("Space", "toggle"), ("a", "add resource"), ("d", "delete"),
                        ("Esc", "back")]
            case .resource:
                return [(upDown, "move"), ("Space", "toggle method"), ("Enter", "edit path"), ("d", "delete"), ("Esc", "back")]
            }
        }
    }

    /// More keys, shown when there is no message.
    static func secondaryKeys(_ state: AppState, ascii: Bool) -> [(String, String)] {
        switch state.mode {
        case .browse, .inventory:
            return [("Tab", "pane"), ("w", "why"), ("t", "layout tree"), ("c", "conflicts/errors"), ("x", "use default"),
                    ("PgUp/PgDn", "group")]
        default:
            return []
        }
    }
}

/// Shown instead of the interview when the terminal is smaller than `Screen.minimumSize`.
enum TooSmallView {
    static func draw(_ canvas: inout Canvas, size: TerminalSize, ascii: Bool) {
        let needed = Screen.minimumSize
        let lines = ["Enlarge the terminal", "needs \(needed.width)x\(needed.height), now \(size.width)x\(size.height)",
                     "q quits"]
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let fitted = TextWrap.truncate(line, width: size.width, ellipsis: "")
            let x = max(0, (size.width - DisplayWidth.of(fitted)) / 2)
            canvas.put(fitted, x: x, y: top + offset, style: offset == 0 ? Theme.danger : Theme.plain)
        }
    }
}
