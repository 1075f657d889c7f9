package io.outdial.activities.esl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The commands written on one socket and not yet answered, oldest first. FreeSWITCH answers commands
 * in the order it received them, so each reply belongs to the oldest pending command. Confined to the
 * connection's event loop.
 */
final class PendingCommands {

    private record Pending(CompletableFuture<EslReply> reply, Future<?> timeout) {
    }

    private final Deque<Pending> queue = new ArrayDeque<>();

    void add(CompletableFuture<EslReply> reply, Future<?> timeout) {
        queue.addLast(new Pending(reply, timeout));
    }

    /** Hands {@code reply} to the oldest pending command; false if none was waiting. */
    boolean complete(EslReply reply) {
        Pending head = queue.pollFirst();
        if (head == null) {
            return false;
        }
        head.timeout().cancel(false);
        head.reply().complete(reply);
        return true;
    }

    void failAll(Throwable cause) {
        Pending pending;
        while ((pending = queue.pollFirst()) != null) {
            pending.timeout().cancel(false);
            pending.reply().completeExceptionally(cause);
        }
    }
}
