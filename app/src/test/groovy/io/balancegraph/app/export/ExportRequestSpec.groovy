package io.balancegraph.app.export

import io.balancegraph.app.http.RejectedRequestException
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.transaction.TransactionType
import io.micronaut.http.HttpStatus
import spock.lang.Specification

import java.time.Instant

class ExportRequestSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-11-01T12:00:00.750Z')
    static final Instant OCT_1 = Instant.parse('2026-10-01T00:00:00Z')

    static ExportRequest read(Map<String, String> parameters) {
        ExportRequest.of(parameters.collectEntries { name, value -> [name, [value]] } as Map<String, List<String>>, NOW)
    }

    def "the start of the range may be given as #form"() {
        when:
        def request = read([(parameter): value])

        then:
        request.account() == Account.platform()
        request.query().created().gte() == (parameter == 'created[gte]' ? OCT_1 : null)
        request.query().created().gt() == (parameter == 'created[gt]' ? OCT_1 : null)

        where:
        form                          | parameter      | value
        'Unix seconds'                | 'created[gte]' | '1790812800'
        'RFC 3339 in UTC'             | 'created[gte]' | '2026-10-01T00:00:00Z'
        'RFC 3339 with an offset'     | 'created[gte]' | '2026-10-01T02:00:00+02:00'
        'RFC 3339 with a lower-case z' | 'created[gte]' | '2026-10-01t00:00:00z'
        'created[gt] in Unix seconds' | 'created[gt]'  | '1790812800'
        'created[gt] in RFC 3339'     | 'created[gt]'  | '2026-10-01T00:00:00Z'
    }

    def "the end of the range is the one given, or the current second when none is"() {
        expect:
        read(['created[gte]': '1790812800', 'created[lt]': '2026-10-08T00:00:00Z']).query().created().lt() == Instant.parse('2026-10-08T00:00:00Z')
        read(['created[gte]': '1790812800', 'created[lte]': '1791417600']).query().created().lte() == Instant.parse('2026-10-08T00:00:00Z')
        read(['created[gte]': '1790812800']).query().created().lte() == Instant.parse('2026-11-01T12:00:00Z')
    }

    def "the filters go into the walk's query, which reads 100 a page"() {
        when:
        BalanceTransactionQuery query = read(['account': 'acct_1DemoConnected', 'created[gte]': '1790812800', currency: 'JPY',
                type: 'payout', payout: 'po_1Abc', source: 'ch_1Abc']).query()

        then:
        query.currency() == Currency.JPY
        query.type() == TransactionType.PAYOUT
        query.payout() == 'po_1Abc'
        query.source() == 'ch_1Abc'
        query.limit() == 100
        !query.expandSource()
    }

    def "a payout alone is enough: its transactions need no range"() {
        expect:
        read([payout: 'po_1Abc']).query().payout() == 'po_1Abc'
    }

    def "the file is named for the account, the payout and the range: #filename"() {
        expect:
        read(parameters).filename() == filename

        where:
        parameters                                                                      || filename
        ['created[gte]': '1790812800', 'created[lt]': '1791417600']                     || 'balance-transactions-platform-20261001T000000Z-20261008T000000Z.csv'
        [account: 'acct_1DemoConnected', 'created[gte]': '1790812800']                  || 'balance-transactions-acct_1DemoConnected-20261001T000000Z-20261101T120000Z.csv'
        [payout: 'po_1Abc']                                                             || 'balance-transactions-platform-po_1Abc.csv'
        [payout: 'po_1Abc', 'created[gt]': '1790812800', 'created[lte]': '1791417600'] || 'balance-transactions-platform-po_1Abc-20261001T000000Z-20261008T000000Z.csv'
    }

    def "#problem is a 400 naming #parameter"() {
        when:
        read(parameters)

        then:
        RejectedRequestException rejected = thrown()
        rejected.status() == HttpStatus.BAD_REQUEST
        rejected.code() == 'BAD_REQUEST'
        rejected.extensions() == [parameter: parameter]
        rejected.message.contains(message)

        where:
        problem                          | parameters                                                      || parameter      | message
        'no start and no payout'         | [:]                                                             || 'created[gte]' | 'needs the start of its range'
        'a date without a time'          | ['created[gte]': '2026-10-01']                                  || 'created[gte]' | 'Unix seconds (1790812800) or an RFC 3339'
        'a time without an offset'       | ['created[gte]': '2026-10-01T00:00:00']                         || 'created[gte]' | "'2026-10-01T00:00:00'"
        'milliseconds'                   | ['created[gte]': '1790812800000000']                            || 'created[gte]' | 'RFC 3339'
        'a negative number'              | ['created[gte]': '-1']                                          || 'created[gte]' | 'Unix seconds'
        'a fraction of a second'         | ['created[gte]': '2026-10-01T00:00:00.5Z']                      || 'created[gte]' | 'whole seconds'
        'a bad end'                      | ['created[gte]': '1790812800', 'created[lt]': 'tomorrow']       || 'created[lt]'  | "'tomorrow'"
        'gt and gte'                     | ['created[gte]': '1790812800', 'created[gt]': '1790812800']     || 'created[gt]'  | 'gt or gte'
        'lt and lte'                     | ['created[gte]': '1790812800', 'created[lt]': '1791417600', 'created[lte]': '1791417600'] || 'created[lt]' | 'lt or lte'
        'an end before the start'        | ['created[gte]': '1791417600', 'created[lt]': '1790812800']     || 'created[gte]' | 'range is empty'
        'a bad account'                  | [account: 'someone', 'created[gte]': '1790812800']              || 'account'      | 'acct_'
        'a bad currency'                 | [currency: 'dollars', 'created[gte]': '1790812800']             || 'currency'     | "'DOLLARS'"
        'a bad type'                     | [type: 'Charge!', 'created[gte]': '1790812800']                 || 'type'         | 'Charge!'
        'a payout id that is no id'      | [payout: 'po_1/../x']                                           || 'payout'       | 'Stripe object id'
        'a source id that is no id'      | [source: 'ch 1', 'created[gte]': '1790812800']                  || 'source'       | 'Stripe object id'
        'an unknown parameter'           | ['created[gte]': '1790812800', 'created[gtee]': '1']            || 'created[gtee]' | 'unknown parameter'
        'a misspelt filter'              | ['created[gte]': '1790812800', currencies: 'usd']               || 'currencies'   | 'the export takes account, created[gte]'
    }

    def "a parameter given twice is a 400 naming it, so that no one exports more than meant"() {
        when:
        ExportRequest.of(['created[gte]': ['1790812800'], currency: ['usd', 'eur']], NOW)

        then:
        RejectedRequestException rejected = thrown()
        rejected.extensions() == [parameter: 'currency']
        rejected.message == 'currency is given 2 times: give it once'
    }

    def "a hostile parameter name is quoted shortened, never whole"() {
        when:
        read([('x' * 500): '1'])

        then:
        RejectedRequestException rejected = thrown()
        rejected.message.length() < 400
        rejected.extensions().parameter.length() < 100
    }
}
