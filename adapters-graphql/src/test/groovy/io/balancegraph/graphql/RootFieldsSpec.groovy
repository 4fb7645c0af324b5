package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/** Every root field of the schema, answered from the demo ledger. */
class RootFieldsSpec extends Specification {

    @Shared def demo = DemoLedger.create()
    @Shared def clock = new MutableClock()
    @Shared def graph = new Graph(demo, new GraphQLSettings(), Duration.ZERO, clock)

    def "the balance gives every currency as an exact decimal string in major units and a 64-bit minor-unit count"() {
        when:
        def answer = graph.run('{ balance { livemode readAt available { money { amount minorUnits currencyCode currency { code exponent name } } } } }')

        then:
        answer.errors == null
        def available = answer.data.balance.available.collectEntries { [(it.money.currencyCode): it.money] }
        available.keySet() as List == ['EUR', 'JPY', 'KWD', 'USD']
        available.USD.amount == '30002075.03'
        available.USD.minorUnits == 3_000_207_503L
        available.USD.minorUnits > Integer.MAX_VALUE
        available.JPY.amount ==~ /\d+/
        available.JPY.currency.exponent == 0
        available.KWD.amount ==~ /\d+\.\d{3}/
        available.KWD.currency == [code: 'KWD', exponent: 3, name: 'Kuwaiti Dinar']
        available.EUR.amount == '-49889.36'
        available.EUR.minorUnits == -4_988_936L
        answer.data.balance.livemode == false
        answer.data.balance.readAt == '2026-11-01T12:00:00.000Z'
    }

    def "the balance has every part Stripe reports, with source-type breakdowns and instant-payout destinations"() {
        when:
        def balance = graph.run('''{ balance {
            pending { money { amount currencyCode } bySourceType { sourceType money { amount } } }
            connectReserved { money { amount currencyCode } }
            instantAvailable { money { amount } netAvailable { destination money { amount } bySourceType { sourceType money { amount } } } }
            issuing { available { money { amount } bySourceType { sourceType } } }
            refundAndDisputePrefunding { available { money { amount } } pending { money { amount } } } } }''').data.balance

        then:
        balance.pending*.money*.currencyCode == ['EUR', 'JPY', 'KWD', 'USD']
        balance.pending.every { !it.bySourceType.isEmpty() }
        balance.connectReserved == [[money: [amount: '0.00', currencyCode: 'USD']]]
        balance.instantAvailable[0].money.amount == '50000.00'
        balance.instantAvailable[0].netAvailable == [[destination: 'ba_1DemoBankAccount', money: [amount: '49500.00'],
                                                       bySourceType: [[sourceType: 'card', money: [amount: '49500.00']]]]]
        balance.issuing == [available: [[money: [amount: '2500.00'], bySourceType: [[sourceType: 'card']]]]]
        balance.refundAndDisputePrefunding == [available: [[money: [amount: '500.00']]], pending: [[money: [amount: '0.00']]]]
    }

    def "currencies lists each currency the account holds with its available and pending totals"() {
        given:
        def balance = demo.readBalance(Account.platform()).toCompletableFuture().join()

        when:
        def currencies = graph.run('{ currencies { code exponent name available { amount currencyCode } pending { amount } } }').data.currencies

        then:
        currencies*.code == ['EUR', 'JPY', 'KWD', 'USD']
        currencies*.exponent == [2, 0, 3, 2]
        currencies*.name == ['Euro', 'Japanese Yen', 'Kuwaiti Dinar', 'US Dollar']
        currencies.find { it.code == 'USD' }.available == [amount: '30002075.03', currencyCode: 'USD']
        currencies.every { it.available.amount == balance.availableIn(Currency.of(it.code)).toDecimalString() }
        currencies.every { it.pending.amount == balance.pendingIn(Currency.of(it.code)).toDecimalString() }
        currencies.find { it.code == 'EUR' }.available.amount.startsWith('-')
    }

    def "a connected account's balance and currencies are its own"() {
        when:
        def data = graph.run('''{ balance(account: "acct_1DemoConnected") { available { money { currencyCode } } }
                                  currencies(account: "acct_1DemoConnected") { code } }''').data

        then:
        data.balance.available*.money*.currencyCode == ['GBP', 'USD']
        data.currencies*.code == ['GBP', 'USD']
    }

    def "a currency reached through an amount is the currency alone, the same as the one of currencies; totals are on CurrencyBalance"() {
        when:
        def data = graph.run('''{ balance { available { money { currency { code exponent name } } } }
                                  currencies { code exponent name currency { code exponent name } } }''').data

        then: 'one meaning everywhere, so a client cache may key Currency by code'
        data.balance.available*.money*.currency == data.currencies*.currency
        data.currencies.every { it.currency == [code: it.code, exponent: it.exponent, name: it.name] }
        data.balance.available[0].money.currency == [code: 'EUR', exponent: 2, name: 'Euro']

        when: "a Money's currency is asked for account totals"
        def answer = graph.run('{ balance { available { money { currency { code available { amount } } } } } }')

        then: 'the document does not fit the schema any more (before, they were null there)'
        answer.errors*.extensions*.code == ['GRAPHQL_VALIDATION_FAILED']
        answer.errors[0].message.contains("Field 'available' in type 'Currency' is undefined")
    }

