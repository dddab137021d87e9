/// The terminal attributes a style is drawn with; without colours, colour roles degrade to these.
struct TextAttributes: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    static let bold = TextAttributes(rawValue: 1 << 0)
    static let reverse = TextAttributes(rawValue: 1 << 1)
    static let underline = TextAttributes(rawValue: 1 << 2)
    static let dim = TextAttributes(rawValue: 1 << 3)

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The attributes for `style` on a terminal with or without colours (`colorCount` of them).
    ///
    /// Without colours the roles must stay distinguishable: emphasis roles
    /// turn bold, danger also underlined, muted dim, and any background
    /// (the selection bar) reverse video. With fewer than 16 colours there is
    /// no grey, so muted text is dimmed instead.
    init(style: Style, colors: Bool, colorCount: Int) {
        var attributes: TextAttributes = []
        if style.bold { attributes.insert(.bold) }
        if style.reverse { attributes.insert(.reverse) }
        if style.underline { attributes.insert(.underline) }
        if style.dim { attributes.insert(.dim) }
        if colors {
            if style.foreground == .muted && colorCount < 16 { attributes.insert(.dim) }
        } else {
            switch style.foreground {
            case .accent, .success, .warning:
                attributes.insert(.bold)
            case .danger:
                attributes.formUnion([.bold, .underline])
            case .muted:
                attributes.insert(.dim)
            case .default, .selection:
                break
            }
            if style.background != .default || style.foreground == .selection {
                attributes.insert(.reverse)
            }
        }
        self = attributes
    }
}

extension ColorRole {
    /// The terminal colour number of a role: the eight ANSI colours (0 black ... 7 white, what curses' COLOR_*
    /// constants are), 8 for bright black on 16-colour terminals, -1 for the terminal's own default colour.
    func paletteIndex(background: Bool, hasDefaultColors: Bool, colorCount: Int) -> Int16 {
        let terminalDefault: Int16 = hasDefaultColors ? -1 : (background ? 0 : 7)
        switch self {
        case .default: return terminalDefault
        case .accent: return 6
        case .muted: return colorCount >= 16 ? 8 : terminalDefault // 8 is bright black (grey)
        case .success: return 2
        case .warning: return 3
        case .danger: return 1
        case .selection: return 4
        }
    }
}
