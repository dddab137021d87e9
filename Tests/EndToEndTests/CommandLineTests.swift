import Foundation
import Testing

/// The built binary on real files: output, exit status and error text for each documented case.
@Suite struct CommandLineTests {
    func write(_ text: String, name: String = "answers.yaml") throws -> URL {
        let url = try BinaryRunner.temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    let minimal = """
    services:
      - name: orders
        resources:
          - {path: /orders, methods: [GET, POST]}
    consumers: [browser]
    browser-origins: ["https://app.example.com"]
    """

    @Test func adviseOnAValidFilePrintsEveryDecision() throws {
        let file = try write(minimal)
        let result = try BinaryRunner.run(["advise", file.path, "--date", "2026-01-02"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("DECISIONS"))
        #expect(result.stdout.contains("REST API or HTTP API") || result.stdout.contains("API type"))
        #expect(result.stdout.contains("LAYOUT"))
        #expect(result.stdout.contains("date: 2026-01-02"))
        // Only the line naming the (long, temporary) file path may be wider than 80 columns.
        let wide = result.stdout.split(separator: "\n").filter { $0.count > 80 && !$0.contains(file.path) }
        #expect(wide.isEmpty, "summary is readable at 80 columns: \(wide)")
    }

    @Test func worksFromAnyWorkingDirectoryWithBundledRules() throws {
        let file = try write(minimal)
        let result = try BinaryRunner.run(["advise", file.path], cwd: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func whyExplainsRulesAnswersAndFacts() throws {
        let file = try write(minimal)
        let result = try BinaryRunner.run(["advise", file.path, "--why"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("rule "))
        #expect(result.stdout.contains("consumers contains"))
        #expect(result.stdout.contains("as of"))
    }

    @Test func missingFileIsStatus2() throws {
        let result = try BinaryRunner.run(["advise", "/nonexistent/answers.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/answers.yaml: error: answers file not found"))
        #expect(result.stdout.isEmpty)
    }

    @Test func malformedFileNamesLineAndColumn() throws {
        let file = try write("consumers: [browser\nown-cdn: true\n")
        let result = try BinaryRunner.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):"))
        #expect(result.stderr.contains("malformed YAML/JSON"))
    }

    @Test func unknownKeySuggestsAndListsAllowed() throws {
        let file = try write("consumer: [browser]\n")
        let result = try BinaryRunner.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):1:1: error: 'consumer': unknown key"))
        #expect(result.stderr.contains("did you mean 'consumers'"))
        #expect(result.stderr.contains("allowed:"))
    }

    @Test func unknownChoiceAndOutOfRange() throws {
        let file = try write("consumers: [browsers]\nmax-duration: 100000\n", name: "bad.json.yaml")
        let result = try BinaryRunner.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'consumers': unknown choice 'browsers' (did you mean 'browser'?)"))
        #expect(result.stderr.contains(":2:15: error: 'max-duration': 100000 is out of range"))
    }

    @Test func jsonAnswersWork() throws {
        let file = try write(#"{"services": [{"name": "orders", "resources": [{"path": "/orders", "methods": ["GET"]}]}], "consumers": ["partners"]}"#,
                             name: "answers.json")
        let result = try BinaryRunner.run(["validate", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid"))
    }

    @Test func emptyFileIsStatus2() throws {
        let file = try write("")
        let result = try BinaryRunner.run(["advise", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the file is empty"))
    }

    @Test func strictFailsOnMissingRequiredAnswers() throws {
        let file = try write("consumers: [partners]\n")
        let lenient = try BinaryRunner.run(["validate", file.path])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("missing (no default): services"))
        let strict = try BinaryRunner.run(["validate", file.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("services"))
    }

    @Test func strictFailsOnConflicts() throws {
        // A private endpoint for VPC-only callers and mutual TLS (regional custom domain only) cannot both hold.
        let file = try write(minimal.replacingOccurrences(of: "consumers: [browser]", with: "consumers: [vpc-only]") + "\nmutual-tls: true\n")
        let lenient = try BinaryRunner.run(["advise", file.path])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("CONFLICTS"))
        let strict = try BinaryRunner.run(["advise", file.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("conflict"))
    }

    @Test func badDateIsAUsageError() throws {
        let file = try write(minimal)
        let result = try BinaryRunner.run(["advise", file.path, "--date", "25/11/2026"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--date must be YYYY-MM-DD"))
    }

    @Test func lintBundledRulesIsClean() throws {
        let result = try BinaryRunner.run(["lint"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cases pass"))
    }

    @Test func lintReportsBrokenRulesWithLocation() throws {
        let folder = try BinaryRunner.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: BinaryRunner.repoRoot.appendingPathComponent("rules").path) {
            try FileManager.default.copyItem(at: BinaryRunner.repoRoot.appendingPathComponent("rules/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
        let cors = folder.appendingPathComponent("cors.rules.yaml")
        let text = try String(contentsOf: cors, encoding: .utf8)
        try (text + "\n  - id: cors.typo\n    decision: cors\n    when: {answer: consumer, contains: browser}\n    recommend: gateway\n    reason: typo\n")
            .write(to: cors, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["lint", "--rules", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cors.rules.yaml:"))
        #expect(result.stderr.contains("unknown question 'consumer'"))
        #expect(result.stderr.contains("did you mean 'consumers'"))
    }

    @Test func rulesFlagPointsAtAnotherFolder() throws {
        let file = try write(minimal)
        let result = try BinaryRunner.run(["advise", file.path, "--rules", "/nonexistent-rules"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent-rules: error: rules folder not found"))
    }

    @Test func questionsTemplateListsEveryQuestion() throws {
        let result = try BinaryRunner.run(["questions"])
        #expect(result.status == 0)
        for id in ["services", "consumers", "browser-origins", "auth-mechanisms", "max-duration", "custom-domain"] {
            #expect(result.stdout.contains(id), "template lacks \(id)")
        }
    }
}
