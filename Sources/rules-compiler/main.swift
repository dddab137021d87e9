import AdvisorCore
import Foundation

// The build plugin's generator (Plugins/EmbedRules): decodes rules/ with the same loader as
// `--rules DIR` and writes the decoded rule set, in ArchiveEncoder's form, as two Swift string
// literals (the rule set without its cases, and the cases, which only `lint` and the tests need).
// A rules folder that does not load fails the build with every problem as file:line:column.
//
// Usage: rules-compiler RULES_DIR OUTPUT.swift

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: rules-compiler RULES_DIR OUTPUT.swift\n".utf8))
    exit(64)
}
let directory = arguments[1], output = arguments[2]

do {
    let rules = try BundledRuleArchive.ruleSet(fromDirectory: directory)
    let source = try BundledRuleArchive.swiftSource(for: rules)
    let temporary = output + ".tmp"
    try Data(source.utf8).write(to: URL(fileURLWithPath: temporary))
    if rename(temporary, output) != 0 { throw CocoaError(.fileWriteUnknown) }
} catch let errors as InputErrors {
    // `file:line:column: error: message` is what SwiftPM and editors show as a diagnostic.
    // Locations name the real files, so an editor can jump to them.
    for var error in errors.errors {
        if error.location.file.hasPrefix(BundledRuleArchive.filePrefix) {
            error.location.file = directory + "/" + error.location.file.dropFirst(BundledRuleArchive.filePrefix.count)
        }
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
    }
    exit(1)
} catch {
    FileHandle.standardError.write(Data("rules-compiler: \(error)\n".utf8))
    exit(1)
}
