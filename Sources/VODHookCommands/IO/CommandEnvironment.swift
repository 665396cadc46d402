#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Everything a command touches outside itself, passed in so tests can run
/// commands in-process with memory sinks and a fixed clock.
public struct CommandEnvironment {
    public var output: any OutputSink
    public var errors: any OutputSink
    /// The descriptor standard input is read from.
    public var standardInput: Int32
    public var standardInputIsTerminal: Bool
    public var outputIsTerminal: Bool
    public var variables: [String: String]
    /// Current UNIX time in seconds.
    public var now: @Sendable () -> Int

    public init(
        output: any OutputSink, errors: any OutputSink, standardInput: Int32 = 0,
        standardInputIsTerminal: Bool = false, outputIsTerminal: Bool = false,
        variables: [String: String] = [:], now: @escaping @Sendable () -> Int = { Int(time(nil)) }
    ) {
        self.output = output
        self.errors = errors
        self.standardInput = standardInput
        self.standardInputIsTerminal = standardInputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.variables = variables
        self.now = now
    }

    /// The real process: descriptors 0, 1 and 2 and the process environment.
    public static func process() -> CommandEnvironment {
        // A closed pipe must not kill the process; writes then fail with EPIPE and the sink goes quiet.
        signal(SIGPIPE, SIG_IGN)
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return CommandEnvironment(
            output: FileOutput(descriptor: 1), errors: FileOutput(descriptor: 2), standardInput: 0,
            standardInputIsTerminal: isatty(0) == 1, outputIsTerminal: isatty(1) == 1, variables: variables)
    }
}
