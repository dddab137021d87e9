import AdvisorCore
import ArgumentParser
import Foundation

/// `apigw-advisor generate`: writes a SAM template and OpenAPI definitions for the recommended layout.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a SAM template and one OpenAPI 3.0 definition per API for the recommended layout.",
        discussion: """
        Writes DIR/template.yaml (AWS SAM) and DIR/openapi/<api-name>.yaml. Every file starts with a comment \
        naming the answers file, the rules version and the decision record it implements.

        Exit status 0 when the files were written; 1 when the advice cannot be expressed as a template \
        (a conflict, an unresolved decision, a layout API Gateway would reject), with every reason on \
        standard error and nothing written; 2 bad input; 3 when a file exists (pass --force to replace it) \
        or cannot be written.
        """
    )

    @Argument(help: ArgumentHelp("The answers file (YAML or JSON).", valueName: "answers"))
    var answersFile: String

    @Option(name: .long, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var out = "generated"

    @Flag(name: .long, help: "Replace files that already exist.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("The decision record to name in the files' header (default: the record `advise --markdown` writes).", valueName: "path"))
    var record: String?

    @OptionGroup var rulesOptions: RulesOptions
    @OptionGroup var dateOptions: DateOptions

    func run() throws {
        TemporaryFiles.installSignalCleanup()
        let rules = try rulesOptions.load()
        let answers = try loadAnswers(answersFile, rules: rules)
        let advice = Engine(rules: rules).advise(answers)
        let context = ReportContext(answersFile: answersFile, date: dateOptions.resolved, rules: rules)
        let recordName = record ?? SkeletonGenerator.defaultRecordName(answersFile: answersFile)
        let files: [GeneratedFile]
        do {
            files = try SkeletonGenerator.files(advice, context: context, recordName: recordName)
        } catch {
            printError("\(answersFile): error: \(error.description)")
            throw ExitStatus.findings
        }
        // Everything is generated and every target checked before the first write, so a refusal leaves no partial output.
        let targets = files.map { (path: (out as NSString).appendingPathComponent($0.path), text: $0.text) }
        if !force {
            let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) }
            if !existing.isEmpty {
                for target in existing { printError("\(target.path): error: already exists; not overwritten (pass --force to replace it)") }
                throw ExitStatus.outputRefused
            }
        }
        try writeAllOutputs(targets.map { (path: $0.path, text: $0.text, overwrite: force) })
        for target in targets { printError("wrote \(target.path)") }
    }
}
