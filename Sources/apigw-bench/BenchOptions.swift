import Foundation

/// Command-line options of `apigw-bench` (hand-parsed: the benchmark depends on AdvisorCore only).
struct BenchOptions {
    /// Fewer runs and no 10,000-rule YAML repetitions: a smoke run in about a minute.
    var quick = false
    /// Measured repetitions of each in-process figure (after warm-ups).
    var engineRuns = 15
    /// Measured runs of each whole-process figure of apigw-advisor.
    var processRuns = 40
    /// Measured runs of each peer program (cookiecutter takes a quarter of a second per run).
    var peerRuns = 15
    /// The apigw-advisor binaries to time, each with a label for the table.
    var binaries: [(label: String, path: String)] = []
    /// Folder of example answers files.
    var examples = "examples"
    /// Rules folder, for the `--rules DIR` (YAML) figure.
    var rules = "rules"
    /// Inventory sizes (services) of the scale figures.
    var scaleSizes = [500, 5_000]
    /// Measured runs of each scale figure (after one warm-up).
    var scaleRuns = 5
    /// Seconds after which one scale run is stopped (and the larger sizes skipped), so the bench never hangs.
    var scaleTimeout = 60
    /// Sections to run.
    var sections: Set<String> = Self.allSections
    /// Every section, in the order they run.
    static let allSections: Set<String> = ["engine", "keystroke", "process", "peers", "scale"]
    /// Where to write the table as well as printing it.
    var output: String?

    static let usage = """
    usage: apigw-bench [--quick] [--runs N] [--engine-runs N] [--peer-runs N] [--binary [LABEL=]PATH]...
                       [--examples DIR] [--rules DIR] [--only engine,keystroke,process,peers,scale]
                       [--scale-sizes N,N] [--scale-runs N] [--scale-timeout S] [--output FILE]

    Measures apigw-advisor against its speed budgets and prints a Markdown table of medians and
    min-max, with the machine and its load. Run it from the repository root (scripts/bench.sh does).
      --quick            5 in-process runs, 10 process runs, 5 peer runs, 3 scale runs
      --runs N           runs of each apigw-advisor process figure (default 40)
      --engine-runs N    runs of each in-process figure (default 15)
      --peer-runs N      runs of each peer program (default 15)
      --binary L=PATH    an apigw-advisor binary to time (repeatable; default: the one beside apigw-bench)
      --examples DIR     example answers files (default examples)
      --rules DIR        rules folder for the --rules figure (default rules)
      --only LIST        sections to run: engine, keystroke, process, peers, scale (default all)
      --scale-sizes L    services in the scale answers files, 10 resources each (default 500,5000)
      --scale-runs N     runs of each scale figure after one warm-up (default 5)
      --scale-timeout S  stop a scale run after S seconds and skip the larger sizes (default 60)
      --output FILE      also write the table to FILE
    """

    /// Parses the arguments; prints usage and exits on `--help` or a mistake.
    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments.dropFirst()
        func value(_ flag: String) -> String {
            guard let next = rest.popFirst() else { fail("\(flag) needs a value") }
            return next
        }
        func count(_ flag: String) -> Int {
            let text = value(flag)
            guard let number = Int(text), number > 0 else { fail("\(flag) needs a positive number, got '\(text)'") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--quick":
                options.quick = true
                options.engineRuns = 5
                options.processRuns = 10
                options.peerRuns = 5
                options.scaleRuns = 3
            case "--runs": options.processRuns = count(argument)
            case "--engine-runs": options.engineRuns = count(argument)
            case "--peer-runs": options.peerRuns = count(argument)
            case "--binary":
                let text = value(argument)
                if let equals = text.firstIndex(of: "=") {
                    options.binaries.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
                } else {
                    options.binaries.append(("apigw-advisor", text))
                }
            case "--scale-runs": options.scaleRuns = count(argument)
            case "--scale-timeout": options.scaleTimeout = count(argument)
            case "--scale-sizes":
                let text = value(argument)
                let sizes = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                guard !sizes.isEmpty, sizes.count == text.split(separator: ",").count else { fail("--scale-sizes needs positive numbers, got '\(text)'") }
                options.scaleSizes = sizes
            case "--examples": options.examples = value(argument)
            case "--rules": options.rules = value(argument)
            case "--only":
                options.sections = Set(value(argument).split(separator: ",").map(String.init))
                let unknown = options.sections.subtracting(allSections)
                if !unknown.isEmpty { fail("--only takes engine, keystroke, process, peers, scale; got \(unknown.sorted().joined(separator: ", "))") }
            case "--output": options.output = value(argument)
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                fail("unknown argument '\(argument)'")
            }
        }
        if options.binaries.isEmpty {
            let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("apigw-advisor").path
            options.binaries = [("apigw-advisor", beside)]
        }
        return options
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("apigw-bench: \(message)\n\n\(usage)\n".utf8))
        exit(64)
    }
}
