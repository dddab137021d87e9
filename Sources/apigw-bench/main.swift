import Foundation

// apigw-bench: measures apigw-advisor against the speed budgets of docs/benchmarks.md and prints a
// Markdown table. A separate executable rather than a timed test, because timings on a shared
// 2-core machine are too noisy to pass or fail a build on.

let options = BenchOptions.parse(CommandLine.arguments)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigw-bench-\(getpid())").path
do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
} catch {
    FileHandle.standardError.write(Data("apigw-bench: cannot create \(folder): \(error)\n".utf8))
    exit(1)
}
var report = Report()
if options.sections.contains("engine") {
    FileHandle.standardError.write(Data("apigw-bench: engine figures...\n".utf8))
    EngineBench(options: options).run(into: &report)
}
if options.sections.contains("keystroke") {
    FileHandle.standardError.write(Data("apigw-bench: keystroke figure...\n".utf8))
    KeystrokeBench(options: options).run(into: &report)
}
if options.sections.contains("process") || options.sections.contains("peers") {
    FileHandle.standardError.write(Data("apigw-bench: whole-process figures...\n".utf8))
    ProcessBench(options: options, folder: folder).run(into: &report)
}
if options.sections.contains("scale") {
    FileHandle.standardError.write(Data("apigw-bench: scale figures...\n".utf8))
    ScaleBench(options: options, folder: folder).run(into: &report)
}
try? FileManager.default.removeItem(atPath: folder)
let table = report.markdown(loadAtEnd: MachineInfo.loadAverage())
print(table, terminator: "")
if let output = options.output {
    do {
        try table.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("apigw-bench: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
