import Foundation
import Testing
@testable import VODHookCommands

/// Each completion script loaded in its own shell and asked for completions, as a
/// user's Tab key would. A shell that is not installed is skipped, saying so.
@Suite struct CompletionScriptTests {
    /// A command line to complete (the last word is being typed) and what must, and must not, be offered.
    struct Ask: CustomStringConvertible, Sendable {
        let line: [String]
        let offered: [String]
        var notOffered: [String] = []
        var description: String { line.joined(separator: " ") }
    }

    static let asks: [Ask] = [
        Ask(line: ["vodhook", "ch"], offered: ["check"], notOffered: ["summary"]),
        Ask(line: ["vodhook", "check", "--for"], offered: ["--format"]),
        Ask(line: ["vodhook", "check", "--format", ""], offered: ["text", "json", "github"], notOffered: ["check"]),
        Ask(line: ["vodhook", "check", "--input", "b"], offered: ["body", "base64"]),
        Ask(line: ["vodhook", "summary", "--"], offered: ["--totals-only", "--help", "--version"]),
        Ask(line: ["vodhook", "explain", "unknown-"], offered: ["unknown-event-type", "unknown-field"]),
        Ask(line: ["vodhook", "sample", "--violate", "json-d"], offered: ["json-depth", "json-duplicate-key"]),
        // Only rules a payload can break: sample refuses json-size (hundreds of MiB) and http-syntax.
        Ask(line: ["vodhook", "sample", "--violate", "json-s"], offered: ["json-syntax"], notOffered: ["json-size"]),
        Ask(line: ["vodhook", "spec", "VideoA"], offered: ["VideoAnalysisComplete"]),
        Ask(line: ["vodhook", "spec", "--event", ""], offered: ["DeleteMediaComplete"]),
        Ask(line: ["vodhook", "help", "comp"], offered: ["completions"]),
        Ask(line: ["vodhook", "completions", ""], offered: ["bash", "zsh", "fish"]),
        Ask(line: ["vodhook", "check", "Examples/docs-s"], offered: ["Examples/docs-success.json"]),
    ]

    static func script(_ shell: String) throws -> URL {
        let result = InProcess.run(["completions", shell])
        #expect(result.status == .success)
        let file = try InProcess.temporaryDirectory().appendingPathComponent("vodhook.\(shell)")
        try Data(result.stdout).write(to: file)
        return file
    }

    /// Every option of every command that names a rule completes rule IDs: the
    /// spec's completion property, not a list of option names, decides.
    @Test func everyRuleOptionCompletesRuleIDs() throws {
        let bash = String(decoding: InProcess.run(["completions", "bash"]).stdout, as: UTF8.self)
        for command in VODHook.subcommands.map(\.spec) {
            for option in command.options where option.completion == .ruleIDs {
                let arm = bash.split(separator: "\n").first { $0.contains("--\(option.long))") && $0.contains("_vodhook_words") }
                #expect(arm?.contains("unknown-field") == true, "\(command.name) --\(option.long) should complete rule IDs")
            }
        }
    }

