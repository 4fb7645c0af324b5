package io.balancegraph.stripe

import io.balancegraph.domain.account.Account
import io.balancegraph.stripe.fake.FakeStripe

/**
 * A program that reads a balance and forgets to close its ledger; {@link ThreadsSpec} runs it in a JVM of its own.
 * It prints every live thread, then returns from {@code main}: the JVM must exit all the same.
 */
class ForgottenLedger {

    static void main(String[] args) {
        def ledger = StripeLedgers.builder().apiKey(FakeStripe.KEY).baseUrl(args[0]).build()
        def balance = ledger.readBalance(Account.platform()).toCompletableFuture().join()
        println "read the balance: livemode ${balance.livemode()}"
        Thread.allStackTraces.keySet().sort { it.name }.each { println "thread ${it.name} daemon=${it.daemon}" }
        println 'main returns without closing the ledger'
    }
}
