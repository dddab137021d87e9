/// A terminal for tests: plays a list of keys and records every presented frame.
///
/// When the keys run out it returns `.eof`. An app that keeps reading after
/// too many `.eof`s is stuck in a loop, and the terminal stops the test with a
/// precondition failure instead of letting it hang.
public final class ScriptedTerminal: Terminal {
    /// Current size; follows `.resize` keys as they are read.
    public private(set) var size: TerminalSize
    /// The capabilities given at creation.
    public let capabilities: TerminalCapabilities
    /// Every canvas passed to `present`, oldest first.
    public private(set) var frames: [Canvas] = []
    /// Keys not read yet.
    public private(set) var pendingKeys: [Key]
    /// True between `start()` and `stop()`.
    public private(set) var isActive = false
    /// Number of `start()` calls.
    public private(set) var startCount = 0
    /// Number of `stop()` calls that ended an active session.
    public private(set) var stopCount = 0
    /// Number of `.eof` results handed out.
    public private(set) var eofCount = 0
    /// `.eof` results allowed before the app is considered stuck.
    public var maximumEOFReads: Int

    /// Creates a terminal of the given size that will deliver `keys` in order.
    public init(
        width: Int = 80,
        height: Int = 24,
        capabilities: TerminalCapabilities = .full,
        keys: [Key] = [],
        maximumEOFReads: Int = 100
    ) {
        self.size = TerminalSize(width: width, height: height)
        self.capabilities = capabilities
        self.pendingKeys = keys
        self.maximumEOFReads = maximumEOFReads
    }

    /// The last presented canvas.
    public var lastFrame: Canvas? { frames.last }

    /// Queues more keys after the pending ones.
    public func enqueue(_ keys: [Key]) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Marks the session active.
    public func start() throws {
        startCount += 1
        isActive = true
    }

    /// Marks the session inactive.
    public func stop() {
        if isActive { stopCount += 1 }
        isActive = false
    }

    /// Records `canvas` as a frame.
    public func present(_ canvas: Canvas) {
        frames.append(canvas)
    }

    /// Returns the next scripted key, applying resizes to `size`, or `.eof` when none are left.
    public func readKey() -> Key {
        guard !pendingKeys.isEmpty else {
            eofCount += 1
            precondition(eofCount <= maximumEOFReads, "app keeps reading keys after .eof; it must finish on .eof")
            return .eof
        }
        let key = pendingKeys.removeFirst()
        if case .resize(let width, let height) = key {
            size = TerminalSize(width: width, height: height)
        }
        return key
    }
}
