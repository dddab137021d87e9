/// Builds a Mermaid flowchart of who calls which API and which functions each API invokes.
public enum MermaidDiagram {
    /// The `flowchart LR` source (without the code fence): clients -> APIs -> functions.
    public static func flowchart(_ advice: Advice, context: ReportContext) -> [String] {
        var ids = IDAllocator()
        var out = ["flowchart LR"]
        var edges: [String] = []

        let consumers = advice.context.first { $0.question == "consumers" }?.value?.members ?? []
        let question = context.rules.question("consumers")
        // Without a stated consumer the diagram still needs a caller to start from.
        let clients = consumers.isEmpty
            ? [(id: ids.id(for: "clients", prefix: "client"), label: "Clients")]
            : consumers.map { (id: ids.id(for: $0, prefix: "client"), label: question?.choice($0)?.label ?? $0) }
        out.append("  subgraph callers[\"Clients\"]")
        out += clients.map { "    \($0.id)[\(label($0.label))]" }
        out.append("  end")

        let layout = advice.layout
        if !layout.apis.isEmpty {
            // The subgraph names what fronts the functions: API Gateway, function URLs or CloudFront, or several.
            out.append("  subgraph gateway[\"\(layout.apis.allSatisfy { $0.frontDoor == nil } ? "API Gateway" : layout.apis.allSatisfy { $0.frontDoor != nil } ? "Front door" : "API Gateway and front doors")\"]")
            for api in layout.apis {
                let apiID = ids.id(for: api.name, prefix: "api")
                // Behind function URLs the API node is the front door the template builds, not the gateway alternative.
                let kind = api.frontDoor.map { $0.kind == "function-url" ? "function URLs" : "CloudFront + function URLs" }
                out.append("    \(apiID)[\(label("\(api.name) (\(kind ?? "\(api.type.uppercased()), \(api.endpoint)"))"))]")
                for client in clients { edges.append("  \(client.id) --> \(apiID)") }
                var targets: [String] = []
                for function in api.routes.compactMap(\.function) where !targets.contains(function) { targets.append(function) }
                for function in targets { edges.append("  \(apiID) --> \(ids.id(for: function, prefix: "fn"))") }
                var authorizerFunctions: [String] = []
                for function in api.authorizers.compactMap(\.function) where !authorizerFunctions.contains(function) {
                    authorizerFunctions.append(function)
                }
                for function in authorizerFunctions {
                    edges.append("  \(apiID) -. authorizer .-> \(ids.id(for: function, prefix: "fn"))")
                }
            }
            out.append("  end")
        }
        if !layout.functions.isEmpty {
            out.append("  subgraph lambda[\"Lambda\"]")
            out += layout.functions.map { "    \(ids.id(for: $0.name, prefix: "fn"))[\(label($0.name))]" }
            out.append("  end")
        }
        let jobs = InteractionReport.mermaid(layout, ids: &ids)
        return out + jobs.nodes + edges + jobs.edges
    }

    /// A quoted node label; Mermaid has no backslash escapes, so quotes become the `#quot;` entity.
    static func label(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: " ") + "\""
    }

    /// Hands out Mermaid node ids: letters, digits and underscores only, unique per name and prefix.
    struct IDAllocator {
        private var byKey: [String: String] = [:]
        private var used: Set<String> = ["callers", "gateway", "lambda", "jobs", "push"]

        /// The id of `name` in the namespace `prefix`; the same name always gets the same id.
        mutating func id(for name: String, prefix: String) -> String {
            let key = prefix + "\u{0}" + name
            if let known = byKey[key] { return known }
            let cleaned = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
            let base = prefix + "_" + cleaned
            var candidate = base
            var counter = 2
            // Names such as `a-b` and `a_b` clean to the same id; number the later ones.
            while used.contains(candidate) {
                candidate = "\(base)_\(counter)"
                counter += 1
            }
            used.insert(candidate)
            byKey[key] = candidate
            return candidate
        }
    }
}
