/// Which legend row a command is listed on.
public enum LegendRow: Equatable, Sendable {
    /// The bottom row, always visible.
    case primary
    /// The row above it, shown when there is no message.
    case secondary
    /// Not listed (aliases such as the vi keys, which the help screen names).
    case hidden
}

/// One command of a view: the keys that trigger it, the action each sends, and its legend label.
///
/// The key legend is generated from these same values, so what the legend says and what the keys do
/// cannot drift apart.
public struct KeyCommand: Sendable {
    /// Keys and the action each sends, in the order the legend names them.
    public var bindings: [(key: Key, action: Action)]
    /// What the legend says the command does.
    public var label: String
    /// Where the legend lists it.
    public var row: LegendRow
    /// How many of the first bindings the legend names (the rest are aliases).
    public var shown: Int
    /// The keys the ASCII legend names instead (arrows have no ASCII glyph: it names the vi keys).
    public var asciiKeys: [Key]?

    init(_ bindings: [(Key, Action)], _ label: String, _ row: LegendRow = .primary, shown: Int? = nil, ascii: [Key]? = nil) {
        self.bindings = bindings.map { (key: $0.0, action: $0.1) }
        self.label = label
        self.row = row
        self.shown = shown ?? bindings.count
        self.asciiKeys = ascii
    }

    init(_ key: Key, _ action: Action, _ label: String, _ row: LegendRow = .primary) {
        self.init([(key, action)], label, row)
    }

    /// The keys as the legend shows them, e.g. `↑↓`, `PgUp/PgDn`, `Enter`.
    public func keyText(ascii: Bool) -> String {
        let keys = ascii ? (asciiKeys ?? Array(bindings.prefix(shown).map(\.key))) : Array(bindings.prefix(shown).map(\.key))
        let names = keys.map { KeyMap.name($0, ascii: ascii) }
        let arrows = !ascii && keys.allSatisfy { [.up, .down, .left, .right].contains($0) }
        return names.joined(separator: arrows ? "" : "/")
    }
}

/// Turns keys into actions for the view on top, from one table of commands per view; the legend on
/// the bottom rows is generated from the same table.
public enum KeyMap {
    /// The action for `key` in `state`.
    public static func action(for key: Key, in state: AppState) -> Action {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        // While the "enlarge the terminal" screen shows, only q acts (the screen says so).
        if state.tooSmall { return key == .char("q") ? .quit : .none }
        if state.strayTyping && !takesText(state) {
            if case .char(let character) = key { return .notAKey(String(character)) }
            if key == .enter { return .notAKey("Enter") }
        }
        for command in commands(for: state) {
            if let binding = command.bindings.first(where: { $0.key == key }) { return binding.action }
        }
        if case .char(let character) = key {
            // Text goes only to editors; elsewhere a stray letter is reported, never passed on as a command.
            return takesText(state) ? .character(character) : .notAKey(String(character))
        }
        return .none
    }

    /// Whether the view on top is a text editor (answers, paths, search).
    static func takesText(_ state: AppState) -> Bool {
        switch state.mode {
        case .edit, .prompt, .search: return true
        default: return false
        }
    }

    /// The legend entries (keys, label) of `row` for the view on top.
    public static func legend(for state: AppState, row: LegendRow, ascii: Bool) -> [(String, String)] {
        if state.tooSmall { return [] }
        return commands(for: state).filter { $0.row == row }.map { ($0.keyText(ascii: ascii), $0.label) }
    }

