/// One piece of the command line, remembering which argument it came from.
struct ArgumentToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `--name` or `--name=value`; the value may be empty or contain '='.
        case longOption(name: String, attachedValue: String?)
        /// One letter of `-abc`; `startsCluster` marks the first, which may be a mistyped long option.
        case shortOption(Character, startsCluster: Bool)
        /// Anything that is not an option, including a lone `-` (stdin) and all after `--`.
        case positional(String)
        /// The `--` that ends option parsing.
        case terminator
    }

    let kind: Kind
    /// Index into the argument array, so callers can point back at the original text.
    let index: Int
}

/// Splits a command line into tokens on demand.
///
/// It is pulled one token at a time because only the parser knows which options
/// take a value: after an option that does, the parser calls `takeValue()` to claim
/// the rest of a short cluster (`-ovalue`) or the whole next argument (`-o value`),
/// even when that argument starts with '-'.
struct ArgumentTokenizer {
    private let arguments: [String]
    private var nextIndex = 0
    /// Letters of a short cluster not handed out yet, with the cluster's index.
    private var pendingCluster: (index: Int, letters: Substring)?
    private var terminated = false

    init(_ arguments: [String]) {
        self.arguments = arguments
    }

    mutating func next() -> ArgumentToken? {
        if let (index, letters) = pendingCluster, let letter = letters.first {
            let rest = letters.dropFirst()
            pendingCluster = rest.isEmpty ? nil : (index, rest)
            return ArgumentToken(kind: .shortOption(letter, startsCluster: false), index: index)
        }
        guard nextIndex < arguments.count else { return nil }
        let index = nextIndex
        let argument = arguments[index]
        nextIndex += 1
        return ArgumentToken(kind: classify(argument, index: index), index: index)
    }

    /// Claims a value for the option just returned: the rest of its short cluster, else the next argument.
    mutating func takeValue() -> String? {
        if let (_, letters) = pendingCluster {
            pendingCluster = nil
            return String(letters)
        }
        guard nextIndex < arguments.count else { return nil }
        defer { nextIndex += 1 }
        return arguments[nextIndex]
    }

    private mutating func classify(_ argument: String, index: Int) -> ArgumentToken.Kind {
        if terminated { return .positional(argument) }
        // Scalars, not Characters: a combining mark after '-' would otherwise hide the dash.
        let scalars = argument.unicodeScalars
        let body = scalars.dropFirst()
        guard scalars.first == "-", !body.isEmpty else { return .positional(argument) }
        guard body.first == "-" else {
            return startCluster(String(body), index: index) ?? .positional(argument)
        }
        let longBody = body.dropFirst()
        if longBody.isEmpty {
            terminated = true
            return .terminator
        }
        guard let equals = longBody.firstIndex(of: "=") else {
            return .longOption(name: String(longBody), attachedValue: nil)
        }
        return .longOption(
            name: String(longBody[..<equals]),
            attachedValue: String(longBody[longBody.index(after: equals)...]))
    }

    private mutating func startCluster(_ letters: String, index: Int) -> ArgumentToken.Kind? {
        guard let first = letters.first else { return nil }
        let rest = letters.dropFirst()
        pendingCluster = rest.isEmpty ? nil : (index, rest)
        return .shortOption(first, startsCluster: true)
    }
}
