package io.balancegraph.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads request bodies and writes responses with a plain Jackson mapper of its own, so that application-wide
 * Jackson settings (e.g. leaving out nulls) can never change the shape of a GraphQL response, and so that
 * reading is strict: trailing content after the JSON value is an error.
 */
public final class GraphQLJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private GraphQLJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON value in the bytes; a 400 naming where the JSON broke (line and column only) when it is not JSON. */
    public static JsonNode read(byte[] json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw RejectedRequestException.badRequest(what + " is nested too deeply or has a number or string too long.");
        } catch (JsonProcessingException e) {
            throw RejectedRequestException.badRequest(what + " is not valid JSON" + where(e) + ".");
        } catch (IOException e) {
            throw RejectedRequestException.badRequest(what + " is not valid JSON.");
        }
    }

    public static Object toJava(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
