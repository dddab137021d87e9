import Foundation

/// Runs the real validators (cfn-lint, openapi-spec-validator) when they are installed: first in the
/// repo-local virtualenv `.venv/bin` that scripts/setup.sh makes when the system Python refuses
/// packages, then on PATH. Under CI (`CI=true`) a missing tool fails its test instead of skipping it.
enum GeneratorTools {
    /// The repository's `.venv/bin` folder (it may not exist).
    static let venvBin = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".venv/bin").path

    /// Whether this run is CI's, where every tool must be there.
    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The executable `name` in `.venv/bin`, else on PATH, else nil.
    static func path(_ name: String, venv: String = venvBin,
                     searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "") -> String? {
        let folders = [venv] + searchPath.split(separator: ":").map(String.init)
        for folder in folders {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether the test that needs `name` should run. When the tool is missing it says so on standard
    /// error and skips, except under CI, where it answers true so that `run` fails the test.
    static func available(_ name: String, ci: Bool = underCI) -> Bool {
        if path(name) != nil { return true }
        if ci { return true }
        FileHandle.standardError.write(Data("GeneratorTests: SKIPPED the \(name) validation: \(name) is neither in .venv/bin nor on PATH (run scripts/setup.sh).\n".utf8))
        return false
    }

    /// A missing tool, reported as a failure (under CI) instead of a skip.
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is neither in \(GeneratorTools.venvBin) nor on PATH; run scripts/setup.sh (CI requires it)" }
    }

    /// Runs the tool and returns its exit status and combined output.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable = path(name) else { throw Missing(name: name) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read before waiting: a tool that fills the pipe would otherwise never exit.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes `files` under a new temporary folder, each list under its own sub-folder, and returns the folder.
    static func write(_ outputs: [(name: String, files: [(path: String, text: String)])]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("apigw-generator-\(UUID().uuidString)")
        for output in outputs {
            for file in output.files {
                let url = root.appendingPathComponent(output.name).appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
        }
        return root
    }
}
