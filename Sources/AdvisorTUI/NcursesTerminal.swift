import CNcursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, drawn with ncursesw; the only type that talks to ncurses.
///
/// Only one can be active per process (ncurses state is global). `start()`
/// fails with a `TerminalError` rather than exiting when stdin/stdout is not
/// a terminal or `TERM` is unknown. While active, SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT restore the terminal, run `onTerminationSignal` once and end the
/// process by that signal (shell status 130, 143, 129, 131); crashes and
/// `exit()` restore the terminal too.
public final class NcursesTerminal: Terminal {
    /// Where the screen comes from: the user's terminal, or /dev/null for tests.
    private enum Mode {
        case interactive
        case headless(term: String, width: Int, height: Int, colorsAllowed: Bool)
    }

    /// Current size; updated when `readKey()` returns `.resize`.
    public private(set) var size = TerminalSize(width: 80, height: 24)
    /// Unicode and colour support, known after `start()`.
    public private(set) var capabilities = TerminalCapabilities.minimal
    /// Runs once when SIGINT, SIGTERM, SIGHUP or SIGQUIT ends the session: after the
    /// terminal is restored, before the process exits by that signal. Save
    /// answers here (write to a temporary file and rename; a second signal
    /// during the hook is held back until it returns).
    public var onTerminationSignal: ((Int32) -> Void)?

    private let mode: Mode
    private var screen: OpaquePointer?
    private var headlessFiles: [UnsafeMutablePointer<FILE>] = []
    private var lastPresented: Canvas?
    private var colorPairs: [UInt16: Int16] = [:]
    /// The style of the last cell drawn and its curses attributes (reset with the colour pairs).
    private var lastStyle: Style?
    private var lastAttributes: (attr_t, Int16) = (0, 0)
    private var nextColorPair: Int32 = 1
    private var hasDefaultColors = false
    private var colorCount: Int32 = 0
    private var cursorShown = false
    private var reachedEOF = false
    private var input = InputDecoder()
    /// Cells written by the last `present`, so tests can check that redraws are incremental.
    private(set) var lastWriteCount = 0

    /// Creates a terminal on standard input and output; nothing happens until `start()`.
    public init() {
        mode = .interactive
    }

    /// Creates an off-screen terminal of a fixed size writing to /dev/null, for tests.
    init(headlessTerm term: String, width: Int, height: Int, colorsAllowed: Bool = true) {
        mode = .headless(term: term, width: width, height: height, colorsAllowed: colorsAllowed)
    }

    deinit {
        stop()
    }

    /// Enters full-screen mode; throws `TerminalError` when that is impossible.
    public func start() throws {
        guard screen == nil else { return }
        guard advisor_tui_is_curses_active() == 0 else { throw TerminalError.alreadyActive }
        switch mode {
        case .interactive:
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
            let unicode = Self.configureLocale()
            let term = TerminalEnvironment.term
            // Refused before ncurses touches the terminal; others are checked after newterm, from terminfo.
            if TerminalEnvironment.isDumb(term) { throw TerminalError.noCursorAddressing(term) }
            advisor_tui_unblock_signals()
            advisor_tui_save_tty_modes(STDIN_FILENO, STDOUT_FILENO)
            advisor_tui_save_signal_actions()
            // newterm, unlike initscr, returns NULL for an unknown TERM instead of exiting.
            guard !term.isEmpty, let created = newterm(nil, advisor_stdout(), advisor_stdin()) else {
                throw TerminalError.unknownTerminal(term)
            }
            guard Self.canAddressTheCursor(term) else {
                endwin()
                delscreen(created)
                throw TerminalError.noCursorAddressing(term)
            }
            screen = created
            configureScreen(unicode: unicode, colorsAllowed: TerminalEnvironment.colorsAllowed())
            advisor_tui_arm_emergency_restore()
            // After newterm, so ours replace the SIGINT/SIGTERM handlers ncurses installs;
            // stop() puts back the ones saved before newterm.
            advisor_tui_install_signal_handlers()
        case .headless(let term, let width, let height, let colorsAllowed):
            let unicode = Self.configureLocale()
            guard let output = fopen("/dev/null", "w") else { throw TerminalError.notATerminal }
            guard let input = fopen("/dev/null", "r") else {
                fclose(output)
                throw TerminalError.notATerminal
            }
            guard let created = newterm(term, output, input) else {
                fclose(output)
                fclose(input)
                throw TerminalError.unknownTerminal(term)
            }
            guard Self.canAddressTheCursor(term) else {
                delscreen(created)
                fclose(output)
                fclose(input)
                throw TerminalError.noCursorAddressing(term)
            }
            headlessFiles = [output, input]
            screen = created
            resize_term(Int32(height), Int32(width)) // unlike resizeterm, queues no KEY_RESIZE
            configureScreen(unicode: unicode, colorsAllowed: colorsAllowed)
        }
        advisor_tui_set_curses_active(1)
        advisor_tui_register_atexit()
        StartupTrace.mark("ncurses")
    }

