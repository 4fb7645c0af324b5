package io.balancegraph.app.export

import io.balancegraph.app.EndpointSpec
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.TransactionType
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

import java.time.Instant

/** The export end to end over the demo ledger, through the app's own wiring (access control off, as in demo mode). */
@MicronautTest
class CsvExportSpec extends EndpointSpec {

    static final String PATH = '/export/balance-transactions.csv'
    static final String EPOCH = '0'

    @Inject
    MeterRegistry meters

    static List<BalanceTransaction> demo(Account account, BalanceTransactionQuery.Builder query) {
        TransactionWalk.all(DemoLedger.create(), account, query.limit(100).build()).toList()
    }

    static String csvOf(List<BalanceTransaction> transactions) {
        TransactionCsv.HEADER + transactions.collect { TransactionCsv.row(it) }.join('')
    }

    def "every transaction of the demo platform account is one row, newest first, in a CSV attachment"() {
        given:
        def bulkReadsBefore = upstreamReads('bulk_list_transactions')
        def interactiveReadsBefore = upstreamReads('list_transactions')

        when:
        def answer = http.get(PATH, ['created[gte]': EPOCH, 'created[lt]': '2026-12-01T00:00:00Z'])

        then:
        answer.status == 200
        answer.header('Content-Type') == 'text/csv;charset=utf-8;header=present'
        answer.header('Content-Disposition') ==
                'attachment; filename="balance-transactions-platform-19700101T000000Z-20261201T000000Z.csv"'
        answer.header('Cache-Control') == 'no-store'
        answer.header('Transfer-Encoding') == 'chunked'
        answer.body.count('\r\n') == DemoLedger.PLATFORM_TRANSACTIONS + 1
        answer.body == csvOf(demo(Account.platform(), BalanceTransactionQuery.builder()))

        and: 'it was read through the bulk share of the rate budget, not the interactive one'
        upstreamReads('bulk_list_transactions') >= bulkReadsBefore + 3
        upstreamReads('list_transactions') == interactiveReadsBefore
    }

    def "the filters choose the rows: #filters"() {
        given:
        def created = new CreatedFilter(null, Instant.EPOCH, null, DemoLedger.NOW)

        when:
        def answer = http.get(PATH, ['created[gte]': EPOCH, 'created[lte]': DemoLedger.NOW.toString()] + filters)

        then:
        answer.status == 200
        def expected = demo(account, query.created(created))
        expected.size() > 0
        answer.body == csvOf(expected)

        where:
        filters                                          || account                                     | query
        [currency: 'jpy']                                || Account.platform()                          | BalanceTransactionQuery.builder().currency(Currency.JPY)
        [currency: 'KWD', type: 'charge']                || Account.platform()                          | BalanceTransactionQuery.builder().currency(Currency.KWD).type(TransactionType.CHARGE)
        [account: DemoLedger.CONNECTED_ACCOUNT]          || Account.connected(DemoLedger.CONNECTED_ACCOUNT) | BalanceTransactionQuery.builder()
    }

    def "a payout's transactions are exported by its id alone"() {
        given:
        String payout = demo(Account.platform(), BalanceTransactionQuery.builder().type(TransactionType.PAYOUT))[0].source().id()
        def expected = demo(Account.platform(), BalanceTransactionQuery.builder().payout(payout))

        when:
        def answer = http.get(PATH, [payout: payout])

        then:
        answer.status == 200
        expected.size() > 1
        answer.body == csvOf(expected)
        answer.header('Content-Disposition') == "attachment; filename=\"balance-transactions-platform-${payout}.csv\""
    }

    def "a range without transactions is the header alone"() {
        when:
        def answer = http.get(PATH, ['created[gte]': '2030-01-01T00:00:00Z', 'created[lt]': '2030-02-01T00:00:00Z'])

        then:
        answer.status == 200
        answer.body == TransactionCsv.HEADER
    }

    def "a bad parameter is a 400 with a JSON error naming it, and nothing is read: #problem"() {
        given:
        def readsBefore = upstreamReads()

        when:
        def answer = http.get(PATH, parameters)

        then:
        answer.status == 400
        answer.header('Content-Type').startsWith('application/json')
        answer.errorCode == 'BAD_REQUEST'
        answer.json.errors[0].extensions.parameter == parameter
        !answer.body.contains('Exception')
        upstreamReads() == readsBefore

        where:
        problem               | parameters                                              || parameter
        'no range'            | [:]                                                     || 'created[gte]'
        'a bad time'          | ['created[gte]': 'yesterday']                           || 'created[gte]'
        'a bad currency'      | ['created[gte]': EPOCH, currency: 'US$']                || 'currency'
        'an unknown filter'   | ['created[gte]': EPOCH, status: 'available']            || 'status'
    }

    def "an account the server's key may not read is a 403 JSON answer, not a file"() {
        when:
        def answer = http.get(PATH, ['created[gte]': EPOCH, account: 'acct_1Nobody'])

        then:
        answer.status == 403
        answer.errorCode == 'FORBIDDEN'
        answer.header('Content-Disposition') == null
    }

    private double upstreamReads(String operation = null) {
        def found = meters.find('balancegraph.upstream.requests')
        (operation ? found.tag('operation', operation) : found).timers().sum { it.count() } ?: 0
    }
}
