package io.balancegraph.stripe

import com.fasterxml.jackson.databind.JsonNode
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.NotFoundException
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.Fee
import io.balancegraph.domain.transaction.TransactionSource
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType
import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.fake.FakeStripeSpecification

import java.time.Instant
import java.util.stream.Collectors

import static io.balancegraph.stripe.fake.FakeStripe.getWithQuery

/** How Stripe's balance transactions and lists become the domain's, and how paging works against them. */
class TransactionMappingSpec extends FakeStripeSpecification {

    static final String PATH = '/v1/balance_transactions'

    def "a charge is mapped field by field, its exchange rate exactly"() {
        when:
        def charge = firstPageOf('transactions-newest').items()[0]

        then:
        charge.id() == 'txn_3NewestChargeAbc'
        charge.amount() == usd(1234)
        charge.fee() == usd(66)
        charge.net() == usd(1168)
        charge.feeDetails() == [new Fee(usd(66), 'stripe_fee', null, 'Stripe processing fees')]
        charge.exchangeRate() == new BigDecimal('1.23456789012345678901')
        charge.exchangeRate().scale() == 20
        charge.type() == TransactionType.CHARGE
        charge.status() == TransactionStatus.PENDING
        charge.reportingCategory() == 'charge'
        charge.balanceType() == BalanceType.PAYMENTS
        charge.description() == 'Order 1042'
        charge.created() == Instant.parse('2025-10-30T00:00:00Z')
        charge.availableOn() == Instant.parse('2025-11-06T00:00:00Z')
        charge.source() == new TransactionSource('ch_3NewestChargeAbc', 'charge', null)
        charge.source().expanded().isEmpty()
    }

    def "a transaction type and balance type Stripe added later are kept as they are; nulls stay null"() {
        when:
        def future = firstPageOf('transactions-newest').items()[1]

        then:
        future.type().value() == 'a_transaction_type_from_2027'
        !future.type().isKnown()
        future.balanceType() == BalanceType.of('risk_reserved')
        future.reportingCategory() == 'risk_reserved_funds'
        future.description() == null
        future.exchangeRate() == null
        future.source() == null
        future.feeDetails() == []
    }

    def "a payout above 2^31 is exact and negative, its source a payout"() {
        when:
        def payout = firstPageOf('transactions-newest').items()[2]

        then:
        payout.amount() == usd(-3_000_000_000L)
        payout.net().minorUnits() < Integer.MIN_VALUE
        payout.source().object() == 'payout'
    }

    def "amounts are in their transaction's currency, JPY and KWD included"() {
        when:
        def items = firstPageOf('transactions-older').items()

        then:
        items*.amount()*.toString() == ['JPY -1500', 'KWD 10.000']
    }

    def "an expanded source is read into its details"() {
        given:
        stripe.answers("${PATH}/txn_3NewestChargeAbc", 'transaction-expanded')

        when:
        def transaction = await(ledger().getTransaction(Account.platform(), 'txn_3NewestChargeAbc', true)).get()

        then:
        transaction.source().id() == 'ch_3NewestChargeAbc'
        transaction.source().object() == 'charge'
        transaction.source().expanded().get() == new TransactionSource.Details(
                Money.of(1000, Currency.EUR), 'succeeded', 'Order 1042', Instant.ofEpochSecond(1761782399))
        transaction.feeDetails() == [new Fee(usd(50), 'stripe_fee', null, 'Stripe processing fees'),
                                     new Fee(usd(16), 'application_fee', 'ca_1ConnectApp', 'Platform fee')]
    }

    def "a transaction of Stripe's 2026-07-29 API is read as it is: a tax_fund, with fees passed through and withheld"() {
        given:
        def current = json('transaction-expanded')
        current.put('type', 'tax_fund').put('balance_type', 'risk_reserved').putNull('source')
        current.get('fee_details').get(0).put('type', 'payment_method_passthrough_fee')
        current.get('fee_details').get(1).put('type', 'withheld_tax')
        stripe.answers("${PATH}/txn_3NewestChargeAbc", stripe.ok(current.toString()))

        when:
        def transaction = await(ledger().getTransaction(Account.platform(), 'txn_3NewestChargeAbc', false)).get()

        then:
        transaction.type() == TransactionType.of('tax_fund')
        transaction.type().isKnown()
        transaction.feeDetails()*.type() == ['payment_method_passthrough_fee', 'withheld_tax']
        transaction.feeDetails()*.amount() == [usd(50), usd(16)]
        transaction.balanceType() == BalanceType.of('risk_reserved')
    }

