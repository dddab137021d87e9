#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds on the monotonic clock.
func monotonicNanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Keeps a computed value alive so the optimizer cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Repeated measurements of one figure, in milliseconds, with an optional peak RSS in MB.
struct Sample {
    /// Each run's time in milliseconds.
    var millis: [Double]
    /// Each run's peak resident set in MB, for whole-process figures.
    var peakMB: [Double] = []

    var median: Double { Self.median(millis) }
    var min: Double { millis.min() ?? 0 }
    var max: Double { millis.max() ?? 0 }
    var medianPeakMB: Double? { peakMB.isEmpty ? nil : Self.median(peakMB) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Runs `body` `warmups` times unmeasured, then `runs` times measured (wall clock, in-process).
func measure(warmups: Int, runs: Int, _ body: () -> Void) -> Sample {
    for _ in 0..<warmups { body() }
    var millis: [Double] = []
    millis.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = monotonicNanos()
        body()
        millis.append(Double(monotonicNanos() - start) / 1e6)
    }
    return Sample(millis: millis)
}

/// `12.3`, `1.23`, `0.123`: three significant digits, which is all the noise on a shared machine allows.
func formatMillis(_ value: Double) -> String {
    if value >= 100 { return String(Int(value.rounded())) }
    if value >= 10 { return format(value, decimals: 1) }
    if value >= 1 { return format(value, decimals: 2) }
    return format(value, decimals: 3)
}

/// Fixed-point formatting without Foundation's `String(format:)`.
func format(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((abs(value) * scale).rounded())
    let whole = scaled / Int64(scale)
    var fraction = String(scaled % Int64(scale))
    while fraction.count < decimals { fraction = "0" + fraction }
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}

extension Int {
    /// `10,000`: thousands separated by commas whatever the locale, so figure names are stable.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return self < 0 ? "-" + out : out
    }
}
