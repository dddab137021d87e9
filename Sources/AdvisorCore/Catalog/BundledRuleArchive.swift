/// The bundled rules' compiled form: the build plugin (Plugins/EmbedRules, running rules-compiler)
/// decodes rules/ with `RuleSetLoader` and stores the resulting `RuleSet` in `ArchiveEncoder`'s
/// form; the binary decodes it back through the same synthesized `Codable` conformances, so
/// start-up parses no YAML and no field of the model can be left out of the bundled copy.
public enum BundledRuleArchive {
    /// The file name prefix in the locations of bundled rules.
    public static let filePrefix = "<bundled>/"

    /// Loads a rules folder as the bundled rules: locations name `<bundled>/FILE`.
    public static func ruleSet(fromDirectory directory: String) throws(InputErrors) -> RuleSet {
        let files: [RuleFile]
        do {
            files = try RuleSetLoader.files(inDirectory: directory)
        } catch {
            throw InputErrors([error])
        }
        let renamed = files.map { RuleFile(name: filePrefix + RuleSetLoader.lastPathComponent($0.name), text: $0.text) }
        return try RuleSetLoader.load(files: renamed)
    }

    /// The rule set without its cases, and the cases, in archive form.
    public static func archives(for rules: RuleSet) throws -> (ruleSet: String, cases: String) {
        var withoutCases = rules
        withoutCases.cases = []
        return (try ArchiveEncoder().encode(withoutCases), try ArchiveEncoder().encode(rules.cases))
    }

    /// The Swift source the plugin adds to the BundledRules target.
    public static func swiftSource(for rules: RuleSet) throws -> String {
        let (ruleSet, cases) = try archives(for: rules)
        return """
        // Generated at build time by rules-compiler (Plugins/EmbedRules) from rules/. Not kept in git.

        /// The bundled rules, decoded at build time, in ArchiveEncoder's form.
        enum BundledRuleData {
            /// The rule set without its cases.
            static var ruleSet: StaticString { \(swiftLiteral(ruleSet)) }
            /// The rule cases (only `lint` and the tests run them).
            static var cases: StaticString { \(swiftLiteral(cases)) }
        }

        """
    }

    /// A one-line Swift string literal holding `text` exactly: anything but printable ASCII is escaped.
    public static func swiftLiteral(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return out + "\""
    }

    /// Decodes the compiled rule set; the cases only when asked for.
    public static func decode(ruleSet: StaticString, cases: StaticString?) throws(InputErrors) -> RuleSet {
        let decoded: Result<RuleSet, any Error> = ruleSet.withUTF8Buffer { bytes in
            Result { try ArchiveDecoder.decode(RuleSet.self, from: bytes) }
        }
        do {
            var rules = try decoded.get()
            if let cases {
                let decodedCases: Result<[RuleCase], any Error> = cases.withUTF8Buffer { bytes in
                    Result { try ArchiveDecoder.decode([RuleCase].self, from: bytes) }
                }
                rules.cases = try decodedCases.get()
            }
            return rules
        } catch {
            throw InputErrors([InputError(SourceLocation(file: "<bundled>"),
                                          "the bundled rules do not decode (\(error)); rebuild apigw-advisor")])
        }
    }

    /// A canonical text of the whole rule set (keys sorted), for comparing two rule sets field by field.
    public static func canonicalText(_ rules: RuleSet) throws -> String {
        try ArchiveEncoder(sortedKeys: true).encode(rules)
    }
}
