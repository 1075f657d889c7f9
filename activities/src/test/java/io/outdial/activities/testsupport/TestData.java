package io.outdial.activities.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds PostgreSQL with tenants, pools, FS nodes, lines, campaigns and tasks.
 *
 * <pre>{@code
 * TestData.Seeded seeded = data.campaign()
 *         .fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100)
 *         .caps(10).maxConcurrency(20)
 *         .create();
 * List<Long> taskIds = data.tasks(seeded.campaignId(), 5);
 * }</pre>
 */
public final class TestData {

    private final AtomicInteger names = new AtomicInteger();
    private final String prefix = UUID.randomUUID().toString().substring(0, 8);
    private final JdbcClient jdbc;

    public TestData(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** What {@link CampaignBuilder#create()} made. */
    public record Seeded(long tenantId, long poolId, long campaignId, List<String> fsNodes, List<String> lines) {
    }

    public long tenant(String name) {
        return jdbc.sql("insert into tenants (name) values (?) returning id").param(name).query(Long.class).single();
    }

    /** A pool of the tenant; {@code tenantId} null makes a shared pool. */
    public long pool(String name, Long tenantId) {
        return jdbc.sql("insert into pools (name, tenant_id) values (?, ?) returning id")
                .params(name, tenantId).query(Long.class).single();
    }

    public void fsNode(long poolId, String id, int caps, int maxSessions) {
        jdbc.sql("""
                        insert into fs_nodes (id, pool_id, esl_host, esl_port, esl_password, max_sessions, caps)
                        values (?, ?, '127.0.0.1', 8021, 'ClueCon', ?, ?)""")
                .params(id, poolId, maxSessions, caps).update();
    }

    public void line(long poolId, String id, String gateway, int caps, int maxConcurrency) {
        jdbc.sql("insert into lines (id, pool_id, gateway, caps, max_concurrency) values (?, ?, ?, ?, ?)")
                .params(id, poolId, gateway, caps, maxConcurrency).update();
    }

    /** Enables or disables an FS node. */
    public void fsNodeEnabled(String id, boolean enabled) {
        jdbc.sql("update fs_nodes set enabled = ? where id = ?").params(enabled, id).update();
    }

    /** Enables or disables a line. */
    public void lineEnabled(String id, boolean enabled) {
        jdbc.sql("update lines set enabled = ? where id = ?").params(enabled, id).update();
    }

    /** Evicts an FS node until the instant (null re-admits it). */
    public void evictFsNode(String id, Instant until) {
        jdbc.sql("update fs_nodes set evicted_until = ? where id = ?").params(timestamp(until), id).update();
    }

    /** Evicts a line until the instant (null re-admits it). */
    public void evictLine(String id, Instant until) {
        jdbc.sql("update lines set evicted_until = ? where id = ?").params(timestamp(until), id).update();
    }

    /** Says the line's gateway is carried by these FS nodes only. */
    public void lineOnNodes(String lineId, String... fsNodeIds) {
        for (String node : fsNodeIds) {
            jdbc.sql("insert into line_fs_nodes (line_id, fs_node_id) values (?, ?)").params(lineId, node).update();
        }
    }

    /** Sets a campaign's fair-share weight and selection strategy. */
    public void campaignSelection(long campaignId, int weight, String strategy) {
        jdbc.sql("update campaigns set weight = ?, strategy = ? where id = ?").params(weight, strategy, campaignId)
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public long campaign(long tenantId, long poolId, int caps, int maxConcurrency, int ringTimeoutSeconds) {
        return jdbc.sql("""
                        insert into campaigns (tenant_id, pool_id, name, status, caps, max_concurrency,
                                               ring_timeout_seconds)
                        values (?, ?, ?, 'RUNNING', ?, ?, ?) returning id""")
                .params(tenantId, poolId, "campaign-" + prefix + "-" + names.incrementAndGet(), caps, maxConcurrency,
                        ringTimeoutSeconds)
                .query(Long.class).single();
    }

    /** One QUEUED task calling {@code number}. */
    public long task(long campaignId, String number) {
        return jdbc.sql("insert into call_tasks (campaign_id, phone_number) values (?, ?) returning id")
                .params(campaignId, number).query(Long.class).single();
    }

    /** {@code count} QUEUED tasks with distinct numbers, in id order. */
    public List<Long> tasks(long campaignId, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(task(campaignId, String.format("+1555%07d", names.incrementAndGet())));
        }
        return ids;
    }

    /** A task's status column. */
    public String taskStatus(long taskId) {
        return jdbc.sql("select status from call_tasks where id = ?").param(taskId).query(String.class).single();
    }

    /** Starts building a tenant, a pool with its nodes and lines, and a RUNNING campaign in it. */
    public CampaignBuilder campaign() {
        return new CampaignBuilder();
    }

    /** Builds a tenant, its pool, the pool's FS nodes and lines, and a campaign. */
    public final class CampaignBuilder {
        private record Node(String id, int caps, int maxSessions) {
        }

        private record Line(String id, String gateway, int caps, int maxConcurrency) {
        }

        private final List<Node> nodes = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private int caps = 10;
        private int maxConcurrency = 100;
        private int ringTimeoutSeconds = 30;

        private CampaignBuilder() {
        }

        public CampaignBuilder fsNode(String id, int caps, int maxSessions) {
            nodes.add(new Node(id, caps, maxSessions));
            return this;
        }

        public CampaignBuilder line(String id, String gateway, int caps, int maxConcurrency) {
            lines.add(new Line(id, gateway, caps, maxConcurrency));
            return this;
        }

        public CampaignBuilder caps(int caps) {
            this.caps = caps;
            return this;
        }

        public CampaignBuilder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public CampaignBuilder ringTimeoutSeconds(int seconds) {
            this.ringTimeoutSeconds = seconds;
            return this;
        }

        public Seeded create() {
            String n = prefix + "-" + names.incrementAndGet();
            long tenantId = tenant("tenant-" + n);
            long poolId = pool("pool-" + n, tenantId);
            nodes.forEach(node -> TestData.this.fsNode(poolId, node.id(), node.caps(), node.maxSessions()));
            lines.forEach(line -> TestData.this.line(poolId, line.id(), line.gateway(), line.caps(), line.maxConcurrency()));
            long campaignId = campaign(tenantId, poolId, caps, maxConcurrency, ringTimeoutSeconds);
            return new Seeded(tenantId, poolId, campaignId, nodes.stream().map(Node::id).toList(),
                    lines.stream().map(Line::id).toList());
        }
    }
}
