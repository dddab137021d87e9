import Foundation

/// Runs the real validators (cfn-lint, openapi-spec-validator) when they are installed.
enum GeneratorTools {
    /// The executable `name` on PATH, or nil.
    static func path(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for folder in folders {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether `name` is installed; when it is not, says on standard error that its test is skipped,
    /// so a run without the tools never passes silently.
    static func available(_ name: String) -> Bool {
        if path(name) != nil { return true }
        FileHandle.standardError.write(Data("GeneratorTests: SKIPPED the \(name) validation: \(name) is not on PATH (pip install \(name)).\n".utf8))
        return false
    }

    /// Runs the tool and returns its exit status and combined output.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(name) ?? name)
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
