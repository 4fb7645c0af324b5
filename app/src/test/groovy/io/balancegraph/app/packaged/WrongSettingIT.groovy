package io.balancegraph.app.packaged

import spock.lang.Specification

import java.util.concurrent.TimeUnit

/**
 * The packaged jar, started with one wrong setting, stops with exit status 1 and exactly one line naming the key:
 * no stack trace, no secret, nothing else. Each start is pointed at a port this spec holds open, so the app can
 * never have bound it: had it tried, the port's own "already in use" error would be in the output instead.
 */
class WrongSettingIT extends Specification {

    static final String TOKEN = 'wrong-setting-it-token-0123456789'
    static final String TOKENS_JSON = """{"balancegraph":{"access":{"tokens":[{"token":"$TOKEN","accounts":["platform"]}]}}}"""
    static final String PREFIX = 'balancegraph did not start: '

    def "#setting stops the jar with exit status 1 and one line naming it"() {
        given:
        def occupied = new ServerSocket(0)

        when:
        def run = runJar(occupied.localPort, environment, properties)

        then:
        run.exitStatus == 1
        run.lines == [PREFIX + line]
        !run.output.contains('\tat ')
        secret == null || !run.output.contains(secret)

        cleanup:
        occupied?.close()

        where:
        setting                                | environment                                                                      | properties                                   | secret           || line
        'a malformed STRIPE_API_KEY'           | [STRIPE_API_KEY: 'sk_test_bad-key-123', MICRONAUT_APPLICATION_JSON: TOKENS_JSON] | [:]                                          | 'bad-key-123'    || "stripe.api-key is not a Stripe secret or restricted key: after 'sk_test_' a key has only letters and digits, and this one has others"
        'a short access token'                 | [STRIPE_API_KEY: 'sk_test_51WrongSettingIt0123', MICRONAUT_APPLICATION_JSON: TOKENS_JSON.replace(TOKEN, 'short-token-1')] | [:] | 'short-token-1' || 'balancegraph.access.tokens[0].token is shorter than 16 characters: use a long random value, e.g. from `openssl rand -base64 32`.'
        'a short cursor secret'                | [BALANCEGRAPH_GRAPHQL_CURSOR_SECRET: 'tooShortSecret']                           | [:]                                          | 'tooShortSecret' || 'balancegraph.graphql.cursor-secret must have at least 32 characters, not 14: use a long random value, e.g. from `openssl rand -base64 32`, or leave it unset for a random key per process'
        'a cache TTL that is not a duration'   | [BALANCEGRAPH_CACHE_TTL: 'banana']                                               | [:]                                          | null             || "balancegraph.cache.ttl is 'banana', which is not a duration such as 30s, 500ms or PT30S"
        'a CORS origin with no scheme'         | [BALANCEGRAPH_CORS_ALLOWED_ORIGINS: 'dashboard.example.com']                     | [:]                                          | null             || "balancegraph.cors.allowed-origins: 'dashboard.example.com' is not an origin: write scheme://host[:port] with no path, e.g. https://dashboard.example.com."
        'a depth limit of 0 (system property)' | [:]                                                                              | ['balancegraph.graphql.max-depth': '0']      | null             || 'balancegraph.graphql.max-depth must be 1 or more, not 0'
        'MICRONAUT_APPLICATION_JSON cut short' | [MICRONAUT_APPLICATION_JSON: TOKENS_JSON.substring(0, 60)]                      | [:]                                          | 'wrong-setting'  || "I/O exception occurred reading [application.json] (MICRONAUT_APPLICATION_JSON or an application.json file): Unexpected end-of-input in VALUE_STRING at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 61]"
    }

    /** Runs the jar to its end (it must end: a wrong setting never leaves a server running). */
    private static Map runJar(int port, Map<String, String> environment, Map<String, String> properties) {
        String jar = System.getProperty('balancegraph.jar')
        assert jar && new File(jar).isFile(): "the fat jar is missing: run this after `package` (mvn verify)"
        // A start that fails in its first seconds gains nothing from the optimising compiler: C1 only and the serial
        // collector take about a third off each run on a busy 2-core machine (5.7 s -> 3.6 s measured).
        def command = ['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', "-Dmicronaut.server.port=$port".toString()]
        properties.each { key, value -> command << "-D$key=$value".toString() }
        command += ['-jar', jar]
        def output = File.createTempFile('wrong-setting-it', '.log')
        def builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output)
        builder.environment().keySet().removeIf { it.startsWith('STRIPE_') || it.startsWith('BALANCEGRAPH_') || it.startsWith('MICRONAUT_') }
        builder.environment().putAll(environment)
        def process = builder.start()
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            throw new AssertionError("the jar was still running after 90 s:\n${output.text}")
        }
        def text = output.text
        output.delete()
        [exitStatus: process.exitValue(), output: text, lines: text.readLines().findAll { !it.isBlank() }]
    }
}
