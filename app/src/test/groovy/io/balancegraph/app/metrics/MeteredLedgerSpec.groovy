package io.balancegraph.app.metrics

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.error.AuthenticationException
import io.balancegraph.domain.error.InvalidRequestException
import io.balancegraph.domain.error.NotFoundException
import io.balancegraph.domain.error.PermissionException
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.domain.error.UpstreamError
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.domain.port.BalanceLedger
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.micrometer.core.instrument.MockClock
import io.micrometer.core.instrument.Timer
import io.micrometer.core.instrument.simple.SimpleConfig
import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.CompletionStage
import java.util.concurrent.TimeUnit

/** Every read of the wrapped ledger is timed until its answer arrives, tagged with the operation and how it ended. */
class MeteredLedgerSpec extends Specification {

    MockClock clock = new MockClock()
    SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock)

    static UpstreamError anError() {
        new UpstreamError(0, null, null, null, 'something went wrong', null)
    }

    /** A ledger whose every read answers with {@code answer}. */
    static BalanceLedger aLedgerAnswering(Closure<CompletionStage> answer) {
        [
                readBalance     : { Account account -> answer() },
                listTransactions: { Account account, BalanceTransactionQuery query -> answer() },
                getTransaction  : { Account account, String id, boolean expand -> answer() },
        ] as BalanceLedger
    }

    static BalanceLedger aLedgerFailingWith(Throwable failure) {
        aLedgerAnswering { CompletableFuture.failedFuture(failure) }
    }

    Timer timer(String operation, String outcome) {
        registry.find(MeteredLedger.METRIC).tags(MeteredLedger.OPERATION, operation, MeteredLedger.OUTCOME, outcome).timer()
    }

    def "a read that fails with #failure.class.simpleName is counted as #outcome"() {
        given:
        def ledger = new MeteredLedger(aLedgerFailingWith(failure), registry)

        when:
        ledger.readBalance(Account.platform()).toCompletableFuture().handle { value, error -> error }.join()

        then:
        timer('balance', outcome).count() == 1
        registry.find(MeteredLedger.METRIC).timers().size() == 1

        where:
        failure                                                      | outcome
        new InvalidRequestException(anError())                       | 'invalid_request'
        new NotFoundException(anError())                             | 'not_found'
        new AuthenticationException(anError())                       | 'authentication'
        new PermissionException(anError())                           | 'permission'
        new RateLimitedException(anError(), Duration.ofSeconds(2))   | 'rate_limited'
        new UpstreamUnavailableException(anError())                  | 'unavailable'
        new UpstreamConnectionException(anError())                   | 'connection'
        new RuntimeException('a bug')                                | 'error'
        new CompletionException(new PermissionException(anError()))  | 'permission'
    }

    def "the failure reaches the caller unchanged"() {
        given:
        def failure = new RateLimitedException(anError(), null)
        def ledger = new MeteredLedger(aLedgerFailingWith(failure), registry)

        when:
        ledger.listTransactions(Account.platform(), BalanceTransactionQuery.builder().build()).toCompletableFuture().join()

        then:
        def e = thrown(CompletionException)
        e.cause.is(failure)
        timer('list_transactions', 'rate_limited').count() == 1
    }

    def "each read of the demo ledger is counted as a success of its own operation"() {
        given:
        def demo = DemoLedger.create()
        def ledger = new MeteredLedger(demo, registry)
        def someId = demo.listTransactions(Account.platform(), BalanceTransactionQuery.builder().limit(1).build())
                .toCompletableFuture().join().items().first().id()

        when:
        ledger.readBalance(Account.platform()).toCompletableFuture().join()
        ledger.listTransactions(Account.platform(), BalanceTransactionQuery.builder().limit(3).build()).toCompletableFuture().join()
        ledger.getTransaction(Account.platform(), someId, false).toCompletableFuture().join()

        then:
        timer('balance', 'success').count() == 1
        timer('list_transactions', 'success').count() == 1
        timer('get_transaction', 'success').count() == 1
    }

    def "asking for a transaction that does not exist is counted as not_found"() {
        given:
        def ledger = new MeteredLedger(DemoLedger.create(), registry)

        when:
        def found = ledger.getTransaction(Account.platform(), 'txn_doesNotExist', false).toCompletableFuture().join()

        then:
        found.isEmpty()
        timer('get_transaction', 'not_found').count() == 1
    }

    def "the time counted runs until the answer arrives, not until the call returns"() {
        given:
        def answer = new CompletableFuture<Balance>()
        def ledger = new MeteredLedger(aLedgerAnswering { answer }, registry)

        when: 'the read is asked for and its answer takes 1.5 seconds'
        def balance = ledger.readBalance(Account.platform())
        def countedBeforeTheAnswer = registry.find(MeteredLedger.METRIC).timers().size()
        clock.add(Duration.ofMillis(1500))
        answer.complete(DemoLedger.create().readBalance(Account.platform()).toCompletableFuture().join())
        balance.toCompletableFuture().join()

        then:
        countedBeforeTheAnswer == 0
        timer('balance', 'success').totalTime(TimeUnit.MILLISECONDS) == 1500
    }

    def "a ledger that throws instead of failing its answer is counted too, and the exception still reaches the caller"() {
        given:
        def failure = new UpstreamConnectionException(anError())
        def ledger = new MeteredLedger(aLedgerAnswering { throw failure }, registry)

        when:
        ledger.getTransaction(Account.platform(), 'txn_1', true)

        then:
        def e = thrown(UpstreamConnectionException)
        e.is(failure)
        timer('get_transaction', 'connection').count() == 1
    }

    def "no tag names the account, so connected accounts cannot multiply the series"() {
        given:
        def ledger = new MeteredLedger(DemoLedger.create(), registry)

        when:
        ledger.readBalance(Account.platform()).toCompletableFuture().join()
        ledger.readBalance(Account.connected('acct_1DemoConnected')).toCompletableFuture().join()

        then:
        registry.find(MeteredLedger.METRIC).timers()*.id*.tags*.key.flatten() as Set == [MeteredLedger.OPERATION, MeteredLedger.OUTCOME] as Set
        timer('balance', 'success').count() == 2
    }

    def "the bulk view reads the wrapped ledger's own bulk view, timed as bulk_list_transactions and bulk_balance"() {
        given:
        def demo = DemoLedger.create()
        def bulkReads = []
        def fail = { throw new AssertionError('not the bulk view') }
        def wrappedBulk = [
                readBalance     : { Account account -> bulkReads << 'balance'; demo.readBalance(account) },
                listTransactions: { Account account, BalanceTransactionQuery query -> bulkReads << 'list'; demo.listTransactions(account, query) },
                getTransaction  : { Account account, String id, boolean expand -> fail() },
        ] as BalanceLedger
        def wrapped = [
                readBalance     : { Account account -> fail() },
                listTransactions: { Account account, BalanceTransactionQuery query -> fail() },
                getTransaction  : { Account account, String id, boolean expand -> fail() },
                bulk            : { -> wrappedBulk },
        ] as BalanceLedger
        def ledger = new MeteredLedger(wrapped, registry)

        when:
        def page = ledger.bulk().listTransactions(Account.platform(), BalanceTransactionQuery.builder().limit(3).build())
                .toCompletableFuture().join()
        ledger.bulk().readBalance(Account.platform()).toCompletableFuture().join()

        then:
        page.items().size() == 3
        bulkReads == ['list', 'balance']
        timer('bulk_list_transactions', 'success').count() == 1
        timer('bulk_balance', 'success').count() == 1
        timer('list_transactions', 'success') == null
        timer('balance', 'success') == null
    }
}
