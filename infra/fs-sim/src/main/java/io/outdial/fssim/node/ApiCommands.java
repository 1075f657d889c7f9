package io.outdial.fssim.node;

import io.outdial.fssim.call.CallRunner;
import io.outdial.fssim.call.Carrier;
import io.outdial.fssim.call.HangupCause;
import io.outdial.fssim.events.SessionFigures;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The api commands a node answers, with FreeSWITCH's wording. Runs on the clock thread. */
final class ApiCommands {

    private final String nodeId;
    private final Carrier carrier;
    private final CallRunner runner;
    private final Originator originator;
    private final Supplier<SessionFigures> figures;

    ApiCommands(String nodeId, Carrier carrier, CallRunner runner, Originator originator,
                Supplier<SessionFigures> figures) {
        this.nodeId = nodeId;
        this.carrier = carrier;
        this.runner = runner;
        this.originator = originator;
        this.figures = figures;
    }

    /** Completes with the command's output; originate completes when the call is answered or fails. */
    CompletableFuture<String> run(String command, String args, long receivedAtMs) {
        switch (command.toLowerCase(Locale.ROOT)) {
            case "originate" -> {
                CompletableFuture<String> result = new CompletableFuture<>();
                originator.originate(args, receivedAtMs, result::complete);
                return result;
            }
            case "status" -> {
                return done(figures.get().statusText());
            }
            case "show" -> {
                return done(show(args));
            }
            case "uuid_exists" -> {
                return done(runner.exists(args.trim()) ? "true" : "false");
            }
            case "uuid_kill" -> {
                return done(uuidKill(args));
            }
            case "sofia" -> {
                return done(sofia(args));
            }
            case "hostname" -> {
                return done(nodeId);
            }
            case "version" -> {
                return done("FreeSWITCH Version 1.10.12-release~64bit (-release 64bit)\n");
            }
            default -> {
                return done("-ERR " + command + " Command not found!\n");
            }
        }
    }

    private String show(String args) {
        String what = args.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (what.equals("calls count") || what.equals("channels count")) {
            return "\n" + runner.count() + " total.\n";
        }
        return "-ERR Cannot find command " + args.trim() + "\n";
    }

    private String uuidKill(String args) {
        String[] parts = args.trim().split("\\s+");
        if (parts[0].isEmpty()) {
            return "-USAGE: <uuid> [cause]\n";
        }
        HangupCause cause = HangupCause.parse(parts.length > 1 ? parts[1] : null, HangupCause.NORMAL_CLEARING);
        return runner.kill(parts[0], cause) ? "+OK\n" : "-ERR No such channel!\n";
    }

    private String sofia(String args) {
        String[] parts = args.trim().split("\\s+");
        if (parts.length == 3 && parts[0].equals("status") && parts[1].equals("gateway")) {
            String gw = parts[2];
            if (!carrier.exists(gw)) {
                return "Invalid Gateway!\n";
            }
            boolean up = carrier.isUp(gw);
            return "=================================================================================================\n"
                    + "Name\t" + gw + "\n"
                    + "Profile\texternal\n"
                    + "State\t" + (up ? "REGED" : "FAIL_WAIT") + "\n"
                    + "Status\t" + (up ? "UP" : "DOWN") + "\n"
                    + "CallsOUT\t" + carrier.concurrentCalls().get(gw) + "\n"
                    + "=================================================================================================\n";
        }
        return "-ERR Usage: sofia status gateway <name>\n";
    }

    private static CompletableFuture<String> done(String text) {
        return CompletableFuture.completedFuture(text);
    }
}
