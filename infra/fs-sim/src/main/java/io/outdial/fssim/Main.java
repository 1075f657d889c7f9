package io.outdial.fssim;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** Runs the simulator alone: {@code java -jar fs-sim.jar --nodes 2 --esl-port 8021 --http-port 8090}. */
public final class Main {

    /** Exit code for unusable arguments. */
    static final int USAGE_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "fs-sim-logback.xml");
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts and blocks until the JVM shuts down; returns an exit code only when it could not start. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        SimConfig config;
        try {
            CliArgs cli = CliArgs.parse(args);
            if (cli.help()) {
                out.println(CliArgs.USAGE);
                return 0;
            }
            config = cli.toConfig();
        } catch (CliArgs.UsageException e) {
            err.println("fs-sim: " + e.getMessage());
            err.println(CliArgs.USAGE);
            return USAGE_ERROR;
        }
        FsSim sim;
        try {
            sim = FsSim.start(config);
        } catch (RuntimeException e) {
            err.println("fs-sim: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "fs-sim-shutdown"));
        stopped.await();
        return 0;
    }
}
