import AdvisorCore
import ArgumentParser
import Foundation

/// `apigw-advisor diff OLD NEW`: what changed between two answers files, two JSON advice files, or the
/// same answers under two rules folders, and which rules and answers caused each change.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the decisions, layout items and findings that changed between two runs, and why.",
        discussion: """
        OLD and NEW are each an answers file (YAML or JSON) or a JSON advice file written by \
        `advise --json` (recognised by its "generator": "apigw-advisor"). Answers files are advised with \
        --rules (default: the bundled rules); OLD uses --old-rules when given, so \
        `diff answers.yaml answers.yaml --old-rules old-rules/ --rules rules/` shows what a rules change does \
        (NEW defaults to OLD). Every changed decision lists the rules that fired differently and the changed \
        answers they read.

        Exit status 0 (with or without differences; --exit-code makes differences exit 1); 2 bad input.
        """
    )

    @Argument(help: ArgumentHelp("The old answers file or JSON advice.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new answers file or JSON advice (default: OLD).", valueName: "new"))
    var new: String?

    @Option(name: .long, help: ArgumentHelp("Rules folder for OLD when it is an answers file (default: --rules).", valueName: "dir"))
    var oldRules: String?

    @Flag(name: .long, help: "Exit 1 when there are differences.")
    var exitCode = false

    @OptionGroup var rulesOptions: RulesOptions

    func run() throws {
        let newRules = try rulesOptions.load()
        let oldRuleSet = try oldRules.map { try RulesOptions(rules: $0).load() } ?? newRules
        let newPath = new ?? old
        let before = try advice(old, rules: oldRuleSet)
        let after = try advice(newPath, rules: newRules)
        let diff = AdviceDiff.compare(before, after)
        var titles: [String: String] = [:]
        for decision in oldRuleSet.decisions + newRules.decisions { titles[decision.id] = decision.title }
        let label = { (path: String, rules: String?) in path + (rules.map { " (rules \($0))" } ?? "") }
        try printOutput(Inert.terminal(diff.render(old: label(old, oldRules ?? rulesOptions.rules), new: label(newPath, rulesOptions.rules),
                                                    titles: titles)))
        if exitCode && !diff.isEmpty { throw ExitStatus.findings }
    }

    /// The advice in a JSON advice file, or the advice for an answers file under `rules`.
    func advice(_ path: String, rules: RuleSet) throws -> Advice {
        if path.hasSuffix(".json"), let data = FileManager.default.contents(atPath: path),
           let document = try? JSONDecoder().decode(AdviceDocument.self, from: data), document.generator == "apigw-advisor" {
            return document.advice
        }
        return Engine(rules: rules).advise(try loadAnswers(path, rules: rules))
    }
}

extension RulesOptions {
    /// Options naming a rules folder.
    init(rules: String) {
        self.init()
        self.rules = rules
    }
}
