import AdvisorCore
import AdvisorTUI
import ArgumentParser
import BundledRules

/// Entry point: the bare command goes straight to the interview, everything else through ArgumentParser.
@main
enum Main {
    static func main() {
        StartupTrace.mark("main")
        // `apigw-advisor` alone starts the interview, and so does `apigw-advisor interview FILE`.
        // Parsing them with ArgumentParser (including its completion-script checks) is about a third
        // of the time to the first frame, and there is nothing to parse, so these paths skip it;
        // anything else (options, `--help`, a second argument) goes through ArgumentParser.
        let arguments = CommandLine.arguments
        let answersFile: String?
        if arguments.count == 1 {
            answersFile = nil
        } else if arguments.count == 3, arguments[1] == "interview", let file = arguments.last,
                  !file.isEmpty, !file.hasPrefix("-") {
            answersFile = file
        } else {
            AdvisorCommand.main()
            return
        }
        do {
            if let problem = sourceDateEpochProblem() { throw ValidationError(problem) }
            let rules: RuleSet
            do {
                rules = try BundledRules.load(includingCases: false)
                StartupTrace.mark("rules")
            } catch {
                throw reportInput(error)
            }
            try InterviewCommand.launch(rules: rules, answersFile: answersFile, recoveryPath: InterviewCommand.defaultRecoveryPath(),
                                        date: defaultReportDate())
        } catch {
            AdvisorCommand.exit(withError: error)
        }
    }
}
