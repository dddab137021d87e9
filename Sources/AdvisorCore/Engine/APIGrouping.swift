/// Which services each API fronts: one API per service, or one shared API, as the api-count decision says.
public enum APIGrouping {
    /// An API's name and its services' names.
    public struct Group: Sendable, Hashable {
        /// API name, e.g. `orders-api`, or the api-name answer for a shared API.
        public var name: String
        /// The services on it, in inventory order.
        public var services: [String]
    }

    /// The APIs, in inventory order. A single service, or `shared`, gives one API; otherwise one per service.
    public static func groups(_ inventory: Inventory, apiCount: String?, apiName: String) -> [Group] {
        if apiCount == "shared" || inventory.services.count <= 1 {
            let name = inventory.services.count == 1 && apiCount != "shared" ? "\(inventory.services[0].name)-api" : apiName
            return [Group(name: name, services: inventory.services.map(\.name))]
        }
        return perService(inventory)
    }

    /// One API per service, named after it.
    static func perService(_ inventory: Inventory) -> [Group] {
        inventory.services.map { Group(name: "\($0.name)-api", services: [$0.name]) }
    }
}
