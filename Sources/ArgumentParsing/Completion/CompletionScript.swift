/// Shell completion scripts for a program with subcommands, generated from the same
/// `CommandSpec`s the parser reads, so a new option or value completes without more work.
public struct CompletionScript: Sendable {
    /// A shell the scripts are written for.
    public enum Shell: String, Sendable, CaseIterable {
        case bash, zsh, fish
    }

    /// The program's name as typed, such as `vodhook`.
    public let programName: String
    /// Every subcommand, in the order they are offered.
    public let commands: [CommandSpec]

    /// Describes the scripts; nothing is generated until `text(for:)`.
    public init(programName: String, commands: [CommandSpec]) {
        self.programName = programName
        self.commands = commands
    }

    /// The script for one shell, ending in a newline.
    public func text(for shell: Shell) -> String {
        switch shell {
        case .bash: bashScript()
        case .zsh: zshScript()
        case .fish: fishScript()
        }
    }

    /// A command's options followed by the built-in help and version switches.
    func allOptions(of command: CommandSpec) -> [OptionSpec] {
        command.options + builtInOptions
    }

    /// The words a completion offers: closed lists as declared, command names looked up.
    /// Words a shell would split or expand are left out rather than offered broken.
    func words(_ completion: ValueCompletion) -> [String]? {
        switch completion {
        case .words(let words): words.filter(isPlainWord)
        case .commandNames: commands.map(\.name).filter(isPlainWord)
        case .nothing, .files, .directories: nil
        }
    }

    /// Identifier-like function names, whatever the program is called.
    var functionStem: String {
        String(programName.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

/// `-h`/`--help` and `-V`/`--version`, which every command answers.
let builtInOptions = [
    OptionSpec(builtInLongNames[0], short: builtInShortHelp, help: "Show help information"),
    OptionSpec(builtInLongNames[1], short: builtInShortVersion, help: "Show the version"),
]

/// Letters, digits and `-_.:/=@+,%`: safe unquoted in every shell's word lists.
func isPlainWord(_ word: String) -> Bool {
    !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-_.:/=@+,%".unicodeScalars.contains(scalar)
    }
}

/// Single-quoted for a POSIX shell or zsh: `'` becomes `'\''`.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
}

/// The first line of a help text, for shells that show one line per candidate.
func firstLine(_ text: String) -> String {
    String(text.split(separator: "\n").first ?? "")
}