    def "a balance and each currency of currencies have an id that is stable per account, for client caches"() {
        when:
        def first = graph.run('''{ balance { id } currencies { id code }
                                   connected: balance(account: "acct_1DemoConnected") { id }
                                   connectedCurrencies: currencies(account: "acct_1DemoConnected") { id } }''').data
        def again = graph.run('{ balance(account: "platform") { id } currencies(account: "platform") { id } }').data

        then:
        first.balance.id == 'platform'
        first.connected.id == 'acct_1DemoConnected'
        again.balance.id == first.balance.id
        first.currencies*.id == ['platform:EUR', 'platform:JPY', 'platform:KWD', 'platform:USD']
        again.currencies*.id == first.currencies*.id
        first.connectedCurrencies*.id == ['acct_1DemoConnected:GBP', 'acct_1DemoConnected:USD']
    }

    def "balanceTransactions gives the newest transactions first, ten by default, with every field"() {
        given:
        def newest = demo.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()).toCompletableFuture().join().items()

        when:
        def connection = graph.run('''{ balanceTransactions { readAt nodes {
            id amount { amount minorUnits currencyCode } fee { amount } net { amount } feeDetails { amount { amount } type application description }
            exchangeRate type typeKnown status reportingCategory balanceType description created availableOn readAt source { id object } } } }''')
                .data.balanceTransactions

        then:
        connection.nodes*.id == newest*.id
        connection.readAt == '2026-11-01T12:00:00.000Z'
        def first = connection.nodes[0]
        def expected = newest[0]
        first.amount == [amount: expected.amount().toDecimalString(), minorUnits: expected.amount().minorUnits(), currencyCode: expected.currency().code()]
        first.fee.amount == expected.fee().toDecimalString()
        first.net.amount == expected.net().toDecimalString()
        first.feeDetails*.type == expected.feeDetails()*.type()
        first.type == expected.type().value()
        first.typeKnown
        first.status == expected.status().value()
        first.reportingCategory == expected.reportingCategory()
        first.balanceType == 'payments'
        first.description == expected.description()
        first.created == expected.created().toString().replace('Z', '.000Z')
        first.availableOn == expected.availableOn().toString().replace('Z', '.000Z')
        first.source == [id: expected.source().id(), object: 'charge']
        first.readAt == connection.readAt
    }

    def "an exchange rate is an exact decimal string"() {
        when:
        def rates = graph.run('{ balanceTransactions(first: 100) { nodes { exchangeRate } } }').data.balanceTransactions.nodes*.exchangeRate

        then:
        rates.contains('1.0842')
        rates.contains(null)
    }

    def "balanceTransaction reads one transaction by id"() {
        when:
        def transaction = graph.run('''{ balanceTransaction(id: "txn_demoP00299") { id type amount { amount currencyCode } readAt
                                         source { id object status amount { amount } } } }''').data.balanceTransaction

        then:
        transaction.id == 'txn_demoP00299'
        transaction.type == 'charge'
        transaction.source.object == 'charge'
        transaction.source.status == 'succeeded'
        transaction.source.amount.amount == transaction.amount.amount
        transaction.readAt == '2026-11-01T12:00:00.000Z'
    }

    def "balanceTransaction is null, without an error, when the account has no such transaction"() {
        when:
        def answer = graph.run('{ balanceTransaction(id: "txn_doesNotExist") { id } }')

        then:
        answer.errors == null
        answer.data == [balanceTransaction: null]
    }

    def "balanceTransaction refuses an id that is not a Stripe id"() {
        when:
        def answer = graph.run('{ balanceTransaction(id: "txn_1/../../v1/charges") { id } }')

        then:
        answer.data == [balanceTransaction: null]
        answer.errors[0].extensions.code == 'BAD_USER_INPUT'
        answer.errors[0].extensions.argument == 'id'
        answer.errors[0].path == ['balanceTransaction']
    }

    def "a transaction type Stripe added after this server was written passes through"() {
        given:
        def ledger = Fixtures.ledgerWith(Fixtures.transaction('txn_new', 'quantum_settlement'))
        def graph = new Graph(ledger)

        when:
        def answer = graph.run('''{ balanceTransactions { nodes { id type typeKnown } }
                                    filtered: balanceTransactions(filter: { type: "quantum_settlement" }) { nodes { id } }
                                    balanceTransaction(id: "txn_new") { type typeKnown } }''')

        then:
        answer.errors == null
        answer.data.balanceTransactions.nodes == [[id: 'txn_new', type: 'quantum_settlement', typeKnown: false]]
        answer.data.filtered.nodes*.id == ['txn_new']
        answer.data.balanceTransaction == [type: 'quantum_settlement', typeKnown: false]
    }
}
