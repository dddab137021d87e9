/// One input event from a terminal.
///
/// Keys are reported as typed; meaning (vi keys, `q` to quit, arrows in a
/// list) is the app's business.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character, including space.
    case char(Character)
    /// Ctrl with a key, as the lowercase letter (`ctrl("a")`) or one of `@ \ ] ^ _`.
    ///
    /// Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ arrive as `backspace`, `tab`,
    /// `enter`, `enter` and `escape`, because terminals send the same bytes.
    case ctrl(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Enter or Return.
    case enter
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace (DEL or Ctrl-H).
    case backspace
    /// Delete (forward).
    case delete
    /// Insert.
    case insert
    /// Escape, reported alone after a short delay; Alt-x arrives as escape then x.
    case escape
    /// Function key F1, F2, ...
    case function(Int)
    /// The terminal now has this size; redraw with a canvas of it.
    case resize(width: Int, height: Int)
    /// Input is closed (terminal gone, stdin at end): the app must finish, further reads return eof again.
    case eof

    /// Decodes a code point read in raw (cbreak) mode, mapping control bytes to named keys.
    public init(scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x08, 0x7F:
            self = .backspace
        case 0x09:
            self = .tab
        case 0x0A, 0x0D:
            self = .enter
        case 0x1B:
            self = .escape
        case 0x00:
            self = .ctrl("@")
        case 0x01...0x1A:
            self = .ctrl(Character(Unicode.Scalar(UInt8(scalar.value) + 0x60)))
        case 0x1C...0x1F:
            self = .ctrl(Character(Unicode.Scalar(UInt8(scalar.value) + 0x40)))
        case 0x80...0x9F:
            // C1 controls are never typed text; report them as Escape rather than inject them.
            self = .escape
        default:
            self = .char(Character(scalar))
        }
    }

    /// The keys that typing `text` produces, for scripting tests (`"\n"` is enter, `"\t"` is tab).
    public static func typing(_ text: String) -> [Key] {
        text.map { character in
            if character.isNewline { return .enter }
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 {
                return Key(scalar: scalar)
            }
            return .char(character)
        }
    }

    /// The character of a `.char` key, nil for other keys.
    public var character: Character? {
        if case .char(let character) = self { return character }
        return nil
    }
}
