import Platform
import VODHookCommands

ProcessContext.exit(VODHook.main(arguments: Array(CommandLine.arguments.dropFirst())).rawValue)
