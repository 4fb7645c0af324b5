package io.balancegraph.graphql

import graphql.ExecutionInput
import graphql.ExecutionResult
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.error.UpstreamError
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.graphql.read.Ports
import io.balancegraph.graphql.read.Read
import io.balancegraph.graphql.read.ReadFeeds
import io.balancegraph.graphql.read.SharedReads
import org.reactivestreams.Publisher
import reactor.core.Disposable
import reactor.core.publisher.Flux
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList

/**
 * Subscription.balanceChanged on the engine, without a WebSocket: what a subscriber gets when the account changes,
 * and what it costs upstream. Changes are told through Freshness, as the app's listener does; the ledger answers
 * at once unless held, so every step is in the spec's hands.
 */
class SubscriptionSpec extends Specification {

    static final String BALANCE_CHANGED = 'subscription { balanceChanged { livemode available { money { amount currencyCode } } } }'

    def ledger = new RecordingLedger()
    def clock = new MutableClock()
    def shared = new SharedReads(Ports.of(ledger), Duration.ofHours(1), clock)
    def feeds = new ReadFeeds(shared)
    def freshness = new Freshness(shared, feeds)
    def graphQL = BalanceGraph.create(shared, feeds, new GraphQLSettings(), clock)
    List<Disposable> running = []

    def cleanup() {
        running*.dispose()
    }

    /** Runs a subscription as the graphql-ws endpoint does; its events (JSON-shaped) land in the returned list. */
    List<Map> subscribe(String query, AccessGrant grant = AccessGrant.ALL, Map result = [:]) {
        def input = ExecutionInput.newExecutionInput(query).build()
        grant.storeIn(input.graphQLContext)
        SubscriptionsAllowed.storeIn(input.graphQLContext)
        ExecutionResult answer = graphQL.execute(input)
        result.putAll(answer.toSpecification().findAll { it.key != 'data' })
        def events = new CopyOnWriteArrayList<Map>()
        if (answer.getData() instanceof Publisher) {
            running << Flux.from(answer.getData() as Publisher<ExecutionResult>).subscribe { events << it.toSpecification() }
        }
        events
    }

    def "every subscriber of an account gets each change, from one upstream read between them"() {
        given:
        def first = subscribe(BALANCE_CHANGED)
        def second = subscribe('subscription { balanceChanged(account: "platform") { livemode } }')

        expect: 'subscribing reads nothing'
        ledger.calls.empty
        first.empty && second.empty

        when:
        def effect = freshness.accountChanged(Account.platform())

        then:
        effect == new Freshness.Effect(0, 1)
        ledger.calls('readBalance').size() == 1
        first == [[data: [balanceChanged: [livemode: false, available: DEMO_AVAILABLE]]]]
        second == [[data: [balanceChanged: [livemode: false]]]]

        when:
        freshness.accountChanged(Account.platform())

        then:
        ledger.calls('readBalance').size() == 2
        first.size() == 2 && second.size() == 2
    }

    def "a change drops the account's cached reads before the feed reads, so subscribers get Stripe's answer, not the cache's"() {
        given:
        def graph = graphQL.execute(query('{ balance { livemode } }'))
        def events = subscribe(BALANCE_CHANGED)

        when:
        def effect = freshness.accountChanged(Account.platform())

        then:
        effect.readsDropped() == 1
        ledger.calls('readBalance').size() == 2
        events.size() == 1

        and: 'the feed\'s fresh read is what a query gets next'
        graphQL.execute(query('{ balance { livemode } }')).errors.empty
        ledger.calls('readBalance').size() == 2
    }

    def "a change to another account sends nothing and reads nothing"() {
        given:
        def events = subscribe(BALANCE_CHANGED)

        when:
        def effect = freshness.accountChanged(Account.connected(DemoLedger.CONNECTED_ACCOUNT))

        then:
        effect.feedsRefreshed() == 0
        events.empty
        ledger.calls.empty
    }

