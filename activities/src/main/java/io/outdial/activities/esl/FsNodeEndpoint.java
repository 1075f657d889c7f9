package io.outdial.activities.esl;

import java.util.Objects;

/**
 * Where one FreeSWITCH node's event socket listens.
 *
 * @param id       the FS node id, as used in {@link Dial#fsNodeId()}
 * @param host     host name or address
 * @param port     event socket port (8021 on a stock FreeSWITCH)
 * @param password the event socket password; never logged
 */
public record FsNodeEndpoint(String id, String host, int port, String password) {

    public FsNodeEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port: out of range: " + port);
        }
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("password: must not contain CR or LF");
        }
    }

    @Override
    public String toString() {
        return "FsNodeEndpoint[id=" + id + ", host=" + host + ", port=" + port + ", password=***]";
    }
}
