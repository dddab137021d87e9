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

    /// The essential keys of the view on top, generated from the key map that handles them.
    static func primaryKeys(_ state: AppState, ascii: Bool) -> [(String, String)] {
        KeyMap.legend(for: state, row: .primary, ascii: ascii)
    }

    /// More keys, shown when there is no message; from the same key map.
    static func secondaryKeys(_ state: AppState, ascii: Bool) -> [(String, String)] {
        KeyMap.legend(for: state, row: .secondary, ascii: ascii)
    }
}

/// Shown instead of the interview when the terminal is smaller than `Screen.minimumSize`.
enum TooSmallView {
    static func draw(_ canvas: inout Canvas, size: TerminalSize, ascii: Bool) {
        let needed = Screen.minimumSize
        let lines = ["Enlarge the terminal", "needs \(needed.width)x\(needed.height), now \(size.width)x\(size.height)",
                     "Keys do nothing until it is larger; q quits", "(unsaved answers stay in the recovery file)"]
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let fitted = TextWrap.truncate(line, width: size.width, ellipsis: "")
            let x = max(0, (size.width - DisplayWidth.of(fitted)) / 2)
            canvas.put(fitted, x: x, y: top + offset, style: offset == 0 ? Theme.danger : Theme.plain)
        }
    }
}
