package io.balancegraph.graphql

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

/** The balancegraph.graphql and balancegraph.cache keys, bound from configuration. */
@MicronautTest
@Property(name = 'spec.http', value = 'true')
@Property(name = 'balancegraph.graphql.introspection', value = 'false')
@Property(name = 'balancegraph.graphql.max-depth', value = '4')
@Property(name = 'balancegraph.graphql.max-aliases', value = '2')
@Property(name = 'balancegraph.graphql.cursor-secret', value = 'a-secret-of-at-least-thirty-two-characters')
@Property(name = 'balancegraph.cache.ttl', value = '10m')
class ConfiguredGraphQLOverHttpSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient client

    @Inject
    RecordingLedger ledger

    @Inject
    GraphQLSettings settings

    Map post(String query) {
        client.toBlocking().retrieve(HttpRequest.POST('/graphql', [query: query]).contentType(MediaType.APPLICATION_JSON)
                .header('X-Test-Grant', '*'), Map)
    }

    def "the settings are bound from kebab-case keys"() {
        expect:
        !settings.introspection
        settings.maxDepth == 4
        settings.maxAliases == 2
        settings.maxComplexity == new GraphQLSettings().maxComplexity
    }

    def "introspection turned off answers INTROSPECTION_DISABLED"() {
        expect:
        post('{ __schema { queryType { name } } }').errors*.extensions*.code == ['INTROSPECTION_DISABLED']
    }

    def "the configured limits apply"() {
        expect:
        post('{ balance { available { money { currency { code } } } } }').errors*.extensions*.code == ['QUERY_TOO_DEEP']
        post('{ a: __typename b: __typename c: __typename }').errors*.extensions*.code == ['TOO_MANY_ALIASES']
    }

    def "with a cache time-to-live, a second request is served from the first one's read, and says when it was read"() {
        given:
        ledger.calls.clear()

        when:
        def first = post('{ balance { readAt livemode } }')
        def second = post('{ balance { readAt } }')

        then:
        ledger.calls('readBalance').size() == 1
        second.data.balance.readAt == first.data.balance.readAt
    }

    def "with a configured cursor secret, cursors are accepted by any server that has it"() {
        given:
        def cursor = post('{ balanceTransactions(first: 2) { pageInfo { endCursor } } }').data.balanceTransactions.pageInfo.endCursor
        def elsewhere = new Graph(new RecordingLedger(), Graph.settings(cursorSecret: 'a-secret-of-at-least-thirty-two-characters'))

        expect:
        elsewhere.run("{ balanceTransactions(first: 1, after: \"$cursor\") { nodes { id } } }").data.balanceTransactions.nodes*.id == ['txn_demoP00297']
    }
}
