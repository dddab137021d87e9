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

extension HostileInputEndToEndTests {
    /// Markup in a team name (control characters there are refused: see InvalidOutputTests), and
    /// terminal escapes in the answers file's name, which every report quotes.
    static let hostileTeam = """
    services:
      - name: orders
        team: "</details><script>alert(1)</script> *bold* [x](http://e) | pipe"
        resources:
          - {path: /orders, methods: [GET]}
    """

    @Test func reportsAreInertAndMarkupIsEscaped() throws {
        let file = try write(Self.hostileTeam, name: "evil\u{1B}]52;c;aGk=\u{7}\u{1B}[2J\u{9B}2J\u{85}.yaml")
        let folder = file.deletingLastPathComponent()
        for format in ["markdown", "json", "text"] {
            let result = try BinaryRunner.run(["advise", file.path, "--format", format, "--date", "2026-01-02"])
            #expect(result.status == 0, "\(result.stderr)")
            let raw = result.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            #expect(raw.isEmpty, "\(format): raw control characters \(raw.map(\.value))")
            if format == "markdown" { #expect(!result.stdout.contains("<script>")) }
        }
        let markdown = try BinaryRunner.run(["advise", file.path, "--format", "markdown"]).stdout
        #expect(markdown.contains("&lt;/details>&lt;script>"), "\(markdown.prefix(3000))")
        #expect(markdown.contains("evil\\u{1B}]52;c;aGk=\\u{7}"), "the file name's escapes are shown, not sent")
        #expect(markdown.contains("\\*bold\\*"))
        #expect(markdown.contains("\\| pipe"))
        let json = try BinaryRunner.run(["advise", file.path, "--format", "json"]).stdout
        #expect(json.contains("\\u0085") || json.contains("\\u0085".uppercased()), "C1 escaped as JSON")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8))
        #expect(decoded is [String: Any])
        let written = try BinaryRunner.run(["advise", file.path, "--markdown", folder.appendingPathComponent("a.md").path,
                                            "--madr", "--madr-dir", folder.appendingPathComponent("adr").path])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("a.md"), encoding: .utf8)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
        let escapes = try write(Self.hostileTeam.replacingOccurrences(of: "</details>", with: "\\e]52;c;aGk=\\a"))
        let refused = try BinaryRunner.run(["advise", escapes.path])
        #expect(refused.status == 2 && refused.stderr.contains("U+001B"), "\(refused.stderr)")
    }
}

/// Outputs are all or nothing, and --force replaces only regular files, keeping their mode (items 5 and 6).
extension HostileInputEndToEndTests {
    static var example: String { BinaryRunner.repoRoot.appendingPathComponent("examples/three-services-spa.yaml").path }

    func entries(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func forceRefusesNonRegularTargetsAndKeepsTheMode() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let fifo = folder.appendingPathComponent("pipe.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try BinaryRunner.run(["advise", Self.example, "--markdown", fifo, "--force"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("not a regular file"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the pipe is still a pipe")
        let folderTarget = folder.appendingPathComponent("dir.json")
        try FileManager.default.createDirectory(at: folderTarget, withIntermediateDirectories: false)
        #expect(try BinaryRunner.run(["advise", Self.example, "--json", folderTarget.path, "--force"]).status == 3)

        let secret = folder.appendingPathComponent("secret.md")
        try "old\n".write(to: secret, atomically: false, encoding: .utf8)
        chmod(secret.path, 0o600)
        let replaced = try BinaryRunner.run(["advise", Self.example, "--markdown", secret.path, "--force"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(stat(secret.path, &info) == 0 && info.st_mode & 0o777 == 0o600, "mode \(String(info.st_mode & 0o777, radix: 8))")
        #expect(try String(contentsOf: secret, encoding: .utf8).hasPrefix("# API Gateway"))
    }

    @Test func generateWritesAllOrNothing() throws {
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("generated")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A later target cannot be written: openapi is a file, not a folder.
        try "not a folder\n".write(to: out.appendingPathComponent("openapi"), atomically: false, encoding: .utf8)
        let result = try BinaryRunner.run(["generate", Self.example, "--out", out.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(entries(out) == ["openapi"], "nothing else left: \(entries(out))")
    }

    @Test func aRunStoppedByTheFileSizeLimitLeavesNothing() throws {
        let root = try BinaryRunner.temporaryFolder()
        let out = root.appendingPathComponent("generated")
        let result = try shell(#"ulimit -f 4; "$ADVISOR" generate "\#(Self.example)" --out "\#(out.path)""#)
        #expect(result.status == 3, "exit \(result.status): \(result.stderr)")
        #expect(entries(root).isEmpty, "no temporary file, no folder: \(entries(root))")
    }

    @Test func adviseRemovesTheFoldersItCreatedWhenALaterOutputFails() throws {
        let root = try BinaryRunner.temporaryFolder()
        try "a file\n".write(to: root.appendingPathComponent("blocker"), atomically: false, encoding: .utf8)
        let result = try BinaryRunner.run(["advise", Self.example, "--json", root.appendingPathComponent("new/advice.json").path,
                                           "--madr", "--madr-dir", root.appendingPathComponent("docs/decisions").path,
                                           "--markdown", root.appendingPathComponent("blocker/advice.md").path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(entries(root) == ["blocker"], "\(entries(root))")
    }
}

/// SOURCE_DATE_EPOCH is checked where it enters (item 7).
extension HostileInputEndToEndTests {
    @Test func sourceDateEpochOutOfRangeIsUsageError() throws {
        for value in ["99999999999999999999", "9223372036854775807", "253402300800", "-1", "12abc", "1e9"] {
            let result = try BinaryRunner.run(["advise", Self.example], environment: ["SOURCE_DATE_EPOCH": value])
            #expect(result.status == 64, "\(value): exit \(result.status)")
            #expect(result.stderr.contains("SOURCE_DATE_EPOCH must be"), "\(value): \(result.stderr)")
        }
        let last = try BinaryRunner.run(["advise", Self.example], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(last.status == 0 && last.stdout.contains("9999-12-31"), "\(last.stderr)")
        let usual = try BinaryRunner.run(["advise", Self.example], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(usual.stdout.contains("2023-11-14"))
        let overridden = try BinaryRunner.run(["advise", Self.example, "--date", "2026-01-02"], environment: ["SOURCE_DATE_EPOCH": "x"])
        #expect(overridden.status == 0, "--date wins over an unusable SOURCE_DATE_EPOCH")
    }
}
