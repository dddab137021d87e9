import AdvisorCore
import ArgumentParser

/// The `apigw-advisor` command and its subcommands; the bare command is handled in `Main` (the interview).
struct AdvisorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigw-advisor",
        abstract: "Advice on laying out serverless APIs on Amazon API Gateway and AWS Lambda.",
        discussion: """
        Answer questions about your services, clients, identity and limits; get a recommendation for \
        each decision point with the reasons, the trade-offs and the limits it runs into, and a layout. \
        Run without arguments on a terminal for the interactive interview.

        Exit status: 0 success; 1 strict mode found conflicts, error findings or missing answers \
        (or lint found problems); 2 bad input (a missing, malformed or invalid file, named with line \
        and column); 3 an output could not be written or already exists; 4 standard output could not be written; 64 bad command-line usage; \
        129/130/143 the interview was ended by SIGHUP/SIGINT/SIGTERM.
        """,
        version: "0.1.0",
        subcommands: [InterviewCommand.self, AdviseCommand.self, DiffCommand.self, ValidateCommand.self, LintCommand.self, QuestionsCommand.self, GenerateCommand.self],
        defaultSubcommand: nil
    )
}
