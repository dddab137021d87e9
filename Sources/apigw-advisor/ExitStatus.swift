import AdvisorCore
import ArgumentParser
import Foundation

/// The documented exit statuses.
enum ExitStatus {
    /// Strict mode failed, or lint found problems.
    static let findings = ExitCode(1)
    /// Bad input: a missing, malformed or invalid file.
    static let badInput = ExitCode(2)
    /// An output could not be written or already exists.
    static let outputRefused = ExitCode(3)
    /// Standard output could not be written (a full disk, a closed descriptor).
    static let standardOutputFailed = ExitCode(4)
}

/// Writes to standard error with write(2). FileHandle raised an Objective-C style exception (SIGILL)
/// when the descriptor was closed or the disk full; a message nobody can read is dropped instead.
func printError(_ text: String) {
    _ = writeAll(2, Inert.terminal(text.hasSuffix("\n") ? text : text + "\n"))
}

/// Writes `text` to standard output, or reports the failure and throws the standard-output status.
/// Callers pass text that is already inert (the summary goes through `Inert.terminal`, the markdown
/// and JSON exporters escape their own output).
func printOutput(_ text: String) throws {
    guard writeAll(1, text) else {
        let reason = String(cString: strerror(errno))
        printError("apigw-advisor: error: cannot write to standard output: \(reason)")
        throw ExitStatus.standardOutputFailed
    }
}

/// write(2) until every byte is out; false on an error other than an interruption.
func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
    var bytes = Array(text.utf8)
    var written = 0
    return bytes.withUnsafeMutableBytes { buffer -> Bool in
        guard let base = buffer.baseAddress else { return true }
        while written < buffer.count {
            let count = write(descriptor, base + written, buffer.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}

/// Prints input problems and returns the bad-input exit status to throw.
func reportInput(_ errors: InputErrors) -> ExitCode {
    printError(errors.description)
    return ExitStatus.badInput
}
