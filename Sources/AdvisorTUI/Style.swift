/// A semantic colour; each terminal maps it to a real colour, or to attributes when colours are unavailable.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// Headings, focused elements and keys in hints.
    case accent
    /// Secondary text such as help lines and explanations.
    case muted
    /// Positive outcomes: a recommendation that fits, a saved file.
    case success
    /// Caveats that need attention.
    case warning
    /// Errors and invalid input.
    case danger
    /// The highlighted row of a list.
    case selection
}

/// How a cell is drawn: colour roles plus text attributes.
public struct Style: Equatable, Hashable, Sendable {
    /// Foreground colour role.
    public var foreground: ColorRole
    /// Background colour role.
    public var background: ColorRole
    /// Bold (or bright) text.
    public var bold: Bool
    /// Swapped foreground and background.
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool
    /// Faint text.
    public var dim: Bool

    /// Creates a style; every attribute defaults to off and both colours to the terminal's own.
    public init(
        foreground: ColorRole = .default,
        background: ColorRole = .default,
        bold: Bool = false,
        reverse: Bool = false,
        underline: Bool = false,
        dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// A copy with the given foreground role.
    public func foreground(_ role: ColorRole) -> Style {
        var copy = self
        copy.foreground = role
        return copy
    }

    /// A copy with the given background role.
    public func background(_ role: ColorRole) -> Style {
        var copy = self
        copy.background = role
        return copy
    }

    /// A copy with bold switched on.
    public func bolded() -> Style {
        var copy = self
        copy.bold = true
        return copy
    }

    /// A copy with reverse video switched on.
    public func reversed() -> Style {
        var copy = self
        copy.reverse = true
        return copy
    }

    /// A copy with underline switched on.
    public func underlined() -> Style {
        var copy = self
        copy.underline = true
        return copy
    }

    /// A copy with dim switched on.
    public func dimmed() -> Style {
        var copy = self
        copy.dim = true
        return copy
    }
}
