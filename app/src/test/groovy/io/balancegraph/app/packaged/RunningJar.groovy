package io.balancegraph.app.packaged

import com.fasterxml.jackson.databind.ObjectMapper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * The fat jar ({@code app/target/balancegraph.jar}) started as a user starts it, in its own JVM on a free port,
 * with the environment given. Its output goes to a file under target/ for when something fails.
 */
class RunningJar implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90)

    final int port
    final File log
    private final Process process
    private static final ObjectMapper JSON = new ObjectMapper()
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    /** Started and healthy; {@code jvmOptions} come before {@code -jar}. */
    RunningJar(String name, Map<String, String> environment, List<String> jvmOptions = []) {
        String jar = System.getProperty('balancegraph.jar')
        assert jar && new File(jar).isFile(): "the fat jar is missing: run this after `package` (mvn verify)"
        port = freePort()
        log = new File(new File(jar).parentFile, "it-${name}.log")
        def builder = new ProcessBuilder(['java', "-Dmicronaut.server.port=$port".toString()] + jvmOptions + ['-jar', jar])
                .redirectErrorStream(true)
                .redirectOutput(log)
        builder.environment().remove('STRIPE_API_KEY')
        builder.environment().remove('STRIPE_BASE_URL')
        builder.environment().putAll(environment)
        process = builder.start()
        awaitHealthy()
    }

    /** POSTs a GraphQL query; answers the status and the parsed JSON body. */
    Map graphql(String query, Map<String, String> headers = [:]) {
        def request = HttpRequest.newBuilder(URI.create("http://localhost:$port/graphql"))
                .header('Content-Type', 'application/json')
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString([query: query])))
        headers.each { k, v -> request.header(k, v) }
        def response = http.send(request.build(), HttpResponse.BodyHandlers.ofString())
        [status: response.statusCode(), json: JSON.readValue(response.body(), Map)]
    }

    /** GETs a path (e.g. {@code /prometheus}); answers the body. */
    String get(String path) {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:$port$path")).build(), HttpResponse.BodyHandlers.ofString()).body()
    }

    String output() {
        log.text
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos()
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with ${process.exitValue()}:\n${output()}")
            }
            try {
                def health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:$port/health")).build(),
                        HttpResponse.BodyHandlers.ofString())
                if (health.statusCode() == 200) {
                    return
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(200)
        }
        throw new IllegalStateException("the app did not become healthy within $START_TIMEOUT:\n${output()}")
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }

    @Override
    void close() {
        process.destroy()
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly()
        }
    }
}
