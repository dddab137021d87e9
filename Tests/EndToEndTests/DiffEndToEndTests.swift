import Foundation
import Testing

/// `apigw-advisor diff`: two answers files, two JSON advice files, and the same answers under two rules folders.
@Suite struct DiffEndToEndTests {
    let base = try? String(contentsOf: BinaryRunner.repoRoot.appendingPathComponent("examples/three-services-spa.yaml"), encoding: .utf8)

    private func files() throws -> (folder: URL, old: URL, new: URL) {
        let folder = try BinaryRunner.temporaryFolder()
        let old = folder.appendingPathComponent("old.yaml"), new = folder.appendingPathComponent("new.yaml")
        let text = try #require(base)
        try text.write(to: old, atomically: true, encoding: .utf8)
        try (text + "\ngateway-features: [usage-plans]\n").write(to: new, atomically: true, encoding: .utf8)
        return (folder, old, new)
    }

    @Test func twoAnswersFilesListTheChangesAndTheirCauses() throws {
        let (_, old, new) = try files()
        let result = try BinaryRunner.run(["diff", old.path, new.path])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("REST API or HTTP API: http (decided) -> rest (only-option)"))
        #expect(out.contains("rule api-type.usage-plans-need-rest now fires: require rest"))
        #expect(out.contains("rule api-type.http-is-cheaper no longer fires"))
        #expect(out.contains("answer gateway-features: [] (defaulted) -> [usage-plans]"))
        #expect(out.contains("FINDINGS AND CONFLICTS") && out.contains("+ warning: "))
        #expect(out.contains("- API orders-api [HTTP, regional]") && out.contains("+ API orders-api [REST, regional]"))
        // Unchanged decisions are not listed.
        #expect(!out.contains("Lambda proxy or custom integration:"))
        let exit = try BinaryRunner.run(["diff", old.path, new.path, "--exit-code"])
        #expect(exit.status == 1)
        let same = try BinaryRunner.run(["diff", old.path, old.path, "--exit-code"])
        #expect(same.status == 0 && same.stdout.contains("No differences"))
    }

    @Test func twoJSONAdviceFilesGiveTheSameDiff() throws {
        let (folder, old, new) = try files()
        let oldJSON = folder.appendingPathComponent("old.json"), newJSON = folder.appendingPathComponent("new.json")
        #expect(try BinaryRunner.run(["advise", old.path, "--json", oldJSON.path]).status == 0)
        #expect(try BinaryRunner.run(["advise", new.path, "--json", newJSON.path]).status == 0)
        let fromAnswers = try BinaryRunner.run(["diff", old.path, new.path]).stdout
        let fromJSON = try BinaryRunner.run(["diff", oldJSON.path, newJSON.path])
        #expect(fromJSON.status == 0, "\(fromJSON.stderr)")
        let body = { (text: String) in text.split(separator: "\n").dropFirst(3).joined(separator: "\n") }
        #expect(body(fromJSON.stdout) == body(fromAnswers))
        #expect(try BinaryRunner.run(["diff", oldJSON.path, old.path]).stdout.contains("No differences"))
    }

    @Test func theSameAnswersUnderTwoRulesFolders() throws {
        let (folder, old, _) = try files()
        let oldRules = folder.appendingPathComponent("old-rules"), newRules = folder.appendingPathComponent("new-rules")
        try FileManager.default.copyItem(at: BinaryRunner.repoRoot.appendingPathComponent("rules"), to: oldRules)
        try FileManager.default.copyItem(at: oldRules, to: newRules)
        // The new rules no longer prefer HTTP APIs for price, and have another version.
        let manifest = newRules.appendingPathComponent("manifest.yaml")
        try (try String(contentsOf: manifest, encoding: .utf8)).replacingOccurrences(of: "version: ", with: "version: 9")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let apiType = newRules.appendingPathComponent("api-type.rules.yaml")
        let text = try String(contentsOf: apiType, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "    recommend: http\n    strength: normal\n", with: "    recommend: rest\n    strength: strong\n")
        #expect(changed != text)
        try changed.write(to: apiType, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["diff", old.path, "--old-rules", oldRules.path, "--rules", newRules.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("RULES\n  - apigw-advisor bundled rules 2026.12.0\n  + apigw-advisor bundled rules 92026.12.0"))
        #expect(result.stdout.contains("rule api-type.http-is-cheaper changed: recommend http (normal) -> recommend rest (strong)"))
        #expect(result.stdout.contains("ANSWERS (0 changed)"))
    }

    @Test func badInputIsStatus2() throws {
        let result = try BinaryRunner.run(["diff", "/nonexistent/old.yaml", "/nonexistent/new.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/old.yaml"))
    }
}
