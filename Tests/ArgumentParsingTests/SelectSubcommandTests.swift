import Testing
import ArgumentParsing

@Suite struct SelectSubcommandTests {
    let names = ["check", "canonicalize", "rules"]

    private func failure(_ word: String) -> String? {
        do throws(UsageError) {
            _ = try selectSubcommand(word, among: names)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func exactNamesSelectTheirIndex() throws {
        #expect(try selectSubcommand("check", among: names) == 0)
        #expect(try selectSubcommand("rules", among: names) == 2)
    }

    @Test func aNearMissIsReportedWithAHint() {
        #expect(failure("chek") == "unknown command 'chek'; did you mean 'check'?")
        #expect(failure("Check") == "unknown command 'Check'; did you mean 'check'?")
        #expect(failure("canon") == "unknown command 'canon'; did you mean 'canonicalize'?")
    }

    @Test func aFarMissIsReportedPlainly() {
        #expect(failure("deploy") == "unknown command 'deploy'")
        #expect(failure("") == "unknown command ''")
    }

    @Test func noNamesAtAll() {
        do throws(UsageError) {
            _ = try selectSubcommand("check", among: [])
            Issue.record("selected a command from an empty list")
        } catch {
            #expect(error.message == "unknown command 'check'")
        }
    }
}
