package io.balancegraph.stripe

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.NotFoundException
import io.balancegraph.domain.error.PermissionException
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamException
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.stripe.fake.FakeStripeSpecification

import java.util.concurrent.CompletionException

/** The Stripe ledger's blocking face: the same requests, answered in the calling thread, failures typed. */
class BlockingStripeLedgerSpec extends FakeStripeSpecification {

    def "blocking reads answer what Stripe sent"() {
        given:
        stripe.answers('/v1/balance', 'balance')
        stripe.answers('/v1/balance_transactions', 'transactions-newest')
        def blocking = ledger().blocking()

        when:
        def balance = blocking.readBalance(Account.platform())
        def page = blocking.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage())

        then:
        balance == await(ledger().readBalance(Account.platform()))
        !balance.currencies().isEmpty()
        !page.isEmpty()
        page == await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()))
    }

    def "a refused blocking read throws #expected.simpleName itself, where join() of the same read throws a CompletionException"() {
        given:
        stripe.answers('/v1/balance', stripe.error(status, 'invalid_request_error', null, null, 'refused'))
        def stripeLedger = ledger { maxAttempts(1) }

        when:
        stripeLedger.blocking().readBalance(Account.platform())

        then:
        UpstreamException e = thrown()
        e.class == expected
        e.error().httpStatus() == status
        e.error().requestId() ==~ /req_fake\d+/

        when:
        stripeLedger.readBalance(Account.platform()).toCompletableFuture().join()

        then:
        CompletionException wrapped = thrown()
        wrapped.cause.class == expected

        where:
        status || expected
        403    || PermissionException
        404    || NotFoundException
        429    || RateLimitedException
    }

    def "allTransactions walks Stripe's pages and a failed page throws its typed exception"() {
        given:
        stripe.answers('/v1/balance_transactions', stripe.error(429, 'invalid_request_error', 'rate_limit', null, 'slow down'))

        when:
        ledger { maxAttempts(1) }.blocking()
                .allTransactions(Account.platform(), BalanceTransactionQuery.builder().currency(Currency.USD).build())
                .toList()

        then:
        RateLimitedException e = thrown()
        e.message == 'slow down'
        stripe.count('/v1/balance_transactions') == 1
    }
}
