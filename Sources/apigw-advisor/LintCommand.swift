import AdvisorCore
import ArgumentParser
import BundledRules

/// `apigw-advisor lint`: checks a rules folder and runs its cases.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a rules folder: schema, duplicate ids, unknown references, cycles, rules without cases; run every case.",
        discussion: """
        Exit status 0 when clean, 1 when problems were found (each printed as file:line:column), 2 when a file cannot be read or \
        parsed (malformed YAML, over a size, alias or depth limit). Facts last checked more than --max-fact-age days before \
        --date are listed as warnings on standard error; they do not change the exit status.
        """
    )

    /// Reads and parses every file of the folder, or exits with status 2: a file that is not YAML
    /// (or over a limit) is bad input like an answers file, not a rule problem.
    static func parse(_ folder: String) throws -> [RuleDocument] {
        var documents: [RuleDocument] = []
        var errors: [InputError] = []
        do throws(InputError) {
            for file in try RuleSetLoader.files(inDirectory: folder) {
                do throws(InputError) {
                    documents.append(RuleDocument(name: file.name, node: try DocNode.parse(file.text, file: file.name)))
                } catch {
                    errors.append(error)
                }
            }
        } catch {
            errors.append(error)
        }
        if !errors.isEmpty { throw reportInput(InputErrors(errors)) }
        return documents
    }

    @OptionGroup var rulesOptions: RulesOptions
    @OptionGroup var dateOptions: DateOptions

    @Option(name: .long, help: ArgumentHelp("Warn about facts whose as-of date is more than this many days before the date (default 365).", valueName: "days"))
    var maxFactAge: Int = 365

    func validate() throws {
        if maxFactAge < 0 { throw ValidationError("--max-fact-age must be 0 or more, got \(maxFactAge)") }
    }

    func run() throws {
        let rules: RuleSet
        let documents = try rulesOptions.rules.map(Self.parse)
        do throws(InputErrors) {
            if let documents {
                rules = try RuleSetLoader.load(documents: documents)
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
        let stale = RuleLinter.staleFacts(rules, today: dateOptions.resolved, maxAgeDays: maxFactAge)
        for item in stale {
            let source = rules.sources[item.fact.source]
            let age = item.ageDays == Int.max ? "has no readable as-of date" : "was last checked \(item.ageDays) days ago (as of \(item.fact.asOf))"
            printError("warning: fact \(item.fact.id) \(age), more than \(maxFactAge); check it against \(source?.url ?? item.fact.source)")
        }
        try printOutput("lint: \(rules.rules.count) rules in \(rules.areas.count) areas, \(rules.questions.count) questions, \(rules.decisions.count) decisions, \(rules.facts.count) facts; \(results.count) cases pass" + (stale.isEmpty ? "" : "; \(stale.count) fact(s) older than \(maxFactAge) days") + "\n")
    }
}
