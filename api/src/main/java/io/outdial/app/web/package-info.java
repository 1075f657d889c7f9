/**
 * What every REST controller shares: RFC 9457 problem details for errors (including database
 * constraint violations), the exceptions services throw for 404 and 409, and the strict input
 * alphabets of values that reach ESL commands.
 */
package io.outdial.app.web;
