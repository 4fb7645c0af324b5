package io.balancegraph.graphql.read

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.error.UpstreamError
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.graphql.Fixtures
import io.balancegraph.graphql.Graph
import io.balancegraph.graphql.GraphQLSettings
import io.balancegraph.graphql.MutableClock
import io.balancegraph.graphql.RecordingLedger
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration
import java.util.concurrent.CompletableFuture

/** The JVM-wide reads: coalescing in flight, the optional time-to-live cache, its bound, and when data was read. */
class SharedReadsSpec extends Specification {

    def ledger = new RecordingLedger()
    def clock = new MutableClock()
    def platform = new Read.BalanceOf(Account.platform())

    SharedReads reads(Duration ttl) {
        new SharedReads(Ports.of(ledger), ttl, clock)
    }

    def "a read records the instant its answer arrived"() {
        given:
        ledger.holding = true
        def reads = reads(Duration.ZERO)

        when:
        def read = reads.read(platform)
        clock.advance(Duration.ofSeconds(3))
        ledger.releaseAll()

        then:
        read.join().readAt() == clock.now
        read.join().value() instanceof Balance
    }

    def "identical reads in flight are made once; once answered, the cache being off, the next one asks again"() {
        given:
        ledger.holding = true
        def reads = reads(Duration.ZERO)

        when:
        def first = reads.read(platform)
        def second = reads.read(new Read.BalanceOf(Account.parse('platform')))

        then:
        ledger.calls.size() == 1

        when:
        ledger.releaseAll()

        then:
        first.join() == second.join()
        reads.size() == 0

        when:
        reads.read(platform)

        then:
        ledger.calls.size() == 2
    }

    @Unroll
    def "with a time-to-live of #ttl a read #age later is #outcome"() {
        given:
        def reads = reads(ttl)
        def first = reads.read(platform).join()

        when:
        clock.advance(age)
        def later = reads.read(platform).join()

        then:
        ledger.calls.size() == calls
        later.is(first) == (outcome == 'served from the cache')

        where:
        ttl                    | age                        | outcome                 | calls
        Duration.ZERO          | Duration.ZERO              | 'read again'            | 2
        Duration.ofSeconds(30) | Duration.ZERO              | 'served from the cache' | 1
        Duration.ofSeconds(30) | Duration.ofSeconds(29)     | 'served from the cache' | 1
        Duration.ofSeconds(30) | Duration.ofSeconds(30)     | 'read again'            | 2
        Duration.ofSeconds(30) | Duration.ofMinutes(5)      | 'read again'            | 2
    }

    def "the time-to-live runs from when the answer arrived, not from when it was asked for"() {
        given:
        ledger.holding = true
        def reads = reads(Duration.ofSeconds(30))
        reads.read(platform)

        when: 'the answer takes ten minutes, then 29 seconds pass'
        clock.advance(Duration.ofMinutes(10))
        ledger.releaseAll()
        clock.advance(Duration.ofSeconds(29))
        reads.read(platform).join()

        then:
        ledger.calls.size() == 1

        when:
        clock.advance(Duration.ofSeconds(1))
        reads.read(platform)

        then:
        ledger.calls.size() == 2
    }

    def "a failure is shared by the reads waiting for it but never cached"() {
        given:
        ledger.holding = true
        def reads = reads(Duration.ofMinutes(1))
        def first = reads.read(platform)
        def second = reads.read(platform)

        when:
        ledger.calls[0].answer.completeExceptionally(new UpstreamUnavailableException(UpstreamError.of('down')))

        then:
        [first, second].every { it.completedExceptionally }
        reads.size() == 0

        when:
        def again = reads.read(platform)

        then:
        !again.done
        ledger.calls.size() == 2
    }

    def "a port that throws instead of returning a failed stage fails the read, not the caller"() {
        given:
        def reads = new SharedReads(new Ports({ throw new IllegalStateException('bug') }, ledger, ledger), Duration.ZERO, clock)

        when:
        def read = reads.read(platform)

        then:
        read.completedExceptionally
        reads.size() == 0
    }

    def "the cache keeps at most its bound, one for a balance, and lets the expired ones go"() {
        given:
        def balance = DemoLedger.create().readBalance(Account.platform()).toCompletableFuture().join()
        def reads = new SharedReads(new Ports({ CompletableFuture.completedFuture(balance) }, ledger, ledger), Duration.ofMinutes(1), clock)
        def account = { i -> new Read.BalanceOf(Account.connected("acct_$i")) }

        when:
        (0..SharedReads.MAX_WEIGHT + 500).each { reads.read(account(it)) }

        then:
        reads.size() == SharedReads.MAX_WEIGHT

        when: 'they have all expired'
        clock.advance(Duration.ofMinutes(2))
        reads.read(account("Latest"))

        then:
        reads.size() == 1
    }

