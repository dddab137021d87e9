import AdvisorCore
import ArgumentParser

/// `apigw-advisor questions`: prints every question as a commented answers-file template.
struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Print the question catalog as a commented answers file to start from.",
        discussion: "Example: apigw-advisor questions > answers.yaml"
    )

    @OptionGroup var rulesOptions: RulesOptions

    func run() throws {
        try printOutput(Inert.terminal(AnswersTemplate.render(try rulesOptions.load())))
    }
}
