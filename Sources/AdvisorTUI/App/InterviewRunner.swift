/// Runs the interview on a terminal: draw, read a key, update, perform effects, until quit or end of input.
public final class InterviewRunner {
    /// Why the interview ended.
    public enum Ending: Equatable, Sendable {
        /// The user quit.
        case quit
        /// Input was closed (terminal gone, stdin at end).
        case endOfInput
    }

    private let terminal: Terminal
    private let performer: EffectPerformer
    /// The state after the last action, readable from a signal hook.
    public private(set) var state: AppState

    /// Creates a runner; nothing happens until `run()`.
    public init(terminal: Terminal, performer: EffectPerformer, state: AppState) {
        self.terminal = terminal
        self.performer = performer
        self.state = state
    }

    /// Starts the terminal, runs until the user quits or input ends, and restores the terminal.
    ///
    /// Throws `TerminalError` when the terminal cannot be started.
    public func run() throws -> Ending {
        try terminal.start()
        defer { terminal.stop() }
        apply(.resize(width: terminal.size.width, height: terminal.size.height))
        while true {
            let ascii = !terminal.capabilities.unicode
            terminal.present(Screen.render(state, size: terminal.size, ascii: ascii))
            let key = terminal.readKey()
            // Closed input returns .eof for ever: stop rather than spin. Answers are already autosaved.
            if key == .eof { return .endOfInput }
            apply(KeyMap.action(for: key, in: state))
            if state.finished { return .quit }
        }
    }

    /// Updates the state and performs the effects, feeding their results back in.
    private func apply(_ action: Action) {
        var pending = [action]
        while !pending.isEmpty {
            let (next, effects) = Interview.update(state, pending.removeFirst())
            state = next
            for effect in effects {
                if let result = performer.perform(effect) { pending.append(result) }
            }
        }
    }
}
