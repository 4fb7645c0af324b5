package io.balancegraph.graphql

import io.micronaut.context.exceptions.ConfigurationException
import spock.lang.Specification

import java.time.Duration

/** The checks the app runs on the GraphQL and cache settings at start-up: each message names its property. */
class SettingsValidationSpec extends Specification {

    def "the defaults pass"() {
        when:
        new GraphQLSettings().validate()
        new CacheSettings().validate()

        then:
        noExceptionThrown()
    }

    def "#property = #value is refused: #message"() {
        given:
        def settings = new GraphQLSettings()
        settings."set${property.split('-').collect { it.capitalize() }.join()}"(value)

        when:
        settings.validate()

        then:
        ConfigurationException e = thrown()
        e.message == message

        where:
        property                | value || message
        'max-depth'             | 0     || 'balancegraph.graphql.max-depth must be 1 or more, not 0'
        'max-complexity'        | -1    || 'balancegraph.graphql.max-complexity must be 1 or more, not -1'
        'max-aliases'           | -1    || 'balancegraph.graphql.max-aliases must be 0 or more, not -1'
        'max-fields'            | 0     || 'balancegraph.graphql.max-fields must be 1 or more, not 0'
        'max-directives'        | -5    || 'balancegraph.graphql.max-directives must be 0 or more, not -5'
        'max-tokens'            | 0     || 'balancegraph.graphql.max-tokens must be 1 or more, not 0'
        'max-characters'        | 0     || 'balancegraph.graphql.max-characters must be 1 or more, not 0'
        'max-whitespace-tokens' | 0     || 'balancegraph.graphql.max-whitespace-tokens must be 1 or more, not 0'
        'max-rule-depth'        | 0     || 'balancegraph.graphql.max-rule-depth must be 1 or more, not 0'
        'max-upstream-reads'    | 0     || 'balancegraph.graphql.max-upstream-reads must be 1 or more, not 0'
    }

    def "no aliases and no directives at all are legitimate limits"() {
        given:
        def settings = new GraphQLSettings()
        settings.maxAliases = 0
        settings.maxDirectives = 0

        when:
        settings.validate()

        then:
        noExceptionThrown()
    }

    def "a cursor secret of #length characters is #outcome, and never shown"() {
        given:
        def secret = 'k' * length
        def settings = new GraphQLSettings()
        settings.cursorSecret = secret

        when:
        def refusal = null
        try {
            settings.validate()
        } catch (ConfigurationException e) {
            refusal = e.message
        }

        then:
        (refusal == null) == accepted
        refusal == null || refusal.startsWith("balancegraph.graphql.cursor-secret must have at least 32 characters, not $length:")
        refusal == null || !refusal.contains(secret)

        where:
        length || accepted
        0      || true
        5      || false
        31     || false
        32     || true
        outcome = accepted ? 'accepted' : 'refused'
    }

    def "a cache time-to-live of #ttl is #outcome"() {
        given:
        def settings = new CacheSettings()
        settings.ttl = ttl

        when:
        def refusal = null
        try {
            settings.validate()
        } catch (ConfigurationException e) {
            refusal = e.message
        }

        then:
        refusal == expected

        where:
        ttl                      || expected
        Duration.ZERO            || null
        Duration.ofSeconds(30)   || null
        Duration.ofSeconds(-5)   || 'balancegraph.cache.ttl must be 0s (no cache) or more, such as 30s, not PT-5S'
        null                     || 'balancegraph.cache.ttl must be 0s (no cache) or more, such as 30s, not null'
        outcome = expected ? 'refused' : 'accepted'
    }
}
