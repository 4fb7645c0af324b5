package io.balancegraph.app.webhooks

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.nio.charset.StandardCharsets
import java.time.Instant

/** What Stripe sends: an event's JSON and its Stripe-Signature header, signed as Stripe signs (test side, plain JDK). */
class SignedDelivery {

    static String event(String id, String type, String account = null) {
        def connected = account == null ? '' : /"account":"$account",/
        /{"id":"$id","object":"event",$connected"type":"$type","api_version":"2026-07-29.dahlia","created":1700000000,/ +
                /"livemode":false,"data":{"object":{"id":"ch_1","object":"charge","brand_new_field":[1,2]}}}/
    }

    static String v1(String secret, long timestamp, String body) {
        def mac = Mac.getInstance('HmacSHA256')
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), 'HmacSHA256'))
        mac.update("${timestamp}.".getBytes(StandardCharsets.US_ASCII))
        mac.doFinal(body.getBytes(StandardCharsets.UTF_8)).encodeHex().toString()
    }

    static String header(String secret, Instant at, String body) {
        "t=${at.epochSecond},v1=${v1(secret, at.epochSecond, body)}"
    }
}
