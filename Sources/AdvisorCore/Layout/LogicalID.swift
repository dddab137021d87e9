/// CloudFormation logical ids: ASCII letters and digits only, starting with a letter, at most 255 characters.
public enum LogicalID {
    /// The longest logical id CloudFormation accepts.
    public static let maxLength = 255

    /// `orders-get-orders-id` + `Function` -> `OrdersGetOrdersIdFunction`; `/{proxy+}` -> `Proxy`.
    ///
    /// Every run of characters other than ASCII letters and digits separates words; each word gets
    /// an upper-case first letter. An id that would start with a digit (or be empty) gets `R` in front.
    public static func make(_ name: String, suffix: String = "") -> String {
        var words: [String] = []
        var current = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var id = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if !suffix.isEmpty && !id.hasSuffix(suffix) { id += suffix }
        if id.first.map({ !$0.isLetter }) ?? true { id = "R" + id }
        return String(id.prefix(maxLength))
    }

    /// Whether `id` is a valid logical id.
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= maxLength && id.first?.isLetter == true
            && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}

/// Hands out logical ids that are unique within one namespace (a template, or the events of one function).
struct LogicalIDAllocator {
    private(set) var taken: Set<String>

    /// Starts with ids that are already used, such as parameter names.
    init(reserved: [String] = []) { taken = Set(reserved) }

    /// The id for `name`, numbered (`OrdersApi2`) when an earlier name produced the same one.
    mutating func allocate(_ name: String, suffix: String = "") -> String {
        let base = LogicalID.make(name, suffix: suffix)
        var id = base
        var counter = 2
        while taken.contains(id) {
            let number = String(counter)
            id = String(base.prefix(LogicalID.maxLength - number.count)) + number
            counter += 1
        }
        taken.insert(id)
        return id
    }
}
