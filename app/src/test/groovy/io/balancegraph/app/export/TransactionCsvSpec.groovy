package io.balancegraph.app.export

import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.transaction.TransactionSource
import spock.lang.Specification

import java.nio.charset.StandardCharsets

import static io.balancegraph.app.export.Transactions.aCharge

class TransactionCsvSpec extends Specification {

    def "the header names every column the issue asks for, in order, and ends with CRLF"() {
        expect:
        TransactionCsv.HEADER == 'id,created,available_on,type,reporting_category,status,currency,amount,fee,net,' +
                'amount_minor_units,fee_minor_units,net_minor_units,exchange_rate,description,source,source_type\r\n'
    }

    def "a charge is one row: RFC 3339 UTC times, exact major units, then minor units, CRLF"() {
        expect:
        TransactionCsv.row(aCharge()) == 'txn_1Export,2026-10-30T04:03:47Z,2026-11-02T00:00:00Z,charge,charge,available,' +
                'USD,12.30,0.66,11.64,1230,66,1164,,Order 1001,ch_1Export,charge\r\n'
    }

    def "#currency amounts of #amount minor units are written as #major (net #net), never rounded"() {
        when:
        def fields = TransactionCsv.row(aCharge(currency: currency, amount: amount, fee: fee)).split(',', -1)

        then:
        fields[6] == currency.code()
        fields[7..9] == [major, feeMajor, net]
        fields[10..12] == [amount, fee, amount - fee]*.toString()

        where:
        currency     | amount         | fee || major                  | feeMajor | net
        Currency.USD | 1230           | 66  || '12.30'                | '0.66'   | '11.64'
        Currency.JPY | 1500           | 0   || '1500'                 | '0'      | '1500'
        Currency.KWD | 1234           | 5   || '1.234'                | '0.005'  | '1.229'
        Currency.USD | -2500          | 0   || '-25.00'               | '0.00'   | '-25.00'
        Currency.USD | -5             | 30  || '-0.05'                | '0.30'   | '-0.35'
        Currency.KWD | -1             | 0   || '-0.001'               | '0.000'  | '-0.001'
        Currency.USD | Long.MAX_VALUE | 0   || '92233720368547758.07' | '0.00'   | '92233720368547758.07'
    }

    def "a description #description is written as #written"() {
        expect:
        TransactionCsv.row(aCharge(description: description)).split(',', 15)[14] == "$written,ch_1Export,charge\r\n"

        where:
        description                     || written
        null                            || ''
        ''                              || ''
        'Order 1001'                    || 'Order 1001'
        'Order 1001, 2 items'           || '"Order 1001, 2 items"'
        'The "big" order'               || '"The ""big"" order"'
        'line one\nline two'            || '"line one\nline two"'
        'line one\r\nline two'          || '"line one\r\nline two"'
        'Café ünïcödé 注文'              || 'Café ünïcödé 注文'
        '=HYPERLINK("http://x","y")'    || '"\'=HYPERLINK(""http://x"",""y"")"'
        '+1 555 0100'                   || "'+1 555 0100"
        '-refund'                       || "'-refund"
        '@SUM(A1)'                      || "'@SUM(A1)"
        '\tTabbed'                      || "'\tTabbed"
        '\r=x'                          || '"\'\r=x"'
        'x=1+2'                         || 'x=1+2'
    }

    def "the guard protects every text column, also the open ones Stripe may fill with anything"() {
        when:
        def row = TransactionCsv.row(aCharge(reportingCategory: '=cmd|x', id: '-txn', source: TransactionSource.ofId('+ch_1')))

        then:
        row.startsWith("'-txn,")
        row.contains(",'=cmd|x,available,")
        row.endsWith(",'+ch_1,\r\n")
    }

    def "amounts stay numbers: a negative amount is not guarded"() {
        expect:
        TransactionCsv.row(aCharge(amount: -1230, fee: 0)).contains(',-12.30,0.00,-12.30,-1230,0,-1230,')
    }

    def "without a source the source columns are empty; an exchange rate is written as its exact decimal"() {
        expect:
        TransactionCsv.row(aCharge(source: null, exchangeRate: new BigDecimal('1.0873100'))).endsWith(',1.0873100,Order 1001,,\r\n')
    }

    def "a source's type comes from its id"() {
        expect:
        TransactionCsv.row(aCharge(source: TransactionSource.ofId(id))).endsWith(",$id,$object\r\n")

        where:
        id            || object
        'ch_1Export'  || 'charge'
        're_1Export'  || 'refund'
        'po_1Export'  || 'payout'
    }

    def "a chunk is the header (when asked) and then its page's rows, in UTF-8"() {
        given:
        def page = [aCharge(id: 'txn_1', description: 'Café'), aCharge(id: 'txn_2')]

        expect:
        new String(TransactionCsv.chunk(true, page), StandardCharsets.UTF_8) ==
                TransactionCsv.HEADER + TransactionCsv.row(page[0]) + TransactionCsv.row(page[1])
        new String(TransactionCsv.chunk(false, page), StandardCharsets.UTF_8) == TransactionCsv.row(page[0]) + TransactionCsv.row(page[1])
        TransactionCsv.chunk(true, []) == TransactionCsv.HEADER.bytes
    }
}
