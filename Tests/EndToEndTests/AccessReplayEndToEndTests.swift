import Foundation
import Testing

/// An answers file saved by the interview (with per-service and per-route access) replays through
/// `apigw-advisor advise` to the same record as the equivalent hand-written file.
@Suite struct AccessReplayEndToEndTests {
    /// Runs `advise` on a copy of `fixture` named answers.yaml in its own folder, so the records cite the same file.
    private func advise(_ fixture: String, _ format: String) throws -> BinaryRunner.Result {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = BinaryRunner.repoRoot.appendingPathComponent("Tests/AdvisorTUITests/Fixtures/" + fixture)
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("answers.yaml"))
        return try BinaryRunner.run(["advise", "answers.yaml", "--format", format, "--date", "2026-01-15"], cwd: folder)
    }

    @Test func theSavedFileAdvisesLikeTheHandWrittenOne() throws {
        for format in ["markdown", "json", "text"] {
            let saved = try advise("three-services-access.saved.yaml", format)
            let written = try advise("three-services-access.yaml", format)
            #expect(saved.status == 0, "\(format): \(saved.stderr)")
            #expect(saved.status == written.status)
            #expect(saved.stdout == written.stdout, "\(format)")
            #expect(!saved.stdout.isEmpty)
        }
        // The access reached the record: the markdown names the routes' access.
        let markdown = try advise("three-services-access.saved.yaml", "markdown").stdout
        #expect(markdown.contains("iam"))
        // So did orders' own answers: its 40 s operation is named in the record (three-services-spa says 3 s).
        #expect(markdown.contains("value: 40; service orders"))
    }
}