    def "a page weighs the transactions it holds, so full pages fill the cache a hundred times faster"() {
        given:
        def full = new Page((1..100).collect { Fixtures.transaction("txn_$it", 'charge') }, true, false)
        def reads = new SharedReads(new Ports(ledger, { account, query -> CompletableFuture.completedFuture(full) }, ledger), Duration.ofMinutes(1), clock)
        def page = { i -> new Read.TransactionPage(Account.connected("acct_$i"), BalanceTransactionQuery.builder().limit(100).build()) }

        when:
        (1..250).each { reads.read(page(it)).join() }

        then:
        reads.weight() == SharedReads.MAX_WEIGHT
        reads.size() == SharedReads.MAX_WEIGHT / 100
    }

    def "the time the data was read is visible to the client, older than now when it came from the cache"() {
        given:
        def graph = new Graph(ledger, new GraphQLSettings(), Duration.ofSeconds(30), clock)

        when:
        def first = graph.run('{ balance { readAt } balanceTransactions(first: 1) { readAt nodes { readAt } } }')
        clock.advance(Duration.ofSeconds(10))
        def cached = graph.run('{ balance { readAt } balanceTransactions(first: 1) { readAt nodes { readAt } } }')

        then: 'the second request within the time-to-live is served from the first one, and says so'
        cached.data == first.data
        cached.data.balance.readAt == '2026-11-01T12:00:00.000Z'
        cached.data.balanceTransactions.nodes[0].readAt == '2026-11-01T12:00:00.000Z'
        ledger.calls.size() == 2

        when:
        clock.advance(Duration.ofSeconds(20))
        def fresh = graph.run('{ balance { readAt } }')

        then:
        fresh.data.balance.readAt == '2026-11-01T12:00:30.000Z'
        ledger.calls.size() == 3
    }

    def "forgetting an account drops its kept balance and pages, and only its: the next read of it asks upstream"() {
        given:
        def reads = reads(Duration.ofHours(1))
        def connected = Account.connected(DemoLedger.CONNECTED_ACCOUNT)
        def platformPage = new Read.TransactionPage(Account.platform(), BalanceTransactionQuery.firstPage())
        def connectedBalance = new Read.BalanceOf(connected)
        [platform, platformPage, connectedBalance].each { reads.read(it).join() }

        when:
        def dropped = reads.forget(Account.platform())

        then:
        dropped == 2
        reads.size() == 1

        when:
        [platform, platformPage, connectedBalance].each { reads.read(it).join() }

        then: 'the platform is read again, the connected account still comes from the cache'
        ledger.calls.size() == 5
        ledger.calls[3..4]*.account == [Account.platform(), Account.platform()]
    }

    def "a read in flight when its account is forgotten answers whoever waits, but is not kept as fresh after the change"() {
        given:
        ledger.holding = true
        def reads = reads(Duration.ofHours(1))
        def before = reads.read(platform)

        when: 'the change comes while the read is in flight, then the read is answered'
        def dropped = reads.forget(Account.platform())
        ledger.releaseAll()

        then:
        dropped == 1
        before.join().value() instanceof Balance
        reads.size() == 0

        when:
        def after = reads.read(platform)

        then: 'a read asked after the change goes upstream, not to the answer that may predate it'
        ledger.calls.size() == 2
        !after.done
    }

    def "a read asked after the change while the older one is still in flight does not join it"() {
        given:
        ledger.holding = true
        def reads = reads(Duration.ofHours(1))
        def before = reads.read(platform)
        reads.forget(Account.platform())

        when:
        def after = reads.read(platform)
        ledger.calls[0].release()

        then:
        ledger.calls.size() == 2
        before.done
        !after.done

        when:
        ledger.calls[1].release()

        then: 'the newer answer is the one kept'
        after.join().is(reads.read(platform).join())
        ledger.calls.size() == 2
    }

    def "forgetting an account with nothing kept drops nothing"() {
        given:
        def reads = reads(Duration.ofHours(1))
        reads.read(platform).join()

        expect:
        reads.forget(Account.connected(DemoLedger.CONNECTED_ACCOUNT)) == 0
        reads.size() == 1
    }
}
