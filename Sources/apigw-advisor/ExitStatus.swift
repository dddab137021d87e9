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
}

/// Writes to standard error without going through Glibc's `stderr` global (rejected by Swift 6).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints input problems and returns the bad-input exit status to throw.
func reportInput(_ errors: InputErrors) -> ExitCode {
    printError(errors.description)
    return ExitStatus.badInput
}
