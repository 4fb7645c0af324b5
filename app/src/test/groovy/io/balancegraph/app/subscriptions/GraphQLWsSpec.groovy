package io.balancegraph.app.subscriptions

import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.events.AccountChange
import io.balancegraph.app.events.AccountChanges
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

/**
 * graphql-ws at /graphql-ws over a real WebSocket, with access control on over the demo ledger: authentication in
 * connection_init (4401/4403), per-subscription grants, the bounds, and balances pushed when an account changes.
 */
@MicronautTest
@Property(name = 'balancegraph.access.enabled', value = 'true')
@Property(name = 'balancegraph.access.tokens[0].token', value = GraphQLWsSpec.PLATFORM_TOKEN)
@Property(name = 'balancegraph.access.tokens[0].accounts', value = 'platform')
@Property(name = 'balancegraph.access.tokens[1].token', value = GraphQLWsSpec.ONE_CONNECTION_TOKEN)
@Property(name = 'balancegraph.access.tokens[1].accounts', value = '*')
@Property(name = 'balancegraph.subscriptions.max-per-connection', value = '2')
@Property(name = 'balancegraph.subscriptions.max-connections-per-token', value = '3')
class GraphQLWsSpec extends EndpointSpec {

    static final String PLATFORM_TOKEN = 'ws-spec-platform-token-0123456789'
    static final String ONE_CONNECTION_TOKEN = 'ws-spec-limited-token-0123456789'
    static final String BALANCE_CHANGED = 'subscription { balanceChanged { livemode available { money { currencyCode } } } }'

    @Inject
    AccountChanges changes

    @Inject
    WsConnections connections

    List<WsClient> clients = []

    def cleanup() {
        clients*.close()
    }

    WsClient acknowledged(String token = PLATFORM_TOKEN) {
        def client = WsClient.acknowledged(server.URL, token)
        clients << client
        client
    }

    WsClient open() {
        def client = WsClient.open(server.URL)
        clients << client
        client
    }

    void change(Account account = Account.platform()) {
        changes.publish(new AccountChange(account, 'evt_wsSpec', 'charge.succeeded'))
    }

    def "a subscriber gets the account's balance each time it changes, and nothing on subscribing"() {
        given:
        def client = acknowledged()
        client.subscribe('1', BALANCE_CHANGED)
        client.sync()

        when:
        change()
        def first = client.next()
        change()
        def second = client.next()

        then:
        first.id == '1' && first.type == 'next'
        first.payload.data.balanceChanged.livemode == false
        first.payload.data.balanceChanged.available*.money*.currencyCode.contains('USD')
        second.id == '1' && second.type == 'next'
    }

    def "two connections on one account both get the change"() {
        given:
        def a = acknowledged()
        def b = acknowledged()
        [a, b].each { it.subscribe('s', BALANCE_CHANGED); it.sync() }

        when:
        change()

        then:
        [a.next(), b.next()]*.type == ['next', 'next']
    }

    def "connection_init #what closes the connection with #code, and nothing is sent before"() {
        given:
        def client = open()

        when:
        client.send(init)

        then:
        client.closing() == [code, reason]
        client.received.empty

        where:
        what                   | init                                                               || code | reason
        'without a payload'    | [type: 'connection_init']                                          || 4401 | 'Unauthorized: send {"Authorization": "Bearer <token>"} in connection_init'
        'without a token'      | [type: 'connection_init', payload: [other: 'x']]                   || 4401 | 'Unauthorized: send {"Authorization": "Bearer <token>"} in connection_init'
        'with a wrong token'   | [type: 'connection_init', payload: [Authorization: 'Bearer not-a-configured-token-0123']] || 4403 | 'Forbidden: the bearer token is not valid'
        'with a malformed one' | [type: 'connection_init', payload: [Authorization: 'Basic dXNlcjpwYXNz']] || 4403 | 'Forbidden: the bearer token is not valid'
    }

    def "a subscribe before connection_init closes the connection with 4401"() {
        given:
        def client = open()

        when:
        client.subscribe('1', BALANCE_CHANGED)

        then:
        client.closing()[0] == 4401
    }

