package io.balancegraph.domain.transaction

import spock.lang.Specification

class OpenEnumerationSpec extends Specification {

    def "a transaction type Stripe added after us is kept, not rejected: #value"() {
        when:
        def type = TransactionType.of(value)

        then:
        type.value() == value
        type.isKnown() == known

        where:
        value                          || known
        'charge'                       || true
        'payout_minimum_balance_hold'  || true
        'reserve_hold'                 || true
        'fee_credit_funding'           || true
        'tax_fund'                     || true
        'obligation_payout'            || true
        'quantum_settlement'           || false
    }

    def "the obligation types Stripe no longer lists are known as legacy: #value"() {
        expect:
        TransactionType.of(value).isKnown()
        TransactionType.of(value).isLegacy() == legacy

        where:
        value                          || legacy
        'obligation_inbound'           || true
        'obligation_payout'            || true
        'obligation_payout_failure'    || true
        'obligation_reversal_outbound' || true
        'obligation_outbound'          || false
        'obligation_reversal_inbound'  || false
        'tax_fund'                     || false
    }

    def "a status Stripe added after us is kept: #value"() {
        expect:
        TransactionStatus.of(value).isKnown() == known

        where:
        value       || known
        'available' || true
        'pending'   || true
        'frozen'    || false
    }

    def "text that cannot be an enumeration value is refused: '#value'"() {
        when:
        TransactionType.of(value)

        then:
        thrown(IllegalArgumentException)

        where:
        value << ['', 'Charge', 'charge; drop', 'a' * 101]
    }

    def "a source's object type is read from its id prefix: #id"() {
        expect:
        TransactionSource.ofId(id).object() == object

        where:
        id              || object
        'ch_123'        || 'charge'
        'py_123'        || 'charge'
        're_123'        || 'refund'
        'po_123'        || 'payout'
        'tr_123'        || 'transfer'
        'iauth_123'     || 'issuing.authorization'
        'zz_123'        || null
        'noprefix'      || null
    }
}