    /// The name of a key in the legend and help.
    public static func name(_ key: Key, ascii: Bool) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .ctrl(let character): return "Ctrl-" + String(character).uppercased()
        case .up: return ascii ? "Up" : "↑"
        case .down: return ascii ? "Down" : "↓"
        case .left: return ascii ? "Left" : "←"
        case .right: return ascii ? "Right" : "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .escape: return "Esc"
        case .function(let number): return "F\(number)"
        case .resize: return "resize"
        case .eof: return "end of input"
        }
    }

    // MARK: - The tables

    /// Up and down (with the vi keys j/k as aliases).
    static func move(_ label: String) -> KeyCommand {
        KeyCommand([(.up, .up), (.down, .down), (.char("k"), .up), (.char("j"), .down)], label, shown: 2,
                   ascii: [.char("j"), .char("k")])
    }

    static let pages = KeyCommand([(.pageUp, .pageUp), (.pageDown, .pageDown), (.ctrl("b"), .pageUp), (.ctrl("f"), .pageDown)],
                                  "page", shown: 2)
    static let ends = KeyCommand([(.home, .home), (.end, .end), (.char("g"), .home), (.char("G"), .end)], "top/bottom",
                                 .hidden, shown: 2)
    static let help = KeyCommand([(.char("?"), .openHelp), (.function(1), .openHelp)], "help", shown: 1)

    /// The commands of the view on top, in legend order; the first binding of a key wins.
    public static func commands(for state: AppState) -> [KeyCommand] {
        let upDown = move("move")
        switch state.mode {
        case .edit, .prompt:
            return [KeyCommand(.enter, .activate, "OK"), KeyCommand(.escape, .back, "cancel")] + lineEditing
        case .search:
            return [move("match"), KeyCommand(.enter, .activate, "jump"), KeyCommand(.escape, .back, "cancel")]
                .map(\.withoutViKeys) + lineEditing
        case .confirm:
            return [KeyCommand([(.char("y"), .yes), (.char("Y"), .yes)], "yes", shown: 1),
                    KeyCommand([(.char("n"), .no), (.char("N"), .no)], "no", shown: 1),
                    KeyCommand(.escape, .back, "cancel")]
        case .exportMenu:
            return [KeyCommand([(.char("m"), .exportMarkdown), (.char("M"), .exportMarkdown)], "markdown", shown: 1),
                    KeyCommand([(.char("r"), .exportMADR), (.char("R"), .exportMADR)], "MADR records", shown: 1),
                    KeyCommand([(.escape, .back), (.char("q"), .back)], "cancel")]
        case .why:
            return [move("scroll"), pages, KeyCommand([(.left, .left), (.right, .right), (.char("h"), .left), (.char("l"), .right)],
                                                     "decision", shown: 2, ascii: [.char("h"), .char("l")]),
                    KeyCommand(.enter, .activate, "jump to answer"), KeyCommand(.char("p"), .cyclePin, "pin", .secondary),
                    KeyCommand([(.escape, .back), (.char("q"), .back)], "back"),
                    ends, KeyCommand(.char(" "), .pageDown, "page", .hidden)]
        case .help, .layoutTree, .estimate:
            return [move("scroll"), pages, KeyCommand([(.home, .home), (.end, .end), (.char("g"), .home), (.char("G"), .end)],
                                                     "top/bottom", shown: 2),
                    KeyCommand([(.escape, .back), (.char("q"), .back)], "back"), KeyCommand(.char(" "), .pageDown, "page", .hidden)]
        case .problems:
            return [upDown, KeyCommand([(.enter, .activate), (.char(" "), .activate)], "jump to answer", shown: 1),
                    KeyCommand([(.escape, .back), (.char("q"), .back)], "back"), ends]
        case .groups:
            return [upDown, KeyCommand(.enter, .activate, "open group"), KeyCommand([(.escape, .back), (.char("q"), .back)], "back"), ends]
        case .inventory:
            let back = KeyCommand([(.escape, .back), (.left, .back), (.char("h"), .back)], "back", shown: 1)
            let list = [upDown]
            let access = [KeyCommand(.char("p"), .cycleAccess, "access", .secondary),
                          KeyCommand(.char("x"), .resetAnswer, "clear", .secondary)]
            switch state.inventoryLevel {
            case .services:
                return list + [KeyCommand([(.enter, .activate), (.right, .activate), (.char("l"), .activate)], "open", shown: 1),
                               KeyCommand(.char("a"), .add, "add"), KeyCommand(.char("r"), .rename, "rename"),
                               KeyCommand([(.char("d"), .remove), (.delete, .remove)], "delete", shown: 1), back, help] + writing + viewing
            case .service:
                return list + [KeyCommand([(.enter, .activate), (.right, .activate), (.char("l"), .activate)], "edit", shown: 1),
                               KeyCommand(.char(" "), .toggle, "toggle"), KeyCommand(.char("a"), .add, "add resource"),
                               KeyCommand([(.char("d"), .remove), (.delete, .remove)], "delete", shown: 1), back, help]
                    + access + writing + viewing
            case .resource:
                return list + [KeyCommand(.char(" "), .toggle, "toggle method"),
                               KeyCommand([(.enter, .activate), (.right, .activate), (.char("l"), .activate)], "edit path", shown: 1),
                               KeyCommand([(.char("d"), .remove), (.delete, .remove)], "delete", shown: 1), back, help]
                    + access + writing + viewing
            }
        case .serviceAnswer(let editor):
            // The keys of the top-level question's choice editor, with x returning the service to the top-level answer.
            let kind = state.rules.question(editor.question)?.kind
            var keys = [upDown, KeyCommand(.char(" "), .toggle, kind == .multi ? "toggle" : "select"),
                        KeyCommand(.enter, .activate, kind == .list ? "edit" : "done"),
                        KeyCommand([(.escape, .back), (.left, .back), (.char("h"), .back)], kind == .list ? "back" : "cancel", shown: 1)]
            if kind == .list {
                keys += [KeyCommand(.char("a"), .add, "add"), KeyCommand([(.char("d"), .remove), (.delete, .remove)], "delete", shown: 1),
                         KeyCommand(.char("r"), .rename, "edit", .hidden)]
            }
            return keys + [help] + writing
                + [KeyCommand(.char("q"), .quit, "quit"), KeyCommand(.char("x"), .resetAnswer, "inherit", .secondary), ends] + viewing
        case .browse:
            switch state.focus {
            case .questions:
                return [upDown, KeyCommand([(.left, .left), (.right, .right), (.char("h"), .left), (.char("l"), .right)], "group",
                                           shown: 2, ascii: [.char("h"), .char("l")]),
                        KeyCommand(.enter, .activate, "answer"), help, KeyCommand(.char("/"), .openSearch, "find")]
                    + writing + [KeyCommand(.escape, .quit, "quit", .hidden), KeyCommand(.char("q"), .quit, "quit"),
                                 KeyCommand([(.tab, .switchPane), (.backTab, .switchPane)], "pane", .secondary, shown: 1),
                                 KeyCommand(.char(" "), .toggle, "toggle", .hidden), KeyCommand(.char("x"), .resetAnswer, "use default", .secondary),
                                 KeyCommand(.char("a"), .add, "add", .hidden)]
                    + viewing + [pages.with(label: "group", row: .secondary), ends]
            case .answer:
                let kind = state.currentQuestion?.kind
                var keys = [upDown, KeyCommand(.char(" "), .toggle, kind == .multi ? "toggle" : "select"),
                            KeyCommand(.enter, .activate, kind == .list ? "edit" : "done"),
                            KeyCommand([(.escape, .back), (.left, .back), (.char("h"), .back)], kind == .list ? "back" : "cancel", shown: 1)]
                if kind == .list {
                    keys += [KeyCommand(.char("a"), .add, "add"), KeyCommand([(.char("d"), .remove), (.delete, .remove)], "delete", shown: 1),
                             KeyCommand(.char("r"), .rename, "edit", .hidden)]
                }
                return keys + [help] + writing
                    + [KeyCommand(.char("q"), .quit, "quit"), KeyCommand([(.tab, .switchPane), (.backTab, .switchPane)], "pane", .secondary, shown: 1),
                       KeyCommand(.char("x"), .resetAnswer, "use default", .secondary), ends] + viewing
            case .recommendations:
                return [move("decision"), KeyCommand([(.enter, .activate), (.right, .activate), (.char(" "), .activate), (.char("l"), .activate)],
                                                     "why", shown: 1),
                        KeyCommand([(.tab, .switchPane), (.backTab, .switchPane), (.escape, .back), (.left, .back), (.char("h"), .back)],
                                   "questions", shown: 1), help] + writing + [KeyCommand(.char("q"), .quit, "quit"), ends] + viewing
            }
        }
    }

    /// Saving and exporting (each asks for a path, then for confirmation, before writing).
    static let writing = [KeyCommand(.char("s"), .save, "save"), KeyCommand(.char("e"), .export, "export")]

    /// The views every list screen opens.
    static let viewing = [KeyCommand(.char("w"), .openWhy, "why", .secondary), KeyCommand(.char("t"), .openLayout, "layout", .secondary),
                          KeyCommand(.char("$"), .openEstimate, "cost", .secondary),
                          KeyCommand(.char("c"), .openProblems, "findings", .secondary),
                          KeyCommand(.char("o"), .openGroups, "groups", .secondary)]

    /// Cursor and deletion keys of the one-line editors (readline conventions).
    static let lineEditing = [
        KeyCommand([(.left, .left), (.right, .right)], "cursor", .hidden),
        KeyCommand([(.home, .home), (.ctrl("a"), .home)], "start", .hidden),
        KeyCommand([(.end, .end), (.ctrl("e"), .end)], "end", .hidden),
        KeyCommand(.backspace, .deleteBackward, "delete", .hidden),
        KeyCommand([(.delete, .deleteForward), (.ctrl("d"), .deleteForward)], "delete right", .hidden),
        KeyCommand(.ctrl("u"), .deleteToStart, "clear", .secondary),
        KeyCommand(.ctrl("w"), .deleteWord, "delete word", .secondary),
        KeyCommand([(.ctrl("a"), .home), (.ctrl("e"), .end)], "start/end", .secondary),
        KeyCommand([(.tab, .down), (.backTab, .up)], "next/previous", .hidden),
    ]
}

extension KeyCommand {
    /// The same command with another label and row.
    func with(label: String, row: LegendRow) -> KeyCommand {
        var copy = self
        copy.label = label
        copy.row = row
        return copy
    }

    /// The command without letter aliases (in the search box letters are text).
    var withoutViKeys: KeyCommand {
        var copy = self
        copy.bindings = bindings.filter { if case .char = $0.key { return false } else { return true } }
        copy.shown = min(shown, copy.bindings.count)
        copy.asciiKeys = nil
        return copy
    }
}
