package io.balancegraph.graphql.paging

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.Position
import io.balancegraph.domain.transaction.TransactionType
import io.balancegraph.graphql.error.BadUserInput
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Instant

/** Cursors are opaque, signed, and valid only for the account and filter they were issued for. */
class TransactionCursorsSpec extends Specification {

    static final String SECRET = 'a-secret-of-at-least-thirty-two-characters'

    def cursors = TransactionCursors.withSecret(SECRET)
    def listing = BalanceTransactionQuery.builder().currency(Currency.USD).build()
    def scope = cursors.scope(Account.platform(), listing)

    def "a cursor gives back the transaction id it was made from"() {
        when:
        def cursor = cursors.encode('txn_1MiN3gLkdIwHu7ix', scope)

        then:
        cursor ==~ /[A-Za-z0-9_-]+/
        cursors.decode(cursor, scope, 'after') == 'txn_1MiN3gLkdIwHu7ix'
    }

    @Unroll
    def "every change of a single character of a cursor for #id is detected, even in the spare bits of the last one"() {
        given:
        def cursor = cursors.encode(id, scope)
        def alphabet = ('A'..'Z') + ('a'..'z') + ('0'..'9') + ['-', '_']

        expect:
        (0..<cursor.length()).every { i ->
            alphabet.findAll { it != cursor[i] }.every { replacement ->
                refused { cursors.decode(cursor.substring(0, i) + replacement + cursor.substring(i + 1), scope, 'after') }
            }
        }

        where: 'ids of three lengths, so the encoding ends with 0, 2 or 4 spare bits'
        id << ['txn_1', 'txn_12', 'txn_123']
    }

    @Unroll
    def "the scope changes with #what but not with #unchanged"() {
        expect:
        cursors.scope(account, query) != scope
        cursors.scope(Account.platform(), sameListing) == scope

        where:
        what               | account                           | query                                                                              | unchanged      | sameListing
        'the account'      | Account.connected('acct_1Other')  | BalanceTransactionQuery.builder().currency(Currency.USD).build()                   | 'the size'     | BalanceTransactionQuery.builder().currency(Currency.USD).limit(50).build()
        'the currency'     | Account.platform()                | BalanceTransactionQuery.builder().currency(Currency.EUR).build()                   | 'the position' | BalanceTransactionQuery.builder().currency(Currency.USD).build().withPosition(Position.after('txn_1'))
        'the type'         | Account.platform()                | BalanceTransactionQuery.builder().currency(Currency.USD).type(TransactionType.PAYOUT).build() | 'expansion' | BalanceTransactionQuery.builder().currency(Currency.USD).expandSource(true).build()
        'the payout'       | Account.platform()                | BalanceTransactionQuery.builder().currency(Currency.USD).payout('po_1').build()    | 'the size'     | BalanceTransactionQuery.builder().currency(Currency.USD).limit(1).build()
        'the source'       | Account.platform()                | BalanceTransactionQuery.builder().currency(Currency.USD).source('ch_1').build()    | 'the size'     | BalanceTransactionQuery.builder().currency(Currency.USD).limit(1).build()
        'the created range'| Account.platform()                | BalanceTransactionQuery.builder().currency(Currency.USD).created(new CreatedFilter(null, Instant.EPOCH, null, null)).build() | 'the size' | BalanceTransactionQuery.builder().currency(Currency.USD).limit(1).build()
        'no filter'        | Account.platform()                | BalanceTransactionQuery.firstPage()                                                | 'the size'     | BalanceTransactionQuery.builder().currency(Currency.USD).limit(1).build()
    }

    def "a cursor of another scope is refused as another listing's"() {
        given:
        def cursor = cursors.encode('txn_1', cursors.scope(Account.connected('acct_1Other'), listing))

        when:
        cursors.decode(cursor, scope, 'before')

        then:
        def e = thrown(BadUserInput)
        e.argument() == 'before'
        e.message.contains('cursor of another listing')
    }

    def "a cursor signed with another secret is refused"() {
        given:
        def other = TransactionCursors.withSecret('b' * 32)

        expect:
        refused { cursors.decode(other.encode('txn_1', other.scope(Account.platform(), listing)), scope, 'after') }
        refused { cursors.decode(TransactionCursors.withRandomSecret().encode('txn_1', scope), scope, 'after') }
    }

    private static boolean refused(Closure decode) {
        try {
            decode()
            false
        } catch (BadUserInput e) {
            e.message.contains('not a cursor this server issued')
        }
    }
}
