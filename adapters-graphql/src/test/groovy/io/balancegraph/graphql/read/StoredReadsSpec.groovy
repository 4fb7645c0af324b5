package io.balancegraph.graphql.read

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.graphql.MutableClock
import io.balancegraph.graphql.RecordingLedger
import io.balancegraph.graphql.SharedReadStore
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.ConcurrentHashMap

/**
 * The tier shared by replicas in front of upstream: two SharedReads on one store stand for two replicas; the store is
 * an in-process double of Redis that keeps bytes by account, key and version.
 */
class StoredReadsSpec extends Specification {

    static final Duration TTL = Duration.ofSeconds(30)

    def ledger = new RecordingLedger()
    def clock = new MutableClock()
    def store = new StoreDouble()
    def platform = new Read.BalanceOf(Account.platform())

    SharedReads replica() {
        new SharedReads(StoredReads.over(store, SharedReads.upstream(Ports.of(ledger), clock), TTL, clock), TTL, clock)
    }

    def "a read made by one replica is served to another from the store, with the instant it was read upstream"() {
        given:
        def one = replica()
        def two = replica()
        def first = one.read(platform).join()

        when:
        clock.advance(Duration.ofSeconds(10))
        def second = two.read(platform).join()

        then:
        ledger.calls.size() == 1
        second.readAt() == first.readAt()
        second.value() == first.value()
    }

    def "a kept answer older than the time-to-live is read upstream again, and a replica keeps it only for the rest of it"() {
        given:
        def one = replica()
        def two = replica()
        one.read(platform).join()

        when: 'the second replica takes it at 20 s of age: it keeps it 10 s more, not 30'
        clock.advance(Duration.ofSeconds(20))
        two.read(platform).join()
        clock.advance(Duration.ofSeconds(10))
        def again = two.read(platform).join()

        then:
        ledger.calls.size() == 2
        again.readAt() == clock.now
    }

    def "a store that fails costs nothing but the lookup: the read goes upstream"() {
        given:
        store.failing = true

        when:
        def result = replica().read(platform).join()

        then:
        result.readAt() == clock.now
        ledger.calls.size() == 1
    }

    def "when the account's version moves on (a change), its kept reads are not served any more"() {
        given:
        replica().read(platform).join()

        when:
        store.versions[Account.platform().name()] = '1'
        replica().read(platform).join()

        then:
        ledger.calls.size() == 2
    }

    def "every kind of read comes back from its serialized form as it was: #what"() {
        given:
        def codec = new ReadCodec()
        def answer = read.from(Ports.of(DemoLedger.create())).toCompletableFuture().join()
        def result = new ReadResult<>(answer, clock.now)

        when:
        def back = codec.decode(read, codec.encode(result))

        then:
        back.value() == answer
        back.readAt() == clock.now

        where:
        what                   | read
        'a balance'            | new Read.BalanceOf(Account.platform())
        "a connected balance"  | new Read.BalanceOf(Account.connected('acct_1DemoConnected'))
        'a page, sources'      | new Read.TransactionPage(Account.platform(), BalanceTransactionQuery.builder().limit(100).expandSource(true).build())
        'a transaction'        | new Read.TransactionById(Account.platform(), 'txn_demoP00299', true)
        'a missing transaction'| new Read.TransactionById(Account.platform(), 'txn_none', false)
    }

    def "keys name the kind of read, differ by parameters, and never hold them as such"() {
        given:
        def first = BalanceTransactionQuery.builder().limit(10).build()
        def other = BalanceTransactionQuery.builder().limit(11).build()

        expect:
        StoredReads.key(platform).startsWith(ReadCodec.VERSION + ':balance:')
        StoredReads.key(new Read.TransactionPage(Account.platform(), first)) != StoredReads.key(new Read.TransactionPage(Account.platform(), other))
        StoredReads.key(new Read.TransactionPage(Account.platform(), first)) == StoredReads.key(new Read.TransactionPage(Account.platform(), BalanceTransactionQuery.builder().limit(10).build()))
        !StoredReads.key(new Read.TransactionById(Account.platform(), 'txn_123', true)).contains('txn_123')
    }

    /** Redis' part, in process: bytes by account, key and version; the versions can be moved on. */
    static class StoreDouble implements SharedReadStore {
        final Map<String, byte[]> kept = new ConcurrentHashMap<>()
        final Map<String, String> versions = new ConcurrentHashMap<>()
        volatile boolean failing

        CompletionStage<SharedReadStore.Entry> find(Account account, String key) {
            if (failing) {
                return CompletableFuture.failedFuture(new IllegalStateException('the store is down'))
            }
            def version = versions.getOrDefault(account.name(), '0')
            CompletableFuture.completedFuture(new SharedReadStore.Entry(kept["${account.name()}:${key}:${version}".toString()], version))
        }

        void keep(Account account, String key, String version, byte[] value, Duration ttl) {
            kept["${account.name()}:${key}:${version}".toString()] = value
        }
    }
}
