import AdvisorCore
import ArgumentParser
import Foundation
import BundledRules

/// Options shared by every command that reads rules.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use the rules in this folder instead of the bundled ones.", valueName: "dir"))
    var rules: String?

    /// Loads the chosen rule set, or exits with status 2 listing every problem.
    func load() throws -> RuleSet {
        do throws(InputErrors) {
            if let rules { return try RuleSetLoader.load(directory: rules) }
            // Without the rule cases, which only `lint` runs: a faster start for every other command.
            return try BundledRules.load(includingCases: false)
        } catch {
            throw reportInput(error)
        }
    }
}

/// The report date option: reproducible outputs take a fixed date.
struct DateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Date written into reports (YYYY-MM-DD); default: SOURCE_DATE_EPOCH if set, else today.", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date, !Self.isUsualDate(date),
           date.range(of: #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#, options: .regularExpression) == nil {
            throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'")
        }
        if date == nil, let problem = sourceDateEpochProblem() { throw ValidationError(problem) }
    }

    /// The pattern above for ASCII digits, checked byte by byte: the regular expression alone started
    /// ICU's regex engine on every run (about a millisecond); it still decides anything unusual.
    static func isUsualDate(_ date: String) -> Bool {
        guard FastPattern.isDateShape(date) else { return false }
        let digits = date.utf8.map { Int($0) - Int(UInt8(ascii: "0")) }
        let month = digits[5] * 10 + digits[6], day = digits[8] * 10 + digits[9]
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// The date to print.
    var resolved: String { date ?? defaultReportDate() }
}

/// The latest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z, the last second with a four-digit year.
let maxSourceDateEpoch = 253_402_300_799

/// Why SOURCE_DATE_EPOCH cannot be used, or nil when it is unset, empty or a whole number of seconds
/// from 0 to `maxSourceDateEpoch`. Checked where it enters, because a huge value overflowed the year.
func sourceDateEpochProblem(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    guard let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
    guard FastPattern.all(text, first: FastPattern.isDigit, rest: FastPattern.isDigit), text.utf8.count <= 12,
          let seconds = Int(text), seconds <= maxSourceDateEpoch else {
        return "SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to \(maxSourceDateEpoch) (9999-12-31), got '\(Inert.quoted(text, limit: 40))'"
    }
    return nil
}

/// Today's local date, or SOURCE_DATE_EPOCH's date in UTC, as YYYY-MM-DD (an unusable
/// SOURCE_DATE_EPOCH is refused by `DateOptions.validate` and `Main` before this runs).
/// Plain libc rather than DateFormatter: loading ICU for a formatter costs milliseconds at every start.
func defaultReportDate() -> String {
    var seconds = time(nil)
    var parts = tm()
    if sourceDateEpochProblem() == nil, let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
        seconds = time_t(epoch)
        gmtime_r(&seconds, &parts)
    } else {
        localtime_r(&seconds, &parts)
    }
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
}

/// Loads an answers file, or exits with status 2 listing every problem.
func loadAnswers(_ path: String, rules: RuleSet) throws -> Answers {
    do {
        return try Answers.load(path: path, rules: rules)
    } catch {
        throw reportInput(error)
    }
}

/// Writes every output or none, or exits with status 3: all are staged in temporary files first,
/// then moved into place; on a failure every temporary file, every file and folder the run created
/// is removed and replaced files are restored, and each removal is named on standard error.
func writeAllOutputs(_ outputs: [(path: String, text: String, overwrite: Bool)]) throws {
    let transaction = OutputTransaction()
    do {
        for output in outputs { try transaction.stage(output.text, to: output.path, overwrite: output.overwrite) }
        try transaction.commit()
    } catch {
        transaction.rollback()
        printError(error.description)
        if outputs.count > 1 { printError("none of the \(outputs.count) outputs was written (replaced files are as they were)") }
        throw ExitStatus.outputRefused
    }
}
