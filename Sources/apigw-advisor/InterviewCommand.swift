import AdvisorCore
import AdvisorTUI
import ArgumentParser
import Foundation

/// `apigw-advisor interview`: the full-screen interview (also what `apigw-advisor` alone runs).
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Answer the questions in a full-screen interview with live recommendations.",
        discussion: """
        Needs a terminal; for scripts and CI use `apigw-advisor advise ANSWERS.yaml`. Start from an existing \
        answers file to review and change it. Answers are autosaved to a recovery file as they change \
        (--recovery-file, else $APIGW_ADVISOR_RECOVERY, else $XDG_STATE_HOME/apigw-advisor/recovery.yaml or \
        ~/.local/state/apigw-advisor/recovery.yaml) and offered on the next start. Press ? in the interview for the keys.

        Exit status 0 when the interview ends; 2 when the answers file is invalid or there is no usable terminal; \
        129/130/143 when SIGHUP/SIGINT/SIGTERM ended it (the terminal is restored and the answers kept).
        """
    )

    @Argument(help: ArgumentHelp("An answers file to start from (YAML or JSON).", valueName: "answers"))
    var answersFile: String?

    @Option(name: .long, help: ArgumentHelp("Where to autosave unsaved answers.", valueName: "file"))
    var recoveryFile: String?

    @OptionGroup var rulesOptions: RulesOptions
    @OptionGroup var dateOptions: DateOptions

    func run() throws {
        try Self.launch(rules: rulesOptions.load(), answersFile: answersFile, recoveryPath: resolvedRecoveryPath(),
                        date: dateOptions.resolved)
    }

    /// Runs the interview; shared by this command and the bare `apigw-advisor` fast path in `Main`.
    static func launch(rules: RuleSet, answersFile: String?, recoveryPath: String, date: String) throws {
        let answers = try answersFile.map { try loadAnswers($0, rules: rules) } ?? Answers()
        // A recovery file that no longer loads (rules changed) is not offered; the next autosave replaces it.
        let recovered = FileManager.default.fileExists(atPath: recoveryPath)
            ? try? Answers.load(path: recoveryPath, rules: rules) : nil
        let state = AppState(rules: rules, answers: answers, answersPath: answersFile, date: date, recovered: recovered)
        StartupTrace.mark("advice")
        let terminal = NcursesTerminal()
        let performer = FileEffectPerformer(rules: rules, recoveryPath: recoveryPath)
        terminal.onTerminationSignal = { _ in performer.flushRecovery() }
        let runner = InterviewRunner(terminal: terminal, performer: performer, state: state)
        let ending: InterviewRunner.Ending
        do {
            ending = try runner.run()
        } catch let error as TerminalError {
            printError(error.description)
            throw ExitStatus.badInput
        }
        if ending == .endOfInput && runner.state.dirty {
            printError("apigw-advisor: input closed; the unsaved answers are in \(recoveryPath)")
        }
    }

    /// The recovery file: the option, the environment, then the XDG state folder.
    func resolvedRecoveryPath() -> String {
        recoveryFile ?? Self.defaultRecoveryPath()
    }

    /// The environment's recovery path, then the XDG state folder.
    static func defaultRecoveryPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["APIGW_ADVISOR_RECOVERY"], !path.isEmpty { return path }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        return (state as NSString).appendingPathComponent("apigw-advisor/recovery.yaml")
    }
}
