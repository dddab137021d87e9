/// Which pane of the main screen has the keyboard.
public enum Pane: Equatable, Sendable {
    /// The list of questions of the current group.
    case questions
    /// The answer editor of the selected question (choices, list items).
    case answer
    /// The live recommendations, one row per decision point.
    case recommendations
}

/// What an open line editor is editing.
public enum EditTarget: Equatable, Sendable {
    /// A number or text question.
    case answer(String)
    /// An item of a list question; nil adds a new item.
    case listItem(String, Int?)
    /// A service name; nil adds a new service.
    case serviceName(Int?)
    /// The owning team of a service.
    case team(Int)
    /// A resource path of a service; nil adds a new resource.
    case resourcePath(service: Int, resource: Int?)
    /// A service's own answer to a per-service number or text question.
    case serviceAnswer(service: Int, question: String)
    /// An item of a service's own answer to a per-service list question; nil adds a new item.
    case serviceListItem(service: Int, question: String, index: Int?)
}

/// What a path prompt is for.
public enum PathPurpose: Equatable, Sendable {
    /// Save the answers file.
    case saveAnswers
    /// Export the markdown document.
    case exportMarkdown
    /// Export the MADR records into a folder.
    case exportMADR
}

/// What a yes/no confirmation is about.
public enum ConfirmPurpose: Equatable, Sendable {
    /// Replace an existing file.
    case overwrite(PathPurpose, String)
    /// Quit with unsaved changes.
    case quit
    /// Delete a service of the inventory.
    case deleteService(Int)
    /// Delete a resource of a service.
    case deleteResource(service: Int, resource: Int)
    /// Restore the answers found in the recovery file.
    case restoreRecovery
    /// Write the output for a purpose at a path (asked before anything is written).
    case write(PathPurpose, String)
    /// Save the answers before exporting records that would otherwise cite "interview (unsaved)".
    case saveBeforeExport(PathPurpose, String)
}

/// Where the inventory editor is.
public enum InventoryLevel: Equatable, Sendable {
    /// The list of services.
    case services
    /// The fields and resources of one service.
    case service(Int)
    /// The path and methods of one resource.
    case resource(service: Int, resource: Int)
}

/// A screen or dialog; the app keeps a stack of them and the top one gets the keys.
public enum Mode: Equatable, Sendable {
    /// Questions and the live recommendations.
    case browse
    /// A line editor is open.
    case edit(EditTarget, LineEditor)
    /// The inventory editor.
    case inventory
    /// The choice editor of a service's own answer, over the inventory editor.
    case serviceAnswer(ServiceAnswerEditor)
    /// The explanation of one decision.
    case why(String)
    /// Help for the current question and its choices, and the keys.
    case help
    /// Conflicts and every finding, with their facts and a jump to the answers involved.
    case problems
    /// The question groups with answered/total per group.
    case groups
    /// Searching questions and help texts.
    case search(LineEditor)
    /// The recommended layout as a tree.
    case layoutTree
    /// The scale and cost estimate for the answers.
    case estimate
    /// Asking for a path.
    case prompt(PathPurpose, LineEditor)
    /// Asking yes or no.
    case confirm(ConfirmPurpose)
    /// Choosing what to export.
    case exportMenu
}

/// A line for the status row.
public struct StatusMessage: Equatable, Sendable {
    /// How it is shown.
    public enum Kind: Equatable, Sendable {
        /// Neutral information.
        case info
        /// Something worked (a file was written).
        case success
        /// Something was refused or failed.
        case error
    }

    /// The text.
    public var text: String
    /// How it is shown.
    public var kind: Kind

    /// Creates a message.
    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
