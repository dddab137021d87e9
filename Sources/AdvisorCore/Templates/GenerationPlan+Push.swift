/// What the push channels of the layout ask of the template: logical ids and what stays out.
extension GenerationPlan {
    /// Every push channel, in layout order.
    var pushChannels: [PushChannelDesign] { layout.apis.compactMap(\.push) }

    /// Names the WebSocket API, its routes, integrations, authorizer, stage and table; called once, after the APIs,
    /// functions and job resources are named.
    mutating func allocatePushIDs() {
        for push in pushChannels {
            let api = ids.allocate(push.name, suffix: "Api")
            pushIDs["api:" + push.name] = api
            for route in push.routes {
                let word = route.routeKey.hasPrefix("$") ? String(route.routeKey.dropFirst()) : route.routeKey
                pushIDs["route:\(push.name):\(route.routeKey)"] = ids.allocate(push.name + " " + word, suffix: "Route")
            }
            for function in push.ownFunctions {
                let word = function == push.connectionFunction ? "connections" : "messages"
                pushIDs["integration:\(push.name):\(function)"] = ids.allocate(push.name + " " + word, suffix: "Integration")
            }
            if push.authorizerFunction != nil { pushIDs["authorizer:" + push.name] = ids.allocate(push.name + " connect", suffix: "Authorizer") }
            pushIDs["stage:" + push.name] = ids.allocate(push.name, suffix: "Stage")
            pushIDs["table:" + push.name] = ids.allocate(push.table.name, suffix: "Table")
        }
    }

    func pushAPIID(_ push: PushChannelDesign) -> String { pushIDs["api:" + push.name] ?? LogicalID.make(push.name, suffix: "Api") }
    func pushRouteID(_ push: PushChannelDesign, _ route: PushRoute) -> String {
        pushIDs["route:\(push.name):\(route.routeKey)"] ?? LogicalID.make(push.name + " " + route.routeKey, suffix: "Route")
    }
    func pushIntegrationID(_ push: PushChannelDesign, _ function: String) -> String {
        pushIDs["integration:\(push.name):\(function)"] ?? LogicalID.make(push.name + " " + function, suffix: "Integration")
    }
    func pushAuthorizerID(_ push: PushChannelDesign) -> String { pushIDs["authorizer:" + push.name] ?? LogicalID.make(push.name, suffix: "Authorizer") }
    func pushStageID(_ push: PushChannelDesign) -> String { pushIDs["stage:" + push.name] ?? LogicalID.make(push.name, suffix: "Stage") }
    func pushTableID(_ push: PushChannelDesign) -> String { pushIDs["table:" + push.name] ?? LogicalID.make(push.table.name, suffix: "Table") }

    /// The push channels a function belongs to: as a sender, as a route's function, or as the `$connect` authorizer.
    func pushChannels(of function: String) -> (sends: [PushChannelDesign], connections: [PushChannelDesign], authorizes: [PushChannelDesign]) {
        (index.sends[function] ?? [], index.connections[function] ?? [], index.authorizes[function] ?? [])
    }

    /// What the push channels need and the template leaves out, for the header.
    var pushNotGenerated: [String] {
        guard let domain = layout.domain else { return [] }
        return pushChannels.map {
            "a custom domain for the WebSocket API \($0.name) (a regional domain name of its own beside \(domain.name), with an API mapping); "
                + "until then clients connect to its execute-api address"
        }
    }
}
