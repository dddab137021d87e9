/// Turns keys into actions for the mode on top: arrows and vi keys in lists, typing in editors.
public enum KeyMap {
    /// The action for `key` in `state`.
    public static func action(for key: Key, in state: AppState) -> Action {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        switch state.mode {
        case .edit, .prompt, .search:
            return editorAction(key)
        case .confirm:
            switch key {
            case .char("y"), .char("Y"): return .yes
            case .char("n"), .char("N"), .escape, .backspace: return .no
            default: return .none
            }
        case .exportMenu:
            switch key {
            case .char("m"), .char("M"): return .exportMarkdown
            case .char("r"), .char("R"): return .exportMADR
            case .escape, .backspace, .char("q"): return .back
            default: return .none
            }
        case .browse, .inventory, .why, .help, .problems, .layoutTree:
            return listAction(key)
        }
    }

    /// Keys in editors: characters are text, arrows move the cursor.
    static func editorAction(_ key: Key) -> Action {
        switch key {
        case .char(let character): return .character(character)
        case .left: return .left
        case .right: return .right
        case .up: return .up
        case .down: return .down
        case .home, .ctrl("a"): return .home
        case .end, .ctrl("e"): return .end
        case .backspace: return .deleteBackward
        case .delete, .ctrl("d"): return .deleteForward
        case .enter: return .activate
        case .escape: return .back
        case .tab: return .down
        case .backTab: return .up
        default: return .none
        }
    }

    /// Keys in lists and views: arrows and vi keys move, letters are commands.
    static func listAction(_ key: Key) -> Action {
        switch key {
        case .up, .char("k"): return .up
        case .down, .char("j"): return .down
        case .left, .char("h"): return .left
        case .right, .char("l"): return .right
        case .pageUp, .ctrl("b"): return .pageUp
        case .pageDown, .ctrl("f"): return .pageDown
        case .home, .char("g"): return .home
        case .end, .char("G"): return .end
        case .enter: return .activate
        case .char(" "): return .toggle
        case .escape, .backspace: return .back
        case .tab, .backTab: return .switchPane
        case .char("/"): return .openSearch
        case .char("?"), .function(1): return .openHelp
        case .char("w"): return .openWhy
        case .char("t"): return .openLayout
        case .char("c"): return .openProblems
        case .char("s"): return .save
        case .char("e"): return .export
        case .char("q"): return .quit
        case .char("x"): return .resetAnswer
        case .char("p"): return .cyclePin
        case .char("a"), .char("n"): return .add
        case .char("r"): return .rename
        case .char("d"), .delete: return .remove
        default: return .none
        }
    }
}
