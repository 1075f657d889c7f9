package io.outdial.app.line;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lines and the FS nodes that carry their gateways, in PostgreSQL. */
@Repository
class LineRepository {

    /** A stored line without its FS nodes. */
    record Row(String id, long poolId, String pool, String gateway, int caps, int maxConcurrency, String callerId,
               boolean enabled, Timestamp evictedUntil) {
    }

    private static final String SELECT = """
            select l.id, l.pool_id, p.name as pool, l.gateway, l.caps, l.max_concurrency, l.caller_id, l.enabled,
                   l.evicted_until
            from lines l join pools p on p.id = l.pool_id""";

    private final JdbcClient jdbc;

    LineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CreateLineRequest line, long poolId) {
        jdbc.sql("""
                        insert into lines (id, pool_id, gateway, caps, max_concurrency, caller_id, enabled)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(line.id(), poolId, line.gateway(), line.caps(), line.maxConcurrency(), line.callerId(),
                        line.enabled() == null || line.enabled())
                .update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql(SELECT + " where l.id = ?").param(id).query(Row.class).optional();
    }

    /** The line, locked until the end of the current transaction. */
    Optional<Row> lock(String id) {
        return jdbc.sql(SELECT + " where l.id = ? for update of l").param(id).query(Row.class).optional();
    }

    List<Row> findAll() {
        return jdbc.sql(SELECT + " order by l.id").query(Row.class).list();
    }

    void update(String id, UpdateLineRequest change, Long poolId) {
        jdbc.sql("""
                        update lines set pool_id = coalesce(:pool, pool_id), gateway = coalesce(:gateway, gateway),
                            caps = coalesce(:caps, caps), max_concurrency = coalesce(:max, max_concurrency),
                            caller_id = coalesce(:callerId, caller_id), enabled = coalesce(:enabled, enabled)
                        where id = :id""")
                .param("pool", poolId).param("gateway", change.gateway()).param("caps", change.caps())
                .param("max", change.maxConcurrency()).param("callerId", change.callerId())
                .param("enabled", change.enabled()).param("id", id)
                .update();
    }

    void delete(String id) {
        jdbc.sql("delete from lines where id = ?").param(id).update();
    }

    List<String> fsNodes(String lineId) {
        return jdbc.sql("select fs_node_id from line_fs_nodes where line_id = ? order by fs_node_id").param(lineId)
                .query(String.class).list();
    }

    /** The FS nodes of every line that lists some, by line id. */
    Map<String, List<String>> allFsNodes() {
        record Pair(String lineId, String fsNodeId) {
        }
        return jdbc.sql("select line_id, fs_node_id from line_fs_nodes order by line_id, fs_node_id")
                .query((rs, n) -> new Pair(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Pair::lineId, TreeMap::new,
                        Collectors.mapping(Pair::fsNodeId, Collectors.toList())));
    }

    void replaceFsNodes(String lineId, List<String> fsNodeIds) {
        jdbc.sql("delete from line_fs_nodes where line_id = ?").param(lineId).update();
        for (String fsNodeId : fsNodeIds) {
            jdbc.sql("insert into line_fs_nodes (line_id, fs_node_id) values (?, ?)").params(lineId, fsNodeId).update();
        }
    }

    /**
     * Of these FS node ids, those that are not nodes of this pool (unknown ones included). Share-locks
     * the nodes found, so none moves to another pool before the current transaction ends.
     */
    List<String> notInPool(List<String> fsNodeIds, long poolId) {
        List<String> inPool = jdbc.sql("select id from fs_nodes where pool_id = ? and id = any(?) for share")
                .params(poolId, fsNodeIds.toArray(String[]::new)).query(String.class).list();
        return fsNodeIds.stream().filter(id -> !inPool.contains(id)).distinct().toList();
    }
}
