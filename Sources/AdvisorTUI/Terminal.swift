/// Size of a terminal in columns and rows.
public struct TerminalSize: Equatable, Hashable, Sendable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// What a terminal can show; views adapt to it (ASCII boxes, attribute-only emphasis).
public struct TerminalCapabilities: Equatable, Hashable, Sendable {
    /// True when Unicode (box drawing, non-ASCII text) is shown; otherwise draw ASCII only.
    public var unicode: Bool
    /// True when colour roles map to colours; otherwise they degrade to bold, reverse, underline and dim.
    public var colors: Bool

    /// Creates a capability set.
    public init(unicode: Bool, colors: Bool) {
        self.unicode = unicode
        self.colors = colors
    }

    /// Unicode and colours.
    public static let full = TerminalCapabilities(unicode: true, colors: true)
    /// ASCII only, no colours.
    public static let minimal = TerminalCapabilities(unicode: false, colors: false)
}

/// A full-screen terminal: the app presents canvases and reads keys, nothing else.
///
/// Typical loop: `start()`, then repeatedly `present(view(state))` and
/// `update(state, readKey())` until the app is done or the key is `.eof`,
/// then `stop()`. On `.resize` the next canvas must have the new `size`.
public protocol Terminal: AnyObject {
    /// Current size; changes when `readKey()` returns `.resize`.
    var size: TerminalSize { get }
    /// What the terminal can show, fixed after `start()`.
    var capabilities: TerminalCapabilities { get }
    /// Enters full-screen mode.
    func start() throws
    /// Leaves full-screen mode and restores the terminal; calling it twice is harmless.
    func stop()
    /// Shows `canvas`; cells outside the terminal are ignored.
    func present(_ canvas: Canvas)
    /// Waits for the next key, resize or end of input.
    func readKey() -> Key
}
