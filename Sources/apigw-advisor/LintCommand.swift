import AdvisorCore
import ArgumentParser
import BundledRules

/// `apigw-advisor lint`: checks a rules folder and runs its cases.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a rules folder: schema, duplicate ids, unknown references, cycles, rules without cases; run every case.",
        discussion: "Exit status 0 when clean, 1 when problems were found (each printed as file:line:column)."
    )

    @OptionGroup var rulesOptions: RulesOptions

    func run() throws {
        let rules: RuleSet
        do throws(InputErrors) {
            if let folder = rulesOptions.rules {
                rules = try RuleSetLoader.load(directory: folder)
            } else {
                rules = try BundledRules.load()
            }
        } catch {
            printError(error.description)
            printError("lint: \(error.errors.count) problem(s)")
            throw ExitStatus.findings
        }
        let problems = RuleLinter.lint(rules)
        let results = RuleLinter.runCases(rules)
        if !problems.isEmpty {
            printError(problems.map(\.description).joined(separator: "\n"))
            printError("lint: \(problems.count) problem(s); \(results.filter(\.passed).count) of \(results.count) case(s) pass")
            throw ExitStatus.findings
        }
        print("lint: \(rules.rules.count) rules in \(rules.areas.count) areas, \(rules.questions.count) questions, \(rules.decisions.count) decisions, \(rules.facts.count) facts; \(results.count) cases pass")
    }
}
