import Foundation

/// Inputs for the peer programs the budgets compare against.
enum Peers {
    /// dialog and whiptail arguments for a menu of 8 items.
    static let menuArguments = ["--menu", "Pick one", "20", "60", "8"]
        + (0..<8).flatMap { ["item\($0)", "Item number \($0) of the menu"] }

    /// Writes a one-file cookiecutter template (one variable, one file) and returns its folder.
    static func cookiecutterTemplate(in folder: String) throws -> String {
        let template = folder + "/cookiecutter-template"
        let inner = template + "/{{cookiecutter.project}}"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        try #"{"project": "demo-api", "team": "platform"}"#.write(toFile: template + "/cookiecutter.json", atomically: true, encoding: .utf8)
        try "# {{cookiecutter.project}}\n\nOwned by {{cookiecutter.team}}.\n"
            .write(toFile: inner + "/README.md", atomically: true, encoding: .utf8)
        return template
    }

    /// Writes the same one-file template for copier (copier.yml with the two answers' defaults) and returns its folder.
    static func copierTemplate(in folder: String) throws -> String {
        let template = folder + "/copier-template"
        try FileManager.default.createDirectory(atPath: template, withIntermediateDirectories: true)
        try "project: demo-api\nteam: platform\n".write(toFile: template + "/copier.yml", atomically: true, encoding: .utf8)
        try "# {{ project }}\n\nOwned by {{ team }}.\n"
            .write(toFile: template + "/README.md.jinja", atomically: true, encoding: .utf8)
        return template
    }

    /// Writes a Kconfig of `symbols` bool symbols in menus of 20 and returns its path.
    static func kconfig(symbols: Int, in folder: String) throws -> String {
        var lines = ["mainmenu \"Benchmark configuration\"", ""]
        for menu in stride(from: 0, to: symbols, by: 20) {
            lines.append("menu \"Menu \(menu / 20)\"")
            for index in menu..<min(menu + 20, symbols) {
                lines += ["config SYM\(index)", "\tbool \"Symbol \(index)\"", "\tdefault \(index % 2 == 0 ? "y" : "n")",
                          "\thelp", "\t  Help text of symbol \(index).", ""]
            }
            lines += ["endmenu", ""]
        }
        let path = folder + "/Kconfig-\(symbols)"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
