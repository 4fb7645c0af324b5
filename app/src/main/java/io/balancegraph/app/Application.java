package io.balancegraph.app;

import io.micronaut.runtime.Micronaut;

/** Starts balancegraph: the GraphQL endpoint over Stripe, or over the demo ledger when no Stripe key is set. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
