import Foundation
import PackagePlugin

/// Compiles rules/ into the BundledRules target at build time: rules-compiler decodes the folder
/// with the same loader as `--rules DIR` and writes the decoded rule set as Swift source into the
/// plugin's work directory, so no generated file lives in git. A rules folder that does not load
/// fails the build with each problem as file:line:column.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let inputs = try FileManager.default.contentsOfDirectory(at: rules, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledRuleData.swift")
        return [
            .buildCommand(
                displayName: "Compiling the bundled rules from rules/",
                executable: try context.tool(named: "rules-compiler").url,
                arguments: [rules.path, output.path],
                // Dictionaries are written in iteration order; a fixed hash seed makes the output reproducible.
                environment: ["SWIFT_DETERMINISTIC_HASHING": "1"],
                inputFiles: inputs + [rules],
                outputFiles: [output]
            ),
        ]
    }
}
