package io.balancegraph.graphql

/** Checks of answers that many specs share. */
class Answers {

    /** The answer refuses the client's input: BAD_USER_INPUT naming the argument and saying why, and Stripe was not asked. */
    static boolean refusedAsBadInput(Map answer, String argument, String explanation, RecordingLedger ledger) {
        assert answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        assert answer.errors[0].extensions.argument == argument
        assert answer.errors[0].message.contains(explanation)
        assert ledger.calls.empty
        true
    }
}
