import Foundation
import Testing

/// `advise --madr` run again: unchanged decisions get no copy, a changed one gets a new record and the
/// replaced record says "superseded by NNNN"; numbering works past 9999.
@Suite struct MADREndToEndTests {
    let answers = """
    services:
      - name: orders
        resources:
          - {path: /orders, methods: [GET, POST]}
    consumers: [browser]
    browser-origins: ["https://app.example.com"]
    """

    private func records(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func reExportWritesOnlyChangedDecisionsAndSupersedes() throws {
        let work = try BinaryRunner.temporaryFolder()
        let file = work.appendingPathComponent("answers.yaml")
        try answers.write(to: file, atomically: true, encoding: .utf8)
        let folder = work.appendingPathComponent("decisions")
        let arguments = ["advise", file.path, "--madr", "--madr-dir", folder.path, "--date", "2026-12-01"]
        let first = try BinaryRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try records(folder)
        #expect(!written.isEmpty)

        let second = try BinaryRunner.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try records(folder) == written, "a second export of the same answers writes no copies")
        #expect(second.stderr.contains("unchanged"))

        // Usage plans change the API type (and whatever follows from it).
        try (answers + "\ngateway-features: [usage-plans]\n").write(to: file, atomically: true, encoding: .utf8)
        let before = try Dictionary(uniqueKeysWithValues: written.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) })
        let third = try BinaryRunner.run(arguments)
        #expect(third.status == 0, "\(third.stderr)")
        let now = try records(folder)
        let added = now.filter { !written.contains($0) }
        #expect(!added.isEmpty && added.count < written.count)
        let apiRecord = try #require(added.first { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))?.contains("decision `api-type`") == true
        })
        let number = String(apiRecord.prefix(4))
        var superseded = 0
        for name in written {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if text != before[name] {
                superseded += 1
                #expect(text.contains("\nstatus: superseded by ") && text.replacingOccurrences(
                    of: #"status: superseded by \d+"#, with: "status: proposed", options: .regularExpression) == before[name])
            }
            if text.contains("decision `api-type`") { #expect(text.contains("status: superseded by \(number)")) }
        }
        #expect(superseded == added.count)
    }

    @Test func numberingKeepsWorkingPast9999() throws {
        let work = try BinaryRunner.temporaryFolder()
        let file = work.appendingPathComponent("answers.yaml")
        try answers.write(to: file, atomically: true, encoding: .utf8)
        let folder = work.appendingPathComponent("decisions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# an old record\n".write(to: folder.appendingPathComponent("9999-old.md"), atomically: true, encoding: .utf8)
        let arguments = ["advise", file.path, "--madr", "--madr-dir", folder.path, "--date", "2026-12-01"]
        let first = try BinaryRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try records(folder).contains { $0.hasPrefix("10000-") })
        try (answers + "\ngateway-features: [usage-plans]\n").write(to: file, atomically: true, encoding: .utf8)
        let second = try BinaryRunner.run(arguments)
        #expect(second.status == 0, "the run after 10000 does not stick on \"already exists\": \(second.stderr)")
        let numbers = try records(folder).compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(Set(numbers).count == numbers.count)
        #expect(numbers.max() ?? 0 > 10000)
    }
}
