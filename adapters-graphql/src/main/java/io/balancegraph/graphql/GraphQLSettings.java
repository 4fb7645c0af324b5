package io.balancegraph.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * The limits and switches of the GraphQL endpoint, under {@code balancegraph.graphql}. Every one has a default
 * that suits a public endpoint; {@code new GraphQLSettings()} gives them all, for tests and embedders.
 * {@link #validate()} checks the values (the app calls it at start-up).
 */
@ConfigurationProperties(GraphQLSettings.PREFIX)
public class GraphQLSettings {

    public static final String PREFIX = "balancegraph.graphql";
    /** The shortest {@code cursor-secret} accepted: 32 characters. */
    public static final int MIN_CURSOR_SECRET_LENGTH = 32;

    private boolean introspection = true;
    private int maxDepth = 15;
    private int maxComplexity = 10_000;
    private int maxAliases = 30;
    private int maxFields = 500;
    private int maxDirectives = 50;
    private int maxTokens = 5_000;
    private int maxCharacters = 100_000;
    private int maxWhitespaceTokens = 20_000;
    private int maxRuleDepth = 150;
    private int maxUpstreamReads = 6;
    private int maxSummaries = 2;
    private String cursorSecret;

    /**
     * Checks every value: a limit below its least useful value would refuse every request (0 aliases or
     * directives is a legitimate "none at all"), and a short cursor secret would make cursors forgeable.
     *
     * @throws ConfigurationException naming the first wrong property; never showing the cursor secret
     */
    public void validate() {
        atLeast(1, maxDepth, "max-depth");
        atLeast(1, maxComplexity, "max-complexity");
        atLeast(0, maxAliases, "max-aliases");
        atLeast(1, maxFields, "max-fields");
        atLeast(0, maxDirectives, "max-directives");
        atLeast(1, maxTokens, "max-tokens");
        atLeast(1, maxCharacters, "max-characters");
        atLeast(1, maxWhitespaceTokens, "max-whitespace-tokens");
        atLeast(1, maxRuleDepth, "max-rule-depth");
        atLeast(1, maxUpstreamReads, "max-upstream-reads");
        atLeast(1, maxSummaries, "max-summaries");
        if (cursorSecret != null && !cursorSecret.isEmpty() && cursorSecret.length() < MIN_CURSOR_SECRET_LENGTH) {
            throw new ConfigurationException(PREFIX + ".cursor-secret must have at least " + MIN_CURSOR_SECRET_LENGTH
                    + " characters, not " + cursorSecret.length() + ": use a long random value, e.g. from "
                    + "`openssl rand -base64 32`, or leave it unset for a random key per process");
        }
    }

    private static void atLeast(int least, int value, String property) {
        if (value < least) {
            throw new ConfigurationException(PREFIX + "." + property + " must be " + least + " or more, not " + value);
        }
    }

    /**
     * The most distinct upstream (Stripe) reads one request may make. Fields asking for the same data share a
     * read and count once (the dashboard query needs 2); reads past the limit fail with
     * {@code TOO_MANY_UPSTREAM_READS}, so aliases cannot turn one request into dozens of Stripe calls.
     */
    public int getMaxUpstreamReads() {
        return maxUpstreamReads;
    }

    public void setMaxUpstreamReads(int maxUpstreamReads) {
        this.maxUpstreamReads = maxUpstreamReads;
    }

    /**
     * The most distinct summaries ({@code activity}, {@code payout}) one request may ask for, each a walk over many pages; each also
     * counts as one read against {@link #getMaxUpstreamReads()}. Past it, the field fails with
     * TOO_MANY_UPSTREAM_READS. Default 2.
     */
    public int getMaxSummaries() {
        return maxSummaries;
    }

    public void setMaxSummaries(int maxSummaries) {
        this.maxSummaries = maxSummaries;
    }

    /** Whether {@code __schema} and {@code __type} answer (GraphiQL needs them); {@code __typename} always does. */
    public boolean isIntrospection() {
        return introspection;
    }

    public void setIntrospection(boolean introspection) {
        this.introspection = introspection;
    }

    /**
     * The deepest field nesting an operation may have. The schema's own types nest at most 7 deep; GraphiQL's
     * introspection query nests 13.
     */
    public int getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** The most an operation may cost: a field costs 1 plus its children, a connection its page size times them. */
    public int getMaxComplexity() {
        return maxComplexity;
    }

    public void setMaxComplexity(int maxComplexity) {
        this.maxComplexity = maxComplexity;
    }

    /** The most aliases a document may use, counting fragments wherever they are spread. */
    public int getMaxAliases() {
        return maxAliases;
    }

    public void setMaxAliases(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    /** The most fields a document may select, counting fragments wherever they are spread. */
    public int getMaxFields() {
        return maxFields;
    }

    public void setMaxFields(int maxFields) {
        this.maxFields = maxFields;
    }

    /** The most directives a document may use, counting fragments wherever they are spread. */
    public int getMaxDirectives() {
        return maxDirectives;
    }

    public void setMaxDirectives(int maxDirectives) {
        this.maxDirectives = maxDirectives;
    }

    /** The parser gives up after this many tokens. */
    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    /** The parser gives up after this many characters. */
    public int getMaxCharacters() {
        return maxCharacters;
    }

    public void setMaxCharacters(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** The parser gives up after this many whitespace tokens. */
    public int getMaxWhitespaceTokens() {
        return maxWhitespaceTokens;
    }

    public void setMaxWhitespaceTokens(int maxWhitespaceTokens) {
        this.maxWhitespaceTokens = maxWhitespaceTokens;
    }

    /** The parser gives up when its grammar rules nest deeper than this (deeply nested selections or values). */
    public int getMaxRuleDepth() {
        return maxRuleDepth;
    }

    public void setMaxRuleDepth(int maxRuleDepth) {
        this.maxRuleDepth = maxRuleDepth;
    }

    /**
     * The key cursors are signed with, at least {@value #MIN_CURSOR_SECRET_LENGTH} characters; unset, a random key per process (cursors then
     * stop working after a restart and across replicas).
     */
    public String getCursorSecret() {
        return cursorSecret;
    }

    public void setCursorSecret(String cursorSecret) {
        this.cursorSecret = cursorSecret;
    }
}
