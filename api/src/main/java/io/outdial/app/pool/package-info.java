/**
 * The pool REST API ({@code /api/v1/pools}): groups of FS nodes and lines, shared by every tenant or
 * dedicated to one.
 */
package io.outdial.app.pool;
