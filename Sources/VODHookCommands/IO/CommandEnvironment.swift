import Platform

/// Everything a command touches outside itself, passed in so tests can run
/// commands in-process with memory sinks and a fixed clock.
public struct CommandEnvironment {
    public var output: any OutputSink
    public var errors: any OutputSink
    /// The descriptor standard input is read from.
    public var standardInput: Int32
    public var standardInputIsTerminal: Bool
    public var outputIsTerminal: Bool
    public var errorsIsTerminal: Bool
    /// The width of the terminal standard output is, when it is one and says.
    public var outputColumns: Int?
    public var variables: [String: String]
    /// Current UNIX time in seconds.
    public var now: @Sendable () -> Int
    /// Absolute; where `.vodhook.json` is looked for and SARIF URIs are relative to. Nil when unknown.
    public var workingDirectory: String?
    /// Filled in by the pipeline when set; see `PipelineStatistics`.
    public var statistics: PipelineStatistics?

    public init(
        output: any OutputSink, errors: any OutputSink, standardInput: Int32 = 0,
        standardInputIsTerminal: Bool = false, outputIsTerminal: Bool = false, errorsIsTerminal: Bool = false,
        outputColumns: Int? = nil,
        variables: [String: String] = [:], now: @escaping @Sendable () -> Int = { ProcessContext.unixTime() },
        workingDirectory: String? = nil,
        statistics: PipelineStatistics? = nil
    ) {
        self.output = output
        self.errors = errors
        self.standardInput = standardInput
        self.standardInputIsTerminal = standardInputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.errorsIsTerminal = errorsIsTerminal
        self.outputColumns = outputColumns
        self.variables = variables
        self.now = now
        self.workingDirectory = workingDirectory
        self.statistics = statistics
    }

    /// The real process: descriptors 0, 1 and 2 and the process environment.
    public static func process() -> CommandEnvironment {
        // A closed pipe must not kill the process; writes then fail with EPIPE and the sink goes quiet.
        ProcessContext.ignoreBrokenPipes()
        let variables = ProcessContext.environmentVariables()
        return CommandEnvironment(
            output: FileOutput(descriptor: 1), errors: FileOutput(descriptor: 2), standardInput: 0,
            standardInputIsTerminal: Files.isTerminal(0), outputIsTerminal: Files.isTerminal(1), errorsIsTerminal: Files.isTerminal(2),
            outputColumns: Files.terminalColumns(1),
            variables: variables, workingDirectory: Files.workingDirectory())
    }
}