    /// Whether the terminal newterm just set up can draw a full screen: it is not `dumb`, not a
    /// hardcopy or generic terminal, and has cursor addressing (`cup`). Without it ncurses draws
    /// line by line and the interview comes out garbled.
    static func canAddressTheCursor(_ term: String) -> Bool {
        if TerminalEnvironment.isDumb(term) { return false }
        if tigetflag("hc") > 0 || tigetflag("gn") > 0 { return false }
        guard let cup = tigetstr("cup") else { return false }
        return Int(bitPattern: cup) != -1 && cup.pointee != 0
    }

    /// Restores the terminal; a termination signal that arrived meanwhile is acted on now.
    public func stop() {
        guard screen != nil else { return }
        teardown()
        let signal = advisor_tui_pending()
        if signal != 0 { terminate(by: signal) }
    }

    /// Draws the cells that changed since the last frame, then refreshes the screen.
    public func present(_ canvas: Canvas) {
        guard screen != nil, let window = advisor_stdscr() else { return }
        StartupTrace.mark("view")
        let rows = Int(getmaxy(window))
        let columns = Int(getmaxx(window))
        let positions: [Position]
        if let last = lastPresented, last.width == canvas.width, last.height == canvas.height {
            positions = canvas.diff(from: last)
        } else {
            werase(window)
            positions = canvas.diff(from: Canvas(width: 0, height: 0))
        }
        var writes = 0
        for position in positions where position.x < columns && position.y < rows {
            guard let cell = canvas.presented(at: position, columns: columns, unicode: capabilities.unicode) else { continue }
            if cell.blanksNext { draw(" ", style: cell.style, x: position.x + 1, y: position.y, in: window) }
            draw(cell.text, style: cell.style, x: position.x, y: position.y, in: window)
            writes += 1
        }
        placeCursor(canvas.cursor, rows: rows, columns: columns, in: window)
        wnoutrefresh(window)
        doupdate()
        lastPresented = canvas
        lastWriteCount = writes
        StartupTrace.finish("present")
    }

    /// Waits for a key; returns `.eof` once input is closed, and acts on termination signals.
    ///
    /// Reads bytes with `wgetch` and decodes UTF-8 itself (see
    /// `UTF8Assembler`) rather than using `get_wch`, which stalls on invalid
    /// input.
    public func readKey() -> Key {
        guard screen != nil, let window = advisor_stdscr() else { return .eof }
        while true {
            if let scalar = input.next() { return Key(scalar: scalar) }
            if reachedEOF { return .eof }
            let signalBefore = advisor_tui_pending()
            if signalBefore != 0 { terminate(by: signalBefore) }
            errno = 0
            let value = wgetch(window)
            let readError = errno
            if value == ERR {
                input.interrupt()
                let signalAfter = advisor_tui_pending()
                if signalAfter != 0 { terminate(by: signalAfter) }
                if readError == EINTR { continue }
                // ERR for any other reason is closed input; retrying would spin the CPU.
                reachedEOF = true
                return .eof
            }
            if value > 0xFF {
                input.interrupt() // a function key cut a multi-byte character short
                if value == KEY_RESIZE {
                    size = TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
                    lastPresented = nil // ncurses may have cleared or clipped the screen
                    return .resize(width: size.width, height: size.height)
                }
                if let key = Self.namedKey(value) { return key }
                continue // keys the interview has no use for (mouse, keypad extras)
            }
            // UTF-8 in a UTF-8 locale; the locale's single-byte charset otherwise.
            if capabilities.unicode || value < 0x80 {
                input.feed(UInt8(value))
            } else if case let wide = btowc(value), wide != WEOF, let scalar = Unicode.Scalar(UInt32(wide)) {
                input.append(scalar)
            }
        }
    }

