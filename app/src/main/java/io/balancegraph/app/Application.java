package io.balancegraph.app;

import io.balancegraph.app.config.FailFastMicronaut;

/**
 * Starts balancegraph: the GraphQL endpoint over Stripe, or over the demo ledger when no Stripe key is set. A wrong
 * setting stops it before it listens, with exit status 1 and one line naming the key ({@link FailFastMicronaut}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        new FailFastMicronaut().args(args).mainClass(Application.class).banner(false).start();
    }
}
