import AdvisorCore
import ArgumentParser
import BundledRules

/// Entry point: the bare command goes straight to the interview, everything else through ArgumentParser.
@main
enum Main {
    static func main() {
        // `apigw-advisor` alone starts the interview. Parsing it with ArgumentParser (including its
        // completion-script checks) is about a third of the time to the first frame, and there is
        // nothing to parse, so this path skips it; `apigw-advisor interview` behaves the same.
        guard CommandLine.arguments.count == 1 else {
            AdvisorCommand.main()
            return
        }
        do {
            if let problem = sourceDateEpochProblem() { throw ValidationError(problem) }
            let rules: RuleSet
            do {
                rules = try BundledRules.load(includingCases: false)
            } catch {
                throw reportInput(error)
            }
            try InterviewCommand.launch(rules: rules, answersFile: nil, recoveryPath: InterviewCommand.defaultRecoveryPath(),
                                        date: defaultReportDate())
        } catch {
            AdvisorCommand.exit(withError: error)
        }
    }
}