    /// An option whose value is a rule (placeholder `rule`) must say so in its spec, so that
    /// a new one, such as `--ignore RULE`, cannot miss rule-ID completion.
    @Test func optionsTakingARuleDeclareRuleIDCompletion() {
        for command in VODHook.subcommands.map(\.spec) {
            for option in command.options where option.kind == .value(placeholder: "rule") {
                #expect(
                    option.completion == .ruleIDs || option.completion == .violableRuleIDs,
                    "\(command.name) --\(option.long) takes a rule: declare 'completion: .ruleIDs'")
            }
        }
    }

    @Test(arguments: asks)
    func bash(_ ask: Ask) throws {
        guard let bash = ExternalTool.find("bash") else {
            print("skipped: bash is not installed")
            return
        }
        let words = ask.line.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
            source "$1" || exit 3
            complete -p vodhook | grep -q -- '-F _vodhook' || exit 4
            COMP_WORDS=(\(words)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
            _vodhook vodhook "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ExternalTool.run(bash, ["--norc", "--noprofile", "-c", program, "bash", try Self.script("bash").path])
        #expect(result.status == 0, "bash: \(result.stderr)")
        let offered = Set(result.stdout.split(separator: "\n").map(String.init))
        #expect(offered.isSuperset(of: ask.offered), "bash offered \(offered.sorted())")
        #expect(offered.isDisjoint(with: ask.notOffered), "bash offered \(offered.sorted())")
    }

    /// bash splits `--severity RULE=level` at `=` (COMP_WORDBREAKS) into
    /// words of their own, as here: after `RULE=` it offers the levels, only
    /// the part after `=` (what bash replaces), never files.
    @Test func bashCompletesTheLevelAfterARuleAndEquals() throws {
        guard let bash = ExternalTool.find("bash") else {
            print("skipped: bash is not installed")
            return
        }
        let program = """
            source "$1" || exit 3
            ask() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _vodhook; echo "${COMPREPLY[*]}"; }
            ask vodhook check --severity unknown-field = ""
            ask vodhook check --severity unknown-field = wa
            ask vodhook check --severity = unknown-field = ""
            ask vodhook verify --severity json-syntax =
            """
        let result = try ExternalTool.run(bash, ["--norc", "--noprofile", "-c", program, "bash", try Self.script("bash").path])
        #expect(result.status == 0, "bash: \(result.stderr)")
        #expect(result.stdout == "error warning note off\nwarning\nerror warning note off\nerror warning note off\n")
    }

    @Test(arguments: asks)
    func fish(_ ask: Ask) throws {
        guard let fish = ExternalTool.find("fish") else {
            print("skipped: fish is not installed")
            return
        }
        let line = ask.line.joined(separator: " ")
        let result = try ExternalTool.run(fish, ["--no-config", "-c", "source $argv[1]; and complete -C $argv[2]", try Self.script("fish").path, line])
        #expect(result.status == 0, "fish: \(result.stderr)")
        // fish prints "candidate<TAB>description" and completes paths as typed.
        let offered = Set(result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") })
        #expect(offered.isSuperset(of: ask.offered), "fish offered \(offered.sorted())")
        #expect(offered.isDisjoint(with: ask.notOffered), "fish offered \(offered.sorted())")
    }

    /// zsh completes only inside its line editor, so a pseudo-terminal (zpty) types
    /// each line and a Tab, and what zsh inserts or lists is read back.
    @Test func zsh() throws {
        guard let zsh = ExternalTool.find("zsh") else {
            print("skipped: zsh is not installed")
            return
        }
        let directory = try InProcess.temporaryDirectory()
        try FileManager.default.copyItem(at: try Self.script("zsh"), to: directory.appendingPathComponent("_vodhook"))
        // The lines go in as arguments, never into the program text. After each Tab,
        // Ctrl-T runs a widget that shows the line between markers: keys are handled in
        // order, so it shows only once zsh has finished completing, and an inserted match
        // is in it however zsh redrew the line. The prompt is split and the marker is a variable
        // in the typed commands, so their echo does not match.
        let driver = """
            zmodload zsh/zpty || exit 3
            zpty shell "env -i HOME=$1 TERM=dumb PATH=$PATH zsh -f -i"
            zpty -w shell "fpath=($1 \\$fpath); autoload -U compinit; compinit -u -D; PS1='rea''dy> '"
            zpty -w shell "m=line; mark() { zle -M \\"<<\\$m \\$BUFFER \\$m>>\\" }; zle -N mark; bindkey '^T' mark"
            zpty -r shell reply '*ready> *' || exit 4
            shift
            while (( $# )); do
                # Clear the line first and wait, so the answer holds nothing of the last one.
                zpty -w -n shell $'\\x15\\x14'
                zpty -r shell reply '*<<line*line>>*' || exit 5
                zpty -w -n shell "$1"$'\\t\\x14'
                zpty -r shell reply '*<<line*line>>*' || exit 5
                print -r -- "=== $1"
                print -r -- "$reply"
                shift
            done
            zpty -d shell
            """
        let lines = Self.asks.map { $0.line.joined(separator: " ") }
        let result = try ExternalTool.run(zsh, ["-f", "-c", driver, "zsh", directory.path] + lines, timeout: 120)
        #expect(result.status == 0, "zsh: \(result.stderr)")
        let answers = result.stdout.components(separatedBy: "=== ").dropFirst()
        #expect(answers.count == Self.asks.count, "zsh answered \(answers.count) of \(Self.asks.count): \(result.stdout)")
        for (ask, answer) in zip(Self.asks, answers) {
            // A single candidate is inserted into the line, several are listed below it.
            for word in ask.offered {
                #expect(answer.contains(word), "zsh, \(ask): \(answer)")
            }
        }
    }
}
