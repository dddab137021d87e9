import Testing
@testable import AdvisorTUI

@Suite struct ScriptedTerminalTests {
    /// A miniature app loop: shows the typed text until Enter or end of input.
    private func runEcho(on terminal: some Terminal) throws -> String {
        try terminal.start()
        defer { terminal.stop() }
        var typed = ""
        while true {
            var canvas = Canvas(size: terminal.size)
            canvas.put("> " + typed, x: 0, y: 0)
            canvas.cursor = Position(x: 2 + DisplayWidth.of(typed), y: 0)
            terminal.present(canvas)
            switch terminal.readKey() {
            case .char(let character): typed.append(character)
            case .backspace: if !typed.isEmpty { typed.removeLast() }
            case .enter, .eof: return typed
            default: continue
            }
        }
    }

    @Test func playsKeysAndRecordsFrames() throws {
        let terminal = ScriptedTerminal(width: 10, height: 2, keys: Key.typing("abx") + [.backspace, .enter])
        let result = try runEcho(on: terminal)
        #expect(result == "ab")
        #expect(terminal.frames.count == 5)
        #expect(terminal.frames.map { $0.lines()[0] } == [">", "> a", "> ab", "> abx", "> ab"])
        #expect(terminal.lastFrame?.cursor == Position(x: 4, y: 0))
        #expect(terminal.startCount == 1)
        #expect(terminal.stopCount == 1)
        #expect(!terminal.isActive)
    }

    @Test func returnsEOFWhenKeysRunOut() throws {
        let terminal = ScriptedTerminal(keys: [.char("z")])
        #expect(try runEcho(on: terminal) == "z")
        #expect(terminal.eofCount == 1)
        #expect(terminal.readKey() == .eof)
        #expect(terminal.eofCount == 2)
    }

    @Test func resizeKeysChangeSize() throws {
        let terminal = ScriptedTerminal(width: 80, height: 24, keys: [.resize(width: 40, height: 10), .char("a")])
        try terminal.start()
        #expect(terminal.readKey() == .resize(width: 40, height: 10))
        #expect(terminal.size == TerminalSize(width: 40, height: 10))
        terminal.present(Canvas(size: terminal.size))
        #expect(terminal.frames.last?.width == 40)
        #expect(terminal.readKey() == .char("a"))
        terminal.stop()
        terminal.stop()
        #expect(terminal.stopCount == 1)
    }

    @Test func enqueueAppendsKeys() {
        let terminal = ScriptedTerminal(keys: [.up])
        terminal.enqueue([.down])
        #expect(terminal.readKey() == .up)
        #expect(terminal.readKey() == .down)
        #expect(terminal.pendingKeys.isEmpty)
    }

    @Test func capabilitiesAreAsGiven() {
        #expect(ScriptedTerminal(capabilities: .minimal).capabilities == TerminalCapabilities(unicode: false, colors: false))
    }
}
