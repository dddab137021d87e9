import Foundation

/// One line of the results table: a measured figure, or a figure that could not be measured and why.
struct Row {
    /// Table section, e.g. `Engine (in-process)`.
    var section: String
    /// What was measured.
    var figure: String
    /// The measurements; nil for derived figures (ratios) and figures not measured.
    var sample: Sample?
    /// Budget verdict, comparison with a peer, or the reason it was not measured.
    var note: String
}

/// The machine and its load, printed with every table because figures on a shared machine mean little without them.
struct MachineInfo {
    var date: String
    var cpus: Int
    var model: String
    var kernel: String

    static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        var names = utsname()
        uname(&names)
        let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return MachineInfo(date: formatter.string(from: Date()), cpus: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
                           model: model, kernel: "Linux \(release)")
    }

    /// `/proc/loadavg`'s three averages, read when asked so the start and end of a run can both be shown.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// Collects rows and prints them as one Markdown table.
struct Report {
    var machine = MachineInfo.current()
    var loadAtStart = MachineInfo.loadAverage()
    var rows: [Row] = []
    var notes: [String] = []

    mutating func add(_ section: String, _ figure: String, _ sample: Sample?, note: String = "") {
        rows.append(Row(section: section, figure: figure, sample: sample, note: note))
    }

    /// The row with this figure, for ratios between rows.
    func sample(_ figure: String) -> Sample? { rows.first { $0.figure == figure }?.sample }

    func markdown(loadAtEnd: String) -> String {
        var out: [String] = []
        out.append("Machine: \(machine.cpus) CPUs, \(machine.model), \(machine.kernel); \(machine.date); "
                   + "load average (1/5/15 min) \(loadAtStart) at start, \(loadAtEnd) at end.")
        out.append("")
        out.append("| figure | median ms | min-max ms | peak RSS MB | runs | budget / comparison |")
        out.append("|---|---:|---:|---:|---:|---|")
        var section = ""
        for row in rows {
            if row.section != section {
                section = row.section
                out.append("| **\(section)** | | | | | |")
            }
            if let sample = row.sample {
                let rss = sample.medianPeakMB.map { format($0, decimals: 1) } ?? ""
                out.append("| \(row.figure) | \(formatMillis(sample.median)) | \(formatMillis(sample.min))-\(formatMillis(sample.max)) "
                           + "| \(rss) | \(sample.millis.count) | \(row.note) |")
            } else {
                out.append("| \(row.figure) | | | | | \(row.note) |")
            }
        }
        if !notes.isEmpty {
            out.append("")
            out += notes.map { "- \($0)" }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// `met: 4.1 ms < 10 ms (2.4x headroom)` or `MISSED: 23 ms > 10 ms (2.3x over)`.
func verdict(_ value: Double, under limit: Double, unit: String = "ms") -> String {
    if value < limit {
        return "met: \(formatMillis(value)) < \(formatMillis(limit)) \(unit) (\(format(limit / value, decimals: 1))x headroom)"
    }
    return "MISSED: \(formatMillis(value)) >= \(formatMillis(limit)) \(unit) (\(format(value / limit, decimals: 2))x over)"
}
