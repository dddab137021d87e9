import Foundation

/// Decodes and validates answer values against their questions.
struct AnswerDecoder {
    let diagnostics: Diagnostics
    /// The questions a service may answer for itself (keys next to `name` in the inventory).
    var perServiceQuestions: [Question] = []

    static let namePattern = "^[a-z][a-z0-9-]*$"

    /// `[A-Za-z0-9._~-]`: the bytes of a literal path segment.
    static func isSegmentByte(_ byte: UInt8) -> Bool {
        FastPattern.isLetter(byte) || FastPattern.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "-")
    }

    func value(for question: Question, node: DocNode) -> AnswerValue? {
        let key = question.id
        switch question.kind {
        case .single:
            guard let text = node.scalarText else {
                diagnostics.add(node, key: key, "expected one choice, found \(node.kindName)", allowed: question.choiceIDs)
                return nil
            }
            guard question.choice(text) != nil else {
                diagnostics.add(node, key: key, "unknown choice '\(text)'", allowed: question.choiceIDs,
                                suggestion: nearest(text, in: question.choiceIDs))
                return nil
            }
            return .choice(text)
        case .multi:
            guard let values = MappingReader.strings(node, key: key, diagnostics: diagnostics) else { return nil }
            var ok = true
            for value in values where question.choice(value) == nil {
                diagnostics.add(node, key: key, "unknown choice '\(value)'", allowed: question.choiceIDs,
                                suggestion: nearest(value, in: question.choiceIDs))
                ok = false
            }
            if Set(values).count != values.count {
                diagnostics.add(node, key: key, "a choice is listed twice")
                ok = false
            }
            // Catalog order makes equal answers compare and print equal whatever order they were typed in.
            return ok ? .choices(question.choiceIDs.filter(values.contains)) : nil
        case .yesno:
            guard case .scalar(let text, let type) = node.value, type == .bool || ["yes", "no"].contains(text.lowercased()) else {
                diagnostics.add(node, key: key, "expected yes/no (true or false), found \(node.kindName)", allowed: ["true", "false"])
                return nil
            }
            return .bool(MappingReader.boolValue(text))
        case .number:
            guard case .scalar(let text, let type) = node.value, type == .int || type == .float,
                  let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite else {
                diagnostics.add(node, key: key, "expected a number\(question.unit.map { " in \($0)" } ?? ""), found \(node.kindName)")
                return nil
            }
            if abs(number) > maxNumberMagnitude {
                diagnostics.add(node, key: key, "\(formatNumber(number)) is too large; numbers are limited to \(formatNumber(-maxNumberMagnitude))...\(formatNumber(maxNumberMagnitude))")
                return nil
            }
            if number < (question.min ?? -Double.infinity) || number > (question.max ?? Double.infinity) {
                diagnostics.add(node, key: key, "\(formatNumber(number)) is out of range \(rangeText(question))")
                return nil
            }
            return .number(number)
        case .text:
            guard case .scalar(let text, let type) = node.value, type != .null || question.pattern == nil else {
                diagnostics.add(node, key: key, "expected text, found \(node.kindName)")
                return nil
            }
            let value = type == .null ? "" : text
            guard matches(value, question, node: node) else { return nil }
            return .text(value)
        case .list:
            guard let values = MappingReader.strings(node, key: key, diagnostics: diagnostics) else { return nil }
            guard values.allSatisfy({ matches($0, question, node: node) }) else { return nil }
            if Set(values).count != values.count {
                diagnostics.add(node, key: key, "a value is listed twice")
                return nil
            }
            return .list(values)
        case .inventory:
            return inventory(node, key: key).map { .inventory($0) }
        }
    }

    func rangeText(_ question: Question) -> String {
        let unit = question.unit.map { " \($0)" } ?? ""
        return "\(question.min.map(formatNumber) ?? "-inf")...\(question.max.map(formatNumber) ?? "inf")\(unit)"
    }

    private func matches(_ value: String, _ question: Question, node: DocNode) -> Bool {
        if let problem = Self.controlProblem(value) {
            diagnostics.add(node, key: question.id, problem)
            return false
        }
        guard let pattern = question.pattern, !value.isEmpty else { return true }
        // The bundled patterns are checked byte by byte first, which keeps ICU's regex engine idle
        // (starting it is about a millisecond); anything the shortcut does not accept goes to the regex.
        if let shortcut = FastPattern.shortcut(for: pattern), shortcut(value) { return true }
        // The whole value must match: ICU's `$` also matches before a final line break.
        guard let match = value.range(of: pattern, options: .regularExpression),
              !pattern.hasSuffix("$") || match.upperBound == value.endIndex else {
            diagnostics.add(node, key: question.id, "'\(Inert.quoted(value))' does not match the pattern \(pattern)"
                                + (question.patternHelp.map { ": " + $0 } ?? ""))
            return false
        }
        return true
    }

    /// Why a name or text value holds a character it must not: a control character (C0, DEL, C1
    /// such as U+0085) or a line or paragraph separator, which would end up inside names, file names
    /// and generated files. Nil when there is none.
    static func controlProblem(_ value: String) -> String? {
        guard let bad = value.unicodeScalars.first(where: {
            let category = $0.properties.generalCategory
            return category == .control || category == .lineSeparator || category == .paragraphSeparator
        }) else { return nil }
        return "the character \(Inert.codePoint(bad)) (a control character or line break) is not allowed in '\(Inert.quoted(value))'"
    }

    func inventory(_ node: DocNode, key: String) -> Inventory? {
        guard case .sequence(let items) = node.value else {
            diagnostics.add(node, key: key, "expected a list of services, found \(node.kindName)")
            return nil
        }
        let before = diagnostics.errors.count
        var services: [Service] = []
        var names = Set<String>()
        for item in items {
            guard let map = MappingReader(item, context: "a service", diagnostics: diagnostics) else { continue }
            map.rejectUnknownKeys(allowed: ["name", "team", "deploys-independently", "access", "resources"] + perServiceQuestions.map(\.id))
            guard let name = map.string("name", required: true) else { continue }
            // Byte by byte, which is exact: the regular expression's `$` accepted a final line break.
            if !FastPattern.isName(name) {
                diagnostics.add(map["name"] ?? item, key: "name", "service name '\(Inert.quoted(name))' must match \(Self.namePattern)")
            }
            // A set of the names so far: searching the services for each was quadratic in the inventory.
            if !names.insert(name).inserted {
                diagnostics.add(map["name"] ?? item, key: "name", "service '\(name)' is listed twice")
            }
            var resources: [Resource] = []
            if let resourcesNode = map["resources"] {
                if case .sequence(let rs) = resourcesNode.value {
                    for r in rs {
                        if let resource = resource(r, service: name, existing: resources) { resources.append(resource) }
                    }
                } else if !resourcesNode.isNull {
                    diagnostics.add(resourcesNode, key: "resources", "expected a list of resources, found \(resourcesNode.kindName)")
                }
            }
            var own: [String: AnswerValue] = [:]
            for question in perServiceQuestions {
                guard let valueNode = map[question.id], !(valueNode.isNull && question.kind != .text) else { continue }
                if let value = value(for: question, node: valueNode) { own[question.id] = value }
            }
            let access = map["access"].flatMap { accessLevel($0) }
            let team = map.string("team")
            if let team, let problem = Self.controlProblem(team) { diagnostics.add(map["team"] ?? item, key: "team", problem) }
            services.append(Service(name: name, team: team,
                                    deploysIndependently: map.bool("deploys-independently") ?? true, resources: resources,
                                    answers: own, access: access))
        }
        return diagnostics.errors.count == before ? Inventory(services: services) : nil
    }

    private func resource(_ node: DocNode, service: String, existing: [Resource]) -> Resource? {
        guard let map = MappingReader(node, context: "a resource of '\(service)'", diagnostics: diagnostics) else { return nil }
        map.rejectUnknownKeys(allowed: ["path", "methods", "access"])
        guard let path = map.string("path", required: true) else { return nil }
        if let problem = Self.pathProblem(path) {
            diagnostics.add(map["path"] ?? node, key: "path", problem)
            return nil
        }
        if existing.contains(where: { $0.path == path }) {
            diagnostics.add(map["path"] ?? node, key: "path", "resource '\(path)' is listed twice in '\(service)'")
        }
        let methods = (map.stringList("methods", required: true) ?? []).map { $0.uppercased() }
        for method in methods where !httpMethods.contains(method) {
            diagnostics.add(map["methods"] ?? node, key: "methods", "unknown HTTP method '\(method)'", allowed: httpMethods,
                            suggestion: nearest(method, in: httpMethods))
        }
        if methods.isEmpty { diagnostics.add(map["methods"] ?? node, key: "methods", "a resource needs at least one method") }
        var access: [String: String] = [:]
        if let accessNode = map["access"] {
            if case .mapping = accessNode.value, let byMethod = MappingReader(accessNode, context: "the access of '\(path)' (method: access)", diagnostics: diagnostics) {
                byMethod.rejectUnknownKeys(allowed: methods)
                for entry in byMethod.entries where methods.contains(entry.key) {
                    if let level = accessLevel(entry.value) { access[entry.key] = level }
                }
            } else if let level = accessLevel(accessNode) {
                access["*"] = level
            }
        }
        return Resource(path: path, methods: httpMethods.filter(methods.contains), access: access)
    }

    /// An access level (`public`, `users`, `partners`, `iam`, `custom`), or nil with an error recorded.
    private func accessLevel(_ node: DocNode) -> String? {
        guard let text = node.scalarText, !node.isNull else {
            diagnostics.add(node, key: "access", "expected an access level, found \(node.kindName)", allowed: routeAccessLevels)
            return nil
        }
        guard routeAccessLevels.contains(text) else {
            diagnostics.add(node, key: "access", "unknown access '\(text)'", allowed: routeAccessLevels,
                            suggestion: nearest(text, in: routeAccessLevels))
            return nil
        }
        return text
    }

    /// Why a resource path is not valid for API Gateway, or nil.
    static func pathProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "path '\(path)' must start with /" }
        if path == "/" { return nil }
        if path.hasSuffix("/") { return "path '\(path)' must not end with /" }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var parameters = Set<Substring>()
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty { return "path '\(path)' has an empty segment" }
            if segment.hasPrefix("{") {
                let inner = segment.dropFirst().dropLast()
                guard segment.hasSuffix("}"), !inner.isEmpty else { return "path '\(path)': a parameter segment is written {name}" }
                if inner.hasSuffix("+") && index != segments.count - 1 {
                    return "path '\(path)': a greedy {name+} segment must be the last one"
                }
                let parameter = inner.dropLast(inner.hasSuffix("+") ? 1 : 0)
                let underscore = UInt8(ascii: "_")
                // Byte by byte (the classes are ASCII), which is exact: a regular expression's `$` accepted a final line break.
                let usual = FastPattern.all(parameter, first: { FastPattern.isLetter($0) || $0 == underscore },
                                            rest: { FastPattern.isLetter($0) || FastPattern.isDigit($0) || $0 == underscore })
                if !usual {
                    return "path '\(Inert.quoted(path))': parameter names use letters, digits and _"
                }
                if !parameters.insert(parameter).inserted {
                    return "path '\(path)': the parameter {\(parameter)} appears twice; each path parameter needs its own name"
                }
            } else if !FastPattern.all(segment, first: Self.isSegmentByte, rest: Self.isSegmentByte) {
                return "path '\(Inert.quoted(path))': segment '\(Inert.quoted(String(segment)))' may only use letters, digits and . _ ~ -"
            }
        }
        return nil
    }
}
