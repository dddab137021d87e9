import AdvisorCore
import ArgumentParser
import Foundation

/// What `advise` prints on standard output.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, json
}

/// `apigw-advisor advise`: runs the rules on an answers file, prints the advice and writes the requested reports.
struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Recommend a layout from an answers file and print the decisions, findings and layout.",
        discussion: """
        Reports: --markdown FILE writes the full report, --json FILE the machine-readable advice \
        (docs/json-output.md), --madr one MADR 4.0 record per decision into --madr-dir. Every output is \
        prepared before the first file is written; existing report files are kept unless --force is given, \
        and MADR records are never overwritten: numbering continues after the records already there, only new or changed \
        decisions get a record, and a replaced record only has its status set to "superseded by NNNN". \
        Written files are listed on standard error, so standard output can be piped.

        Exit status 0 on success (conflicts and error findings are reported but do not fail); \
        with --strict, 1 when there is a conflict, an error finding or an unanswered question without a default \
        (the reports are still written); 3 when an output file exists or cannot be written.
        """
    )

    @Argument(help: ArgumentHelp("The answers file (YAML or JSON).", valueName: "answers"))
    var answersFile: String

    @Option(name: .long, help: ArgumentHelp("What to print on standard output: text (the summary), markdown or json.", valueName: "format"))
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the full markdown report to this file.", valueName: "file"))
    var markdown: String?

    @Option(name: .long, help: ArgumentHelp("Write the advice as JSON to this file.", valueName: "file"))
    var json: String?

    @Flag(name: .long, help: "Write one MADR decision record per decision point into --madr-dir.")
    var madr = false

    @Option(name: .long, help: ArgumentHelp("Folder for the MADR records (default: docs/decisions).", valueName: "dir"))
    var madrDir: String?

    @Flag(name: .long, help: "Replace existing --markdown and --json files (MADR records are never replaced; see --madr).")
    var force = false

    @Flag(name: .long, help: "Explain every decision: rules that fired, on which answers, scores, exclusions, facts (text format).")
    var why = false

    @Flag(name: .long, help: "Exit 1 on conflicts, error findings or unanswered questions without a default.")
    var strict = false

    @Flag(name: .long, help: "Draw the layout tree with ASCII characters only (text format).")
    var ascii = false

    @OptionGroup var rulesOptions: RulesOptions
    @OptionGroup var dateOptions: DateOptions

    func validate() throws {
        if madrDir != nil && !madr { throw ValidationError("--madr-dir needs --madr") }
        if (why || ascii) && format != .text { throw ValidationError("--why and --ascii only apply to --format text") }
        if let markdown, let json, URL(fileURLWithPath: markdown).standardized == URL(fileURLWithPath: json).standardized {
            throw ValidationError("--markdown and --json name the same file")
        }
    }

    func run() throws {
        TemporaryFiles.installSignalCleanup()
        let rules = try rulesOptions.load()
        let answers = try loadAnswers(answersFile, rules: rules)
        let advice = Engine(rules: rules).advise(answers)
        let context = ReportContext(answersFile: answersFile, date: dateOptions.resolved, rules: rules)

        // Everything is rendered and checked first, so a refused write leaves no partial set of outputs.
        let standardOutput: String
        switch format {
        case .text: standardOutput = SummaryRenderer.render(advice, context: context, why: why, ascii: ascii)
        case .markdown: standardOutput = MarkdownExporter.render(advice, context: context)
        case .json: standardOutput = JSONExporter.render(advice, context: context)
        }
        var outputs: [(path: String, text: String, overwrite: Bool)] = []
        if let json { outputs.append((json, JSONExporter.render(advice, context: context), force)) }
        if let markdown { outputs.append((markdown, MarkdownExporter.render(advice, context: context), force)) }
        if madr {
            let folder = madrDir ?? "docs/decisions"
            let existing: [(fileName: String, text: String)]
            do {
                existing = try MADRFolder.read(folder)
            } catch {
                printError(error.description)
                throw ExitStatus.outputRefused
            }
            // Only new decisions and changed outcomes get a record; the records they replace are marked superseded.
            let plan = MADRExporter.plan(advice, context: context, existing: existing)
            outputs += plan.newRecords.map { ((folder as NSString).appendingPathComponent($0.fileName), $0.text, false) }
            outputs += plan.superseded.map { ((folder as NSString).appendingPathComponent($0.fileName), $0.text, true) }
            if !plan.unchanged.isEmpty {
                printError("\(folder): \(plan.unchanged.count) decision(s) unchanged since their record; no new record for them")
            }
        }
        for output in outputs where !output.overwrite && FileManager.default.fileExists(atPath: output.path) {
            printError("\(output.path): error: already exists; not overwritten (choose another path, or pass --force)")
            throw ExitStatus.outputRefused
        }
        try write(outputs)

        try printOutput(format == .text ? Inert.terminal(standardOutput) : standardOutput)
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

    /// Writes every output all or nothing (see `writeAll`), then names each on standard error.
    func write(_ outputs: [(path: String, text: String, overwrite: Bool)]) throws {
        try writeAllOutputs(outputs)
        for output in outputs { printError("wrote \(output.path)") }
    }
}