    def "expanded sources in a list are read too"() {
        given:
        def expanded = json('transaction-expanded')
        stripe.answers(getWithQuery(PATH, ['expand[]': 'data.source']), stripe.ok(list([expanded], false)))

        when:
        def page = await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.builder().expandSource(true).build()))

        then:
        page.items()[0].source().expanded().get().status() == 'succeeded'
    }

    def "a transaction Stripe does not have is empty, not an error"() {
        given:
        stripe.answers("${PATH}/txn_doesNotExist", stripe.error(404, 'invalid_request_error', 'resource_missing', 'id',
                "No such balance transaction: 'txn_doesNotExist'"))

        expect:
        await(ledger().getTransaction(Account.platform(), 'txn_doesNotExist', false)).isEmpty()
    }

    def "a 404 that is not Stripe saying the transaction is missing stays an error"() {
        given:
        stripe.answers("${PATH}/txn_1", stripe.stripe(404, '<html>Not Found</html>').withHeader('Content-Type', 'text/html'))

        when:
        await(ledger().getTransaction(Account.platform(), 'txn_1', false))

        then:
        def e = thrown(NotFoundException)
        e.error().code() == null
        e.message.contains('HTTP 404 (Not Found)')
    }

    def "a transaction without a field the API always sends is refused, naming it"() {
        given:
        def broken = json('transactions-newest')
        broken.get('data').get(1).remove('amount')
        stripe.answers(PATH, stripe.ok(broken.toString()))

        when:
        await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()))

        then:
        def e = thrown(UpstreamUnavailableException)
        e.message.endsWith('data[1] (txn_2FutureTypeDef).amount is missing or null')
    }

    def "a transaction with an impossible #field is refused as unreadable, naming it, not failing inside the server"() {
        given:
        def broken = json('transactions-newest')
        broken.get('data').get(0).put(field, new BigDecimal(value))
        stripe.answers(PATH, stripe.ok(broken.toString()))

        when:
        await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()))

        then:
        def e = thrown(UpstreamUnavailableException)
        e.message.contains("data[0]")
        e.message.contains(says)
        e.message.length() < 400

        where:
        field           | value                  || says
        'created'       | '99999999999999999'    || 'cannot be read'
        'available_on'  | '-99999999999999999'   || 'cannot be read'
        'exchange_rate' | '1E+999999999'         || 'exchange_rate is not a plausible exchange rate'
    }

    def "the first page going forward has older transactions after it and none before"() {
        when:
        def page = firstPageOf('transactions-newest')

        then:
        page.items()*.id() == ['txn_3NewestChargeAbc', 'txn_2FutureTypeDef', 'txn_1PayoutGhi']
        page.hasOlder()
        !page.hasNewer()
    }

    def "a page after a cursor has newer transactions before it, and older ones after it when Stripe has more"() {
        given:
        stripe.answers(getWithQuery(PATH, [starting_after: 'txn_1PayoutGhi']), stripe.ok(FakeStripe.fixture('transactions-older')))

        when:
        def page = await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.builder().after('txn_1PayoutGhi').build()))

        then:
        page.items()*.id() == ['txn_0RefundJkl', 'txn_00TopupMno']
        !page.hasOlder()
        page.hasNewer()
    }

    def "a page before a cursor, newest first, has the cursor's older transactions after it and newer ones before it only when Stripe has more"() {
        given:
        stripe.answers(getWithQuery(PATH, [ending_before: 'txn_0RefundJkl']), stripe.ok(list(items()[0..2], hasMore)))

        when:
        def page = await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.builder().before('txn_0RefundJkl').build()))

        then:
        page.items()*.id() == ['txn_3NewestChargeAbc', 'txn_2FutureTypeDef', 'txn_1PayoutGhi']
        page.hasOlder()
        page.hasNewer() == hasMore

        where:
        hasMore << [false, true]
    }

    def "walking forward from the newest pages with starting_after and visits every transaction once, newest first"() {
        given: 'five transactions served two at a time'
        def all = items()
        stripe.answers(getWithQuery(PATH, [starting_after: null, ending_before: null]), stripe.ok(list(all[0..1], true)))
        stripe.answers(getWithQuery(PATH, [starting_after: 'txn_2FutureTypeDef']), stripe.ok(list(all[2..3], true)))
        stripe.answers(getWithQuery(PATH, [starting_after: 'txn_0RefundJkl']), stripe.ok(list(all[4..4], false)))

        when:
        def ids = TransactionWalk.all(ledger(), Account.platform(), BalanceTransactionQuery.builder().limit(2).build())
                .map { it.id() }.collect(Collectors.toList())

        then:
        ids == ['txn_3NewestChargeAbc', 'txn_2FutureTypeDef', 'txn_1PayoutGhi', 'txn_0RefundJkl', 'txn_00TopupMno']
        stripe.requests().collect { FakeStripe.query(it) } == [
                [limit: '2'], [limit: '2', starting_after: 'txn_2FutureTypeDef'], [limit: '2', starting_after: 'txn_0RefundJkl']]
    }

    def "walking backward from a transaction pages with ending_before and visits every newer transaction once, oldest first"() {
        given: 'Stripe answers ending_before with the newer transactions closest to the cursor, newest first'
        def all = items()
        stripe.answers(getWithQuery(PATH, [ending_before: 'txn_00TopupMno']), stripe.ok(list(all[2..3], true)))
        stripe.answers(getWithQuery(PATH, [ending_before: 'txn_1PayoutGhi']), stripe.ok(list(all[0..1], false)))

        when:
        def ids = TransactionWalk.all(ledger(), Account.platform(),
                BalanceTransactionQuery.builder().limit(2).before('txn_00TopupMno').build())
                .map { it.id() }.collect(Collectors.toList())

        then:
        ids == ['txn_0RefundJkl', 'txn_1PayoutGhi', 'txn_2FutureTypeDef', 'txn_3NewestChargeAbc']
        stripe.requests().collect { FakeStripe.query(it) } == [
                [limit: '2', ending_before: 'txn_00TopupMno'], [limit: '2', ending_before: 'txn_1PayoutGhi']]
    }

    /** The first page of the platform's transactions, from the fake answering with the fixture. */
    private Page<BalanceTransaction> firstPageOf(String fixture) {
        stripe.answers(PATH, fixture)
        await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()))
    }

    /** All five fixture transactions, newest first. */
    private static List<JsonNode> items() {
        (json('transactions-newest').get('data').toList() + json('transactions-older').get('data').toList())
    }

    private static String list(List<JsonNode> data, boolean hasMore) {
        FakeStripe.JSON.writeValueAsString([object: 'list', data: data, has_more: hasMore, url: PATH])
    }

    private static JsonNode json(String fixture) {
        FakeStripe.JSON.readTree(FakeStripe.fixture(fixture))
    }

    private static Money usd(long cents) {
        Money.of(cents, Currency.USD)
    }
}
