import AdvisorCore
import ArgumentParser

/// `apigw-advisor advise`: runs the rules on an answers file and prints the advice.
struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Recommend a layout from an answers file and print the decisions, findings and layout.",
        discussion: """
        Exit status 0 on success (conflicts and error findings are reported but do not fail); \
        with --strict, 1 when there is a conflict, an error finding or an unanswered question without a default.
        """
    )

    @Argument(help: ArgumentHelp("The answers file (YAML or JSON).", valueName: "answers"))
    var answersFile: String

    @Flag(name: .long, help: "Explain every decision: rules that fired, on which answers, scores, exclusions, facts.")
    var why = false

    @Flag(name: .long, help: "Exit 1 on conflicts, error findings or unanswered questions without a default.")
    var strict = false

    @Flag(name: .long, help: "Draw the layout tree with ASCII characters only.")
    var ascii = false

    @OptionGroup var rulesOptions: RulesOptions
    @OptionGroup var dateOptions: DateOptions

    func run() throws {
        let rules = try rulesOptions.load()
        let answers = try loadAnswers(answersFile, rules: rules)
        let advice = Engine(rules: rules).advise(answers)
        let context = ReportContext(answersFile: answersFile, date: dateOptions.resolved, rules: rules)
        print(SummaryRenderer.render(advice, context: context, why: why, ascii: ascii), terminator: "")
        if strict && (advice.hasErrors || !advice.missingQuestions.isEmpty) {
            var reasons: [String] = []
            if !advice.conflicts.isEmpty { reasons.append("\(advice.conflicts.count) conflict(s)") }
            let errors = advice.findings.filter { $0.severity == .error }.count
            if errors > 0 { reasons.append("\(errors) error finding(s)") }
            if !advice.missingQuestions.isEmpty { reasons.append("missing answers: \(advice.missingQuestions.joined(separator: ", "))") }
            printError("\(answersFile): error: strict mode: \(reasons.joined(separator: "; "))")
            throw ExitStatus.findings
        }
    }
}
