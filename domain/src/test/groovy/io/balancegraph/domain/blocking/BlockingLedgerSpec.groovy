package io.balancegraph.domain.blocking

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
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.port.BalanceLedger
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.domain.transaction.BalanceTransaction
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.CompletionStage

class BlockingLedgerSpec extends Specification {

    def demo = DemoLedger.create()
    def blocking = demo.blocking()
    def platform = Account.platform()

    def "each blocking read answers what the ledger's asynchronous read does"() {
        given:
        def query = BalanceTransactionQuery.builder().currency(Currency.USD).limit(5).build()
        def page = demo.listTransactions(platform, query).toCompletableFuture().join()
        def id = page.items()[0].id()

        expect:
        blocking.readBalance(platform) == demo.readBalance(platform).toCompletableFuture().join()
        blocking.listTransactions(platform, query) == page
        blocking.getTransaction(platform, id, true) == demo.getTransaction(platform, id, true).toCompletableFuture().join()
        blocking.getTransaction(platform, 'txn_none').isEmpty()
    }

    def "getting a transaction without saying leaves its source unexpanded, as the port does when asked not to"() {
        given:
        def expanded = demo.listTransactions(platform, BalanceTransactionQuery.builder().expandSource(true).limit(100).build())
                .toCompletableFuture().join().items().find { it.source()?.details() != null }

        expect:
        expanded != null
        blocking.getTransaction(platform, expanded.id()).get() == demo.getTransaction(platform, expanded.id(), false).toCompletableFuture().join().get()
        blocking.getTransaction(platform, expanded.id()).get().source().details() == null
    }

    def "allTransactions walks every page of the query"() {
        when:
        def all = blocking.allTransactions(platform, BalanceTransactionQuery.builder().limit(100).build()).toList()

        then:
        all.size() == DemoLedger.PLATFORM_TRANSACTIONS
        all.collect { it.id() }.toSet().size() == DemoLedger.PLATFORM_TRANSACTIONS
    }

    def "a failed #readName throws the ledger's own #failure.class.simpleName, where join() wraps it"() {
        given:
        def ledger = new AnsweringLedger(CompletableFuture.failedFuture(failure)).blocking()

        when:
        read(ledger)

        then:
        def e = thrown(Exception)
        e.is(failure)

        when:
        ledger.async().readBalance(platform).toCompletableFuture().join()

        then:
        def wrapped = thrown(CompletionException)
        wrapped.cause.is(failure)

        where:
        [failure, readName] << [
                [new InvalidRequestException(error(400)), new NotFoundException(error(404)), new AuthenticationException(error(401)),
                 new PermissionException(error(403)), new RateLimitedException(error(429), Duration.ofSeconds(2)),
                 new UpstreamUnavailableException(error(503)), new UpstreamConnectionException(error(0))],
                READS.keySet()
        ].combinations()
        read = READS[readName]
    }

    def "a failed page read ends allTransactions with that page's typed exception"() {
        given:
        def failure = new RateLimitedException(error(429), null)
        def ledger = new AnsweringLedger(CompletableFuture.failedFuture(failure)).blocking()

        when:
        ledger.allTransactions(platform, BalanceTransactionQuery.firstPage()).toList()

        then:
        def e = thrown(RateLimitedException)
        e.is(failure)
    }

    def "a read that fails with a checked exception throws it inside a CompletionException"() {
        given:
        def checked = new IOException('disk gone')
        def ledger = new AnsweringLedger(CompletableFuture.failedFuture(checked)).blocking()

        when:
        ledger.readBalance(platform)

        then:
        def e = thrown(CompletionException)
        e.cause.is(checked)
    }

    def "a cancelled read throws CancellationException"() {
        given:
        def never = new CompletableFuture()
        never.cancel(false)

        when:
        new AnsweringLedger(never).blocking().readBalance(platform)

        then:
        thrown(CancellationException)
    }

    def "an interrupted wait cancels the read, keeps the thread's interrupt status and throws UpstreamConnectionException"() {
        given:
        def never = new CompletableFuture()
        def ledger = new AnsweringLedger(never).blocking()
        Thread.currentThread().interrupt()

        when:
        ledger.readBalance(platform)

        then:
        def e = thrown(UpstreamConnectionException)
        e.cause instanceof InterruptedException
        e.message == 'Interrupted while waiting for the answer'
        e.isTransient()
        Thread.interrupted()
        never.isCancelled()
    }

    def "the blocking face of a ledger reads that ledger, and of no ledger is refused"() {
        expect:
        blocking.async().is(demo)
        BlockingLedger.of(demo).async().is(demo)

        when:
        BlockingLedger.of(null)

        then:
        def e = thrown(NullPointerException)
        e.message == 'ledger'
    }

    static final Map<String, Closure> READS = [
            readBalance     : { BlockingLedger l -> l.readBalance(Account.platform()) },
            listTransactions: { BlockingLedger l -> l.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()) },
            getTransaction  : { BlockingLedger l -> l.getTransaction(Account.platform(), 'txn_1') },
    ]

    private static UpstreamError error(int status) {
        new UpstreamError(status, 'api_error', null, null, "failed with $status", 'req_1')
    }

    /** A ledger whose every read answers with the same stage. */
    private static final class AnsweringLedger implements BalanceLedger {
        private final CompletionStage answer

        AnsweringLedger(CompletionStage answer) {
            this.answer = answer
        }

        @Override
        CompletionStage<Balance> readBalance(Account account) { answer }

        @Override
        CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) { answer }

        @Override
        CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId, boolean expandSource) { answer }
    }
}
