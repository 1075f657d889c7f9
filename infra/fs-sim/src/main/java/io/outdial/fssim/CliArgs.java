package io.outdial.fssim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line options of {@link Main}. Flags override the config file, which overrides the defaults
 * (2 nodes, ESL ports from 8021, observer on 8090, password ClueCon).
 */
record CliArgs(Integer nodes, Integer eslPort, Integer httpPort, Path configFile, String password, Long seed,
               boolean help) {

    static final String USAGE = """
            usage: java -jar fs-sim.jar [--nodes N] [--esl-port P] [--http-port H] [--config FILE]
                                        [--password PW] [--seed S]
              --nodes N      number of FreeSWITCH nodes fs1..fsN (default 2)
              --esl-port P   ESL port of fs1; fsK listens on P+K-1 (default 8021, 0 = ephemeral)
              --http-port H  observer API port (default 8090, 0 = ephemeral)
              --config FILE  JSON config (see README.md); flags override it
              --password PW  ESL password (default ClueCon)
              --seed S       seed of random outcomes and timings""";

    /** Thrown for unusable arguments; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static CliArgs parse(String[] args) throws UsageException {
        Integer nodes = null;
        Integer eslPort = null;
        Integer httpPort = null;
        Path config = null;
        String password = null;
        Long seed = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return new CliArgs(null, null, null, null, null, null, true);
            }
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument '" + flag + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--nodes" -> nodes = intIn(flag, value, 1, 1000);
                case "--esl-port" -> eslPort = intIn(flag, value, 0, 65535);
                case "--http-port" -> httpPort = intIn(flag, value, 0, 65535);
                case "--config" -> config = Path.of(value);
                case "--password" -> password = value;
                case "--seed" -> seed = longValue(flag, value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        return new CliArgs(nodes, eslPort, httpPort, config, password, seed, false);
    }

    SimConfig toConfig() throws UsageException {
        SimConfig base = SimConfig.defaults().withEslBasePort(8021).withHttpPort(8090);
        if (configFile != null) {
            if (!Files.isReadable(configFile)) {
                throw new UsageException("cannot read config file " + configFile);
            }
            try {
                base = new ConfigFile().read(configFile);
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException("invalid config file " + configFile + ": " + e.getMessage());
            }
        }
        try {
            if (nodes != null) {
                base = base.withNodes(nodes);
            }
            if (eslPort != null) {
                base = base.withEslBasePort(eslPort);
            }
            if (httpPort != null) {
                base = base.withHttpPort(httpPort);
            }
            if (password != null) {
                base = base.withPassword(password);
            }
            if (seed != null) {
                base = base.withSeed(seed);
            }
            return base;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int intIn(String flag, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException(flag + " must be between " + min + " and " + max + ", got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static long longValue(String flag, String value) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " needs a whole number, got '" + value + "'");
        }
    }
}
