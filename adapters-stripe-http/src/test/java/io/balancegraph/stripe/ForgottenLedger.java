package io.balancegraph.stripe;

import io.balancegraph.domain.account.Account;

import java.util.Comparator;

/**
 * A program that reads a balance and forgets to close its ledger; {@code ThreadsSpec} runs it in a JVM of its own.
 * It prints every live thread, then returns from {@code main}: the JVM must exit all the same. Plain Java, so that
 * its JVM starts quickly.
 *
 * <p>Arguments: the fake Stripe's base URL and a test key.
 */
public final class ForgottenLedger {

    private ForgottenLedger() {
    }

    public static void main(String[] args) {
        StripeBalanceLedger ledger = StripeLedgers.builder().apiKey(args[1]).baseUrl(args[0]).build();
        boolean livemode = ledger.readBalance(Account.platform()).toCompletableFuture().join().livemode();
        System.out.println("read the balance: livemode " + livemode);
        Thread.getAllStackTraces().keySet().stream().sorted(Comparator.comparing(Thread::getName))
                .forEach(thread -> System.out.println("thread " + thread.getName() + " daemon=" + thread.isDaemon()));
        System.out.println("main returns without closing the ledger");
    }
}