    // MARK: - Setup and teardown

    private func configureScreen(unicode: Bool, colorsAllowed: Bool) {
        guard let window = advisor_stdscr() else { return }
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        Self.defineEitherArrowForm()
        set_escdelay(25) // the default second makes Esc feel broken
        curs_set(0)
        cursorShown = false
        var colors = false
        if colorsAllowed && has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            colorCount = advisor_colors()
            colors = true
        }
        colorPairs = [:]
        lastStyle = nil
        nextColorPair = 1
        lastPresented = nil
        reachedEOF = false
        input.reset()
        size = TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        capabilities = TerminalCapabilities(unicode: unicode, colors: colors)
    }

    /// Leaves curses mode and gives back signals, files and global state.
    private func teardown() {
        guard let current = screen else { return }
        endwin()
        advisor_tui_disarm_emergency_restore()
        advisor_tui_set_curses_active(0)
        if case .interactive = mode {
            advisor_tui_restore_signal_handlers()
        }
        delscreen(current)
        screen = nil
        for file in headlessFiles {
            fclose(file)
        }
        headlessFiles = []
        lastPresented = nil
    }

    /// Restores the terminal, runs the app's hook once and exits by `signal`.
    private func terminate(by signal: Int32) -> Never {
        advisor_tui_block_exit_signals()
        teardown()
        let hook = onTerminationSignal
        onTerminationSignal = nil
        hook?(signal)
        advisor_tui_die_by_signal(signal)
    }

    /// Selects the user's locale and reports whether it is UTF-8.
    ///
    /// Without a UTF-8 LC_CTYPE ncursesw drops every non-ASCII character. When
    /// no locale is configured (cron, CI, bare ssh) or the configured UTF-8
    /// one is not installed, C.UTF-8 is used; an explicit non-UTF-8 locale is
    /// respected and the app draws ASCII.
    private static func configureLocale() -> Bool {
        setlocale(LC_ALL, "")
        if advisor_codeset_is_utf8() != 0 { return true }
        guard TerminalEnvironment.mayFallBackToUTF8() else { return false }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            if advisor_codeset_is_utf8() != 0 { return true }
        }
        return false
    }

    // MARK: - Drawing

    private func draw(_ text: String, style: Style, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>) {
        // Consecutive cells mostly share a style: look its attributes up once per run, not per cell.
        if style != lastStyle {
            lastStyle = style
            lastAttributes = cursesAttributes(for: style)
        }
        let (attributes, pair) = lastAttributes
        var cell = cchar_t()
        // A cell holds one spacing character plus at most CCHARW_MAX - 1 combining ones; the buffer is
        // on the stack, so a frame allocates nothing per cell.
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Int(CCHARW_MAX) + 1) { characters in
            var count = 0
            for scalar in text.unicodeScalars where count < Int(CCHARW_MAX) {
                characters[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            characters[count] = 0
            setcchar(&cell, characters.baseAddress, attributes, pair, nil)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func placeCursor(_ cursor: Position?, rows: Int, columns: Int, in window: UnsafeMutablePointer<WINDOW>) {
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { curs_set(1) }
            cursorShown = true
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
    }

    /// Attributes and colour pair for a style; without colours the roles become attributes.
    private func cursesAttributes(for style: Style) -> (attr_t, Int16) {
        let flags = TextAttributes(style: style, colors: capabilities.colors, colorCount: Int(colorCount))
        var attributes = advisor_a_normal()
        if flags.contains(.bold) { attributes |= advisor_a_bold() }
        if flags.contains(.reverse) { attributes |= advisor_a_reverse() }
        if flags.contains(.underline) { attributes |= advisor_a_underline() }
        if flags.contains(.dim) { attributes |= advisor_a_dim() }
        guard capabilities.colors else { return (attributes, 0) }
        return (attributes, colorPair(foreground: style.foreground, background: style.background))
    }

    /// The colour pair for two roles, allocated on first use; 0 (default) when pairs run out.
    private func colorPair(foreground: ColorRole, background: ColorRole) -> Int16 {
        if foreground == .default && background == .default { return 0 }
        let key = UInt16(foreground.rawValue) << 8 | UInt16(background.rawValue)
        if let pair = colorPairs[key] { return pair }
        guard nextColorPair < advisor_color_pairs(), nextColorPair <= Int32(Int16.max) else { return 0 }
        let pair = Int16(nextColorPair)
        nextColorPair += 1
        init_pair(pair, colorNumber(foreground, background: false), colorNumber(background, background: true))
        colorPairs[key] = pair
        return pair
    }

    private func colorNumber(_ role: ColorRole, background: Bool) -> Int16 {
        role.paletteIndex(background: background, hasDefaultColors: hasDefaultColors, colorCount: Int(colorCount))
    }

    /// Teaches ncurses the `KeySequences.alternatives` its terminfo entry does not define (a defined one is left alone).
    private static func defineEitherArrowForm() {
        for (sequence, key) in KeySequences.alternatives where key_defined(sequence) == 0 {
            if let code = keyCodes.first(where: { $0.key == key })?.code { _ = define_key(sequence, code) }
        }
    }

    /// The curses codes of the named keys.
    private static let keyCodes: [(code: Int32, key: Key)] = [
        (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
        (KEY_IC, .insert), (KEY_BTAB, .backTab),
    ]

    private static func namedKey(_ code: Int32) -> Key? {
        if (advisor_key_f(1)...advisor_key_f(63)).contains(code) { return .function(Int(code - advisor_key_f(0))) }
        return keyCodes.first { $0.code == code }?.key
    }

    // MARK: - Test support

    /// The key ncurses reads for an input sequence now, or nil when it knows none (the bytes come one by one).
    func key(forSequence sequence: String) -> Key? {
        guard screen != nil else { return nil }
        let code = key_defined(sequence)
        return code > 0 ? Self.namedKey(code) : nil
    }

    /// The text ncurses holds for each screen row, trailing spaces removed.
    func screenLines() -> [String] {
        guard screen != nil, let window = advisor_stdscr() else { return [] }
        let rows = getmaxy(window)
        let columns = getmaxx(window)
        return (0..<rows).map { row in
            var buffer = [wchar_t](repeating: 0, count: Int(columns) + 1)
            guard mvwinnwstr(window, row, 0, &buffer, columns) != ERR else { return "" }
            var line = String(String.UnicodeScalarView(
                buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
            while line.last == " " {
                line.removeLast()
            }
            return line
        }
    }

    /// Attributes and colour pair ncurses holds for one screen cell.
    func screenAttributes(x: Int, y: Int) -> (bold: Bool, reverse: Bool, underline: Bool, dim: Bool, pair: Int) {
        guard screen != nil, let window = advisor_stdscr() else { return (false, false, false, false, 0) }
        var cell = cchar_t()
        mvwin_wch(window, Int32(y), Int32(x), &cell)
        var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attributes, &pair, nil)
        return (
            attributes & advisor_a_bold() != 0,
            attributes & advisor_a_reverse() != 0,
            attributes & advisor_a_underline() != 0,
            attributes & advisor_a_dim() != 0,
            Int(pair)
        )
    }
}