    def "a second connection_init closes the connection with 4429"() {
        given:
        def client = acknowledged()

        when:
        client.send(type: 'connection_init', payload: [Authorization: "Bearer $PLATFORM_TOKEN".toString()])

        then:
        client.closing()[0] == 4429
    }

    def "a subscription for an account the token may not read gets an error, reads nothing, and the connection goes on"() {
        given:
        def client = acknowledged()

        when:
        client.subscribe('forbidden', "subscription { balanceChanged(account: \"${DemoLedger.CONNECTED_ACCOUNT}\") { livemode } }")
        def refusal = client.next()
        client.subscribe('mine', BALANCE_CHANGED)
        client.sync()
        change()

        then:
        refusal.id == 'forbidden' && refusal.type == 'error'
        refusal.payload*.extensions*.code == ['FORBIDDEN']
        client.next().id == 'mine'
    }

    def "one subscription more than max-per-connection gets TOO_MANY_SUBSCRIPTIONS; completing one makes room"() {
        given:
        def client = acknowledged()
        client.subscribe('1', BALANCE_CHANGED)
        client.subscribe('2', BALANCE_CHANGED)

        when:
        client.subscribe('3', BALANCE_CHANGED)
        def refusal = client.next()

        then:
        refusal.id == '3' && refusal.type == 'error'
        refusal.payload*.extensions*.code == ['TOO_MANY_SUBSCRIPTIONS']
        refusal.payload[0].extensions.limit == 2

        when:
        client.send(id: '1', type: 'complete')
        client.subscribe('3', BALANCE_CHANGED)
        client.sync()
        change()

        then:
        [client.next(), client.next()]*.id.toSet() == ['2', '3'] as Set
    }

    def "completing a subscription stops it at once"() {
        given:
        def client = acknowledged()
        client.subscribe('1', BALANCE_CHANGED)
        client.sync()

        when:
        client.send(id: '1', type: 'complete')
        client.sync()

        then:
        connections.all().find { it.caller() != null && it.running() > 0 } == null
    }

    def "a token holds at most max-connections-per-token connections; the next is closed with 1013"() {
        given:
        3.times { acknowledged(ONE_CONNECTION_TOKEN) }
        def fourth = open()

        when:
        fourth.send(type: 'connection_init', payload: [Authorization: "Bearer $ONE_CONNECTION_TOKEN".toString()])

        then:
        fourth.closing() == [1013, 'Too many connections for this token']

        when: 'one closes'
        clients[0].close()
        clients[0].closing()
        def fifth = acknowledged(ONE_CONNECTION_TOKEN)

        then:
        fifth != null
    }

    def "a query runs over the connection too: one next, then complete"() {
        given:
        def client = acknowledged()

        when:
        client.subscribe('q', '{ balance { livemode } }')

        then:
        client.next() == [id: 'q', type: 'next', payload: [data: [balance: [livemode: false]]]]
        client.next() == [id: 'q', type: 'complete']
    }

    def "an operation that breaks a limit or does not validate is an error for its id, the connection stays"() {
        given:
        def client = acknowledged()

        when:
        client.subscribe('bad', 'subscription { balanceChanged { nope } }')
        def error = client.next()

        then:
        error.id == 'bad' && error.type == 'error'
        error.payload*.extensions*.code == ['GRAPHQL_VALIDATION_FAILED']

        and:
        client.sync()
    }

    def "#what closes the connection with #code"() {
        given:
        def client = acknowledged()

        when:
        messages.each { client.sendText(it) }

        then:
        client.closing()[0] == code

        where:
        what                             | messages                                                                                           || code
        'a message that is not JSON'     | ['hello']                                                                                          || 4400
        'a message of an unknown type'   | ['{"type":"start","id":"1"}']                                                                      || 4400
        'a subscribe without an id'      | ['{"type":"subscribe","payload":{"query":"{ balance { livemode } }"}}']                            || 4400
        'a subscribe with a running id'  | ['{"type":"subscribe","id":"x","payload":{"query":"' + BALANCE_CHANGED + '"}}'] * 2                 || 4409
    }

    def "a client that does not speak graphql-transport-ws is closed with 4406"() {
        when:
        def client = WsClient.open(server.URL, ['graphql-ws-legacy'])
        clients << client

        then:
        client.closing()[0] == 4406
    }
}
