-- FS node health (issue 4): why health checks evicted or re-admitted a node, and since when.
-- While evicted, fs_nodes.evicted_until (V2) is far in the future, so rounds skip the node.
alter table fs_nodes
    add column health_reason text,
    add column health_since  timestamptz;
