package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.balance.BalanceAmount
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.demo.InMemoryLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.TransactionSource
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Specification

import java.time.Instant

/** {@code Query.payout}: a payout against the transactions Stripe lists for it. */
class PayoutSpec extends Specification {

    static final String PAYOUT = '''query($id: ID!, $account: ID) {
      payout(id: $id, account: $account) {
        id amount { minorUnits currencyCode } includedNet { minorUnits } includedCount reconciles readAt
        byReportingCategory { key count net { minorUnits } }
        transactions(first: 100) { nodes { id net { minorUnits } } pageInfo { hasNextPage } }
      }
    }'''

    def clock = new MutableClock(DemoLedger.NOW)
    def demo = DemoLedger.create()

    def "every automatic payout of the demo reconciles: what it paid out is the net of the transactions it lists"() {
        given:
        def graph = Graph.withFinance(demo, [:], clock)
        def payouts = TransactionWalk.all(demo, Account.platform(), BalanceTransactionQuery.builder().type(TransactionType.PAYOUT).limit(100).build())
                .toList().take(5)

        expect:
        payouts.size() == 5
        payouts.every { own ->
            def answer = graph.run(PAYOUT, [id: own.source().id()])
            def payout = answer.data.payout
            def listed = TransactionWalk.all(demo, Account.platform(), BalanceTransactionQuery.builder().payout(own.source().id()).limit(100).build()).toList()
            assert answer.errors == null
            assert payout.id == own.source().id()
            assert payout.amount.minorUnits == -own.net().minorUnits()
            assert payout.amount.currencyCode == own.currency().code()
            assert payout.includedNet.minorUnits == listed*.net()*.minorUnits().sum()
            assert payout.includedCount == listed.size()
            assert payout.reconciles
            assert (payout.byReportingCategory*.net*.minorUnits.sum()) == payout.includedNet.minorUnits
            assert payout.transactions.nodes*.id == listed*.id()
            true
        }
    }

    def "a payout whose transactions do not add up to what it paid out does not reconcile, and says by how much"() {
        given: 'a payout of 10.00 that lists 9.00 of charges'
        def created = Instant.parse('2026-10-10T00:00:00Z')
        def own = transaction('txn_po', -1_000, 'payout', 'payout', TransactionSource.ofId('po_1Short'), created)
        def charges = [transaction('txn_a', 500, 'charge', 'charge', TransactionSource.ofId('ch_a'), created.minusSeconds(60)),
                       transaction('txn_b', 400, 'charge', 'charge', TransactionSource.ofId('ch_b'), created.minusSeconds(30))]
        def ledger = InMemoryLedger.builder()
                .account(Account.platform(), Balance.of([BalanceAmount.of(Money.of(0, Currency.USD))], [], false),
                        [own] + charges, [txn_a: 'po_1Short', txn_b: 'po_1Short'])
                .build()

        when:
        def payout = Graph.withFinance(ledger, [:], clock).run(PAYOUT, [id: 'po_1Short']).data.payout

        then:
        payout.amount.minorUnits == 1_000
        payout.includedNet.minorUnits == 900
        payout.includedCount == 2
        !payout.reconciles
        payout.byReportingCategory == [[key: 'charge', count: 2, net: [minorUnits: 900]]]
    }

    def "a payout Stripe does not have is null, without an error"() {
        when:
        def answer = Graph.withFinance(demo, [:], clock).run(PAYOUT, [id: 'po_1DoesNotExist'])

        then:
        answer.errors == null
        answer.data.payout == null
    }

    def "#what is refused with BAD_USER_INPUT naming id, before anything is read"() {
        given:
        def ledger = new RecordingLedger(demo)

        when:
        def answer = Graph.withFinance(ledger, [:], clock).run(PAYOUT, [id: id])

        then:
        answer.data.payout == null
        answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        answer.errors[0].extensions.argument == 'id'
        ledger.calls.isEmpty()

        where:
        what                  | id
        'a transaction id'    | 'txn_1MiN3gLkdIwHu7ix'
        'an id with a space'  | 'po_1 x'
        'an empty id'         | ''
    }

    def "a payout of an account the token may not read is FORBIDDEN before any Stripe call"() {
        given:
        def ledger = new RecordingLedger(demo)

        when:
        def answer = Graph.withFinance(ledger, [:], clock).run(PAYOUT, [id: 'po_1Any', account: DemoLedger.CONNECTED_ACCOUNT],
                new AccessGrant(['platform'] as Set))

        then:
        answer.data.payout == null
        answer.errors*.extensions*.code == ['FORBIDDEN']
        ledger.calls.isEmpty()
    }

    private static BalanceTransaction transaction(String id, long net, String type, String category, TransactionSource source, Instant created) {
        def money = Money.of(net, Currency.USD)
        new BalanceTransaction(id, money, Money.zero(Currency.USD), money, [], null, TransactionType.of(type),
                TransactionStatus.AVAILABLE, category, BalanceType.PAYMENTS, null, created, created, source)
    }
}
