import Foundation
import Testing

/// `apigw-advisor interview FILE` starts without ArgumentParser (Main's fast path); it must behave
/// exactly as the parsed command does, which `interview FILE --date D` still goes through.
@Suite struct InterviewFastPathTests {
    @Test func fastPathMatchesTheParsedCommandWithoutATerminal() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["APIGW_ADVISOR_RECOVERY": folder.appendingPathComponent("recovery.yaml").path]
        let example = "examples/three-services-spa.yaml"
        let fast = try BinaryRunner.run(["interview", example], environment: environment)
        let parsed = try BinaryRunner.run(["interview", example, "--date", "2026-01-15"], environment: environment)
        #expect(fast.status == 2)
        #expect(fast.status == parsed.status)
        #expect(fast.stderr == parsed.stderr && !fast.stderr.isEmpty)
    }

    @Test func fastPathReportsABadAnswersFileLikeTheParsedCommand() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try "runtime: cobol\n".write(to: bad, atomically: true, encoding: .utf8)
        let environment = ["APIGW_ADVISOR_RECOVERY": folder.appendingPathComponent("recovery.yaml").path]
        let fast = try BinaryRunner.run(["interview", bad.path], environment: environment)
        let parsed = try BinaryRunner.run(["interview", bad.path, "--date", "2026-01-15"], environment: environment)
        #expect(fast.status == 2 && parsed.status == 2)
        #expect(fast.stderr == parsed.stderr)
        #expect(fast.stderr.contains("bad.yaml:1:"))
    }
}
