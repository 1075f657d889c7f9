/**
 * The FS node REST API ({@code /api/fs-nodes}): the FreeSWITCH servers of each pool, their event socket
 * address and limits. A change reaches running rounds (they read PostgreSQL each round) and this app
 * node's ESL dialer at once.
 */
package io.outdial.app.fsnode;
