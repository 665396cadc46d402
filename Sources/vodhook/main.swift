#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCommands

exit(VODHook.main(arguments: Array(CommandLine.arguments.dropFirst())).rawValue)
