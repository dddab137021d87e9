#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the environment says about the terminal, read without ncurses (NcursesTerminal acts on it).
enum TerminalEnvironment {
    /// The `TERM` variable, empty when unset.
    static var term: String { getenv("TERM").map { String(cString: $0) } ?? "" }

    /// Whether `term` names a terminal without cursor addressing by name alone (`dumb`, `dumb-*`).
    static func isDumb(_ term: String) -> Bool { term == "dumb" || term.hasPrefix("dumb-") }

    /// False when NO_COLOR is set to a non-empty value (https://no-color.org).
    static func colorsAllowed() -> Bool {
        guard let value = getenv("NO_COLOR") else { return true }
        return value.pointee == 0
    }

    /// Whether a UTF-8 locale may replace the one the environment asks for: only when none is asked
    /// for, or C/POSIX, or a UTF-8 one that is not installed; an explicit non-UTF-8 locale is respected.
    static func mayFallBackToUTF8() -> Bool {
        let names: [String] = ["LC_ALL", "LC_CTYPE", "LANG"]
        let requested = names.lazy
            .compactMap { name -> String? in getenv(name).map { String(cString: $0) } }
            .first { !$0.isEmpty }
        guard let name = requested?.lowercased() else { return true }
        return name == "c" || name == "posix" || name.contains("utf-8") || name.contains("utf8")
    }
}
