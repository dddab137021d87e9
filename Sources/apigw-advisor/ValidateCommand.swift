import AdvisorCore
import ArgumentParser

/// `apigw-advisor validate`: checks an answers file without running the advice.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an answers file: every problem with file:line:column, the key and the allowed values.",
        discussion: "Exit status 0 when valid, 2 when not; with --strict, 1 when a question without a default is unanswered."
    )

    @Argument(help: ArgumentHelp("The answers file (YAML or JSON).", valueName: "answers"))
    var answersFile: String

    @Flag(name: .long, help: "Fail (status 1) when a question without a default is unanswered.")
    var strict = false

    @OptionGroup var rulesOptions: RulesOptions

    func run() throws {
        let rules = try rulesOptions.load()
        let answers = try loadAnswers(answersFile, rules: rules)
        let sheet = AnswerSheet(answers: answers, rules: rules)
        let missing = sheet.missing(in: rules)
        let defaulted = sheet.defaulted(in: rules)
        var report = ""
        report += ("\(answersFile): valid (\(answers.values.count) answered, \(defaulted.count) default(s) used, \(missing.count) missing)\n")
        if !defaulted.isEmpty { report += "  defaults used: \(defaulted.joined(separator: ", "))\n" }
        if !sheet.ignored.isEmpty { report += "  ignored (question not asked): \(sheet.ignored.joined(separator: ", "))\n" }
        if !missing.isEmpty {
            let message = "  missing (no default): \(missing.joined(separator: ", "))"
            if strict {
                try printOutput(Inert.terminal(report))
                printError("\(answersFile): error: strict mode: unanswered questions without a default\n\(message)")
                throw ExitStatus.findings
            }
            report += message + "\n"
        }
        try printOutput(Inert.terminal(report))
    }
}
