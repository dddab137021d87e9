import Foundation
import Testing
@testable import AdvisorCore

/// The generated files checked by the real tools, and the golden files of the bundled examples.
///
/// cfn-lint and openapi-spec-validator are Python packages (CI's .ci/run installs them). When one is
/// missing its test is disabled and a line on standard error says so; nothing passes silently.
///
/// Golden files live in Tests/AdvisorCoreTests/Golden/generated/<example>/: what
/// `apigw-advisor generate examples/<example>.yaml --record examples/<example>.md --date 2026-11-25` writes
/// (the example's markdown record is the decision record it implements), or refusal.txt when it refuses.
/// After an intended change, rewrite them with `UPDATE_GOLDEN=1 swift test --filter GeneratorTests` and review the diff.
extension GeneratorTests {
    /// Every situation and every bundled example that generates, as (name, files).
    static func everyOutput() throws -> [(name: String, files: [(path: String, text: String)])] {
        var outputs: [(name: String, files: [(path: String, text: String)])] = []
        for situation in GeneratorFixtures.situations {
            outputs.append((situation.name, try GeneratorFixtures.files(situation).map { ($0.path, $0.text) }))
        }
        for example in try GeneratorFixtures.exampleFiles() {
            let files = try GeneratorFixtures.exampleOutput(example)
            if files.map(\.path) == ["refusal.txt"] { continue }
            outputs.append(("example-" + example.replacingOccurrences(of: ".yaml", with: ""), files.map { ($0.path, $0.text) }))
        }
        return outputs
    }

    // cfn-lint runs the SAM transform itself, so SAM errors count as errors. Its exit status is a bit set:
    // 2 errors, 4 warnings, 8 informational; anything else means it could not lint at all.
    @Test(.enabled(if: GeneratorTools.available("cfn-lint"), "needs cfn-lint on PATH; a line on stderr says when it is skipped"))
    func cfnLintFindsNoErrors() throws {
        let outputs = try Self.everyOutput()
        let root = try GeneratorTools.write(outputs)
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = outputs.map { root.appendingPathComponent($0.name).appendingPathComponent("template.yaml").path }
        let result = try GeneratorTools.run("cfn-lint", ["--format", "parseable"] + templates)
        let output = result.output.replacingOccurrences(of: root.path + "/", with: "")
        let problems = output.split(separator: "\n").map(String.init)
        // Parseable lines: file:line:column:end-line:end-column:RULE:message.
        let warnings = problems.filter { $0.split(separator: ":", maxSplits: 6).dropFirst(5).first.map { !$0.hasPrefix("E") } ?? false }
        if !warnings.isEmpty {
            print("cfn-lint warnings and notes (not failures):\n" + warnings.map { "  " + $0 }.joined(separator: "\n"))
        }
        #expect(result.status & ~(4 | 8) == 0, "cfn-lint found errors (status \(result.status)):\n\(output)")
        #expect(templates.count == outputs.count && !templates.isEmpty)
    }

    @Test(.enabled(if: GeneratorTools.available("openapi-spec-validator"), "needs openapi-spec-validator on PATH; a line on stderr says when it is skipped"))
    func openAPISpecValidatorAcceptsEveryDocument() throws {
        let outputs = try Self.everyOutput()
        let root = try GeneratorTools.write(outputs)
        defer { try? FileManager.default.removeItem(at: root) }
        let documents = outputs.flatMap { output in
            output.files.filter { $0.path.hasPrefix("openapi/") }.map { root.appendingPathComponent(output.name).appendingPathComponent($0.path).path }
        }
        #expect(!documents.isEmpty)
        let result = try GeneratorTools.run("openapi-spec-validator", ["--schema", "3.0", "--validation-errors", "all"] + documents)
        let output = result.output.replacingOccurrences(of: root.path + "/", with: "")
        #expect(result.status == 0, "openapi-spec-validator rejected a document:\n\(output)")
        #expect(output.split(separator: "\n").filter { $0.hasSuffix(": OK") }.count == documents.count, "\(output)")
    }

    /// The harness would pass vacuously if the tools ignored their input; a broken file must fail.
    @Test(.enabled(if: GeneratorTools.available("cfn-lint") && GeneratorTools.available("openapi-spec-validator"),
                   "needs both tools on PATH; a line on stderr says when it is skipped"))
    func validatorsRejectBrokenFiles() throws {
        let template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
            Outputs:
              Url:
                Value: {Ref: NoSuchApi}
            """
        let document = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a/{id}:\n    get: {}\n"
        let root = try GeneratorTools.write([("broken", [("template.yaml", template), ("openapi/a.yaml", document)])])
        defer { try? FileManager.default.removeItem(at: root) }
        let lint = try GeneratorTools.run("cfn-lint", [root.appendingPathComponent("broken/template.yaml").path])
        #expect(lint.status & 2 != 0, "cfn-lint accepted a broken template:\n\(lint.output)")
        let validator = try GeneratorTools.run("openapi-spec-validator", [root.appendingPathComponent("broken/openapi/a.yaml").path])
        #expect(validator.status != 0, "openapi-spec-validator accepted a broken document:\n\(validator.output)")
    }

    // MARK: golden files

    static var goldenRoot: URL {
        GeneratorFixtures.repoRoot.appendingPathComponent("Tests/AdvisorCoreTests/Golden/generated")
    }

    /// Set UPDATE_GOLDEN=1 to rewrite the golden files from the current output instead of comparing.
    @Test func goldenFilesMatchTheExamples() throws {
        let examples = try GeneratorFixtures.exampleFiles()
        #expect(!examples.isEmpty, "examples/ has no answers files")
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        let manager = FileManager.default
        for example in examples {
            let folder = Self.goldenRoot.appendingPathComponent(example.replacingOccurrences(of: ".yaml", with: ""))
            let files = try GeneratorFixtures.exampleOutput(example)
            if update {
                try? manager.removeItem(at: folder)
                for file in files {
                    let url = folder.appendingPathComponent(file.path)
                    try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.text.utf8).write(to: url)
                }
                continue
            }
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                guard let golden = manager.contents(atPath: url.path).map({ String(decoding: $0, as: UTF8.self) }) else {
                    Issue.record("missing golden file \(url.path); run UPDATE_GOLDEN=1 swift test --filter GeneratorTests")
                    continue
                }
                if golden != file.text {
                    let difference = Self.firstDifference(golden, file.text)
                    Issue.record("examples/\(example) -> \(file.path) differs from its golden file: \(difference)\nIf the change is intended, run UPDATE_GOLDEN=1 swift test --filter GeneratorTests and review the diff.")
                }
            }
            let expected = Set(files.map(\.path))
            let present = Set((manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
                .filter { !$0.hasPrefix(".") && $0.hasSuffix(".yaml") || $0.hasSuffix(".txt") })
            for stale in present.subtracting(expected).sorted() {
                Issue.record("golden file \(example)/\(stale) is no longer generated; run UPDATE_GOLDEN=1 swift test --filter GeneratorTests")
            }
        }
        let names = Set(examples.map { $0.replacingOccurrences(of: ".yaml", with: "") })
        let folders = (try? manager.contentsOfDirectory(atPath: Self.goldenRoot.path)) ?? []
        for folder in folders.sorted() where !names.contains(folder) && !folder.hasPrefix(".") {
            Issue.record("Golden/generated/\(folder) has no example; remove it")
        }
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end>"
            let b = index < right.count ? String(right[index]) : "<end>"
            if a != b { return "line \(index + 1): golden \"\(a)\", generated \"\(b)\"" }
        }
        return "no line differs"
    }
}
