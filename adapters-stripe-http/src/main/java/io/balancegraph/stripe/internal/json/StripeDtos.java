package io.balancegraph.stripe.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Stripe's JSON as it arrives, field for field (snake_case on the wire). Only what the domain uses is declared;
 * everything else is ignored. Every field is nullable here: {@link StripeJson} decides what a missing one means.
 * Numbers of money are {@code Long} (exact, 64-bit) and rates {@code BigDecimal}.
 */
final class StripeDtos {

    private StripeDtos() {
    }

    record BalanceDto(
            String object,
            List<AmountDto> available,
            List<AmountDto> pending,
            List<AmountDto> connectReserved,
            List<AmountDto> instantAvailable,
            IssuingDto issuing,
            DetailDto refundAndDisputePrefunding,
            Boolean livemode) {
    }

    record AmountDto(Long amount, String currency, Map<String, Long> sourceTypes, List<NetAvailableDto> netAvailable) {
    }

    record NetAvailableDto(Long amount, String destination, Map<String, Long> sourceTypes) {
    }

    /** Stripe's {@code balance_detail_ungated}: {@code refund_and_dispute_prefunding}. */
    record DetailDto(List<AmountDto> available, List<AmountDto> pending) {
    }

    /** Stripe's {@code balance_detail}: {@code issuing}, which has available funds only. */
    record IssuingDto(List<AmountDto> available) {
    }

    record ListDto(String object, List<TransactionDto> data, Boolean hasMore, String url) {
    }

    record TransactionDto(
            String id,
            String object,
            Long amount,
            Long availableOn,
            String balanceType,
            Long created,
            String currency,
            String description,
            BigDecimal exchangeRate,
            Long fee,
            List<FeeDto> feeDetails,
            Long net,
            String reportingCategory,
            /* an id, or the expanded object */
            JsonNode source,
            String status,
            String type) {
    }

    record FeeDto(Long amount, String application, String currency, String description, String type) {
    }
}
