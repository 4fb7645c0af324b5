package io.balancegraph.app.docs

import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

/**
 * docs/clients.md cannot drift from what CI runs: the codegen config and the Apollo type policies it shows are the
 * files of the e2e client (app/src/test/e2e/client, which run.sh generates types with, type-checks and runs), word
 * for word, and the scalar mappings it documents are the config's.
 */
class ClientGuideSpec extends Specification {

    static final Path ROOT = Path.of('..').toAbsolutePath().normalize()
    static final Path CLIENT = ROOT.resolve('app/src/test/e2e/client')
    static final Pattern TS_BLOCK = Pattern.compile('(?ms)^```ts\\n(.*?)^```$')

    @Shared String guide = Files.readString(ROOT.resolve('docs/clients.md'))
    @Shared List<String> blocks = TS_BLOCK.matcher(guide).results().map { it.group(1) }.toList()

    def "the guide shows #file of the e2e client word for word"() {
        expect:
        blocks.contains(Files.readString(CLIENT.resolve(file)))

        where:
        file << ['codegen.ts', 'typePolicies.ts']
    }

    def "the codegen config maps every custom scalar of the schema, under strictScalars"() {
        given:
        def config = Files.readString(CLIENT.resolve('codegen.ts'))
        def sdl = Files.readString(ROOT.resolve('adapters-graphql/src/main/resources/graphql/balancegraph.graphqls'))
        def scalars = (sdl =~ /(?m)^scalar (\w+)/).collect { it[1] }

        expect:
        scalars.sort() == ['DateTime', 'Decimal', 'Long']
        config.contains('strictScalars: true')
        scalars.every { config =~ /(?m)^ +$it: "(string|number)",/ }
    }

    def "the type policies page balanceTransactions by account and filter and key Currency by code"() {
        given:
        def policies = Files.readString(CLIENT.resolve('typePolicies.ts'))

        expect:
        policies.contains('balanceTransactions: relayStylePagination(["account", "filter"])')
        policies.contains('Currency: { keyFields: ["code"] }')
    }
}
