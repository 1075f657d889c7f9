/**
 * The FS node REST API ({@code /api/v1/fs-nodes}): the FreeSWITCH servers of each pool, their event socket
 * address and limits. A change reaches running rounds (they read PostgreSQL each round) and this app
 * node's ESL dialer at once.
 *
 * <p>FS health ({@link io.outdial.app.fsnode.FsHealthScheduler}): this app node probes its ESL link to
 * every FS node and votes; a node most live app nodes cannot reach is evicted (rounds skip it) until
 * most can reach it again. Each node's response shows its health and the votes behind it.
 */
package io.outdial.app.fsnode;
