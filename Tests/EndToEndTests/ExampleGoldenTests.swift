import Foundation
import Testing

/// Every bundled example's markdown record, as the binary writes it, must match the reviewed golden file
/// beside it (examples/NAME.md). Set UPDATE_GOLDEN=1 to rewrite the goldens after an intended change,
/// then read the diff before committing it.
@Suite struct ExampleGoldenTests {
    static let examples: [String] = {
        let folder = BinaryRunner.repoRoot.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func thereAreAtLeastFiveExamples() {
        #expect(Self.examples.count >= 5)
    }

    @Test(arguments: examples)
    func markdownMatchesGolden(example: String) throws {
        let input = "examples/\(example)"
        let result = try BinaryRunner.run(["advise", input, "--format", "markdown", "--date", "2026-11-25"])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = BinaryRunner.repoRoot.appendingPathComponent("examples/\(example.replacingOccurrences(of: ".yaml", with: ".md"))")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if result.stdout != expected {
            let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            Issue.record("""
            \(input): markdown differs from \(golden.lastPathComponent) at line \(line + 1)
              golden: \(line < want.count ? String(want[line]) : "<end>")
              actual: \(line < got.count ? String(got[line]) : "<end>")
            """)
        }
    }

    @Test(arguments: examples)
    func examplesAreStrictlyValid(example: String) throws {
        let result = try BinaryRunner.run(["validate", "examples/\(example)", "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func strictAdviceFailsOnlyForTheConflictExample() throws {
        for example in Self.examples {
            let result = try BinaryRunner.run(["advise", "examples/\(example)", "--strict"])
            let expected: Int32 = example.hasPrefix("conflict") ? 1 : 0
            #expect(result.status == expected, "\(example): \(result.stderr)")
        }
    }
}

/// The JSON output of every example validates against docs/advice.schema.json with a real JSON Schema
/// validator (Python's jsonschema): the Python of the repo-local `.venv/` that scripts/setup.sh makes
/// when the system Python refuses packages, else `python3` on PATH. Skipped, visibly, where it is not
/// installed, except under CI (`CI=true`), where a missing validator fails the test.
@Suite struct ExampleJSONSchemaTests {
    /// `.venv/bin/python3` when it exists, else `python3` found through /usr/bin/env.
    static let python: (path: String, prefix: [String]) = {
        let venv = BinaryRunner.repoRoot.appendingPathComponent(".venv/bin/python3").path
        if FileManager.default.isExecutableFile(atPath: venv) { return (venv, []) }
        return ("/usr/bin/env", ["python3"])
    }()

    static let validatorInstalled: Bool = {
        (try? BinaryRunner.runTool(python.path, python.prefix + ["-c", "import jsonschema"]))?.status == 0
    }()

    static let validatorAvailable = validatorInstalled || ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: validatorAvailable, "python3 with jsonschema is not installed"), arguments: ExampleGoldenTests.examples)
    func jsonValidatesAgainstTheSchema(example: String) throws {
        let result = try BinaryRunner.run(["advise", "examples/\(example)", "--format", "json", "--date", "2026-11-25"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try BinaryRunner.temporaryFolder().appendingPathComponent("advice.json")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let schema = BinaryRunner.repoRoot.appendingPathComponent("docs/advice.schema.json").path
        #expect(Self.validatorInstalled, "jsonschema is neither in .venv/ nor importable by python3 on PATH: run scripts/setup.sh (CI requires it)")
        let check = try BinaryRunner.runTool(Self.python.path, Self.python.prefix + ["-c", """
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
            """, schema, file.path])
        #expect(check.status == 0, "\(example): \(check.stderr)")
    }

    @Test func skippedValidatorIsSaidAloud() {
        if !Self.validatorAvailable {
            FileHandle.standardError.write(Data("SKIPPED: JSON Schema validation of the examples (python3 jsonschema missing)\n".utf8))
        }
        #expect(Bool(true))
    }
}
