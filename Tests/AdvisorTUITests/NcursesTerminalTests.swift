import Testing
@testable import AdvisorTUI

/// Drives real ncurses off-screen (output to /dev/null) and reads its screen back.
/// ncurses state is process-global, so these tests run one at a time.
@Suite(.serialized) struct NcursesTerminalTests {
    private func withHeadless(
        width: Int = 20, height: Int = 4, colors: Bool = true,
        _ body: (NcursesTerminal) throws -> Void
    ) throws {
        let terminal = NcursesTerminal(headlessTerm: "xterm-256color", width: width, height: height, colorsAllowed: colors)
        try terminal.start()
        defer { terminal.stop() }
        try body(terminal)
    }

    @Test func presentsCanvasIncludingWideCharacters() throws {
        try withHeadless { terminal in
            #expect(terminal.size == TerminalSize(width: 20, height: 4))
            #expect(terminal.capabilities.unicode)
            var canvas = Canvas(size: terminal.size)
            canvas.drawBox(Rect(x: 0, y: 0, width: 20, height: 4), title: "API")
            canvas.put("界 café 😀", x: 2, y: 1)
            terminal.present(canvas)
            #expect(terminal.screenLines() == [
                "┌─ API ────────────┐",
                "│ 界 café 😀       │",
                "│                  │",
                "└──────────────────┘",
            ])
            #expect(terminal.screenLines() == canvas.lines())
        }
    }

    @Test func redrawWritesOnlyChangedCells() throws {
        try withHeadless { terminal in
            var canvas = Canvas(size: terminal.size)
            canvas.put("hello", x: 0, y: 0)
            terminal.present(canvas)
            #expect(terminal.lastWriteCount == 80)
            canvas.put("J", x: 0, y: 0)
            canvas.put("界", x: 5, y: 2)
            terminal.present(canvas)
            #expect(terminal.lastWriteCount == 2)
            #expect(terminal.screenLines()[0] == "Jello")
            #expect(terminal.screenLines()[2] == "     界")
            terminal.present(canvas)
            #expect(terminal.lastWriteCount == 0)
        }
    }

    @Test func stylesBecomeAttributesAndColorPairs() throws {
        try withHeadless { terminal in
            #expect(terminal.capabilities.colors)
            var canvas = Canvas(size: terminal.size)
            canvas.put("B", x: 0, y: 0, style: Style(bold: true))
            canvas.put("D", x: 1, y: 0, style: Style(foreground: .danger))
            canvas.put("n", x: 2, y: 0)
            terminal.present(canvas)
            #expect(terminal.screenAttributes(x: 0, y: 0).bold)
            #expect(terminal.screenAttributes(x: 0, y: 0).pair == 0)
            #expect(terminal.screenAttributes(x: 1, y: 0).pair != 0)
            #expect(!terminal.screenAttributes(x: 2, y: 0).bold)
        }
    }

    @Test func withoutColorsRolesDegradeToAttributes() throws {
        try withHeadless(colors: false) { terminal in
            #expect(!terminal.capabilities.colors)
            var canvas = Canvas(size: terminal.size)
            canvas.put("D", x: 0, y: 0, style: Style(foreground: .danger))
            canvas.put("S", x: 1, y: 0, style: Style(background: .selection))
            canvas.put("m", x: 2, y: 0, style: Style(foreground: .muted))
            terminal.present(canvas)
            let danger = terminal.screenAttributes(x: 0, y: 0)
            #expect(danger.bold && danger.underline && danger.pair == 0)
            #expect(terminal.screenAttributes(x: 1, y: 0).reverse)
            #expect(terminal.screenAttributes(x: 2, y: 0).dim)
        }
    }

    @Test func closedInputReadsAsEOFWithoutBlocking() throws {
        try withHeadless { terminal in
            #expect(terminal.readKey() == .eof)
            #expect(terminal.readKey() == .eof)
        }
    }

    /// Terminals that ignore keypad mode send arrows as CSI (ESC [ B) where xterm's terminfo lists SS3 (ESC O B);
    /// both must read as the key, not as Esc (which backs out, and at the top quits) followed by typing.
    @Test func bothArrowEncodingsAreKeys() throws {
        try withHeadless { terminal in
            let expected: [(String, Key)] = [("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
                                             ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
                                             ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown)]
            for (sequence, key) in expected {
                #expect(terminal.key(forSequence: sequence) == key, "\(sequence.unicodeScalars.map { $0.value })")
            }
        }
    }

    @Test func onlyOneTerminalAtATime() throws {
        try withHeadless { _ in
            let second = NcursesTerminal(headlessTerm: "xterm-256color", width: 10, height: 2)
            #expect(throws: TerminalError.alreadyActive) { try second.start() }
        }
    }

    @Test func terminalsWithoutCursorAddressingAreRefused() {
        for term in ["dumb"] {
            let terminal = NcursesTerminal(headlessTerm: term, width: 80, height: 24)
            #expect(throws: TerminalError.noCursorAddressing(term)) { try terminal.start() }
        }
        #expect(TerminalError.noCursorAddressing("dumb").description.contains("apigw-advisor advise answers.yaml"))
        let next = NcursesTerminal(headlessTerm: "xterm-256color", width: 10, height: 2)
        #expect(throws: Never.self) { try next.start() }
        next.stop()
    }

    @Test func unknownTerminalTypeIsAnError() {
        let terminal = NcursesTerminal(headlessTerm: "no-such-terminal-xyz", width: 10, height: 2)
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal-xyz")) { try terminal.start() }
        // A failed start must leave nothing active behind.
        let next = NcursesTerminal(headlessTerm: "xterm-256color", width: 10, height: 2)
        #expect(throws: Never.self) { try next.start() }
        next.stop()
    }

    @Test func presentClipsCanvasLargerThanScreen() throws {
        try withHeadless(width: 5, height: 2) { terminal in
            var canvas = Canvas(width: 8, height: 3)
            canvas.put("abcd界xy", x: 0, y: 0)
            canvas.put("row2", x: 0, y: 2)
            terminal.present(canvas)
            #expect(terminal.screenLines() == ["abcd", ""])
        }
    }
}
