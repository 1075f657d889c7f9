package io.outdial.app.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a call search, in ascending task id order.
 *
 * @param items      the calls of this page
 * @param nextCursor pass it as {@code cursor} to read the next page; {@code null} on the last page
 */
@Schema(description = "One page of a call search")
public record CallPage(List<CallSummary> items,
                       @Schema(description = "Opaque; null on the last page") String nextCursor) {
}
