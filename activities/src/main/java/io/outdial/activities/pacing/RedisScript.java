package io.outdial.activities.pacing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA ({@code EVALSHA}); loaded with {@code SCRIPT LOAD} on first use and
 * again whenever Redis answers {@code NOSCRIPT} (a restart or {@code SCRIPT FLUSH}).
 */
public final class RedisScript {

    private final String source;
    private volatile String sha;

    private RedisScript(String source) {
        this.source = source;
    }

    /** Reads a script from the classpath, relative to this package. */
    public static RedisScript classpath(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no script " + name);
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script; all keys must share one hash tag. */
    public Object run(UnifiedJedis jedis, List<String> keys, List<String> args) {
        String current = sha;
        if (current == null) {
            current = load(jedis, keys);
        }
        try {
            return jedis.evalsha(current, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.evalsha(load(jedis, keys), keys, args);
        }
    }

    private String load(UnifiedJedis jedis, List<String> keys) {
        // the sample key routes SCRIPT LOAD to the keys' node on a cluster
        String loaded = jedis.scriptLoad(source, keys.get(0));
        sha = loaded;
        return loaded;
    }
}
