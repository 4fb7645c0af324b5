package io.balancegraph.graphql

import io.balancegraph.domain.demo.DemoLedger
import spock.lang.Specification
import spock.lang.Unroll

/** Every field that reads an account checks the request's grant first; a refusal costs Stripe nothing. */
class AccessControlSpec extends Specification {

    static final String CONNECTED = DemoLedger.CONNECTED_ACCOUNT

    def ledger = new RecordingLedger()
    def graph = new Graph(ledger)

    @Unroll
    def "#field of #account with #grantName is FORBIDDEN and asks Stripe nothing"() {
        when:
        def answer = graph.run("{ $field }", [:], grant)

        then:
        answer.data == [((field =~ /^\w+/)[0]): null]
        answer.errors*.extensions*.code == ['FORBIDDEN']
        answer.errors[0].message.contains("may not read account '$account'")
        ledger.calls.empty

        where:
        [field, account, grant, grantName] << [
                [["balance(account: \"$CONNECTED\") { livemode }", CONNECTED],
                 ["currencies(account: \"$CONNECTED\") { code }", CONNECTED],
                 ["balanceTransactions(account: \"$CONNECTED\") { nodes { id } }", CONNECTED],
                 ["balanceTransaction(id: \"txn_demoC00001\", account: \"$CONNECTED\") { id }", CONNECTED],
                 ['balance { livemode }', 'platform'],
                 ['balanceTransactions(first: 1) { nodes { id } }', 'platform']],
                [[AccessGrant.NONE, 'no grant'], [null, 'no grant stored (fails closed)'], [new AccessGrant(['acct_1Other'] as Set), 'a grant for another account']]
        ].combinations().collect { fieldAndAccount, grantAndName -> fieldAndAccount + grantAndName }
    }

    def "a grant for the account lets every field read it"() {
        when:
        def answer = graph.run("""{ balance(account: "$CONNECTED") { livemode } currencies(account: "$CONNECTED") { code }
                                   balanceTransactions(account: "$CONNECTED", first: 1) { nodes { id } } }""", [:], new AccessGrant([CONNECTED] as Set))

        then:
        answer.errors == null
        answer.data.currencies*.code == ['GBP', 'USD']
    }

    def "fields the grant allows answer next to the ones it does not"() {
        when:
        def answer = graph.run("""{ mine: balance { livemode } theirs: balance(account: "$CONNECTED") { livemode } }""", [:],
                new AccessGrant(['platform'] as Set))

        then:
        answer.data == [mine: [livemode: false], theirs: null]
        answer.errors*.path == [['theirs']]
        answer.errors*.extensions*.code == ['FORBIDDEN']
        ledger.calls.size() == 1
    }

    @Unroll
    def "an account argument #account is bad input, not a Stripe call"() {
        when:
        def answer = graph.run("{ balance(account: \"$account\") { livemode } }")

        then:
        answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        answer.errors[0].extensions.argument == 'account'
        ledger.calls.empty

        where:
        account << ['acct_', 'cus_123', 'acct_1/../../v1/charges', 'Platform', 'x' * 300]
    }
}
