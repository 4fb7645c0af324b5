package io.balancegraph.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The limits and switches of the GraphQL endpoint, under {@code balancegraph.graphql}. Every one has a default
 * that suits a public endpoint; {@code new GraphQLSettings()} gives them all, for tests and embedders.
 */
@ConfigurationProperties("balancegraph.graphql")
public class GraphQLSettings {

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
    private String cursorSecret;

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
     * The key cursors are signed with, at least 32 characters; unset, a random key per process (cursors then
     * stop working after a restart and across replicas).
     */
    public String getCursorSecret() {
        return cursorSecret;
    }

    public void setCursorSecret(String cursorSecret) {
        this.cursorSecret = cursorSecret;
    }
}
