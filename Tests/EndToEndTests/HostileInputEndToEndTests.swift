import Foundation
import Testing

/// The built binary on hostile input and failing outputs (issue 10).
@Suite struct HostileInputEndToEndTests {
    func write(_ text: String, name: String = "answers.yaml", in folder: URL? = nil) throws -> URL {
        let url = try (folder ?? BinaryRunner.temporaryFolder()).appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Runs through the shell, for redirections the Process API cannot express (a closed descriptor).
    func shell(_ script: String) throws -> BinaryRunner.Result {
        try BinaryRunner.runTool("/bin/sh", ["-c", script], environment: ["ADVISOR": BinaryRunner.binary.path])
    }

    @Test func failedWritesToStandardErrorDoNotCrash() throws {
        let closed = try shell(#""$ADVISOR" advise /nonexistent/answers.yaml 2>&-"#)
        #expect(closed.status == 2, "exit \(closed.status)")
        let full = try shell(#""$ADVISOR" advise /nonexistent/answers.yaml 2>/dev/full"#)
        #expect(full.status == 2, "exit \(full.status)")
    }

    @Test func failedWritesToStandardOutputHaveTheirOwnStatus() throws {
        let example = BinaryRunner.repoRoot.appendingPathComponent("examples/three-services-spa.yaml").path
        let full = try shell(#""$ADVISOR" advise "\#(example)" > /dev/full"#)
        #expect(full.status == 4, "exit \(full.status)")
        #expect(full.stderr.contains("cannot write to standard output"))
        let closed = try shell(#""$ADVISOR" questions >&-"#)
        #expect(closed.status == 4, "exit \(closed.status)")
    }

    @Test func aliasBombInAnswersAndRulesIsStatus2Fast() throws {
        var lines = [#"a: &a ["x","x","x","x","x","x","x","x","x"]"#]
        for level in 1..<10 {
            let name = String(UnicodeScalar(UInt8(97 + level))), previous = String(UnicodeScalar(UInt8(96 + level)))
            lines.append("\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]")
        }
        let bomb = lines.joined(separator: "\n") + "\napi-name: *j\n"
        let file = try write(bomb)
        let start = Date()
        let advise = try BinaryRunner.run(["advise", file.path])
        #expect(advise.status == 2)
        #expect(advise.stderr.contains("\(file.path):6:"), "\(advise.stderr)")
        let folder = try BinaryRunner.temporaryFolder()
        _ = try write(bomb, name: "questions.yaml", in: folder)
        let lint = try BinaryRunner.run(["lint", "--rules", folder.path])
        #expect(lint.status == 2, "\(lint.stderr)")
        #expect(lint.stderr.contains("questions.yaml:6:"), "\(lint.stderr)")
        #expect(Date().timeIntervalSince(start) < 5, "both refused without expanding")
    }

    @Test func validateErrorsAreInertOnTheTerminal() throws {
        let file = try write("api-name: \"\\e]52;c;aGVsbG8=\\a\\e[2J\\u009B2J\"\nteam-count: \"\\x85\"\n")
        let result = try BinaryRunner.run(["validate", file.path])
        #expect(result.status == 2)
        let raw = result.stderr.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(raw.isEmpty, "raw control characters on stderr: \(raw.map(\.value))")
        #expect(result.stderr.contains("\\u{1B}"), "\(result.stderr)")
    }
}