    def "a connected account's subscribers get its balance"() {
        given:
        def events = subscribe("subscription { balanceChanged(account: \"${DemoLedger.CONNECTED_ACCOUNT}\") { livemode } }")

        when:
        freshness.accountChanged(Account.connected(DemoLedger.CONNECTED_ACCOUNT))

        then:
        events.size() == 1
        ledger.calls*.account == [Account.connected(DemoLedger.CONNECTED_ACCOUNT)]
    }

    def "an account the grant does not cover is refused with FORBIDDEN before it joins a feed, and nothing is read"() {
        given:
        def result = [:]
        def events = subscribe("subscription { balanceChanged(account: \"${DemoLedger.CONNECTED_ACCOUNT}\") { livemode } }",
                new AccessGrant(['platform'] as Set), result)

        when:
        freshness.accountChanged(Account.connected(DemoLedger.CONNECTED_ACCOUNT))

        then:
        result.errors*.extensions*.code == ['FORBIDDEN']
        events.empty
        ledger.calls.empty
        feeds.subscribers(new Read.BalanceOf(Account.connected(DemoLedger.CONNECTED_ACCOUNT))) == 0
    }

    def "a read that fails after a change is an event with null and the coded error; the subscription goes on"() {
        given:
        def events = subscribe(BALANCE_CHANGED)
        ledger.failures['readBalance'] = new UpstreamUnavailableException(UpstreamError.of('Stripe is down'))

        when:
        freshness.accountChanged(Account.platform())
        ledger.failures.clear()
        freshness.accountChanged(Account.platform())

        then:
        events.size() == 2
        events[0].data == [balanceChanged: null]
        events[0].errors*.extensions*.code == ['UPSTREAM_UNAVAILABLE']
        events[0].errors*.path == [['balanceChanged']]
        events[1].data.balanceChanged.livemode == false
    }

    def "a burst of changes while a read is in flight costs one more read after it, not one per change"() {
        given:
        ledger.holding = true
        def events = subscribe(BALANCE_CHANGED)

        when:
        5.times { freshness.accountChanged(Account.platform()) }

        then: 'one read in flight; the changes during it are remembered as one'
        ledger.calls.size() == 1

        when:
        ledger.releaseAll()

        then: 'its answer may predate the later changes, so one more read follows, and its answer is sent too'
        events.size() == 1
        ledger.calls.size() == 2

        when:
        ledger.releaseAll()

        then:
        events.size() == 2
        ledger.calls.size() == 2
    }

    def "the last subscriber leaving ends the account's feed; the next change reads nothing"() {
        given:
        def events = subscribe(BALANCE_CHANGED)
        def platform = new Read.BalanceOf(Account.platform())

        expect:
        feeds.subscribers(platform) == 1

        when:
        running*.dispose()
        freshness.accountChanged(Account.platform())

        then:
        feeds.subscribers(platform) == 0
        events.empty
        ledger.calls.empty
    }

    def "a subscription in a request not marked for subscriptions is refused before anything runs"() {
        when:
        def input = query(BALANCE_CHANGED)
        def answer = graphQL.execute(input).toSpecification()

        then:
        answer.errors*.extensions*.code == ['OPERATION_NOT_ALLOWED']
        answer.errors[0].extensions.operation == 'subscription'
        !answer.containsKey('data')
        feeds.subscribers(new Read.BalanceOf(Account.platform())) == 0
    }

    def "a subscription keeps the limits of a query: too deep is refused before it subscribes"() {
        given:
        graphQL = BalanceGraph.create(shared, feeds, Graph.settings(maxDepth: 2), clock)
        def result = [:]

        when:
        def events = subscribe(BALANCE_CHANGED, AccessGrant.ALL, result)

        then:
        result.errors*.extensions*.code == ['QUERY_TOO_DEEP']
        events.empty
        feeds.subscribers(new Read.BalanceOf(Account.platform())) == 0
    }

    static ExecutionInput query(String query) {
        def input = ExecutionInput.newExecutionInput(query).build()
        AccessGrant.ALL.storeIn(input.graphQLContext)
        input
    }

    static final List DEMO_AVAILABLE = new Graph().run('{ balance { available { money { amount currencyCode } } } }').data.balance.available
}
