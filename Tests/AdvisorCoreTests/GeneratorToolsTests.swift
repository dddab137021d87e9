import Foundation
import Testing

/// The helper that finds the Python validators: `.venv/bin` first, then PATH; under CI a missing
/// tool fails its test instead of being skipped.
@Suite struct GeneratorToolsTests {
    func folder(with tool: String?) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("apigw-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if let tool {
            let file = url.appendingPathComponent(tool)
            try Data("#!/bin/sh\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        return url.path
    }

    @Test func theVirtualenvComesBeforePath() throws {
        let venv = try folder(with: "cfn-lint"), onPath = try folder(with: "cfn-lint")
        #expect(GeneratorTools.path("cfn-lint", venv: venv, searchPath: onPath) == venv + "/cfn-lint")
        let emptyVenv = try folder(with: nil)
        #expect(GeneratorTools.path("cfn-lint", venv: emptyVenv, searchPath: "/nowhere:" + onPath) == onPath + "/cfn-lint")
        #expect(GeneratorTools.path("cfn-lint", venv: emptyVenv, searchPath: emptyVenv) == nil)
    }

    @Test func underCIAMissingToolRunsAndFails() throws {
        let name = "apigw-no-such-validator-\(UUID().uuidString)"
        #expect(GeneratorTools.available(name, ci: true))
        #expect(!GeneratorTools.available(name, ci: false))
        #expect(throws: GeneratorTools.Missing.self) { try GeneratorTools.run(name, []) }
    }
}
