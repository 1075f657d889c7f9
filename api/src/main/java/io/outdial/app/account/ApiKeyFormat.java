package io.outdial.app.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key, {@code od_<prefix>_<secret>}: a prefix of 8 lowercase letters and digits that
 * finds the key's row, and a secret of at least 32 letters and digits. A generated secret has 40
 * characters drawn from 62 by {@link SecureRandom} (~238 bits), so a fast hash (SHA-256) is enough to
 * store it: nobody can try enough guesses for a slow hash to matter.
 */
final class ApiKeyFormat {

    static final Pattern KEY = Pattern.compile("^od_([a-z0-9]{8})_([A-Za-z0-9]{32,128})$");
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SECRET_LENGTH = 40;

    private ApiKeyFormat() {
    }

    /** A new key. */
    static String generate(SecureRandom random) {
        return "od_" + draw(random, PREFIX_ALPHABET, 8) + "_" + draw(random, SECRET_ALPHABET, SECRET_LENGTH);
    }

    /** The key's prefix, or empty when it is not of the key's shape. */
    static Optional<String> prefixOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The SHA-256 of the whole key, in lowercase hex, as stored. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String draw(SecureRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
