/// Why the interactive terminal could not be started.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI).
    case notATerminal
    /// `TERM` is unset or names a terminal without a usable terminfo entry; carries its value.
    case unknownTerminal(String)
    /// `TERM` names a terminal that cannot place the cursor (`dumb`, hardcopy, no `cup` capability).
    case noCursorAddressing(String)
    /// Another terminal session is already active in this process.
    case alreadyActive

    /// A message for the user, ready to print on standard error.
    public var description: String {
        switch self {
        case .notATerminal:
            return "apigw-advisor: the interview needs a terminal; "
                + "use `apigw-advisor advise ANSWERS.yaml` for scripts and CI"
        case .unknownTerminal(let name):
            let shown = name.isEmpty ? "TERM is not set" : "unknown terminal type \"\(Sanitize.text(name))\""
            return "apigw-advisor: \(shown); set TERM (for example TERM=xterm-256color) "
                + "or use `apigw-advisor advise ANSWERS.yaml` for scripts and CI"
        case .noCursorAddressing(let name):
            return "apigw-advisor: the terminal type \"\(Sanitize.text(name))\" cannot place the cursor, so the full-screen interview "
                + "cannot be drawn; use a terminal such as TERM=xterm-256color, or answer in a file: "
                + "`apigw-advisor questions > answers.yaml`, then `apigw-advisor advise answers.yaml`"
        case .alreadyActive:
            return "apigw-advisor: a terminal session is already active"
        }
    }
}
