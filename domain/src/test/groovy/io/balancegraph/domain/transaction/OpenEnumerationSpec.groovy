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
        'quantum_settlement'           || false
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
