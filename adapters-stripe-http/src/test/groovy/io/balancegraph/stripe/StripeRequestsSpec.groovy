package io.balancegraph.stripe

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.transaction.TransactionType
import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.fake.FakeStripeSpecification
import io.balancegraph.stripe.internal.http.UserAgent

import java.time.Instant

/** The exact requests the adapter sends: paths, query parameters and headers. */
class StripeRequestsSpec extends FakeStripeSpecification {

    static final Instant OCT_28 = Instant.ofEpochSecond(1761609600)
    static final Instant OCT_30 = Instant.ofEpochSecond(1761782400)

    def "reading the platform's balance sends GET /v1/balance with the key as Bearer, the pinned Stripe-Version, our User-Agent and no Stripe-Account"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')

        when:
        await(ledger().readBalance(Account.platform()))

        then:
        def request = stripe.onlyRequest()
        request.method.value() == 'GET'
        request.url == '/v1/balance'
        request.getHeader('Authorization') == "Bearer ${FakeStripe.KEY}"
        request.getHeader('Stripe-Version') == '2026-07-29.dahlia'
        request.getHeader('Accept') == 'application/json'
        !request.containsHeader('Stripe-Account')
        !request.containsHeader('Idempotency-Key')
    }

    def "the User-Agent names balancegraph and its version"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')

        when:
        await(ledger().readBalance(Account.platform()))

        then:
        UserAgent.version() ==~ /\d+\.\d+\.\d+.*/
        stripe.onlyRequest().getHeader('User-Agent') ==
                "balancegraph/${UserAgent.version()} (+https://github.com/balancegraph; Java ${System.getProperty('java.version')})"
    }

    def "a connected account's read carries its id in Stripe-Account, per call, and the platform's does not"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        def stripeLedger = ledger()

        when:
        await(stripeLedger.readBalance(Account.platform()))
        await(stripeLedger.readBalance(Account.connected('acct_1DemoConnected')))
        await(stripeLedger.readBalance(Account.platform()))

        then:
        stripe.requests()*.getHeader('Stripe-Account') == [null, 'acct_1DemoConnected', null]
    }

    def "a list request sends #description as #expected"() {
        given:
        stripe.answers('/v1/balance_transactions', 'transactions-older')
        def builder = BalanceTransactionQuery.builder()
        builder.with(query)

        when:
        await(ledger().listTransactions(Account.platform(), builder.build()))

        then:
        def request = stripe.onlyRequest()
        request.url.startsWith('/v1/balance_transactions?')
        FakeStripe.query(request) == expected

        where:
        description                  | query                                                         || expected
        'nothing but the page size'  | {}                                                            || [limit: '10']
        'an exact creation second'   | { created(CreatedFilter.at(OCT_30)) }                         || [created: '1761782400', limit: '10']
        'created after'              | { created(new CreatedFilter(OCT_28, null, null, null)) }      || ['created[gt]': '1761609600', limit: '10']
        'created at or after'        | { created(new CreatedFilter(null, OCT_28, null, null)) }      || ['created[gte]': '1761609600', limit: '10']
        'created before'             | { created(new CreatedFilter(null, null, OCT_30, null)) }      || ['created[lt]': '1761782400', limit: '10']
        'created at or before'       | { created(new CreatedFilter(null, null, null, OCT_30)) }      || ['created[lte]': '1761782400', limit: '10']
        'a creation range'           | { created(new CreatedFilter(OCT_28, null, null, OCT_30)) }    || ['created[gt]': '1761609600', 'created[lte]': '1761782400', limit: '10']
        'a currency, lower case'     | { currency(Currency.JPY) }                                    || [currency: 'jpy', limit: '10']
        'a payout'                   | { payout('po_1PayoutGhi') }                                   || [payout: 'po_1PayoutGhi', limit: '10']
        'a source'                   | { source('ch_3NewestChargeAbc') }                             || [source: 'ch_3NewestChargeAbc', limit: '10']
        'a type'                     | { type(TransactionType.PAYOUT) }                              || [type: 'payout', limit: '10']
        'a type newer than the code' | { type(TransactionType.of('payout_minimum_balance_hold')) }   || [type: 'payout_minimum_balance_hold', limit: '10']
        'the largest page'           | { limit(100) }                                                || [limit: '100']
        'the smallest page'          | { limit(1) }                                                  || [limit: '1']
        'a forward cursor'           | { after('txn_1PayoutGhi') }                                   || [starting_after: 'txn_1PayoutGhi', limit: '10']
        'a backward cursor'          | { before('txn_1PayoutGhi') }                                  || [ending_before: 'txn_1PayoutGhi', limit: '10']
        'expanded sources'           | { expandSource(true) }                                        || ['expand[]': 'data.source', limit: '10']
    }

    def "a list request with every parameter sends them in the reference's order, brackets encoded"() {
        given:
        stripe.answers('/v1/balance_transactions', 'transactions-older')
        def query = BalanceTransactionQuery.builder()
                .created(new CreatedFilter(null, OCT_28, OCT_30, null))
                .currency(Currency.USD)
                .expandSource(true)
                .limit(3)
                .payout('po_1PayoutGhi')
                .source('ch_3NewestChargeAbc')
                .after('txn_3NewestChargeAbc')
                .type(TransactionType.CHARGE)
                .build()

        when:
        await(ledger().listTransactions(Account.platform(), query))

        then:
        stripe.onlyRequest().url == '/v1/balance_transactions?created%5Bgte%5D=1761609600&created%5Blt%5D=1761782400' +
                '&currency=usd&expand%5B%5D=data.source&limit=3&payout=po_1PayoutGhi&source=ch_3NewestChargeAbc' +
                '&starting_after=txn_3NewestChargeAbc&type=charge'
    }

    def "retrieving a transaction puts its id in the path#expansion"() {
        given:
        stripe.answers('/v1/balance_transactions/txn_3NewestChargeAbc', 'transaction-expanded')

        when:
        await(ledger().getTransaction(Account.platform(), 'txn_3NewestChargeAbc', expand))

        then:
        stripe.onlyRequest().url == url

        where:
        expand || url
        false  || '/v1/balance_transactions/txn_3NewestChargeAbc'
        true   || '/v1/balance_transactions/txn_3NewestChargeAbc?expand%5B%5D=source'

        expansion = expand ? ' and asks for the source with expand[]=source' : ''
    }

    def "with transactions-path #configured the adapter lists and retrieves at #path, through the same code and mapping"() {
        given:
        stripe.answers(path, 'transactions-older')
        stripe.answers("${path}/txn_3NewestChargeAbc", 'transaction-expanded')
        def stripeLedger = ledger { transactionsPath(configured) }

        when:
        def page = await(stripeLedger.listTransactions(Account.platform(), BalanceTransactionQuery.builder().limit(2).build()))
        def transaction = await(stripeLedger.getTransaction(Account.platform(), 'txn_3NewestChargeAbc', true))

        then:
        stripe.requests()*.url == ["${path}?limit=2", "${path}/txn_3NewestChargeAbc?expand%5B%5D=source"]*.toString()
        page.items()*.id() == ['txn_0RefundJkl', 'txn_00TopupMno']
        transaction.get().source().expanded().isPresent()

        where:
        configured             || path
        'balance_transactions' || '/v1/balance_transactions'
        'balance/history'      || '/v1/balance/history'
    }

    def "an id that cannot be a Stripe id is never sent: there is no such transaction"() {
        when:
        def found = await(ledger().getTransaction(Account.platform(), id, false))

        then:
        found.isEmpty()
        stripe.requests().isEmpty()

        where:
        id << ['../balance', 'txn_1?expand[]=x', 'txn 1', '', 'txn_1/../../v1/charges']
    }

    def "the pinned Stripe-Version can be configured"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')

        when:
        await(ledger { apiVersion('2023-10-16') }.readBalance(Account.platform()))

        then:
        stripe.onlyRequest().getHeader('Stripe-Version') == '2023-10-16'
    }

    def "a restricted key is sent as Bearer like a secret key"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        def restricted = 'rk_test_51RestrictedKeyForBalanceReads0123456789'

        when:
        await(ledger { apiKey(restricted) }.readBalance(Account.platform()))

        then:
        stripe.onlyRequest().getHeader('Authorization') == "Bearer ${restricted}"
    }
}
