package io.balancegraph.app

import com.fasterxml.jackson.databind.ObjectMapper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * Real HTTP with nothing added: the JDK client sends exactly the method, headers and bytes a test gives, so specs
 * can send what a careless or hostile client would (no Content-Type, a broken body, an odd Accept).
 */
class RawHttp {

    static final ObjectMapper JSON = new ObjectMapper()

    final URI base
    private final HttpClient client = HttpClient.newHttpClient()

    RawHttp(URL base) {
        this.base = base.toURI()
    }

    Answer post(String path, String body, Map<String, String> headers = ['Content-Type': 'application/json']) {
        send('POST', path, HttpRequest.BodyPublishers.ofString(body), headers)
    }

    Answer get(String path, Map<String, String> query = [:], Map<String, String> headers = [:]) {
        String queryString = query.collect { k, v -> "${enc(k)}=${enc(v)}" }.join('&')
        send('GET', queryString ? "$path?$queryString" : path, HttpRequest.BodyPublishers.noBody(), headers)
    }

    Answer send(String method, String pathAndQuery, HttpRequest.BodyPublisher body, Map<String, String> headers = [:]) {
        def request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).method(method, body)
        headers.each { name, value -> request.header(name, value) }
        def response = client.send(request.build(), HttpResponse.BodyHandlers.ofString())
        new Answer(response.statusCode(), response.headers(), response.body())
    }

    /** Posts a GraphQL query as application/json. */
    Answer graphql(String query, Map<String, String> headers = [:]) {
        post('/graphql', JSON.writeValueAsString([query: query]), ['Content-Type': 'application/json'] + headers)
    }

    private static String enc(String text) {
        URLEncoder.encode(text, 'UTF-8')
    }

    static class Answer {
        final int status
        final java.net.http.HttpHeaders headers
        final String body

        Answer(int status, java.net.http.HttpHeaders headers, String body) {
            this.status = status
            this.headers = headers
            this.body = body
        }

        String header(String name) {
            headers.firstValue(name).orElse(null)
        }

        Map getJson() {
            JSON.readValue(body, Map)
        }

        /** The code of the single error of an error response. */
        String getErrorCode() {
            json.errors*.extensions*.code.with { assert it.size() == 1; it[0] }
        }

        String getErrorMessage() {
            json.errors[0].message
        }

        @Override
        String toString() {
            "$status $body"
        }
    }
}
